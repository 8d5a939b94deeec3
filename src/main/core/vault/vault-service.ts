import { existsSync, readdirSync } from 'node:fs'
import { ZDisplayNameSchema, ZUsernameSchema } from '../../../shared/contract/accounts'
import type { TLockReason } from '../../../shared/contract/vault'
import { AppError } from '../../../shared/result'
import type { TStaffIdentity } from '../accounts/staff-identity'
import { clockOf, type TClock, type TSession, type TSessionSource } from '../session/session'
import { createVaultFolder, type TNewVault } from './create-vault-folder'
import { deriveKey, PRODUCTION_KDF, type TScryptParams } from './kdf'
import type { TKeySlots } from './key-slots'
import { createSlot, findRecoverySlot, findStaffSlot, openSlot, readKeyring, type TKeyring } from './keyring'
import { integrityCheck } from './open-vault-database'
import { normalizeRecoveryKey } from './recovery-key'
import { assertStrongPassphrase } from './strong-passphrase'
import { VaultKeeper, type TLockListener } from './vault-keeper'
import { vaultPaths } from './vault-paths'
import type { VaultSession } from './vault-session'

export type { TNewVault } from './create-vault-folder'
export type { TLockListener } from './vault-keeper'

export type TVaultServiceOptions = {
  /** The folder holding keyring.json and vault.db. */
  directory: string
  /** Key-derivation cost for new slots. Production uses PRODUCTION_KDF; tests pass cheaper params. */
  kdf?: TScryptParams
  /** The native addon build for the running runtime (Electron's ABI), passed to better-sqlite3. */
  nativeBinding?: string
  /** Milliseconds since the epoch; the session's clock, the throttle's and the audit trail's. */
  now?: () => number
}

export type TVaultState = 'no-vault' | 'locked' | 'unlocked'
export type TVaultStatus = {
  state: TVaultState
  /** Only while unlocked: the name lives inside the encrypted database. */
  organizationName: string | null
  staff: TStaffIdentity | null
  /**
   * Active accounts that may unlock, from the keyring, so the unlock screen can offer them. While locked
   * `displayName` is the sign-in name: real display names are inside the encrypted database.
   */
  accounts: { username: string; displayName: string }[]
  /** Only while unlocked (null otherwise): whether the current recovery key was confirmed as stored. */
  recoveryKeyConfirmed: boolean | null
  /** Only while locked: why this process last locked the vault (null after a fresh start). */
  lastLockReason: TLockReason | null
}

const RECOVERY_THROTTLE_KEY = 'recovery:'

const wrongPassphrase = (): AppError =>
  new AppError('WRONG_PASSPHRASE', 'That account name and passphrase do not open the vault.')

/**
 * The vault's lifecycle: is there one, create it, unlock it (passphrase or recovery key), lock it. Plain Node: the
 * Electron main process, the browser bridge and the admin CLI all drive this one class. Everything done inside an
 * unlocked vault belongs to the services that take `sessions` (see `services.ts`).
 */
export class VaultService {
  /** Shared with the services of this vault (accounts, recovery key, backup); nothing else holds the key. */
  readonly keeper: VaultKeeper
  readonly clock: TClock

  constructor(options: TVaultServiceOptions) {
    this.clock = clockOf(options.now)
    this.keeper = new VaultKeeper(
      vaultPaths(options.directory),
      options.kdf ?? PRODUCTION_KDF,
      this.clock,
      options.nativeBinding,
    )
  }

  get directory(): string {
    return this.keeper.paths.directory
  }

  /** How services reach the open session. */
  get sessions(): TSessionSource {
    return this.keeper.sessions
  }

  /** How the accounts and recovery-key services change the keyring. */
  get keySlots(): TKeySlots {
    return this.keeper.keySlots
  }

  /** The open session (LOCKED while locked), for hosts and tools that work with the database directly. */
  session(): TSession {
    return this.keeper.require()
  }

  status(): TVaultStatus {
    const keyring = readKeyring(this.keeper.paths.keyring)
    const closed = { organizationName: null, staff: null, recoveryKeyConfirmed: null }
    if (keyring === null) return { state: 'no-vault', ...closed, accounts: [], lastLockReason: null }
    const session = this.keeper.current()
    // While locked only sign-in names are known (the keyring); display names live in the encrypted database.
    const displayNames = session?.accounts.displayNames() ?? new Map<string, string>()
    const accounts = keyring.slots.flatMap((slot) =>
      slot.kind === 'staff'
        ? [{ username: slot.username, displayName: displayNames.get(slot.id) ?? slot.username }]
        : [],
    )
    accounts.sort((left, right) => left.username.localeCompare(right.username))
    if (session === null) {
      return { state: 'locked', ...closed, accounts, lastLockReason: this.keeper.lastLockReason }
    }
    const meta = session.meta.get()
    return {
      state: 'unlocked',
      organizationName: meta?.organizationName ?? null,
      staff: { ...session.staff },
      accounts,
      recoveryKeyConfirmed: meta !== null && meta.recoveryKeyConfirmedAt !== null,
      lastLockReason: null,
    }
  }

  currentStaff(): TStaffIdentity | null {
    const session = this.keeper.current()
    return session === null ? null : { ...session.staff }
  }

  /** Called with 'unlocked' or 'locked' whenever that changes; returns an unsubscribe function. */
  onLockChange(listener: TLockListener): () => void {
    return this.keeper.onLockChange(listener)
  }

