import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { preparedNamesOf, readCaseNames, type TNamedPerson } from '../../cases/case-names'
import { migrate } from '../migrate'
import { applyVaultPragmas, openEncryptedDatabase } from '../open-database'
import { CASE_NAMES_BATCH } from './0006-case-names'
import { CASEWORK_MIGRATIONS } from '.'

const person = (fields: Partial<TNamedPerson>): TNamedPerson => ({
  givenNames: '',
  familyName: '',
  preferredName: '',
  aliases: [],
  originalScriptName: '',
  ...fields,
})

describe('casework migration 6: every stored case’s names prepared for the search', () => {
  const root = tempFolderPerTest()

  const openAtVersion5 = () => {
    const db = openEncryptedDatabase(join(root(), 'casework.db'), randomBytes(32), { create: true })
    applyVaultPragmas(db)
    expect(migrate(db, 5, CASEWORK_MIGRATIONS)).toBe(5)
    return db
  }

  const insertCase = (db: ReturnType<typeof openAtVersion5>, index: number, profile: string) => {
    const id = `c${index}`
    db.prepare(
      `INSERT INTO cases (id, reference, status, display_name, opened_on, created_at, updated_at)
       VALUES (?, ?, 'new', 'x', '2026-01-01', 'x', 't')`,
    ).run(id, `CCIJ-2026-${String(index).padStart(5, '0')}`)
    db.prepare(`INSERT INTO case_files (case_id, profile, contact, needs) VALUES (?, ?, '{}', '{}')`).run(
      id,
      profile,
    )
  }

  const storedById = (db: ReturnType<typeof openAtVersion5>) =>
    new Map(
      (db.prepare('SELECT case_id, names FROM case_names').all() as { case_id: string; names: string }[]).map(
        (row) => [row.case_id, readCaseNames(row.names)],
      ),
    )

  it('stores each case’s names as the writer would, with their kinds; a profile without a person gets none', () => {
    const db = openAtVersion5()
    const rania = person({
      givenNames: 'Ranya',
      familyName: 'Testmouse',
      aliases: ['Umm Test'],
      originalScriptName: 'رانية',
    })
    insertCase(db, 0, JSON.stringify({ person: rania }))
    insertCase(db, 1, '{}')
    expect(migrate(db, 6, CASEWORK_MIGRATIONS)).toBe(6)
    const stored = storedById(db)
    expect([...stored.keys()]).toEqual(['c0'])
    expect(stored.get('c0')?.names).toEqual(preparedNamesOf(rania).names)
    expect([...(stored.get('c0')?.kinds ?? [])]).toEqual([
      ['Ranya Testmouse', 'name'],
      ['Umm Test', 'alias'],
      ['رانية', 'originalScript'],
    ])
    db.close()
  })

  it('reaches the cases of every batch, the last partial one included', () => {
    const db = openAtVersion5()
    const count = CASE_NAMES_BATCH * 2 + 3
    db.transaction(() => {
      for (let index = 0; index < count; index++) {
        insertCase(
          db,
          index,
          JSON.stringify({ person: person({ givenNames: `Given${index}`, familyName: 'Synthetic' }) }),
        )
      }
    })()
    expect(migrate(db, 6, CASEWORK_MIGRATIONS)).toBe(6)
    const stored = storedById(db)
    expect(stored.size).toBe(count)
    expect(stored.get(`c${count - 1}`)?.names[0]?.written).toBe(`Given${count - 1} Synthetic`)
    db.close()
  })

  it('leaves the vault at version 5 without the table when a profile cannot be read', () => {
    const db = openAtVersion5()
    insertCase(db, 0, JSON.stringify({ person: person({ givenNames: 'Alpha', familyName: 'Sample' }) }))
    insertCase(db, 1, '{"person": not json')
    expect(() => migrate(db, 6, CASEWORK_MIGRATIONS)).toThrow()
    expect(db.pragma('user_version', { simple: true })).toBe(5)
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'case_names'`).pluck().get()).toBe(0)
    db.close()
  })
})
