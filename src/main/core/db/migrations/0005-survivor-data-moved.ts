import type { TMigration } from './migration'

/**
 * Survivor data leaves vault.db: it now lives in casework.db under a key only caseworkers and admins are granted
 * (see vault/legacy-upgrade.ts, which copies it there first, and the casework migrations). vault.db keeps what every
 * role may read: staff, vault meta, audit trail, settings, roster and directory. The upgrade VACUUMs afterwards so
 * the freed pages are gone from the file, not only zeroed (secure_delete).
 */
export const migration0005SurvivorDataMoved: TMigration = {
  version: 5,
  name: 'survivor-data-moved',
  up(db) {
    db.exec(`
      DROP TABLE IF EXISTS case_search;
      DROP TABLE IF EXISTS case_consents;
      DROP TABLE IF EXISTS case_tasks;
      DROP TABLE IF EXISTS case_events;
      DROP TABLE IF EXISTS case_intakes;
      DROP TABLE IF EXISTS case_files;
      DROP TABLE IF EXISTS cases;
      DROP TABLE IF EXISTS match_keys;
      DROP TABLE IF EXISTS intake_drafts;
      DROP TABLE IF EXISTS reference_counters;
    `)
  },
}
