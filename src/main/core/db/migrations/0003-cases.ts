import type { TMigration } from './migration'

/**
 * Survivors' cases: the case file (survivor profile, status, assignment, urgency), its intakes, timeline, tasks and
 * consent history; drafts of unfinished intakes; blocking keys for the duplicate check; and the full-text index
 * behind the case list's search box. Everything here is survivor data and stays inside the encrypted database.
 */
export const migration0003Cases: TMigration = {
  version: 3,
  name: 'cases',
  up(db) {
    db.exec(`
      -- The last number handed out per year: CCIJ-<year>-<number>.
      CREATE TABLE reference_counters (
        year INTEGER PRIMARY KEY,
        last_number INTEGER NOT NULL CHECK (last_number >= 0)
      ) STRICT;

      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL
          CHECK (status IN ('new', 'screening', 'awaiting_match', 'referred', 'active', 'closed')),
        status_reason TEXT NOT NULL DEFAULT '',
        assigned_account_id TEXT REFERENCES staff_accounts (id),
        display_name TEXT NOT NULL,
        -- JSON: person, languages, location (the summary everyone with the case open sees).
        profile TEXT NOT NULL,
        -- JSON: contact and safety (sensitive: revealed on demand, audited).
        contact TEXT NOT NULL,
        -- JSON: needs and urgency, as of the latest intake.
        needs TEXT NOT NULL,
        -- Columns the list filters and sorts on, kept in step with the JSON above.
        province TEXT NOT NULL DEFAULT '',
        preferred_language TEXT NOT NULL DEFAULT '',
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
      -- Default order (not urgent part): most recently updated first; covers the list's filters so deep pages skip
      -- rows without reading them.
      CREATE INDEX cases_by_update ON cases
        (updated_at DESC, status, urgent_flag, removal_date, province, preferred_language, assigned_account_id);
      CREATE INDEX cases_urgent ON cases (urgent_flag) WHERE urgent_flag = 1;
      CREATE INDEX cases_removal ON cases (removal_date) WHERE removal_date IS NOT NULL;
      CREATE INDEX cases_status ON cases (status, updated_at DESC);
      CREATE INDEX cases_province ON cases (province, updated_at DESC);
      CREATE INDEX cases_assignee ON cases (assigned_account_id, updated_at DESC);
      CREATE INDEX cases_language ON cases (preferred_language, updated_at DESC);

      CREATE TABLE case_needs (
        need TEXT NOT NULL,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        PRIMARY KEY (need, case_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_needs_by_case ON case_needs (case_id);

      -- Preferred and other languages, for the language filter.
      CREATE TABLE case_languages (
        language TEXT NOT NULL,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        PRIMARY KEY (language, case_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_languages_by_case ON case_languages (case_id);

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
    `)
  },
}
