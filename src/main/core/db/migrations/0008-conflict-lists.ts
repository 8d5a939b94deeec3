import type { TMigration } from './migration'

/**
 * A lawyer's declared conflicts as one JSON list on one row, in the lawyer's order, instead of a row per name with
 * its own blocking keys. Nothing reads one name alone: the form, the export and the conflict check's in-memory index
 * (matching/declared-conflicts.ts) read a lawyer's whole list, and the index builds its own keys, so the keys table
 * had no reader left. A 10,000-lawyer sign-up import wrote 200,000 rows and three indexes (about 1.4 s of its
 * 3.6 s commit); it now writes 10,000 rows. Existing names keep their kind, text and order; lawyers without any get
 * no row.
 */
export const migration0008ConflictLists: TMigration = {
  version: 8,
  name: 'conflict-lists',
  up(db) {
    db.exec(`
      CREATE TABLE lawyer_conflict_lists (
        lawyer_id TEXT PRIMARY KEY REFERENCES lawyers (id) ON DELETE CASCADE,
        -- [{"kind": "person" | "unit" | "organization" | "state", "name": "…"}, …] in the lawyer's order.
        conflicts TEXT NOT NULL CHECK (json_valid(conflicts) AND json_type(conflicts) = 'array')
      ) STRICT;
      INSERT INTO lawyer_conflict_lists (lawyer_id, conflicts)
        SELECT lawyer_id, json_group_array(json_object('kind', kind, 'name', name) ORDER BY position)
        FROM lawyer_conflicts GROUP BY lawyer_id ORDER BY min(id);
      DROP TABLE lawyer_conflict_keys;
      DROP TABLE lawyer_conflicts;
    `)
  },
}
