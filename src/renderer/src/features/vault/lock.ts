import { api, forgetEverything } from '../../api'

type TFlusher = () => Promise<void>
const flushers = new Set<TFlusher>()
/** A lock never waits longer than this for unsaved work: locking fast matters more. */
const FLUSH_LIMIT_MS = 1500

/**
 * Work that must reach the vault before a lock the person asked for (Lock button, Ctrl/Cmd+L), such as the
 * intake draft typed in the last seconds. Returns an unregister function.
 */
export function registerBeforeLock(flush: TFlusher): () => void {
  flushers.add(flush)
  return () => flushers.delete(flush)
}

async function flushBeforeLock(): Promise<void> {
  if (flushers.size === 0) return
  const all = Promise.allSettled([...flushers].map((flush) => flush()))
  await Promise.race([all, new Promise((resolve) => window.setTimeout(resolve, FLUSH_LIMIT_MS))])
}

/**
 * Lock the vault (main closes the database and drops the key), then forget everything this page held. `reason`
 * says whether the Lock button or the Ctrl/Cmd+L shortcut did it; it goes into the audit trail.
 */
export async function lockNow(reason: 'manual' | 'shortcut' = 'manual'): Promise<void> {
  await flushBeforeLock()
  try {
    await api.vault.lock({ reason })
  } finally {
    forgetEverything()
  }
}

/** "⌘L" on a Mac, "Ctrl+L" elsewhere. */
export const isMacPlatform = (): boolean => /mac/i.test(navigator.platform || navigator.userAgent)
