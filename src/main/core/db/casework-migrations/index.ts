import type { TMigration } from '../migrations/migration'
import { caseworkMigration0001Cases } from './0001-cases'
import { caseworkMigration0002Referrals } from './0002-referrals'
import { caseworkMigration0003IntakeAirport } from './0003-intake-airport'
import { caseworkMigration0004DisplayNames } from './0004-display-names'
import { caseworkMigration0005IntakeImportStaging } from './0005-intake-import-staging'
import { caseworkMigration0006CaseNames } from './0006-case-names'
import { caseworkMigration0007CaseNamesByRowid } from './0007-case-names-by-rowid'

/**
 * casework.db's own migrations, keyed on its own `user_version`: survivor data. Add new ones at the end, one file
 * each; a change to a survivor table goes here, never in vault.db's list.
 */
export const CASEWORK_MIGRATIONS: readonly TMigration[] = [
  caseworkMigration0001Cases,
  caseworkMigration0002Referrals,
  caseworkMigration0003IntakeAirport,
  caseworkMigration0004DisplayNames,
  caseworkMigration0005IntakeImportStaging,
  caseworkMigration0006CaseNames,
  caseworkMigration0007CaseNamesByRowid,
]

/**
 * The survivor tables of casework.db's version 1 (a wave-1 vault's upgrade copies them), in an order that deletes
 * children before parents. Later versions' tables start empty on an upgraded vault.
 */
export const CASEWORK_TABLES = [
  'case_search',
  'case_consents',
  'case_tasks',
  'case_events',
  'case_intakes',
  'case_files',
  'cases',
  'match_keys',
  'intake_drafts',
  'reference_counters',
] as const
