import type { TServices } from '../core/services'
import { appHandlers } from './handlers/app'
import { settingsHandlers } from './handlers/settings'
import { vaultHandlers } from './handlers/vault'
import { accountsHandlers } from './handlers/accounts'
import { auditHandlers } from './handlers/audit'
import { backupHandlers } from './handlers/backup'
import { intakeHandlers } from './handlers/intake'
import { casesHandlers } from './handlers/cases'
import { intakeCsvHandlers } from './handlers/intake-csv'
import { createProgressTracker } from './handlers/progress'
import { packetsHandlers } from './handlers/packets'
import { lawyersHandlers } from './handlers/lawyers'
import { directoryHandlers } from './handlers/directory'
import { reportsHandlers } from './handlers/reports'
import { referralsHandlers } from './handlers/referrals'
import { batchMatchingHandlers } from './handlers/batch-matching'
import { csvUploadHandlers } from './handlers/csv-upload'
import { casesFileHandlers } from './handlers/cases-file'
import { organizationMatchingHandlers } from './handlers/organization-matching'
import type { THandlerTable } from './types'

/** The one table of handlers, registered by Electron's main process and by the test/browser bridge alike. */
export function createHandlerTable(services: TServices): THandlerTable {
  const progress = createProgressTracker()
  return {
    ...appHandlers(services),
    ...settingsHandlers(services),
    ...vaultHandlers(services, progress),
    ...accountsHandlers(services, progress),
    ...auditHandlers(services),
    ...backupHandlers(services, progress),
    ...intakeHandlers(services),
    ...casesHandlers(services),
    ...intakeCsvHandlers(services),
    ...packetsHandlers(services),
    ...lawyersHandlers(services),
    ...directoryHandlers(services),
    ...reportsHandlers(services),
    ...referralsHandlers(services),
    ...batchMatchingHandlers(services),
    ...csvUploadHandlers(services),
    ...casesFileHandlers(services),
    ...organizationMatchingHandlers(services),
  }
}
