import { join } from 'node:path'
import { DeviceSettingsStore } from './settings/device-settings'
import type { TStaffIdentity } from '../ipc/types'
import type { TScryptParams } from './vault/kdf'
import { VaultService } from './vault/vault-service'
import { CaseService } from './cases/case-service'

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
}

export type TServicesOptions = {
  /** The folder holding the vault and device settings (Electron's userData, or a temp folder in tests). */
  dataDirectory: string
  runtime: 'electron' | 'bridge'
  appVersion: string
  desktop: TDesktopPort
  vault?: {
    /** Defaults to `<dataDirectory>/vault`. */
    directory?: string
    /** better-sqlite3's native addon built for this runtime; Electron passes its own ABI build. */
    nativeBinding?: string
    /** Cheaper key derivation for tests only; production uses the built-in parameters. */
    kdf?: TScryptParams
  }
}

/** Everything the handlers use. Built once by main, or by the bridge for tests and dev:browser. */
export type TServices = {
  options: TServicesOptions
  settings: DeviceSettingsStore
  /** The encrypted vault: unlock and lock, accounts, audit trail, backup and restore. */
  vault: VaultService
  /** Survivors' cases: intakes and drafts, the duplicate check, the case list, the case page. */
  cases: CaseService
  /** The staff member whose key unlocked the vault; null while locked. */
  currentStaff(): TStaffIdentity | null
}

export function createServices(options: TServicesOptions): TServices {
  const settings = new DeviceSettingsStore(options.dataDirectory)
  const vault = new VaultService({
    directory: options.vault?.directory ?? join(options.dataDirectory, 'vault'),
    ...(options.vault?.nativeBinding === undefined ? {} : { nativeBinding: options.vault.nativeBinding }),
    ...(options.vault?.kdf === undefined ? {} : { kdf: options.vault.kdf }),
  })
  return {
    options,
    settings,
    vault,
    cases: new CaseService({ vault }),
    currentStaff: () => vault.currentStaff(),
  }
}
