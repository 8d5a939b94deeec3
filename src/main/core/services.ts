import { join } from 'node:path'
import type { TPageSize } from '../../shared/packets/vocabulary'
import { AccountService } from './accounts/account-service'
import type { TStaffIdentity } from './accounts/staff-identity'
import { AuditTrailService } from './audit/audit-trail-service'
import { CaseFileService } from './cases/case-file-service'
import { CaseListService } from './cases/case-list-service'
import { CaseTransferService } from './cases/case-transfer-service'
import { IntakeService } from './cases/intake-service'
import { MatchingService } from './matching/matching-service'
import { BatchMatchingService } from './matching/batch-service'
import { OrganizationMatchingService } from './matching/organization-matching-service'
import { vaultPacketDirectory } from './packets/packet-directory'
import { LetterTemplateService } from './packets/letter-template-service'
import { PacketService } from './packets/packet-service'
import { ReferralService } from './referrals/referral-service'
import { vaultCaseReferrals, vaultReferralLookup } from './referrals/packet-referral'
import { DirectoryService } from './directory/directory-service'
import { DirectoryTransferService } from './directory/transfer/directory-transfer-service'
import { CaseloadReportService } from './reports/caseload-report-service'
import { LawyerImportService } from './roster/lawyer-import-service'
import { RosterService } from './roster/roster-service'
import { DeviceSettingsStore } from './settings/device-settings'
import { IdleLockSetting } from './settings/idle-lock-setting'
import { BackupService } from './vault/backup-service'
import { RecoveryKeyService } from './vault/recovery-key-service'
import { VaultService, type TVaultServiceOptions } from './vault/vault-service'
import { CsvUploads } from './csv/csv-uploads'

/** What only the host (Electron, or the browser bridge) can do. */
export type TDesktopPort = {
  /** Ask the person whether to open an https link in their browser; open it if they agree. */
  openExternalAfterConfirm(url: string): Promise<boolean>
  /** Ask where to save a vault backup (native save dialog); null when the person cancels. */
  chooseBackupDestination?(): Promise<string | null>
  /** Ask which vault backup to restore (native open dialog); null when the person cancels. */
  chooseBackupSource?(): Promise<string | null>
  /** Ask where to save an intakes CSV export (native save dialog); null when the person cancels. */
  chooseExportDestination?(): Promise<string | null>
  /** Ask where to save a ccij-cases-v1 export (native save dialog); null when the person cancels. */
  chooseCasesFileDestination?(): Promise<string | null>
  /** Ask where to save a blank CSV template the app made, offering `suggestedName`; null when the person cancels. */
  chooseTemplateDestination?(suggestedName: string): Promise<string | null>
  /** A packet's HTML as PDF bytes: Electron's printToPDF in an offscreen window, or system Chromium. */
  printPacketToPdf?(html: string, pageSize: TPageSize): Promise<Buffer>
  /** Ask where to save a packet PDF (native save dialog); null when the person cancels. */
  choosePacketDestination?(suggestedName: string): Promise<string | null>
  /** Send a packet to a printer through the OS print dialog; false when the person cancels. */
  printPacket?(html: string, pageSize: TPageSize): Promise<boolean>
}

/**
 * One service per job, all over one vault. A service takes `vault.sessions` (and, when it changes key slots,
 * `vault.keySlots`); a new feature adds its service here and to the handler table.
 */
