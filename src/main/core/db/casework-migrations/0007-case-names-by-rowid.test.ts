import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { migrate } from '../migrate'
import { applyVaultPragmas, openEncryptedDatabase } from '../open-database'
import { CASEWORK_MIGRATIONS } from '.'

/* Synthetic rows only: the names column is copied as it is, never read here. */

describe('casework migration 7: case_names keyed by the case’s rowid', () => {
  const root = tempFolderPerTest()

  it('keeps every stored row, each under its own case’s rowid, and stays unique per case', () => {
    const db = openEncryptedDatabase(join(root(), 'casework.db'), randomBytes(32), { create: true })
    applyVaultPragmas(db)
    expect(migrate(db, 6, CASEWORK_MIGRATIONS)).toBe(6)
    const count = 40
    db.transaction(() => {
      for (let index = 0; index < count; index++)
        db.prepare(
          `INSERT INTO cases (id, reference, status, display_name, opened_on, created_at, updated_at)
           VALUES (?, ?, 'new', 'x', '2026-01-01', 'x', 't')`,
        ).run(`c${index}`, `CCIJ-2026-${String(index).padStart(5, '0')}`)
      // Stored in another order than the cases (and one case without a row), so no row's own rowid is its case's.
      for (let index = count - 1; index >= 1; index--)
        db.prepare('INSERT INTO case_names (case_id, names) VALUES (?, ?)').run(
          `c${index}`,
          `names of ${index}`,
        )
    })()
    expect(migrate(db, 7, CASEWORK_MIGRATIONS)).toBe(7)
    const rows = db
      .prepare(
        `SELECT n.case_rowid, n.case_id, n.names, c.rowid AS caseRowid
           FROM case_names n LEFT JOIN cases c ON c.id = n.case_id ORDER BY n.case_rowid`,
      )
      .all() as { case_rowid: number; case_id: string; names: string; caseRowid: number }[]
    expect(rows).toHaveLength(count - 1)
    for (const row of rows) {
      expect(row.case_rowid).toBe(row.caseRowid)
      expect(row.names).toBe(`names of ${row.case_id.slice(1)}`)
    }
    expect(() =>
      db.prepare('INSERT INTO case_names (case_rowid, case_id, names) VALUES (999, ?, ?)').run('c1', 'again'),
    ).toThrow(/UNIQUE/)
    db.close()
  })
})
