import type { App, BrowserWindow, PowerMonitor, Session } from 'electron'
import { IdleLock } from '../core/vault/idle-lock'
import type { TLockListener } from '../core/vault/vault-service'
import type { TLockReason } from '../../shared/contract/vault'

/** What the lock wiring needs of the services (TServices has it all). */
export type TLockingServices = {
  vault: { lock(reason: TLockReason): void; onLockChange(listener: TLockListener): () => void }
  settings: { get(): { idleLockMinutes: number } }
  currentStaff(): unknown
}

export type TLockingHost = {
  app: Pick<App, 'on'>
  powerMonitor: Pick<PowerMonitor, 'on'>
  /** The renderer's own (in-memory) session, wiped at every lock. */
  rendererSession: Pick<Session, 'clearStorageData' | 'clearCache'>
  appWindow(): BrowserWindow | null
}

/**
 * Every way of locking (button, Ctrl/Cmd+L, idle, suspend, screen lock) ends in the vault's lock, after which the
 * renderer's storage is wiped and the page reloaded, taking state, DOM and caches with it. Returns the lock for the
 * menu and the activity hook for IPC.
 */
export function wireLocking(
  services: TLockingServices,
  host: TLockingHost,
): { lockNow(reason: TLockReason): void; recordActivity(): void } {
  let isQuitting = false
  services.vault.onLockChange((state) => {
    if (state !== 'locked' || isQuitting) return
    void host.rendererSession.clearStorageData().catch(() => undefined)
    void host.rendererSession.clearCache().catch(() => undefined)
    host.appWindow()?.webContents.reload()
  })
  // lock() does nothing while already locked.
  const lockNow = (reason: TLockReason): void => services.vault.lock(reason)
  const idleLock = new IdleLock(
    () => services.settings.get().idleLockMinutes * 60_000,
    () => lockNow('idle'),
    () => services.currentStaff() !== null,
  )
  idleLock.start()
  host.powerMonitor.on('suspend', () => lockNow('suspend'))
  host.powerMonitor.on('lock-screen', () => lockNow('screen-lock'))
  // Close the database cleanly (and say so in the audit trail) when the app quits unlocked.
  host.app.on('before-quit', () => {
    isQuitting = true
    lockNow('quit')
  })
  return { lockNow, recordActivity: () => idleLock.recordActivity() }
}
