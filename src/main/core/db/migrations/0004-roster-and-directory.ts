import { seedDirectory } from '../../directory/seed/seed-directory'
import { Connection } from '../connection'
import type { TMigration } from './migration'

/**
 * The volunteer lawyer roster and the referral directory. Neither is survivor data: every role reads them. List
 * filters (languages, practice areas, provinces) are space-delimited key columns (' ar fr '), as on the case list,
 * so a filter is a LIKE on one narrow row with no join. The directory is seeded here, so that new vaults and vaults
 * from before this step both start with CCIJ's starter organizations and background resources.
 */
export const migration0004RosterAndDirectory: TMigration = {
  version: 4,
  name: 'roster-and-directory',
  up(db) {
    db.exec(`
      CREATE TABLE lawyers (
        id TEXT PRIMARY KEY,
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        -- Lower-cased, accents folded: name, firm, email and city, for the list's search box.
        search_text TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        firm TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        province TEXT NOT NULL DEFAULT '',
        -- ' refugee_claim civil_claim ', ' ar fr ', ' ON QC ' (law societies), ' YUL YYZ ': filters without joins.
        practice_keys TEXT NOT NULL DEFAULT ' ',
        language_keys TEXT NOT NULL DEFAULT ' ',
        licence_provinces TEXT NOT NULL DEFAULT ' ',
        airport_keys TEXT NOT NULL DEFAULT ' ',
        -- JSON arrays, kept as entered: EXPERIENCES keys, ISO 3166 countries, weekly on-call windows.
        experience_types TEXT NOT NULL DEFAULT '[]',
        experience_countries TEXT NOT NULL DEFAULT '[]',
        on_call_windows TEXT NOT NULL DEFAULT '[]',
        max_active INTEGER NOT NULL DEFAULT 1 CHECK (max_active >= 0),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX lawyers_by_name ON lawyers (last_name, first_name);
      -- Duplicate check of sign-up imports: the same email is the same person, whatever its case.
      CREATE INDEX lawyers_by_email ON lawyers (lower(email)) WHERE email <> '';

      -- Law society memberships. A licence number is unique within its law society.
      CREATE TABLE lawyer_memberships (
        lawyer_id TEXT NOT NULL REFERENCES lawyers (id) ON DELETE CASCADE,
        province TEXT NOT NULL,
        licence_number TEXT NOT NULL,
        -- Upper case without spaces or hyphens: 'lso-12 345' and 'LSO12345' are one licence.
        licence_key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('practising', 'non_practising', 'suspended', 'unverified')),
        verified_on TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL,
        PRIMARY KEY (lawyer_id, province),
        UNIQUE (province, licence_key)
      ) STRICT;

      -- Weekly on-call windows cut into per-day minute ranges, one row per airport: "on call at YUL now" is one
      -- index range (airport, local weekday, local minute), with the weekday and minute computed in YUL's zone.
      CREATE TABLE lawyer_on_call (
        lawyer_id TEXT NOT NULL REFERENCES lawyers (id) ON DELETE CASCADE,
        airport TEXT NOT NULL,
        day TEXT NOT NULL CHECK (day IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
        start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440 AND end_minute > start_minute)
      ) STRICT;
      CREATE INDEX lawyer_on_call_now ON lawyer_on_call (airport, day, start_minute, end_minute, lawyer_id);
      CREATE INDEX lawyer_on_call_by_lawyer ON lawyer_on_call (lawyer_id);

      -- Declared conflicts: parties the lawyer acts or acted for ('kind:name', like intake adverse parties). Each
      -- name has its own id so that a conflict hit can point at it. keys_built_at is NULL until its person-matching
      -- blocking keys are in lawyer_conflict_keys (matching builds them; an import of 200,000 names does not wait).
      CREATE TABLE lawyer_conflicts (
        id TEXT PRIMARY KEY,
        lawyer_id TEXT NOT NULL REFERENCES lawyers (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'unit', 'organization', 'state')),
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        keys_built_at TEXT
      ) STRICT;
      CREATE INDEX lawyer_conflicts_by_lawyer ON lawyer_conflicts (lawyer_id, position);
      CREATE INDEX lawyer_conflicts_unkeyed ON lawyer_conflicts (id) WHERE keys_built_at IS NULL;
      -- core/person-matching buildSearchKeys() keys of each declared conflict name: candidates for a survivor's
      -- adverse parties are the conflicts sharing a key, as the duplicate check does with match_keys.
      CREATE TABLE lawyer_conflict_keys (
        key TEXT NOT NULL,
        conflict_id TEXT NOT NULL REFERENCES lawyer_conflicts (id) ON DELETE CASCADE,
        PRIMARY KEY (key, conflict_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX lawyer_conflict_keys_by_conflict ON lawyer_conflict_keys (conflict_id);

      CREATE TABLE organizations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('human_rights_civil_liberties', 'refugee_immigration_legal',
          'legal_aid_plan', 'survivor_support', 'settlement')),
        national INTEGER NOT NULL DEFAULT 0 CHECK (national IN (0, 1)),
        -- ' BC ON ', ' legal_representation settlement ', ' en fr ': as on the roster.
        province_keys TEXT NOT NULL DEFAULT ' ',
        service_keys TEXT NOT NULL DEFAULT ' ',
        language_keys TEXT NOT NULL DEFAULT ' ',
        services TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        confidence TEXT NOT NULL DEFAULT '' CHECK (confidence IN ('', 'high', 'medium', 'low')),
        -- '' = never verified by CCIJ staff.
        last_verified_on TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        search_text TEXT NOT NULL DEFAULT '',
        retired_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX organizations_by_name ON organizations (name COLLATE NOCASE);

      CREATE TABLE resources (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        link TEXT NOT NULL DEFAULT '',
        jurisdiction TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        last_verified_on TEXT NOT NULL DEFAULT '',
        search_text TEXT NOT NULL DEFAULT '',
        retired_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Column mappings remembered per vault for CSV imports ('lawyers' → [{ header, field }] as JSON).
      CREATE TABLE import_mappings (
        kind TEXT PRIMARY KEY,
        mapping TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `)
    seedDirectory(new Connection(db), new Date())
  },
}
