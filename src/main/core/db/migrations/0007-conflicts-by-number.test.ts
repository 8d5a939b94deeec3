import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { migrate } from '../migrate'
import { applyVaultPragmas, openEncryptedDatabase } from '../open-database'

describe('migration 7: declared conflicts numbered by SQLite', () => {
  const root = tempFolderPerTest()

  it('6 → 7 keeps every name in its order, numbers them, and leaves their keys to be rebuilt', () => {
    const db = openEncryptedDatabase(join(root(), 'vault.db'), randomBytes(32), { create: true })
    applyVaultPragmas(db)
    expect(migrate(db, 6)).toBe(6)
    db.exec(`
      INSERT INTO lawyers (id, first_name, last_name, search_text, created_at, updated_at)
        VALUES ('l1', 'Ada', 'Synthetic', 'ada synthetic', 'x', 'x'), ('l2', 'Bo', 'Example', 'bo example', 'x', 'x');
      INSERT INTO lawyer_conflicts (id, lawyer_id, kind, name, position, keys_built_at) VALUES
        ('0190a000-0000-7000-8000-000000000002', 'l1', 'unit', 'Second Unit', 1, 'x'),
        ('0190a000-0000-7000-8000-000000000001', 'l1', 'person', 'First Person', 0, 'x'),
        ('0190a000-0000-7000-8000-000000000003', 'l2', 'state', 'Some State', 0, NULL);
      INSERT INTO lawyer_conflict_keys (key, conflict_id) VALUES ('first', '0190a000-0000-7000-8000-000000000001');
    `)
    expect(migrate(db, 7)).toBe(7)

    const rows = db
      .prepare('SELECT id, lawyer_id, kind, name, position, keys_built_at FROM lawyer_conflicts ORDER BY id')
      .all()
    expect(rows).toEqual([
      { id: 1, lawyer_id: 'l1', kind: 'person', name: 'First Person', position: 0, keys_built_at: null },
      { id: 2, lawyer_id: 'l1', kind: 'unit', name: 'Second Unit', position: 1, keys_built_at: null },
      { id: 3, lawyer_id: 'l2', kind: 'state', name: 'Some State', position: 0, keys_built_at: null },
    ])
    expect(db.prepare('SELECT count(*) FROM lawyer_conflict_keys').pluck().get()).toBe(0)
    // Keys point at the numbered rows and go with them; a lawyer's removal still takes their names.
    db.exec("INSERT INTO lawyer_conflict_keys (key, conflict_id) VALUES ('first', 1)")
    expect(() => db.exec("INSERT INTO lawyer_conflict_keys (key, conflict_id) VALUES ('x', 99)")).toThrow(
      /FOREIGN KEY/,
    )
    db.exec("DELETE FROM lawyers WHERE id = 'l1'")
    expect(db.prepare('SELECT count(*) FROM lawyer_conflicts').pluck().get()).toBe(1)
    expect(db.prepare('SELECT count(*) FROM lawyer_conflict_keys').pluck().get()).toBe(0)
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })
})
