import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { blockingNamesOf } from '../../matching/conflicts'
import { declaredConflictIndex } from '../../matching/declared-conflicts'
import { preparePartyNames } from '../../matching/party-names'
import { LawyerQueries } from '../../roster/lawyer-repository'
import { Connection } from '../connection'
import { migrate } from '../migrate'
import { applyVaultPragmas, openEncryptedDatabase } from '../open-database'

describe('migration 8: declared conflicts as one list per lawyer', () => {
  const root = tempFolderPerTest()

  it('7 → 8 carries every name over with its kind, in each lawyer’s order, and drops the per-name tables', () => {
    const db = openEncryptedDatabase(join(root(), 'vault.db'), randomBytes(32), { create: true })
    applyVaultPragmas(db)
    expect(migrate(db, 7)).toBe(7)
    // Rows numbered out of each lawyer's order, one lawyer without conflicts, and keys that go with their names.
    db.exec(`
      INSERT INTO lawyers (id, first_name, last_name, search_text, created_at, updated_at) VALUES
        ('l1', 'Ada', 'Synthetic', 'ada synthetic', 'x', 'x'),
        ('l2', 'Bo', 'Example', 'bo example', 'x', 'x'),
        ('l3', 'Cy', 'Placeholder', 'cy placeholder', 'x', 'x');
      INSERT INTO lawyer_conflicts (id, lawyer_id, kind, name, position, keys_built_at) VALUES
        (1, 'l2', 'state', 'Testland', 0, NULL),
        (2, 'l1', 'unit', 'Second "Unit"', 1, 'x'),
        (3, 'l1', 'person', 'First Person', 0, 'x'),
        (4, 'l1', 'organization', 'Третья Организация', 2, NULL),
        (5, 'l2', 'person', 'Muhammad Testina', 1, NULL);
      INSERT INTO lawyer_conflict_keys (key, conflict_id) VALUES ('first', 3);
    `)
    expect(migrate(db, 8)).toBe(8)

    const connection = new Connection(db)
    const lawyers = new LawyerQueries(connection)
    expect(lawyers.get('l1')?.conflicts).toEqual([
      { kind: 'person', name: 'First Person' },
      { kind: 'unit', name: 'Second "Unit"' },
      { kind: 'organization', name: 'Третья Организация' },
    ])
    expect(lawyers.get('l2')?.conflicts).toEqual([
      { kind: 'state', name: 'Testland' },
      { kind: 'person', name: 'Muhammad Testina' },
    ])
    expect(lawyers.get('l3')?.conflicts).toEqual([])
    // The conflict check reads the same names (the index is built from the lists): asked about each stored name,
    // it offers every one, with its lawyer and kind.
    const stored = [
      ['person', 'First Person'],
      ['unit', 'Second "Unit"'],
      ['organization', 'Третья Организация'],
      ['state', 'Testland'],
      ['person', 'Muhammad Testina'],
    ] as const
    const asked = stored.flatMap(([kind, name]) =>
      blockingNamesOf(preparePartyNames(kind, [name]), kind === 'person'),
    )
    const candidates = [...declaredConflictIndex(connection).candidatesFor(asked)].map(
      (candidate) => `${candidate.lawyerId} ${candidate.kind} ${candidate.names.join()}`,
    )
    expect([...new Set(candidates)].sort()).toEqual([
      'l1 organization Третья Организация',
      'l1 person First Person',
      'l1 unit Second "Unit"',
      'l2 person Muhammad Testina',
      'l2 state Testland',
    ])
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'lawyer_conflict%'")
      .pluck()
      .all()
    expect(tables).toEqual(['lawyer_conflict_lists'])
    // A lawyer's removal still takes their names; a list must be a JSON array.
    db.exec("DELETE FROM lawyers WHERE id = 'l1'")
    expect(db.prepare('SELECT lawyer_id FROM lawyer_conflict_lists').pluck().all()).toEqual(['l2'])
    expect(() => db.exec('INSERT INTO lawyer_conflict_lists VALUES (\'l3\', \'{"kind": "unit"}\')')).toThrow(
      /CHECK/,
    )
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })
})
