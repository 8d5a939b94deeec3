import { existsSync, readdirSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import type { TLockReason } from '../../../shared/contract/vault'
import { AppError } from '../../../shared/result'
import { StaffDirectory } from '../accounts/accounts-repository'
import type { TStaffIdentity } from '../accounts/staff-identity'
import { Connection } from '../db/connection'
import { attachEncryptedDatabase, type TDatabase } from '../db/open-database'
import type { TClock, TSessionSource } from '../session/session'
import type { TKdfPolicy } from './kdf'
import type { TKeySlots } from './key-slots'
import { createKeySlots } from './key-slots-port'
import { isLegacyKeyring, readKeyring, type TAnyKeyring, type TGrantedSlot, type TKeyring } from './keyring'
import { openVaultDatabase } from './open-vault-database'
import { isPassphraseChangePending } from './slot-keys'
import { OperationGuard, type TOperation } from './operation-guard'
import { settleInterruptedWork, type TSettled } from './settle-interrupted'
import { UnlockThrottle, type TPendingFailure } from './throttle'
import { generationPaths, type TGenerationPaths, type TVaultPaths } from './vault-paths'
import { keysWithin, lowerRole, roleProvenBy, zeroKeys, type TVaultKeys } from './vault-keys'
import { VaultSession } from './vault-session'

export type TLockListener = (state: 'locked' | 'unlocked') => void

/**
 * Test-only: called at each named step of a rekey, an upgrade and a restore, so the crash tests can SIGKILL the
 * process exactly there. Production passes none.
 */
export type TVaultHooks = { at?(step: string): void }

/** Names the throttle and the audit trail may keep of a failed unlock: a slot's name, or one shared bucket. */
export const UNKNOWN_NAME_KEY = '*unknown-name*'

/**
 * The one holder of the vault's keys: the open session, the keyring, the unlock throttle, the queue that keeps slow
 * key work in order, and the guard that lets a lock cancel long operations. The lifecycle (`VaultService`), backup
 * and rekey drive it; other services reach it only through `sessions` (TSessionSource) and `keySlots` (TKeySlots).
 */
export class VaultKeeper {
  readonly throttle: UnlockThrottle
  readonly operations = new OperationGuard()
  /**
   * Test-only (see TVaultServiceOptions.adminChosenPassphrases): slots an admin makes carry no must-change. Production
   * never sets it.
   */
  isAdminChoiceFinal = false
  private session: VaultSession | null = null
  /** Why the vault was last locked by this process; shown on the unlock screen, cleared at the next unlock. */
  lastLockReason: TLockReason | null = null
  private readonly listeners = new Set<TLockListener>()
  private readonly closingListeners = new Set<() => void>()
  /** Serializes operations that await the KDF or the disk, so two of them cannot interleave. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly paths: TVaultPaths,
    readonly kdf: TKdfPolicy,
    readonly clock: TClock,
    readonly nativeBinding: string | undefined,
    readonly hooks: TVaultHooks = {},
  ) {
    this.throttle = new UnlockThrottle(() => clock.now().getTime(), paths.throttle)
  }

  /** The narrow view every service gets. */
  readonly sessions: TSessionSource = { require: () => this.require() }

  exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation)
    this.queue = result.catch(() => undefined)
    return result
  }

  /** A long operation the next lock cancels (checked between its steps and chunks). */
  begin(): TOperation {
    return this.operations.begin()
  }

  /** Test-only crash point (see TVaultHooks). */
  step(name: string): void {
    this.hooks.at?.(name)
  }

  current(): VaultSession | null {
    return this.session
  }

  require(): VaultSession {
    if (this.session === null) throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.')
    return this.session
  }

  /** The keyring as it is on disk (either version), checked against the KDF floor; null when there is none. */
  readAnyKeyring(): TAnyKeyring | null {
    return readKeyring(this.paths.keyring, this.kdf.floor)
  }

  /** The current (version 2) keyring: NO_VAULT without one; a wave-1 keyring is upgraded by an admin's unlock first. */
  requireKeyring(): TKeyring {
    const keyring = this.readAnyKeyring()
    if (keyring === null) throw new AppError('NO_VAULT', 'There is no vault yet. Create one first.')
    if (isLegacyKeyring(keyring)) {
      throw new AppError('FORBIDDEN', 'This vault needs its one-time upgrade: an admin must unlock it first.')
    }
    return keyring
  }

  filesOf(keyring: TKeyring): TGenerationPaths {
    return generationPaths(this.paths.directory, keyring.files)
  }

  /**
   * Finish or roll back what a crash or lock interrupted (a restore's folder swap, a rekey or upgrade that never
   * switched) before anything answers about the vault. Skipped while this process runs a long operation.
   */
  settle(): TSettled {
    if (this.operations.isBusy()) return { rolledBack: false, removed: [] }
    return settleInterruptedWork(this.paths, () => this.readAnyKeyring())
  }

  /** `settle()`, from inside an operation that is only about to start its real work (an unlock). */
  settleAround(operation: TOperation): TSettled {
    if (this.operations.runningBesides(operation)) return { rolledBack: false, removed: [] }
    return settleInterruptedWork(this.paths, () => this.readAnyKeyring())
  }

  /** True while folders or files of unfinished work sit beside or in the vault folder (create refuses then). */
  hasLeftovers(): boolean {
    const parent = dirname(this.paths.directory)
    const prefix = `.${basename(this.paths.directory)}.`
    return existsSync(parent) && readdirSync(parent).some((name) => name.startsWith(prefix))
  }

  /** Called with 'unlocked' or 'locked' whenever that changes; returns an unsubscribe function. */
  onLockChange(listener: TLockListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Called just before the open session closes (a lock, another unlock, a restore), while it still answers: work
   * tied to the session stops and drops what it wrote (an upload's staged rows). Returns an unsubscribe function.
   */
  onSessionClosing(listener: () => void): () => void {
    this.closingListeners.add(listener)
    return () => this.closingListeners.delete(listener)
  }

  /**
   * A failed unlock: counted by the throttle, and remembered for the audit trail under the slot's name, or under no
   * name at all when the typed name matches no slot (it might be a passphrase typed in the wrong field).
   */
  recordFailedUnlock(knownUsername: string | null, method: TPendingFailure['method']): void {
    this.throttle.recordFailure(knownUsername ?? UNKNOWN_NAME_KEY, {
      at: this.clock.now().toISOString(),
      username: knownUsername,
      method,
    })
  }

  /**
   * A wrong passphrase is 'unlock.failed', a wrong recovery key 'recovery.failed'; both name the account that was
   * tried when it exists, and nothing otherwise.
   */
  flushPendingFailures(session: VaultSession): void {
    for (const failure of this.throttle.takePending()) {
      const details = failure.username === null ? { unknownName: true } : { username: failure.username }
      const action = failure.method === 'recovery-key' ? 'recovery.failed' : 'unlock.failed'
      session.trail.append(null, action, null, { ...details, method: failure.method }, new Date(failure.at))
    }
  }

  /** Opens a database of the current generation with its key (migrated to the latest schema). */
  openDatabase(file: string, key: Buffer, kind: 'vault' | 'casework' = 'vault'): TDatabase {
    return openVaultDatabase(file, key, this.nativeBinding, kind)
  }

  /**
   * A session for the account of `slot`, opened with the keys its grants yielded (the keeper takes ownership of
   * them). The account is looked up by the slot's id, never by a typed name: its sign-in name must be the slot's
   * (both are bound into the sealed key), and it must be active. Its role is the lower of the account's role and the
   * role its keys prove, and keys above that role are zeroed: a viewer who edits vault.db to say "admin" still has
   * no case key. Survivor data (casework.db) is attached only for caseworkers and admins.
   */
  openSession(keyring: TKeyring, accountId: string, keys: TVaultKeys, refusal: AppError): VaultSession {
    const files = this.filesOf(keyring)
    let database: TDatabase
    try {
      database = this.openDatabase(files.vault, keys.vault)
    } catch (error) {
      zeroKeys(keys)
      throw error
    }
    try {
      const account = new StaffDirectory(new Connection(database)).findById(accountId)
      const slot = keyring.slots.find((candidate) => candidate.id === accountId)
      const sameName =
        account !== null &&
        slot?.kind === 'staff' &&
        slot.username.toLowerCase() === account.username.toLowerCase()
      if (account === null || account.status !== 'active' || !sameName) throw refusal
      const role = lowerRole(account.role, roleProvenBy(keys))
      const held = keysWithin(keys, role)
      if (held.case !== null) {
        // Migrated on its own connection first (its own user_version), then attached.
        this.openDatabase(files.casework, held.case, 'casework').close()
        attachEncryptedDatabase(database, 'casework', files.casework, held.case)
      }
      const staff: TStaffIdentity = {
        accountId: account.id,
        username: account.username,
        displayName: account.displayName,
        role,
      }
      const session = new VaultSession(
        new Connection(database),
        held,
        keyring.vaultId,
        keyring.generation,
        keyring.files,
        this.paths.directory,
        staff,
        this.clock,
      )
      session.passphraseChangePending = isPassphraseChangePending(slot)
      return session
    } catch (error) {
      database.close()
      zeroKeys(keys)
      throw error
    }
  }

  /** Makes `session` the open one, seals the trail's head (admins) and tells the listeners. */
  install(session: VaultSession): TStaffIdentity {
    this.session = session
    this.lastLockReason = null
    session.seal()
    this.emit('unlocked')
    return { ...session.staff, mustChangePassphrase: session.passphraseChangePending }
  }

  /**
   * Lock: cancel every long operation (a backup, restore or rekey stops at its next check and cleans up after
   * itself), then close the database and zero the keys. `reason` is left out of the 'lock' entry when no person or
   * event asked for the lock (a restore replacing the vault).
   */
  close(auditLock: boolean, reason?: TLockReason): void {
    this.operations.cancelAll()
    this.closeSession(auditLock, reason)
  }

  /**
   * Close the open session without cancelling anything: the operation that calls it (an unlock as someone else, a
   * restore) is replacing the session itself.
   */
  closeSession(auditLock = false, reason?: TLockReason): void {
    const session = this.session
    if (session === null) return
    for (const listener of this.closingListeners) {
      try {
        listener()
      } catch {
        // Cleanup that fails (its rows are left for the next import to remove) must not keep the vault open.
      }
    }
    this.session = null
    try {
      if (auditLock) session.audit.record('lock', null, reason === undefined ? {} : { reason })
      session.seal()
    } finally {
      session.close()
      this.emit('locked')
    }
  }

  /**
   * After a rekey switched generations: the same person's session, now over the new files with the new keys (the
   * keeper takes ownership of them). The old session closes without a 'lock' entry: nobody locked.
   */
  moveSession(keyring: TKeyring, keys: TVaultKeys): void {
    const previous = this.require()
    if (this.grantedSlotOf(keyring, previous.staff.accountId) === null) {
      // The person disabled their own account: the new generation has no slot for them, so the vault locks.
      zeroKeys(keys)
      this.closeSession()
      return
    }
    const moved = this.openSession(
      keyring,
      previous.staff.accountId,
      keys,
      new AppError('INTERNAL', 'The new keys did not open the vault for the person who made them.'),
    )
    this.session = moved
    previous.close()
  }

  /** The keyring port for accounts and the recovery key. */
  readonly keySlots: TKeySlots = createKeySlots(this)

  /** The staff slot of `accountId` in the current keyring, or null. */
  grantedSlotOf(keyring: TKeyring, accountId: string): TGrantedSlot | null {
    const slot = keyring.slots.find((candidate) => candidate.id === accountId)
    return slot !== undefined && slot.kind !== 'legacy' ? slot : null
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
