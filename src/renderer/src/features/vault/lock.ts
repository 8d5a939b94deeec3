import { api, forgetEverything } from '../../api'

/** Lock the vault (main closes the database and drops the key), then forget everything this page held. */
export async function lockNow(): Promise<void> {
  try {
    await api.vault.lock()
  } finally {
    forgetEverything()
  }
}

/** "⌘L" on a Mac, "Ctrl+L" elsewhere. */
export const isMacPlatform = (): boolean => /mac/i.test(navigator.platform || navigator.userAgent)
