import type { TMigration } from '../migrations/migration'

/**
 * casework.db, version 5: where an intakes CSV's checked rows wait while the file streams in (issue 9, finding 8),
 * so the import's memory does not grow with the file. Survivor data, so it lives here, under the survivor key,
 * never in a temp file. Rows of one upload share `batch`; `staged_at` (ms) lets a later import clear rows a crash
 * or a closed window left behind. Nothing reads this table but the import: an unfinished batch is never a case.
 */
export const caseworkMigration0005IntakeImportStaging: TMigration = {
  version: 5,
  name: 'intake import staging',
  up(db) {
    db.exec(`
      CREATE TABLE intake_import_staging (
        seq INTEGER PRIMARY KEY,
        batch TEXT NOT NULL,
        line INTEGER NOT NULL,
        reference TEXT NOT NULL,
        intake TEXT NOT NULL,
        staged_at INTEGER NOT NULL
      );
      CREATE INDEX intake_import_staging_batch ON intake_import_staging (batch, seq);
    `)
  },
}
