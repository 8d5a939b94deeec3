import { migration0001StaffAndAudit } from './0001-staff-and-audit'
import { migration0002RecoveryKeyConfirmation } from './0002-recovery-key-confirmation'
import { migration0003Cases } from './0003-cases'
import { migration0004RosterAndDirectory } from './0004-roster-and-directory'
import type { TMigration } from './migration'

export type { TMigration } from './migration'

/** Every migration, in order. Add new ones at the end, one file each. */
export const MIGRATIONS: readonly TMigration[] = [
  migration0001StaffAndAudit,
  migration0002RecoveryKeyConfirmation,
  migration0003Cases,
  migration0004RosterAndDirectory,
]
