import { existsSync, readdirSync } from 'node:fs'
import { ZDisplayNameSchema, ZUsernameSchema } from '../../../shared/contract/accounts'
import type { TLockReason } from '../../../shared/contract/vault'
import { AppError } from '../../../shared/result'
import type { TStaffIdentity } from '../accounts/staff-identity'
import { clockOf, type TClock, type TSession, type TSessionSource } from '../session/session'
import { createVaultFolder, type TNewVault } from './create-vault-folder'
import { kdfPolicyFor, type TKdfParams } from './kdf'
import type { TKeySlots } from './key-slots'
import { signInNames } from './keyring'
import { rekeyVault, type TRekeyOptions, type TRekeyResult } from './rekey'
import { integrityCheck } from './open-vault-database'
import { assertStrongPassphrase } from './strong-passphrase'
import { unlockWithPassphrase, unlockWithRecoveryKey } from './unlock'
import { VaultKeeper, type TLockListener, type TVaultHooks } from './vault-keeper'
import { vaultPaths } from './vault-paths'

export type { TNewVault } from './create-vault-folder'
export type { TLockListener } from './vault-keeper'

export type TVaultServiceOptions = {
  /** The folder holding keyring.json and vault.db. */
  directory: string
  /**
   * Test-only: a cheaper key derivation for new slots (and a floor lowered to it). Production passes none and gets
   * Argon2id at PRODUCTION_KDF, with OWASP's minimums as the floor for every slot it reads.
   */
  kdf?: TKdfParams
  /** Test-only: crash points of rekey, upgrade and restore (see TVaultHooks). */
  hooks?: TVaultHooks
  /** The native addon build for the running runtime (Electron's ABI), passed to better-sqlite3. */
  nativeBinding?: string
  /**
   * Test-only: 'final' makes passphrases an admin sets (new accounts, resets) count as their owner's, for suites
   * written before the forced first change whose colleagues sign in with what the admin gave them. Production, the
   * bridge and the CLI pass none and get 'must-change': the owner chooses their own at their next unlock.
   */
  adminChosenPassphrases?: 'must-change' | 'final'
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
      kdfPolicyFor(options.kdf),
      this.clock,
      options.nativeBinding,
      options.hooks,
    )
    this.keeper.isAdminChoiceFinal = options.adminChosenPassphrases === 'final'
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

  /**
   * Whether there is a vault, and who may unlock it. While locked, whatever a crash or lock interrupted (a restore's
   * folder swap, a rekey) is finished or rolled back first, so "no vault" is never answered over one.
   */
  status(): TVaultStatus {
    if (this.keeper.current() === null) this.keeper.settle()
    const keyring = this.keeper.readAnyKeyring()
    const closed = { organizationName: null, staff: null, recoveryKeyConfirmed: null }
    if (keyring === null) return { state: 'no-vault', ...closed, accounts: [], lastLockReason: null }
    const session = this.keeper.current()
    // While locked only sign-in names are known (the keyring); display names live in the encrypted database.
    const displayNames = session?.accounts.displayNames() ?? new Map<string, string>()
    const accounts = signInNames(keyring).map(({ id, username }) => ({
      username,
      displayName: displayNames.get(id) ?? username,
    }))
    accounts.sort((left, right) => left.username.localeCompare(right.username))
    if (session === null) {
      return { state: 'locked', ...closed, accounts, lastLockReason: this.keeper.lastLockReason }
    }
    const meta = session.meta.get()
    return {
      state: 'unlocked',
      organizationName: meta?.organizationName ?? null,
      staff: { ...session.staff, mustChangePassphrase: session.passphraseChangePending },
      accounts,
      recoveryKeyConfirmed: meta !== null && meta.recoveryKeyConfirmedAt !== null,
      lastLockReason: null,
    }
  }

  currentStaff(): TStaffIdentity | null {
    const session = this.keeper.current()
    return session === null
      ? null
      : { ...session.staff, mustChangePassphrase: session.passphraseChangePending }
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
      this.keeper.settle()
      if (this.keeper.hasLeftovers()) {
        throw new AppError(
          'VAULT_EXISTS',
          'An interrupted restore or upgrade left files beside the vault folder. Quit and start the app again, or ask IT.',
        )
      }
      if (existsSync(directory) && readdirSync(directory).length > 0) {
        throw new AppError(
          'VAULT_EXISTS',
          'A vault already exists here. Unlock it, or restore over it from a backup.',
        )
      }
      const created = await createVaultFolder(
        this.keeper.paths,
        { organizationName, username, displayName, passphrase: input.passphrase },
        { kdf: this.keeper.kdf.create, clock: this.clock, nativeBinding: this.keeper.nativeBinding },
      )
      this.keeper.closeSession()
      const session = this.keeper.openSession(
        created.keyring,
        created.accountId,
        created.keys,
        new AppError('INTERNAL', 'The new vault did not open for its first admin.'),
      )
      session.audit.record('unlock.succeeded', { type: 'account', id: session.staff.accountId })
      return { recoveryKey: created.recoveryKey, staff: this.keeper.install(session) }
    })
  }

  /**
   * Open the vault with a staff member's passphrase (see unlock.ts). Wrong passphrase: WRONG_PASSPHRASE, growing
   * delay (kept across restarts), no file touched.
   */
  unlock(username: string, passphrase: string): Promise<TStaffIdentity> {
    // Begun now, not when its turn in the queue comes: a lock requested meanwhile (suspend, the lock shortcut) wins.
    const operation = this.keeper.begin()
    return this.keeper.exclusive(() => unlockWithPassphrase(this.keeper, username, passphrase, operation))
  }

  /** Open the vault with the recovery key and give `username` a new passphrase (a new slot for their account). */
  unlockWithRecoveryKey(
    recoveryKey: string,
    username: string,
    newPassphrase: string,
  ): Promise<TStaffIdentity> {
    const operation = this.keeper.begin()
    return this.keeper.exclusive(() =>
      unlockWithRecoveryKey(this.keeper, recoveryKey, username, newPassphrase, operation),
    )
  }

  /**
   * New keys for the whole vault now (see rekey.ts): after an upgrade from a wave-1 vault, or when a passphrase or
   * the recovery key may have been seen. Admins only; backups made before keep their own keys.
   */
  rekey(options: TRekeyOptions = {}): Promise<TRekeyResult> {
    return this.keeper.exclusive(() => rekeyVault(this.keeper, 'requested', options))
  }

  /** SQLite's integrity check of the open vault's databases (casework.db too, when attached): ['ok'] when sound. */
  integrityCheck(): string[] {
    const session = this.keeper.require()
    const problems = [
      ...integrityCheck(session.db.database),
      ...(session.keys.case === null ? [] : integrityCheck(session.db.database, 'casework')),
    ].filter((line) => line !== 'ok')
    return problems.length === 0 ? ['ok'] : problems
  }

  /** Close the database and zero the key; `reason` goes into the 'lock' audit entry. Safe to call when locked. */
  lock(reason: TLockReason = 'manual'): void {
    if (this.keeper.current() !== null) this.keeper.lastLockReason = reason
    this.keeper.close(true, reason)
  }
}
