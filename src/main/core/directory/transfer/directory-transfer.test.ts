import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import { createTestVault, signInAsViewer } from '#test-support/vault-fixtures'
import { emptyOrganizationFields } from '../../../../shared/roster/directory-schema'
import { DIRECTORY_CSV_HEADER } from './directory-csv'

/* Invented organizations only; the seed's entries are public directory data. */

const HEADER = DIRECTORY_CSV_HEADER.join(',')
const csvOf = (...rows: string[]): string => `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`
const BLANK_RESOURCE_CELLS = ',,,,,'

/** An organization row in DIRECTORY_CSV_HEADER's order (resource columns left empty). */
const organizationRow = (cells: {
  name: string
  category?: string
  national?: string
  provinces?: string
  languages?: string
  website?: string
  notes?: string
  retired?: string
}): string =>
  [
    'organization',
    cells.name,
    cells.category ?? 'settlement',
    cells.national ?? 'no',
    cells.provinces ?? 'ON',
    '',
    '',
    cells.languages ?? 'en',
    cells.website ?? '',
    '',
    '',
    '',
    cells.notes ?? '',
  ].join(',') +
  BLANK_RESOURCE_CELLS +
  `,,,${cells.retired ?? 'no'}`

describe('directory import and export (CSV and JSON)', () => {
  const root = tempFolderPerTest()

  for (const format of ['csv', 'json'] as const)
    it(`exports the directory as ${format}, imports it into a new vault, and exports the same file again`, async () => {
      const first = await createTestVault(join(root(), 'a'))
      const { directory } = first
      // Cells a spreadsheet or a naive reader would mangle: a formula, a quote, a comma, a line end, a `;` in a list.
      directory.createOrganization({
        ...emptyOrganizationFields(),
        name: '=HYPERLINK("http://example.invalid") Entraide, Test',
        category: 'survivor_support',
        provinces: ['QC', 'NB'],
        serviceKeys: ['counselling'],
        services: 'Écoute; accompagnement\n"premier" rendez-vous',
        languages: ['fr', 'ar', 'ti'],
        website: 'https://example.org/entraide?a=1;b=2',
        phone: '+1 514 555 0100',
        email: 'info@example.org',
        source: 'Invented for a test',
        confidence: 'medium',
        lastVerifiedOn: '2026-01-15',
        notes: '-starts like a formula',
      })
      const seeded = directory.organizations({})[3]
      if (seeded === undefined) throw new Error('the seed is missing')
      directory.setOrganizationRetired(seeded.id, true)
      const resource = directory.resources({})[0]
      if (resource === undefined) throw new Error('the seed is missing')
      const {
        id: _id,
        retiredAt: _r,
        isStale: _s,
        createdAt: _c,
        updatedAt: _u,
        ...resourceFields
      } = resource
      directory.updateResource(resource.id, { ...resourceFields, summary: 'Reworded by CCIJ staff' })

      const exported = join(root(), `a.${format}`)
      expect(first.directoryTransfer.exportTo(exported, format)).toEqual({
        // The seed's 52 organizations and 16 resources (15 from the data, and the MP finder), and the new one.
        count: 52 + 16 + 1,
        fileName: `a.${format}`,
      })
      expect(statSync(exported).mode & 0o777).toBe(0o600)
      expect(readdirSync(root()).filter((name) => name.endsWith('.tmp'))).toEqual([])
      const text = readFileSync(exported, 'utf8')
      // A spreadsheet opening the CSV sees text, not a formula; the import takes the guard off again.
      if (format === 'csv') expect(text).toContain('"\'=HYPERLINK(""http')

      const second = await createTestVault(join(root(), 'b'))
      const check = second.directoryTransfer.check(text, format)
      expect(check).toMatchObject({ accepted: true, entries: 69, duplicates: 68, problemCount: 0 })
      expect(second.directoryTransfer.commit(text, format, 'update')).toEqual({
        imported: true,
        result: { added: 1, updated: 68, skipped: 0 },
      })
      const again = join(root(), `b.${format}`)
      second.directoryTransfer.exportTo(again, format)
      expect(readFileSync(again, 'utf8')).toBe(text)
      expect(second.directory.organizations({ includeRetired: true }).length).toBe(53)
      expect(second.directory.organizations({}).length).toBe(52)
      const imports = second.audit.list({}).entries.filter((entry) => entry.action === 'import')
      expect(imports.map((entry) => entry.details)).toEqual([
        { kind: 'directory', added: 1, updated: 68, skipped: 0 },
      ])
    })

  it('refuses a file with bad rows whole, naming each row and column, and writes nothing', async () => {
    const services = await createTestVault(root())
    const csv = csvOf(
      organizationRow({ name: 'Invented Aid One' }),
      organizationRow({ name: 'Invented Aid Two', provinces: 'Atlantis' }),
      organizationRow({ name: 'Invented Aid Three', category: 'astronauts' }),
      organizationRow({ name: 'Invented Aid Four', website: 'not a link', retired: 'maybe' }),
      organizationRow({ name: '' }),
      organizationRow({ name: 'invented aid one' }),
      `person,Someone${',,,,,,,,,,,'}${BLANK_RESOURCE_CELLS},,,no`,
      `resource${',,,,,,,,,,,,,'}Invented guide,cookbook,https://example.org,CA,,,,no`,
    )
    const before = services.audit.list({}).entries.length
    const check = services.directoryTransfer.check(csv, 'csv')
    expect(check.accepted).toBe(false)
    expect(check.problems.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 3, column: 'provinces', code: 'choice' },
      { row: 4, column: 'category', code: 'choice' },
      { row: 5, column: 'retired', code: 'yesNo' },
      { row: 5, column: 'website', code: 'link' },
      { row: 6, column: 'name', code: 'blank' },
      { row: 8, column: 'entry', code: 'entryKind' },
      { row: 9, column: 'kind', code: 'choice' },
      { row: 7, column: 'name', code: 'duplicateEntry' },
    ])
    expect(services.directoryTransfer.commit(csv, 'csv', 'update')).toMatchObject({ imported: false })
    expect(services.directory.organizations({ includeRetired: true }).length).toBe(52)
    expect(services.audit.list({}).entries.length).toBe(before)
  })

  it('names the list, entry and field of a bad JSON entry', async () => {
    const services = await createTestVault(root())
    const json = JSON.stringify({
      format: 'ccij-directory',
      version: 1,
      organizations: [{ ...emptyOrganizationFields(), name: 'Invented Aid', national: true, email: 'nope' }],
      resources: [
        {
          title: 'Invented guide',
          kind: 'guide',
          link: '',
          jurisdiction: 'Mars',
          summary: '',
          source: '',
          lastVerifiedOn: '',
        },
      ],
    })
    const check = services.directoryTransfer.check(json, 'json')
    expect(check.problems.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 1, column: 'organizations.email', code: 'email' },
      { row: 1, column: 'resources.jurisdiction', code: 'choice' },
    ])
    expect(services.directoryTransfer.check('{"organizations": []}', 'json').problems).toEqual([
      { row: 0, column: '', code: 'directoryFormat' },
    ])
    expect(services.directoryTransfer.check('{', 'json').problems).toEqual([
      { row: 0, column: '', code: 'json' },
    ])
  })

  it('reads a hand-written CSV: BOM, CRLF, quoted cells, keys in any case, French yes/no; skips what is there', async () => {
    const services = await createTestVault(root())
    const csv = csvOf(
      organizationRow({
        name: '"Invented Aid, Montréal"',
        category: 'Survivor Support',
        national: 'oui',
        provinces: '',
        languages: 'FR; en',
        notes: '"two\nlines"',
      }),
    )
    expect(services.directoryTransfer.commit(csv, 'csv', 'skip')).toEqual({
      imported: true,
      result: { added: 1, updated: 0, skipped: 0 },
    })
    const added = services.directory.organizations({ search: 'invented aid' })[0]
    expect(added).toMatchObject({
      name: 'Invented Aid, Montréal',
      category: 'survivor_support',
      national: true,
      languages: ['fr', 'en'],
      notes: 'two\nlines',
    })
    expect(services.directoryTransfer.commit(csv, 'csv', 'skip')).toEqual({
      imported: true,
      result: { added: 0, updated: 0, skipped: 1 },
    })
  })

  it('lets a viewer export nothing and import nothing, in core itself', async () => {
    const services = await createTestVault(root())
    await signInAsViewer(services)
    const file = join(root(), 'out.csv')
    writeFileSync(join(root(), 'in.csv'), csvOf(organizationRow({ name: 'Invented Aid' })))
    expect(codeOf(() => services.directoryTransfer.exportTo(file, 'csv'))).toBe('FORBIDDEN')
    expect(
      codeOf(() => services.directoryTransfer.check(readFileSync(join(root(), 'in.csv'), 'utf8'), 'csv')),
    ).toBe('FORBIDDEN')
    expect(readdirSync(root())).not.toContain('out.csv')
  })
})
