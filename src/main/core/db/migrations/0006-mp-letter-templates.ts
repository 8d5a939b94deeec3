import type { TMigration } from './migration'

/**
 * The letter to a Member of Parliament as admins edit it, per language. Every saved version is kept (never
 * updated in place), so a packet's record names the version it printed and a reprint uses that same text.
 * Version 1 is the letter the app ships with and is not stored.
 */
export const migration0006MpLetterTemplates: TMigration = {
  version: 6,
  name: 'mp-letter-templates',
  up(db) {
    db.exec(`
      CREATE TABLE mp_letter_templates (
        language TEXT NOT NULL CHECK (language IN ('en', 'fr')),
        version INTEGER NOT NULL CHECK (version >= 2),
        body TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        PRIMARY KEY (language, version)
      ) STRICT;
    `)
  },
}
