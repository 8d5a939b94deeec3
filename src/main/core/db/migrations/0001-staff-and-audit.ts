import type { TMigration } from './migration'

/** The vault's own bookkeeping: the organization, staff accounts and the hash-chained audit trail. */
export const migration0001StaffAndAudit: TMigration = {
  version: 1,
  name: 'staff-and-audit',
  up(db) {
    db.exec(`
      CREATE TABLE vault_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        organization_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff_accounts (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'caseworker', 'viewer')),
        status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_account_id TEXT,
        actor_username TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_action ON audit_log (action, seq);
      CREATE INDEX audit_log_at ON audit_log (at);
    `)
  },
}
