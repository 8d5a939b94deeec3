import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { migrate } from '../migrate'
import { applyVaultPragmas, openEncryptedDatabase } from '../open-database'
import { DISPLAY_NAME_BATCH } from './0004-display-names'
import { CASEWORK_MIGRATIONS } from '.'

type TStoredPerson = {
  givenNames: string
  familyName: string
  preferredName: string
  aliases: string[]
  originalScriptName: string
}

const person = (fields: Partial<TStoredPerson>): TStoredPerson => ({
  givenNames: '',
  familyName: '',
  preferredName: '',
  aliases: [],
  originalScriptName: '',
  ...fields,
})

describe('casework migration 4: display names recomputed from the profile', () => {
  const root = tempFolderPerTest()

  const openAtVersion3 = () => {
    const db = openEncryptedDatabase(join(root(), 'casework.db'), randomBytes(32), { create: true })
    applyVaultPragmas(db)
    expect(migrate(db, 3, CASEWORK_MIGRATIONS)).toBe(3)
    return db
  }

  const insertCase = (
    db: ReturnType<typeof openAtVersion3>,
    index: number,
    stored: string,
    profile: string,
    updatedAt = 'x',
  ) => {
    const id = `c${index}`
    db.prepare(
      `INSERT INTO cases (id, reference, status, display_name, opened_on, created_at, updated_at)
       VALUES (?, ?, 'new', ?, '2026-01-01', 'x', ?)`,
    ).run(id, `CCIJ-2026-${String(index).padStart(5, '0')}`, stored, updatedAt)
    db.prepare(`INSERT INTO case_files (case_id, profile, contact, needs) VALUES (?, ?, '{}', '{}')`).run(
      id,
      profile,
    )
  }

  const namesById = (db: ReturnType<typeof openAtVersion3>) =>
    Object.fromEntries(
      (db.prepare('SELECT id, display_name FROM cases').all() as { id: string; display_name: string }[]).map(
        (row) => [row.id, row.display_name],
      ),
    )

  it('gives every case the name displayNameOf makes, and touches nothing else', () => {
    const db = openAtVersion3()
    const profiles: [string, TStoredPerson | null][] = [
      ['Ranya', person({ givenNames: 'Ranya', familyName: 'Testmouse', preferredName: 'Rainy' })],
      ['Koji', person({ givenNames: 'Koji', familyName: 'Placeholder', preferredName: 'koji' })],
      ['', person({ preferredName: 'Sample', aliases: ['Sample Alias'] })],
      ['old', person({ originalScriptName: 'رانية تجريبية' })],
      ['kept as is', null],
    ]
    profiles.forEach(([stored, profile], index) =>
      insertCase(
        db,
        index,
        stored,
        profile === null ? '{}' : JSON.stringify({ person: profile }),
        `t${index}`,
      ),
    )
    expect(migrate(db, 4, CASEWORK_MIGRATIONS)).toBe(4)
    expect(namesById(db)).toEqual({
      c0: 'Ranya Testmouse (Rainy)',
      c1: 'Koji Placeholder',
      c2: 'Sample',
      c3: 'رانية تجريبية',
      c4: 'kept as is',
    })
    // An upgrade is not an edit: the list's "most recently updated" order stays as it was.
    const updated = db.prepare('SELECT updated_at FROM cases ORDER BY rowid').pluck().all()
    expect(updated).toEqual(['t0', 't1', 't2', 't3', 't4'])
    db.close()
  })

  it('reaches the cases of every batch, the last partial one included', () => {
    const db = openAtVersion3()
    const count = DISPLAY_NAME_BATCH * 2 + 3
    const insert = db.transaction(() => {
      for (let index = 0; index < count; index++) {
        const profile = person({
          givenNames: `Given${index}`,
          familyName: 'Synthetic',
          preferredName: 'Pref',
        })
        insertCase(db, index, 'stale', JSON.stringify({ person: profile }))
      }
    })
    insert()
    expect(migrate(db, 4, CASEWORK_MIGRATIONS)).toBe(4)
    const stale = db.prepare(`SELECT count(*) FROM cases WHERE display_name = 'stale'`).pluck().get()
    expect(stale).toBe(0)
    expect(namesById(db)[`c${count - 1}`]).toBe(`Given${count - 1} Synthetic (Pref)`)
    db.close()
  })

  it('leaves every name as it was when a profile cannot be read (one transaction with the version)', () => {
    const db = openAtVersion3()
    insertCase(
      db,
      0,
      'first',
      JSON.stringify({ person: person({ givenNames: 'Alpha', familyName: 'Sample' }) }),
    )
    insertCase(db, 1, 'second', '{"person": not json')
    expect(() => migrate(db, 4, CASEWORK_MIGRATIONS)).toThrow()
    expect(namesById(db)).toEqual({ c0: 'first', c1: 'second' })
    expect(db.pragma('user_version', { simple: true })).toBe(3)
    db.close()
  })
})
