import { appChannels } from './app'
import { settingsChannels } from './settings'
import { vaultChannels } from './vault'
import { accountsChannels } from './accounts'
import { auditChannels } from './audit'
import { backupChannels } from './backup'
import { intakeChannels } from './intake'
import { casesChannels } from './cases'
import { intakeCsvChannels } from './intake-csv'
import { packetsChannels } from './packets'
import { lawyersChannels } from './lawyers'
import { directoryChannels } from './directory'
import { reportsChannels } from './reports'
import { referralsChannels } from './referrals'
import { batchMatchingChannels } from './batch-matching'
import { csvUploadChannels } from './csv-upload'
import { casesFileChannels } from './cases-file'
import { organizationMatchingChannels } from './organization-matching'

/**
 * Every IPC channel the app has. Main's handler table, the preload API and the renderer's
 * `window.api` type are derived from this object; no channel name is written anywhere else.
 */
export const contract = {
  ...appChannels,
  ...settingsChannels,
  ...vaultChannels,
  ...accountsChannels,
  ...auditChannels,
  ...backupChannels,
  ...intakeChannels,
  ...casesChannels,
  ...intakeCsvChannels,
  ...packetsChannels,
  ...lawyersChannels,
  ...directoryChannels,
  ...reportsChannels,
  ...referralsChannels,
  ...batchMatchingChannels,
  ...csvUploadChannels,
  ...casesFileChannels,
  ...organizationMatchingChannels,
} as const

export type TContract = typeof contract
export type TChannelName = keyof TContract & string
export const CHANNEL_NAMES = Object.keys(contract) as TChannelName[]

export * from './channel'
export * from './app'
export * from './settings'
export * from './vault'
export * from './accounts'
export * from './audit'
export * from './backup'
export * from './intake'
export * from './cases'
export * from './intake-csv'
export * from './packets'
export * from './csv'
export * from './lawyers'
export * from './directory'
export * from './reports'
export * from './referrals'
export * from './batch-matching'
export * from './csv-upload'
export * from './cases-file'
export * from './organization-matching'
