import type { TMigration } from './migration'

/**
 * Declared conflicts numbered by SQLite's own rowid instead of a 36-character UUID each. The id never leaves
 * vault.db (a conflict hit names the lawyer, not the row), and at 200,000 names an import wrote the UUID three
 * times per name (the row, its primary-key index, the unkeyed index) and once more per blocking key: half the
 * pages and most of the CPU of a 10,000-lawyer import. Existing names keep their order; their blocking keys are
 * dropped and rebuilt by matching as for a fresh import (keys_built_at back to NULL).
 */
export const migration0007ConflictsByNumber: TMigration = {
  version: 7,
  name: 'conflicts-by-number',
  up(db) {
    db.exec(`
      DROP TABLE lawyer_conflict_keys;
      CREATE TABLE lawyer_conflicts_numbered (
        id INTEGER PRIMARY KEY,
        lawyer_id TEXT NOT NULL REFERENCES lawyers (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'unit', 'organization', 'state')),
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        keys_built_at TEXT
      ) STRICT;
      INSERT INTO lawyer_conflicts_numbered (lawyer_id, kind, name, position)
        SELECT lawyer_id, kind, name, position FROM lawyer_conflicts ORDER BY lawyer_id, position;
      DROP TABLE lawyer_conflicts;
      ALTER TABLE lawyer_conflicts_numbered RENAME TO lawyer_conflicts;
      CREATE INDEX lawyer_conflicts_by_lawyer ON lawyer_conflicts (lawyer_id, position);
      CREATE INDEX lawyer_conflicts_unkeyed ON lawyer_conflicts (id) WHERE keys_built_at IS NULL;
      CREATE TABLE lawyer_conflict_keys (
        key TEXT NOT NULL,
        conflict_id INTEGER NOT NULL REFERENCES lawyer_conflicts (id) ON DELETE CASCADE,
        PRIMARY KEY (key, conflict_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX lawyer_conflict_keys_by_conflict ON lawyer_conflict_keys (conflict_id);
    `)
  },
}
