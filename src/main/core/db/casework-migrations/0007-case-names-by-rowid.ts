import type { TMigration } from '../migrations/migration'

/**
 * casework.db, version 7: `case_names` keyed by the case's rowid (`case_rowid`, the rowid `case_search` uses too),
 * the case id kept unique beside it. The search's similar-name pass reads the stored names of 150 candidates it
 * knows by rowid: keyed by case id, each cost a read of the case's row for its id, then of case_names' id index,
 * then of the row (at 100,000 cases, pages mostly not in the cache: about 5 ms of CPU for 150 candidates, 2.7 of it
 * the case rows). Now one read per candidate when no filter applies. The rows are copied as they are, in one
 * statement inside migrate's transaction (a case without a row keeps none).
 */
export const caseworkMigration0007CaseNamesByRowid: TMigration = {
  version: 7,
  name: 'case names keyed by case rowid',
  up(db) {
    db.exec(`
      CREATE TABLE case_names_by_rowid (
        case_rowid INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL UNIQUE REFERENCES cases (id) ON DELETE CASCADE,
        names TEXT NOT NULL
      ) STRICT;
      INSERT INTO case_names_by_rowid (case_rowid, case_id, names)
        SELECT c.rowid, n.case_id, n.names FROM case_names n JOIN cases c ON c.id = n.case_id ORDER BY c.rowid;
      DROP TABLE case_names;
      ALTER TABLE case_names_by_rowid RENAME TO case_names;
    `)
  },
}