  /**
   * Create a vault with its first admin; the vault is left unlocked as that admin. Returns the recovery key, which
   * stays unconfirmed until the recovery-key service's `confirm()`.
   */
  create(input: TNewVault): Promise<{ recoveryKey: string; staff: TStaffIdentity }> {
    return this.keeper.exclusive(async () => {
      const organizationName = ZDisplayNameSchema.parse(input.organizationName)
      const username = ZUsernameSchema.parse(input.username)
      const displayName = ZDisplayNameSchema.parse(input.displayName)
      assertStrongPassphrase(input.passphrase, [username, displayName, organizationName])
      const { directory } = this.keeper.paths
      if (existsSync(directory) && readdirSync(directory).length > 0) {
        throw new AppError(
          'VAULT_EXISTS',
          'A vault already exists here. Unlock it, or restore over it from a backup.',
        )
      }
      const { vaultId, masterKey, recoveryKey } = await createVaultFolder(
        this.keeper.paths,
        { organizationName, username, displayName, passphrase: input.passphrase },
        { kdf: this.keeper.kdf, clock: this.clock, nativeBinding: this.keeper.nativeBinding },
      )
      try {
        const staff = this.keeper.open(Buffer.from(masterKey), vaultId, username)
        return { recoveryKey, staff }
      } finally {
        masterKey.fill(0)
      }
    })
  }

  /** Open the vault with a staff member's passphrase. Wrong passphrase: WRONG_PASSPHRASE, growing delay, no file touched. */
  unlock(username: string, passphrase: string): Promise<TStaffIdentity> {
    return this.keeper.exclusive(async () => {
      this.keeper.throttle.assertAllowed(username)
      const keyring = this.keeper.requireKeyring()
      const slot = findStaffSlot(keyring, username)
      // An unknown name costs the same KDF time as a known one, so timing does not reveal which names exist.
      const masterKey =
        slot === null
          ? await spendDecoyTime(keyring, passphrase)
          : await openSlot(keyring.vaultId, slot, passphrase)
      if (masterKey === null || slot === null) {
        masterKey?.fill(0)
        this.keeper.recordFailedUnlock(username, 'passphrase')
        throw wrongPassphrase()
      }
      this.keeper.close(false)
      return this.keeper.open(masterKey, keyring.vaultId, slot.username)
    })
  }

  /** Open the vault with the recovery key and give `username` a new passphrase (their slot is rewritten). */
  unlockWithRecoveryKey(
    recoveryKey: string,
    username: string,
    newPassphrase: string,
  ): Promise<TStaffIdentity> {
    return this.keeper.exclusive(async () => {
      const { keeper } = this
      keeper.throttle.assertAllowed(RECOVERY_THROTTLE_KEY)
      const keyring = keeper.requireKeyring()
      const recoverySlot = findRecoverySlot(keyring)
      if (recoverySlot === null) throw new AppError('NOT_FOUND', 'This vault has no recovery key.')
      const masterKey = await openSlot(keyring.vaultId, recoverySlot, normalizeRecoveryKey(recoveryKey))
      if (masterKey === null) {
        keeper.recordFailedUnlock(username, 'recovery-key')
        keeper.throttle.recordFailure(RECOVERY_THROTTLE_KEY)
        throw new AppError('WRONG_PASSPHRASE', 'That recovery key does not open this vault.')
      }
      keeper.throttle.recordSuccess(RECOVERY_THROTTLE_KEY)
      keeper.close(false)
      let session: VaultSession
      try {
        session = keeper.sessionFor(
          keeper.openDatabase(masterKey),
          masterKey,
          keyring.vaultId,
          username,
          new AppError('NOT_FOUND', 'There is no active account with that name.'),
        )
      } catch (error) {
        masterKey.fill(0)
        throw error
      }
      try {
        await this.giveNewPassphrase(session, newPassphrase)
      } catch (error) {
        session.close()
        throw error
      }
      keeper.throttle.recordSuccess(session.staff.username)
      return keeper.install(session)
    })
  }

  /** SQLite's integrity check of the open vault: ['ok'] when sound. */
  integrityCheck(): string[] {
    return integrityCheck(this.keeper.require().db.database)
  }

  /** Close the database and zero the key; `reason` goes into the 'lock' audit entry. Safe to call when locked. */
  lock(reason: TLockReason = 'manual'): void {
    if (this.keeper.current() !== null) this.keeper.lastLockReason = reason
    this.keeper.close(true, reason)
  }

  /** The recovery path's second half: a new slot for the person who used the key, audited with the unlock. */
  private async giveNewPassphrase(session: VaultSession, newPassphrase: string): Promise<void> {
    const { staff } = session
    assertStrongPassphrase(newPassphrase, [staff.username, staff.displayName])
    const slot = await createSlot(
      session.vaultId,
      { kind: 'staff', id: staff.accountId, username: staff.username },
      newPassphrase,
      session.masterKey,
      this.keeper.kdf,
    )
    const account = { type: 'account', id: staff.accountId }
    session.db.transaction(() => {
      this.keeper.flushPendingFailures(session)
      session.audit.record('recovery.used', account)
      // A key that was used has been seen (typed, perhaps read aloud or photographed): an admin should replace it.
      session.meta.setRecoveryKeyConfirmedAt(null)
      session.audit.record('account.passphrase_changed', account, { via: 'recovery-key' })
      this.keeper.keySlots.put(slot)
    })
  }
}

/** Spend the same KDF time on an unknown account name as on a known one. Always null. */
async function spendDecoyTime(keyring: TKeyring, passphrase: string): Promise<null> {
  const slot = keyring.slots[0]
  if (slot !== undefined) (await deriveKey(passphrase, Buffer.from(slot.salt, 'base64'), slot.kdf)).fill(0)
  return null
}
