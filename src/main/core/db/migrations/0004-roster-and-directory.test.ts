import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { ZOrganizationFieldsSchema, ZResourceFieldsSchema } from '../../../../shared/roster/directory-schema'
import { Connection } from '../connection'
import { migrate } from '../migrate'
import { applyVaultPragmas, openEncryptedDatabase } from '../open-database'
import { OrganizationQueries } from '../../directory/organization-repository'
import { ResourceQueries } from '../../directory/resource-repository'
import { seedOrganizations, seedResources } from '../../directory/seed/seed-directory'

describe('migration 4: the roster and the directory', () => {
  const root = tempFolderPerTest()

  it('3 → 4 over a wave-1 vault keeps its cases and seeds 52 organizations and the resources', () => {
    const db = openEncryptedDatabase(join(root(), 'vault.db'), randomBytes(32), { create: true })
    applyVaultPragmas(db)
    expect(migrate(db, 3)).toBe(3)
    db.prepare("INSERT INTO vault_meta VALUES (1, 'Test Office (synthetic)', 'x', NULL)").run()
    db.prepare(
      `INSERT INTO cases (id, reference, status, display_name, opened_on, created_at, updated_at)
       VALUES ('c1', 'CCIJ-2026-0001', 'new', 'Synthetic Person', '2026-01-01', 'x', 'x')`,
    ).run()
    expect(migrate(db, 4)).toBe(4)
    expect(db.prepare('SELECT reference FROM cases').pluck().all()).toEqual(['CCIJ-2026-0001'])

    const connection = new Connection(db)
    const organizations = new OrganizationQueries(connection)
    expect(organizations.count()).toBe(52)
    const everyone = { words: [], includeRetired: false }
    // National organizations appear in every province's list; BC's own are added to them.
    const national = organizations.list(everyone).filter((row) => row.national === 1)
    expect(national).toHaveLength(8)
    const inBc = organizations.list({ ...everyone, province: 'BC' })
    expect(inBc).toHaveLength(8 + 8)
    const inNu = organizations.list({ ...everyone, province: 'NU' }).map((row) => row.name)
    expect(inNu).toContain('Carrefour Nunavut')
    expect(inNu).toContain('Canadian Council for Refugees (CCR)')
    // Settlement agencies get their own category; every entry starts unverified.
    expect(organizations.list({ ...everyone, category: 'settlement' }).length).toBeGreaterThanOrEqual(8)
    expect(organizations.list({ ...everyone, staleBefore: '2000-01-01' })).toHaveLength(52)
    expect(organizations.list({ ...everyone, language: 'fr' }).length).toBe(16)
    expect(organizations.list({ ...everyone, words: ['montreal'] }).length).toBeGreaterThan(0)

    const resources = new ResourceQueries(connection).list(everyone)
    const titles = resources.map((row) => row.title)
    // The 15 of resources.json and the House of Commons' MP finder, which the seed page points to (issue 10 §4).
    expect(titles).toHaveLength(16)
    expect(titles.some((title) => title.startsWith('1951 Convention'))).toBe(true)
    expect(titles.some((title) => title.startsWith('Immigration and Refugee Protection Act'))).toBe(true)
    expect(titles.some((title) => title.startsWith('Find your Member of Parliament'))).toBe(true)
    db.close()
  })

  it('the seed is valid under the same schemas staff edit entries with', () => {
    for (const organization of seedOrganizations())
      expect(
        ZOrganizationFieldsSchema.safeParse(organization).error?.issues,
        organization.name,
      ).toBeUndefined()
    for (const resource of seedResources())
      expect(ZResourceFieldsSchema.safeParse(resource).error?.issues, resource.title).toBeUndefined()
  })

  it('refuses rows the roster does not allow: a licence number twice in one law society, a bad status', () => {
    const db = openEncryptedDatabase(join(root(), 'vault.db'), randomBytes(32), { create: true })
    applyVaultPragmas(db)
    migrate(db, 4)
    const lawyer = db.prepare(
      "INSERT INTO lawyers (id, last_name, status, created_at, updated_at) VALUES (?, 'Example', ?, 'x', 'x')",
    )
    lawyer.run('l1', 'active')
    lawyer.run('l2', 'paused')
    expect(() => lawyer.run('l3', 'retired')).toThrow(/CHECK/)
    const membership = db.prepare(
      "INSERT INTO lawyer_memberships VALUES (?, 'ON', 'LSO 1', 'LSO1', 'practising', '', 0)",
    )
    membership.run('l1')
    expect(() => membership.run('l2')).toThrow(/UNIQUE/)
    db.close()
  })
})
