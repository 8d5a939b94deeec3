import { api, forgetEverything } from '../../api'

/**
 * Lock the vault (main closes the database and drops the key), then forget everything this page held. `reason`
 * says whether the Lock button or the Ctrl/Cmd+L shortcut did it; it goes into the audit trail.
 */
export async function lockNow(reason: 'manual' | 'shortcut' = 'manual'): Promise<void> {
  try {
    await api.vault.lock({ reason })
  } finally {
    forgetEverything()
  }
}

/** "⌘L" on a Mac, "Ctrl+L" elsewhere. */
export const isMacPlatform = (): boolean => /mac/i.test(navigator.platform || navigator.userAgent)
