import type { TMigration } from '../migrations/migration'

/**
 * casework.db, version 1: every survivor record, under the case key that only caseworker and admin slots are granted.
 * The same tables vault.db held up to its version 4 (migration 0003), so an upgraded vault copies them row for row,
 * with two differences: no foreign key to staff_accounts (it lives in vault.db), and FTS5's secure-delete on.
 */
export const caseworkMigration0001Cases: TMigration = {
  version: 1,
  name: 'cases',
  up(db) {
    db.exec(`
      -- The last number handed out per year: CCIJ-<year>-<number>.
      CREATE TABLE reference_counters (
        year INTEGER PRIMARY KEY,
        last_number INTEGER NOT NULL CHECK (last_number >= 0)
      ) STRICT;

      -- The case as the list sees it: narrow rows, so that scanning and sorting 100,000 of them stays cheap.
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL
          CHECK (status IN ('new', 'screening', 'awaiting_match', 'referred', 'active', 'closed')),
        status_reason TEXT NOT NULL DEFAULT '',
        -- A staff account in vault.db: SQLite has no foreign keys across databases, so case-writer checks it.
        assigned_account_id TEXT,
        display_name TEXT NOT NULL,
        city TEXT NOT NULL DEFAULT '',
        province TEXT NOT NULL DEFAULT '',
        preferred_language TEXT NOT NULL DEFAULT '',
        -- ' ar ti ' and ' refugee_claim detention_review ': every language and need, space-delimited, so filters
        -- run inside the list index without joins.
        language_keys TEXT NOT NULL DEFAULT ' ',
        need_keys TEXT NOT NULL DEFAULT ' ',
        detained INTEGER NOT NULL DEFAULT 0 CHECK (detained IN (0, 1)),
        at_airport INTEGER NOT NULL DEFAULT 0 CHECK (at_airport IN (0, 1)),
        -- 1 when open and detained or at an airport now: always at the top of the list.
        urgent_flag INTEGER NOT NULL DEFAULT 0 CHECK (urgent_flag IN (0, 1)),
        removal_date TEXT,
        hearing_date TEXT,
        opened_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- The list: most recently updated first, with every filter column in the index, so a page (or a count) walks
      -- the index alone and reads no table row.
      CREATE INDEX cases_list ON cases (updated_at DESC, status, urgent_flag, removal_date, province,
        assigned_account_id, language_keys, need_keys);
      -- Counting the list (its scroll height) without the wide language and need keys: a third of the pages to walk.
      CREATE INDEX cases_count ON cases (province, status, assigned_account_id, urgent_flag, removal_date);
      CREATE INDEX cases_count_by_status ON cases (status, assigned_account_id, urgent_flag, removal_date);
      CREATE INDEX cases_count_by_assignee ON cases (assigned_account_id, status, urgent_flag, removal_date);
      -- The few cases that may be urgent (detained, at an airport, or with a removal date), with the same columns.
      CREATE INDEX cases_attention ON cases (urgent_flag, removal_date, status, province, assigned_account_id,
        language_keys, need_keys, updated_at) WHERE urgent_flag = 1 OR removal_date IS NOT NULL;

      -- The rest of the case file, JSON: person, languages and location (the summary); contact and safety
      -- (sensitive: revealed on demand, audited); needs and urgency as of the latest intake.
      CREATE TABLE case_files (
        case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        profile TEXT NOT NULL,
        contact TEXT NOT NULL,
        needs TEXT NOT NULL
      ) STRICT;

      -- Every intake as it was submitted (full JSON), so nothing said in an interview is ever overwritten.
      CREATE TABLE case_intakes (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        intake_date TEXT NOT NULL,
        method TEXT NOT NULL DEFAULT '',
        staff_account_id TEXT,
        data TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_intakes_by_case ON case_intakes (case_id, intake_date);

      -- The timeline: notes, calls and meetings written by staff; status, assignment, consent, task and intake
      -- entries written by the app (details JSON holds keys and ids, never free text).
      CREATE TABLE case_events (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        details TEXT NOT NULL DEFAULT '{}',
        author_account_id TEXT,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_events_by_case ON case_events (case_id, occurred_at DESC);

      CREATE TABLE case_tasks (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        due_on TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('manual', 'hearing', 'removal')),
        done_at TEXT,
        done_by TEXT,
        created_by TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_tasks_by_case ON case_tasks (case_id, due_on);
      CREATE INDEX case_tasks_open ON case_tasks (due_on) WHERE done_at IS NULL;

      -- Consent is never overwritten: each grant, renewal or withdrawal is a new row; the latest per purpose counts.
      CREATE TABLE case_consents (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        purpose TEXT NOT NULL,
        granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
        method TEXT NOT NULL DEFAULT '',
        given_on TEXT NOT NULL DEFAULT '',
        expires_on TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        recorded_by TEXT,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_consents_by_case ON case_consents (case_id, purpose, recorded_at);

      -- Blocking keys of person matching (normalized tokens, phonetic codes, skeletons, phones, emails): a stored
      -- person becomes a duplicate candidate when it shares a key with a new intake. Owner types other than 'case'
      -- (adverse parties, lawyers) come with the conflict checks.
      CREATE TABLE match_keys (
        key TEXT NOT NULL,
        owner_type TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        PRIMARY KEY (key, owner_type, owner_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX match_keys_by_owner ON match_keys (owner_type, owner_id);

      -- Unfinished intakes, private to the staff member who started them.
      CREATE TABLE intake_drafts (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        step TEXT NOT NULL,
        display_name TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX intake_drafts_by_account ON intake_drafts (account_id, updated_at DESC);

      -- The search box: names as written (any script), the same names in Latin letters, phonetic and skeleton keys,
      -- the reference, and narrative and notes. Contentless (the text lives in the tables above); rowid = cases.rowid.
      CREATE VIRTUAL TABLE case_search USING fts5 (
        reference, names, latin, keys, notes,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      -- Ranking: a hit in the reference counts most, then names as written, their Latin forms, sound-alike keys, notes.
      INSERT INTO case_search (case_search, rank) VALUES ('rank', 'bm25(10.0, 6.0, 4.0, 2.0, 1.0)');
      -- A deleted or edited case's words leave the index itself, not only its visible rows.
      INSERT INTO case_search (case_search, rank) VALUES ('secure-delete', 1);
    `)
  },
}
