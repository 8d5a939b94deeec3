import { migration0001StaffAndAudit } from './0001-staff-and-audit'
import { migration0002RecoveryKeyConfirmation } from './0002-recovery-key-confirmation'
import { migration0003Cases } from './0003-cases'
import { migration0004RosterAndDirectory } from './0004-roster-and-directory'
import { migration0005SurvivorDataMoved } from './0005-survivor-data-moved'
import { migration0006MpLetterTemplates } from './0006-mp-letter-templates'
import { migration0007ConflictsByNumber } from './0007-conflicts-by-number'
import { migration0008ConflictLists } from './0008-conflict-lists'
import type { TMigration } from './migration'

export type { TMigration } from './migration'

/** vault.db's migrations, in order. Add new ones at the end, one file each (survivor tables: casework-migrations). */
export const MIGRATIONS: readonly TMigration[] = [
  migration0001StaffAndAudit,
  migration0002RecoveryKeyConfirmation,
  migration0003Cases,
  migration0004RosterAndDirectory,
  migration0005SurvivorDataMoved,
  migration0006MpLetterTemplates,
  migration0007ConflictsByNumber,
  migration0008ConflictLists,
]

/** The last vault.db version that still holds survivor data: a wave-1 vault is brought here, then split. */
export const LAST_VERSION_WITH_SURVIVOR_DATA = 4
