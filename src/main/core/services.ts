import { DeviceSettingsStore } from './settings/device-settings'
import type { TStaffIdentity } from '../ipc/types'

/** What only the host (Electron, or the browser bridge) can do. */
export type TDesktopPort = {
  /** Ask the person whether to open an https link in their browser; open it if they agree. */
  openExternalAfterConfirm(url: string): Promise<boolean>
}

export type TServicesOptions = {
  /** The folder holding the vault and device settings (Electron's userData, or a temp folder in tests). */
  dataDirectory: string
  runtime: 'electron' | 'bridge'
  appVersion: string
  desktop: TDesktopPort
}

/** Everything the handlers use. Built once by main, or by the bridge for tests and dev:browser. */
export type TServices = {
  options: TServicesOptions
  settings: DeviceSettingsStore
  /** The staff member whose key unlocked the vault; null while locked. */
  currentStaff(): TStaffIdentity | null
}

export function createServices(options: TServicesOptions): TServices {
  const settings = new DeviceSettingsStore(options.dataDirectory)
  return {
    options,
    settings,
    currentStaff: () => null,
  }
}