export type TVaultServices = {
  /** The vault's lifecycle: status, create, unlock (passphrase or recovery key), lock. */
  vault: VaultService
  /** Staff accounts and passphrases. */
  accounts: AccountService
  /** Replacing and confirming the recovery key. */
  recovery: RecoveryKeyService
  /** Backups and restoring one. */
  backup: BackupService
  /** Reading and verifying the audit trail. */
  audit: AuditTrailService
  /** Intake drafts, the duplicate check, saving intakes. */
  intake: IntakeService
  /** The case list and search. */
  caseList: CaseListService
  /** The case page: reading a case and every change to it. */
  caseFile: CaseFileService
  /** Cases in and out in bulk (intakes CSV). */
  caseTransfer: CaseTransferService
  /** Lawyers ranked for a case, with the conflict check. */
  matching: MatchingService
  /** Referral packets and letters: what consent allows, the document, and the record of each print. */
  packets: PacketService
  /** The letter to an MP as admins word it, in English and French. */
  letterTemplates: LetterTemplateService
  /** The volunteer lawyer roster: list, on call now, add, edit, pause. */
  roster: RosterService
  /** Lawyer sign-up files in (mapping, dry run, duplicates, commit) and the roster out. */
  lawyerImport: LawyerImportService
  /** The referral directory: organizations and background resources. */
  directory: DirectoryService
  /** The directory in and out as one CSV or JSON file (the admin CLI). */
  directoryTransfer: DirectoryTransferService
  /** Counts for the board and funders, small counts withheld. */
  reports: CaseloadReportService
  /** Referrals to lawyers and organizations, along their state machine, with follow-ups. */
  referrals: ReferralService
  /** Every case awaiting a match assigned at once (proven optimal), approved by staff into referrals. */
  batchMatching: BatchMatchingService
  /** CSV files arriving from the renderer in slices, parsed as they come (imports name them). */
  csvUploads: CsvUploads
  /** Directory organizations ranked for a case (province or national, needs, languages). */
  organizationMatching: OrganizationMatchingService
}

/** The services of the vault in `options.directory`, for every host: Electron, the bridge, the admin CLI, tests. */
export function createVaultServices(options: TVaultServiceOptions): TVaultServices {
  const vault = new VaultService(options)
  const { sessions, keySlots } = vault
  const matching = new MatchingService(sessions)
  const referrals = new ReferralService(sessions)
  const csvUploads = new CsvUploads(sessions)
  // A lock ends every upload (and its worker thread) while the vault is still open to drop the rows it staged.
  vault.keeper.onSessionClosing(() => csvUploads.cancelAll())
  return {
    vault,
    accounts: new AccountService(sessions, keySlots),
    recovery: new RecoveryKeyService(sessions, keySlots),
    backup: new BackupService(vault.keeper),
    audit: new AuditTrailService(sessions),
    intake: new IntakeService(sessions),
    caseList: new CaseListService(sessions),
    caseFile: new CaseFileService(sessions),
    caseTransfer: new CaseTransferService(sessions),
    matching,
    packets: new PacketService(sessions, vaultPacketDirectory, vaultReferralLookup, vaultCaseReferrals),
    letterTemplates: new LetterTemplateService(sessions),
    roster: new RosterService(sessions),
    lawyerImport: new LawyerImportService(sessions, csvUploads),
    directory: new DirectoryService(sessions),
    directoryTransfer: new DirectoryTransferService(sessions),
    reports: new CaseloadReportService(sessions),
    referrals,
    batchMatching: new BatchMatchingService(sessions, referrals),
    csvUploads,
    organizationMatching: new OrganizationMatchingService(sessions),
  }
}

export type TServicesOptions = {
  /** The folder holding the vault and device settings (Electron's userData, or a temp folder in tests). */
  dataDirectory: string
  runtime: 'electron' | 'bridge'
  appVersion: string
  desktop: TDesktopPort
  vault?: Partial<TVaultServiceOptions>
}

/** Everything the handlers use. Built once by main, or by the bridge for tests and dev:browser. */
export type TServices = TVaultServices & {
  options: TServicesOptions
  settings: DeviceSettingsStore
  /** The idle-lock time (admins only, audited). */
  idleLock: IdleLockSetting
  /** The staff member whose key unlocked the vault; null while locked. */
  currentStaff(): TStaffIdentity | null
}

export function createServices(options: TServicesOptions): TServices {
  const services = createVaultServices({
    ...options.vault,
    directory: options.vault?.directory ?? join(options.dataDirectory, 'vault'),
  })
  const settings = new DeviceSettingsStore(options.dataDirectory)
  return {
    ...services,
    options,
    settings,
    idleLock: new IdleLockSetting(settings, services.vault.sessions),
    currentStaff: () => services.vault.currentStaff(),
  }
}
