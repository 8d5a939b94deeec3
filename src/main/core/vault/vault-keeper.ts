import type { TLockReason } from '../../../shared/contract/vault'
import { AppError } from '../../../shared/result'
import type { TStaffIdentity } from '../accounts/staff-identity'
import { identityOf } from '../accounts/staff-identity'
import { StaffDirectory } from '../accounts/accounts-repository'
import { Connection } from '../db/connection'
import type { TDatabase } from '../db/open-database'
import type { TClock, TSessionSource } from '../session/session'
import type { TKeySlots } from './key-slots'
import {
  createSlot,
  findStaffSlot,
  openSlot,
  readKeyring,
  withoutSlot,
  withSlot,
  writeKeyring,
  type TKeyring,
} from './keyring'
import type { TScryptParams } from './kdf'
import { openVaultDatabase } from './open-vault-database'
import { UnlockThrottle } from './throttle'
import type { TVaultPaths } from './vault-paths'
import { VaultSession } from './vault-session'

export type TLockListener = (state: 'locked' | 'unlocked') => void

const MAX_PENDING_FAILURES = 1000

/**
 * The one holder of the vault's key: the open session, the keyring, the unlock throttle and the queue that keeps
 * slow key work in order. The lifecycle (`VaultService`) and backup/restore drive it; other services reach it only
 * through `sessions` (TSessionSource) and `keySlots` (TKeySlots).
 */
export class VaultKeeper {
  readonly throttle: UnlockThrottle
  private session: VaultSession | null = null
  /** Why the vault was last locked by this process; shown on the unlock screen, cleared at the next unlock. */
  lastLockReason: TLockReason | null = null
  private readonly listeners = new Set<TLockListener>()
  /** Failed unlocks seen while locked; written to the audit trail at the next successful unlock. */
  private pendingFailures: { at: Date; username: string; method: 'passphrase' | 'recovery-key' }[] = []
  /** Serializes operations that await the KDF, so two unlocks cannot interleave. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly paths: TVaultPaths,
    readonly kdf: TScryptParams,
    readonly clock: TClock,
    readonly nativeBinding: string | undefined,
  ) {
    this.throttle = new UnlockThrottle(() => clock.now().getTime())
  }

  /** The narrow view every service gets. */
  readonly sessions: TSessionSource = { require: () => this.require() }

  exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation)
    this.queue = result.catch(() => undefined)
    return result
  }

  current(): VaultSession | null {
    return this.session
  }

  require(): VaultSession {
    if (this.session === null) throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.')
    return this.session
  }

  requireKeyring(): TKeyring {
    const keyring = readKeyring(this.paths.keyring)
    if (keyring === null) throw new AppError('NO_VAULT', 'There is no vault yet. Create one first.')
    return keyring
  }

  openDatabase(masterKey: Buffer, file = this.paths.database): TDatabase {
    return openVaultDatabase(file, masterKey, this.nativeBinding)
  }

  /** Called with 'unlocked' or 'locked' whenever that changes; returns an unsubscribe function. */
  onLockChange(listener: TLockListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  recordFailedUnlock(username: string, method: 'passphrase' | 'recovery-key'): void {
    this.throttle.recordFailure(username)
    this.pendingFailures.push({ at: this.clock.now(), username: username.slice(0, 64), method })
    if (this.pendingFailures.length > MAX_PENDING_FAILURES) this.pendingFailures.shift()
  }

  /**
   * A wrong passphrase is 'unlock.failed', a wrong recovery key 'recovery.failed'; both name the sign-in name that
   * was tried (staff names, not survivor data).
   */
  flushPendingFailures(session: VaultSession): void {
    for (const failure of this.pendingFailures) {
      if (failure.method === 'recovery-key') {
        session.trail.append(null, 'recovery.failed', null, { username: failure.username }, failure.at)
      } else {
        session.trail.append(
          null,
          'unlock.failed',
          null,
          { username: failure.username, method: failure.method },
          failure.at,
        )
      }
    }
    this.pendingFailures = []
  }

  /**
   * A session for the active account `username` over an open database (taking ownership of the database and
   * `masterKey`); `refusal` is the error when the account is missing or disabled.
   */
  sessionFor(
    database: TDatabase,
    masterKey: Buffer,
    vaultId: string,
    username: string,
    refusal: AppError,
  ): VaultSession {
    const db = new Connection(database)
    const account = new StaffDirectory(db).findByUsername(username)
    if (account === null || account.status !== 'active') {
      database.close()
      masterKey.fill(0)
      throw refusal
    }
    return new VaultSession(db, masterKey, vaultId, identityOf(account), this.clock)
  }

  /** Opens the database with `masterKey` (taking ownership of it) as the account with that username. */
  open(masterKey: Buffer, vaultId: string, username: string, auditUnlock = true): TStaffIdentity {
    let database: TDatabase
    try {
      database = this.openDatabase(masterKey)
    } catch (error) {
      masterKey.fill(0)
      throw error
    }
    const session = this.sessionFor(
      database,
      masterKey,
      vaultId,
      username,
      new AppError('FORBIDDEN', 'This account is disabled. Ask an admin.'),
    )
    if (auditUnlock) {
      session.db.transaction(() => {
        this.flushPendingFailures(session)
        session.audit.record('unlock.succeeded', { type: 'account', id: session.staff.accountId })
      })
    }
    this.throttle.recordSuccess(username)
    return this.install(session)
  }

  /** Makes `session` the open one and tells the listeners. */
  install(session: VaultSession): TStaffIdentity {
    this.session = session
    this.lastLockReason = null
    this.emit('unlocked')
    return { ...session.staff }
  }

  /** `reason` is left out of the 'lock' entry when no person or event asked for the lock (a restore replacing the vault). */
  close(auditLock: boolean, reason?: TLockReason): void {
    const session = this.session
    if (session === null) return
    this.session = null
    try {
      if (auditLock) session.audit.record('lock', null, reason === undefined ? {} : { reason })
    } finally {
      session.close()
      this.emit('locked')
    }
  }

  /** The keyring port for accounts and the recovery key. */
  readonly keySlots: TKeySlots = {
    exclusive: (operation) => this.exclusive(operation),
    wrapForStaff: async (account, passphrase) => {
      const session = this.require()
      return createSlot(
        session.vaultId,
        { kind: 'staff', id: account.id, username: account.username },
        passphrase,
        session.masterKey,
        this.kdf,
      )
    },
    wrapForRecovery: async (recoveryKey) => {
      const session = this.require()
      return createSlot(session.vaultId, { kind: 'recovery' }, recoveryKey, session.masterKey, this.kdf)
    },
    checkOwnPassphrase: async (passphrase) => {
      const { staff } = this.require()
      this.throttle.assertAllowed(staff.username)
      const keyring = this.requireKeyring()
      const slot = findStaffSlot(keyring, staff.username)
      if (slot === null) throw new AppError('NOT_FOUND', 'Your account has no key slot. Ask an admin.')
      const check = await openSlot(keyring.vaultId, slot, passphrase)
      if (check === null) {
        this.throttle.recordFailure(staff.username)
        throw new AppError('WRONG_PASSPHRASE', 'Your current passphrase is not right.')
      }
      check.fill(0)
      this.throttle.recordSuccess(staff.username)
    },
    put: (slot) => writeKeyring(this.paths.keyring, withSlot(this.requireKeyring(), slot)),
    remove: (accountId) => writeKeyring(this.paths.keyring, withoutSlot(this.requireKeyring(), accountId)),
  }

  private emit(state: 'locked' | 'unlocked'): void {
    for (const listener of this.listeners) {
      try {
        listener(state)
      } catch {
        // A listener's failure must not keep the vault open or stop other listeners.
      }
    }
  }
}
