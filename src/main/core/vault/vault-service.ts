import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type {
  TAuditDetails,
  TAuditPage,
  TAuditQuery,
  TAuditVerification,
} from '../../../shared/contract/audit'
import {
  ZDisplayNameSchema,
  ZNewStaffAccountSchema,
  ZPassphraseSchema,
  ZUsernameSchema,
  type TNewStaffAccount,
  type TStaffAccount,
} from '../../../shared/contract/accounts'
import type { TLockReason } from '../../../shared/contract/vault'
import { ZRoleSchema, type TRole } from '../../../shared/roles'
import { checkPassphrase } from '../../../shared/passphrase-policy'
import { AppError } from '../../../shared/result'
import type { TStaffIdentity } from '../../ipc/types'
import { AccountsRepository } from '../db/accounts-repository'
import type { TAuditActor, TAuditTarget } from '../db/audit-repository'
import { readSchemaVersion, type TDatabase } from '../db/open-database'
import { fsyncDirectory } from '../fs/atomic-write'
import { extractDatabase, readBackupFile, writeBackupFile, type TProgressListener } from './backup-file'
import { deriveKey, PRODUCTION_KDF, type TScryptParams } from './kdf'
import {
  createSlot,
  findRecoverySlot,
  findStaffSlot,
  KEYRING_VERSION,
  openSlot,
  parseKeyring,
  readKeyring,
  serializeKeyring,
  withoutSlot,
  withSlot,
  writeKeyring,
  type TKeyring,
} from './keyring'
import { createVaultDatabase, integrityCheck, openVaultDatabase } from './open-vault-database'
import { generateRecoveryKey, normalizeRecoveryKey } from './recovery-key'
import { UnlockThrottle } from './throttle'
import { siblingFolder, vaultPaths, type TVaultPaths } from './vault-paths'
import { VaultSession } from './vault-session'

export type TVaultServiceOptions = {
  /** The folder holding keyring.json and vault.db. */
  directory: string
  /** Key-derivation cost for new slots. Production uses PRODUCTION_KDF; tests pass cheaper params. */
  kdf?: TScryptParams
  /** The native addon build for the running runtime (Electron's ABI), passed to better-sqlite3. */
  nativeBinding?: string
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

export type TNewVault = {
  organizationName: string
  username: string
  displayName: string
  passphrase: string
}
export type TLockListener = (state: 'locked' | 'unlocked') => void

const MAX_PENDING_FAILURES = 1000
const RECOVERY_THROTTLE_KEY = 'recovery:'

function assertStrongPassphrase(passphrase: string, userInputs: readonly string[]): void {
  const verdict = checkPassphrase(passphrase, userInputs)
  if (!verdict.ok) {
    throw new AppError(
      'BAD_REQUEST',
      verdict.isLongEnough
        ? 'This passphrase is too easy to guess. Add more unrelated words.'
        : 'A passphrase needs at least 12 characters.',
      verdict,
    )
  }
}

const wrongPassphrase = (): AppError =>
  new AppError('WRONG_PASSPHRASE', 'That account name and passphrase do not open the vault.')

/**
 * The encrypted vault: key slots, unlock and lock, staff accounts, audit trail, backup and restore.
 * Plain Node: the Electron main process, the browser bridge and the admin CLI all drive this one class.
 */
export class VaultService {
  private readonly paths: TVaultPaths
  private readonly kdf: TScryptParams
  private readonly throttle: UnlockThrottle
  private readonly now: () => number
  private session: VaultSession | null = null
  /** Why the vault was last locked by this process; shown on the unlock screen, cleared at the next unlock. */
  private lastLockReason: TLockReason | null = null
  private readonly listeners = new Set<TLockListener>()
  /** Failed unlocks seen while locked; written to the audit trail at the next successful unlock. */
  private pendingFailures: { at: Date; username: string; method: 'passphrase' | 'recovery-key' }[] = []
  /** Serializes operations that await the KDF, so two unlocks cannot interleave. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: TVaultServiceOptions) {
    this.paths = vaultPaths(options.directory)
    this.kdf = options.kdf ?? PRODUCTION_KDF
    this.now = options.now ?? Date.now
    this.throttle = new UnlockThrottle(this.now)
  }

  get directory(): string {
    return this.paths.directory
  }

  status(): TVaultStatus {
    const keyring = readKeyring(this.paths.keyring)
    if (keyring === null) {
      return {
        state: 'no-vault',
        organizationName: null,
        staff: null,
        accounts: [],
        recoveryKeyConfirmed: null,
        lastLockReason: null,
      }
    }
    const session = this.session
    // While locked only sign-in names are known (the keyring); display names live in the encrypted database.
    const displayNames = new Map(
      session?.accounts.list().map((account) => [account.id, account.displayName]) ?? [],
    )
    const accounts = keyring.slots.flatMap((slot) =>
      slot.kind === 'staff'
        ? [{ username: slot.username, displayName: displayNames.get(slot.id) ?? slot.username }]
        : [],
    )
    accounts.sort((left, right) => left.username.localeCompare(right.username))
    if (session === null) {
      return {
        state: 'locked',
        organizationName: null,
        staff: null,
        accounts,
        recoveryKeyConfirmed: null,
        lastLockReason: this.lastLockReason,
      }
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
    return this.session === null ? null : { ...this.session.staff }
  }

  /** Called with 'unlocked' or 'locked' whenever that changes; returns an unsubscribe function. */
  onLockChange(listener: TLockListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The open database for repositories of later features. Throws LOCKED while locked. */
  database(): TDatabase {
    return this.requireSession().db
  }

  /**
   * Create a vault with its first admin; the vault is left unlocked as that admin. Returns the recovery key, which
   * stays unconfirmed until `confirmRecoveryKey()`.
   */
  create(input: TNewVault): Promise<{ recoveryKey: string; staff: TStaffIdentity }> {
    return this.exclusive(async () => {
      const organizationName = ZDisplayNameSchema.parse(input.organizationName)
      const username = ZUsernameSchema.parse(input.username)
      const displayName = ZDisplayNameSchema.parse(input.displayName)
      assertStrongPassphrase(input.passphrase, [username, displayName, organizationName])
      if (existsSync(this.paths.directory) && readdirSync(this.paths.directory).length > 0) {
        throw new AppError(
          'VAULT_EXISTS',
          'A vault already exists here. Unlock it, or restore over it from a backup.',
        )
      }

      const vaultId = randomUUID()
      const accountId = randomUUID()
      const masterKey = randomBytes(32)
      const recoveryKey = generateRecoveryKey()
      try {
        const adminSlot = await createSlot(
          vaultId,
          { kind: 'staff', id: accountId, username },
          input.passphrase,
          masterKey,
          this.kdf,
        )
        const recoverySlot = await createSlot(vaultId, { kind: 'recovery' }, recoveryKey, masterKey, this.kdf)
        const keyring: TKeyring = {
          format: 'ccij-keyring',
          version: KEYRING_VERSION,
          vaultId,
          slots: [adminSlot, recoverySlot],
        }

        // Built in a sibling folder and renamed into place, so a crash never leaves a half-made vault.
        const staging = siblingFolder(this.paths.directory, 'creating')
        mkdirSync(dirname(this.paths.directory), { recursive: true, mode: 0o700 })
        mkdirSync(staging, { mode: 0o700 })
        try {
          const stagingPaths = vaultPaths(staging)
          const db = createVaultDatabase(stagingPaths.database, masterKey, this.options.nativeBinding)
          try {
            const session = new VaultSession(db, masterKey, vaultId, {
              accountId,
              username,
              displayName,
              role: 'admin',
            })
            db.transaction(() => {
              session.meta.create(organizationName, new Date(this.now()))
              session.accounts.insert(
                { id: accountId, username, displayName, role: 'admin' },
                new Date(this.now()),
              )
              session.audit.append(
                session.actor,
                'vault.created',
                { type: 'vault', id: vaultId },
                {},
                new Date(this.now()),
              )
              session.audit.append(
                session.actor,
                'account.added',
                { type: 'account', id: accountId },
                { role: 'admin' },
                new Date(this.now()),
              )
            })()
          } finally {
            db.close()
          }
          writeKeyring(stagingPaths.keyring, keyring)
          fsyncDirectory(staging)
          if (existsSync(this.paths.directory)) rmdirSync(this.paths.directory)
          renameSync(staging, this.paths.directory)
          fsyncDirectory(dirname(this.paths.directory))
        } catch (error) {
          rmSync(staging, { recursive: true, force: true })
          throw error
        }
        const staff = this.startSession(Buffer.from(masterKey), vaultId, username)
        return { recoveryKey, staff }
      } finally {
        masterKey.fill(0)
      }
    })
  }

  /** Open the vault with a staff member's passphrase. Wrong passphrase: WRONG_PASSPHRASE, growing delay, no file touched. */
  unlock(username: string, passphrase: string): Promise<TStaffIdentity> {
    return this.exclusive(async () => {
      this.throttle.assertAllowed(username)
      const keyring = this.requireKeyring()
      const slot = findStaffSlot(keyring, username)
      // An unknown name costs the same KDF time as a known one, so timing does not reveal which names exist.
      const masterKey =
        slot === null
          ? await spendDecoyTime(keyring, passphrase)
          : await openSlot(keyring.vaultId, slot, passphrase)
      if (masterKey === null || slot === null) {
        masterKey?.fill(0)
        this.recordFailedUnlock(username, 'passphrase')
        throw wrongPassphrase()
      }
      this.closeSession(false)
      return this.startSession(masterKey, keyring.vaultId, slot.username)
    })
  }

  /** Open the vault with the recovery key and give `username` a new passphrase (their slot is rewritten). */
  unlockWithRecoveryKey(
    recoveryKey: string,
    username: string,
    newPassphrase: string,
  ): Promise<TStaffIdentity> {
    return this.exclusive(async () => {
      this.throttle.assertAllowed(RECOVERY_THROTTLE_KEY)
      const keyring = this.requireKeyring()
      const recoverySlot = findRecoverySlot(keyring)
      if (recoverySlot === null) throw new AppError('NOT_FOUND', 'This vault has no recovery key.')
      const masterKey = await openSlot(keyring.vaultId, recoverySlot, normalizeRecoveryKey(recoveryKey))
      if (masterKey === null) {
        this.recordFailedUnlock(username, 'recovery-key')
        this.throttle.recordFailure(RECOVERY_THROTTLE_KEY)
        throw new AppError('WRONG_PASSPHRASE', 'That recovery key does not open this vault.')
      }
      this.throttle.recordSuccess(RECOVERY_THROTTLE_KEY)
      this.closeSession(false)
      let session: VaultSession
      try {
        const db = openVaultDatabase(this.paths.database, masterKey, this.options.nativeBinding)
        const account = new AccountsRepository(db).findByUsername(username)
        if (account === null || account.status !== 'active') {
          db.close()
          throw new AppError('NOT_FOUND', 'There is no active account with that name.')
        }
        session = new VaultSession(db, masterKey, keyring.vaultId, toIdentity(account))
      } catch (error) {
        masterKey.fill(0)
        throw error
      }
      try {
        assertStrongPassphrase(newPassphrase, [session.staff.username, session.staff.displayName])
        const slot = await createSlot(
          keyring.vaultId,
          { kind: 'staff', id: session.staff.accountId, username: session.staff.username },
          newPassphrase,
          masterKey,
          this.kdf,
        )
        session.db.transaction(() => {
          this.flushPendingFailures(session)
          session.audit.append(session.actor, 'recovery.used', {
            type: 'account',
            id: session.staff.accountId,
          })
          // A key that was used has been seen (typed, perhaps read aloud or photographed): an admin should replace it.
          session.meta.setRecoveryKeyConfirmedAt(null)
          session.audit.append(
            session.actor,
            'account.passphrase_changed',
            { type: 'account', id: session.staff.accountId },
            { via: 'recovery-key' },
          )
          writeKeyring(this.paths.keyring, withSlot(this.requireKeyring(), slot))
        })()
      } catch (error) {
        session.close()
        throw error
      }
      this.throttle.recordSuccess(session.staff.username)
      this.session = session
      this.lastLockReason = null
      this.emit('unlocked')
      return { ...session.staff }
    })
  }

  /** Close the database and zero the key; `reason` goes into the 'lock' audit entry. Safe to call when locked. */
  lock(reason: TLockReason = 'manual'): void {
    if (this.session !== null) this.lastLockReason = reason
    this.closeSession(true, reason)
  }

  /**
   * Admin only: a new random recovery key. Only the recovery slot is rewritten (atomically, inside the same
   * transaction as the audit entry); the old key stops working at once and the new one starts unconfirmed.
   * Returns the new key, to be shown once.
   */
  replaceRecoveryKey(): Promise<string> {
    return this.exclusive(async () => {
      const session = this.requireAdmin()
      const recoveryKey = generateRecoveryKey()
      const slot = await createSlot(
        session.vaultId,
        { kind: 'recovery' },
        recoveryKey,
        session.masterKey,
        this.kdf,
      )
      const current = this.requireAdmin()
      current.db.transaction(() => {
        current.meta.setRecoveryKeyConfirmedAt(null)
        current.audit.append(
          current.actor,
          'recovery.replaced',
          { type: 'vault', id: current.vaultId },
          {},
          new Date(this.now()),
        )
        writeKeyring(this.paths.keyring, withSlot(this.requireKeyring(), slot))
      })()
      return recoveryKey
    })
  }

  /** Admin only: the current recovery key is printed or written down and stored safely. */
  confirmRecoveryKey(): void {
    const session = this.requireAdmin()
    const at = new Date(this.now())
    session.db.transaction(() => {
      session.meta.setRecoveryKeyConfirmedAt(at)
      session.audit.append(
        session.actor,
        'recovery.confirmed',
        { type: 'vault', id: session.vaultId },
        {},
        at,
      )
    })()
  }

  /** Admin only: when the current recovery key was confirmed as stored, or null if it was not. */
  recoveryKeyStatus(): { confirmedAt: string | null } {
    return { confirmedAt: this.requireAdmin().meta.get()?.recoveryKeyConfirmedAt ?? null }
  }

  /** Change the signed-in person's passphrase: checks the current one, rewrites only their slot. */
  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.exclusive(async () => {
      const session = this.requireSession()
      const { staff } = session
      this.throttle.assertAllowed(staff.username)
      const keyring = this.requireKeyring()
      const slot = findStaffSlot(keyring, staff.username)
      if (slot === null) throw new AppError('NOT_FOUND', 'Your account has no key slot. Ask an admin.')
      const check = await openSlot(keyring.vaultId, slot, currentPassphrase)
      if (check === null) {
        this.throttle.recordFailure(staff.username)
        throw new AppError('WRONG_PASSPHRASE', 'Your current passphrase is not right.')
      }
      check.fill(0)
      this.throttle.recordSuccess(staff.username)
      assertStrongPassphrase(newPassphrase, [staff.username, staff.displayName])
      const newSlot = await createSlot(
        keyring.vaultId,
        { kind: 'staff', id: staff.accountId, username: staff.username },
        newPassphrase,
        session.masterKey,
        this.kdf,
      )
      const current = this.requireSession()
      current.db.transaction(() => {
        current.audit.append(current.actor, 'account.passphrase_changed', {
          type: 'account',
          id: staff.accountId,
        })
        writeKeyring(this.paths.keyring, withSlot(this.requireKeyring(), newSlot))
      })()
    })
  }

  listAccounts(): TStaffAccount[] {
    return this.requireSession().accounts.list()
  }

  /** Admin only: a new staff member with a first passphrase, and their key slot. */
  addAccount(input: TNewStaffAccount): Promise<TStaffAccount> {
    return this.exclusive(async () => {
      const request = ZNewStaffAccountSchema.parse(input)
      const session = this.requireAdmin()
      if (session.accounts.findByUsername(request.username) !== null) {
        throw new AppError(
          'CONFLICT',
          'An account with that name already exists (perhaps disabled). Choose another name.',
        )
      }
      assertStrongPassphrase(request.passphrase, [request.username, request.displayName])
      const id = randomUUID()
      const slot = await createSlot(
        this.requireKeyring().vaultId,
        { kind: 'staff', id, username: request.username },
        request.passphrase,
        session.masterKey,
        this.kdf,
      )
      const current = this.requireAdmin()
      // The keyring is written inside the transaction: if the write fails, the account row rolls back too.
      return current.db.transaction(() => {
        const account = current.accounts.insert({
          id,
          username: request.username,
          displayName: request.displayName,
          role: request.role,
        })
        current.audit.append(current.actor, 'account.added', { type: 'account', id }, { role: request.role })
        writeKeyring(this.paths.keyring, withSlot(this.requireKeyring(), slot))
        return account
      })()
    })
  }

  /** Admin only: delete the account's key slot and mark it disabled. The last active admin stays. */
  disableAccount(accountId: string): TStaffAccount {
    const session = this.requireAdmin()
    return session.db.transaction(() => {
      const account = session.accounts.findById(accountId)
      if (account === null) throw new AppError('NOT_FOUND', 'There is no such account.')
      if (account.status === 'disabled') return account
      if (account.role === 'admin' && session.accounts.activeAdminCount() <= 1) {
        throw new AppError(
          'CONFLICT',
          'This is the last active admin. Add another admin before disabling this one.',
        )
      }
      session.accounts.setStatus(accountId, 'disabled')
      session.audit.append(session.actor, 'account.disabled', { type: 'account', id: accountId })
      writeKeyring(this.paths.keyring, withoutSlot(this.requireKeyring(), accountId))
      const updated = session.accounts.findById(accountId)
      if (updated === null) throw new AppError('NOT_FOUND', 'There is no such account.')
      return updated
    })()
  }

  /**
   * Admin only: give an active colleague another role. The last active admin cannot be demoted, and your own role
   * is changed by another admin (so a session never keeps rights its account no longer has).
   */
  changeRole(accountId: string, role: TRole): TStaffAccount {
    const session = this.requireAdmin()
    const to = ZRoleSchema.parse(role)
    return session.db.transaction(() => {
      const account = session.accounts.findById(accountId)
      if (account === null || account.status !== 'active') {
        throw new AppError('NOT_FOUND', 'There is no active account with that id.')
      }
      if (account.role === to) return account
      if (account.role === 'admin' && session.accounts.activeAdminCount() <= 1) {
        throw new AppError(
          'CONFLICT',
          'This is the last active admin. Make another account an admin before changing this role.',
        )
      }
      if (account.id === session.staff.accountId) {
        throw new AppError('FORBIDDEN', 'Your own role is changed by another admin.')
      }
      const at = new Date(this.now())
      session.accounts.setRole(accountId, to, at)
      session.audit.append(
        session.actor,
        'account.role_changed',
        { type: 'account', id: accountId },
        { from: account.role, to },
        at,
      )
      const updated = session.accounts.findById(accountId)
      if (updated === null) throw new AppError('NOT_FOUND', 'There is no such account.')
      return updated
    })()
  }

  /**
   * Admin only: a new passphrase for a colleague who forgot theirs, without acting as them. Only their key slot is
   * rewritten (the admin's session wraps the master key), atomically and inside the audit entry's transaction.
   * Not for your own account: use changePassphrase. The colleague should change it at their next sign-in.
   */
  resetPassphrase(accountId: string, newPassphrase: string): Promise<TStaffAccount> {
    return this.exclusive(async () => {
      const session = this.requireAdmin()
      if (accountId === session.staff.accountId) {
        throw new AppError('FORBIDDEN', 'Change your own passphrase with Change passphrase instead.')
      }
      const account = session.accounts.findById(accountId)
      if (account === null || account.status !== 'active') {
        throw new AppError('NOT_FOUND', 'There is no active account with that id.')
      }
      ZPassphraseSchema.parse(newPassphrase)
      assertStrongPassphrase(newPassphrase, [account.username, account.displayName])
      const slot = await createSlot(
        session.vaultId,
        { kind: 'staff', id: account.id, username: account.username },
        newPassphrase,
        session.masterKey,
        this.kdf,
      )
      const current = this.requireAdmin()
      return current.db.transaction(() => {
        // Checked again after the KDF: the account may have been disabled meanwhile (its slot must not come back).
        const latest = current.accounts.findById(accountId)
        if (latest === null || latest.status !== 'active') {
          throw new AppError('NOT_FOUND', 'There is no active account with that id.')
        }
        current.audit.append(
          current.actor,
          'account.passphrase_reset',
          { type: 'account', id: accountId },
          {},
          new Date(this.now()),
        )
        writeKeyring(this.paths.keyring, withSlot(this.requireKeyring(), slot))
        return latest
      })()
    })
  }

  /** The audit trail. `append` is for every feature that records who did what; list and verify are for admins. */
  readonly audit = {
    append: (actor: TAuditActor, action: string, target: TAuditTarget, details: TAuditDetails = {}) =>
      this.requireSession().audit.append(actor, action, target, details, new Date(this.now())),
    list: (query: TAuditQuery = {}): TAuditPage => this.requireSession().audit.list(query),
    verify: (): TAuditVerification => this.requireSession().audit.verify(),
  }

  /** SQLite's integrity check of the open vault: ['ok'] when sound. */
  integrityCheck(): string[] {
    return integrityCheck(this.requireSession().db)
  }

  /**
   * Write a backup: a consistent snapshot of the still-encrypted database (VACUUM INTO keeps the cipher
   * and key of the source) plus the keyring, in one checksummed file.
   */
  createBackup(destination: string, onProgress?: TProgressListener): Promise<{ bytes: number }> {
    return this.exclusive(async () => {
      const session = this.requireSession()
      const snapshot = join(this.paths.directory, `.backup-${randomBytes(6).toString('hex')}.tmp`)
      try {
        session.db.prepare('VACUUM INTO ?').run(snapshot)
        const keyringBytes = Buffer.from(serializeKeyring(this.requireKeyring()), 'utf8')
        const bytes = await writeBackupFile(
          destination,
          {
            createdAt: new Date(this.now()).toISOString(),
            vaultId: session.vaultId,
            schemaVersion: readSchemaVersion(session.db),
          },
          keyringBytes,
          snapshot,
          onProgress,
        )
        this.requireSession().audit.append(
          session.actor,
          'backup.created',
          { type: 'vault', id: session.vaultId },
          { bytes },
          new Date(this.now()),
        )
        return { bytes }
      } finally {
        rmSync(snapshot, { force: true })
      }
    })
  }

  /**
   * Replace the vault with a backup. The file's checksum and the passphrase (against the backup's own
   * keyring) are checked, and the restored database opened, before anything is replaced; the swap is two
   * renames; the old vault is deleted only after success. Ends unlocked as `username` in the restored vault.
   */
  restoreBackup(
    source: string,
    username: string,
    passphrase: string,
    onProgress?: TProgressListener,
  ): Promise<TStaffIdentity> {
    return this.exclusive(async () => {
      this.throttle.assertAllowed(username)
      const contents = await readBackupFile(source, onProgress)
      const keyring = parseKeyring(contents.keyring)
      const slot = findStaffSlot(keyring, username)
      const masterKey = slot === null ? null : await openSlot(keyring.vaultId, slot, passphrase)
      if (masterKey === null || slot === null) {
        this.throttle.recordFailure(username)
        throw new AppError(
          'WRONG_PASSPHRASE',
          'That account name and passphrase do not open an account in this backup. Nothing was changed.',
        )
      }
      this.throttle.recordSuccess(username)

      const staging = siblingFolder(this.paths.directory, 'restoring')
      let aside: string | null = null
      try {
        mkdirSync(dirname(this.paths.directory), { recursive: true, mode: 0o700 })
        mkdirSync(staging, { mode: 0o700 })
        const stagingPaths = vaultPaths(staging)
        writeKeyring(stagingPaths.keyring, keyring)
        await extractDatabase(source, contents, stagingPaths.database, onProgress)
        // Proves the key opens the restored database and that it is sound, before the current vault is touched.
        const probe = openVaultDatabase(stagingPaths.database, masterKey, this.options.nativeBinding)
        try {
          const problems = integrityCheck(probe)
          if (problems.length !== 1 || problems[0] !== 'ok') {
            throw new AppError(
              'INVALID_FILE',
              'The database inside this backup is damaged. Nothing was changed.',
            )
          }
        } finally {
          probe.close()
        }
        fsyncDirectory(staging)

        this.closeSession(true)
        if (existsSync(this.paths.directory)) {
          aside = siblingFolder(this.paths.directory, 'replaced')
          renameSync(this.paths.directory, aside)
        }
        renameSync(staging, this.paths.directory)
        fsyncDirectory(dirname(this.paths.directory))
      } catch (error) {
        rmSync(staging, { recursive: true, force: true })
        if (aside !== null && !existsSync(this.paths.directory)) renameSync(aside, this.paths.directory)
        masterKey.fill(0)
        throw error
      }
      if (aside !== null) rmSync(aside, { recursive: true, force: true })

      const staff = this.startSession(masterKey, keyring.vaultId, slot.username, false)
      const session = this.requireSession()
      session.audit.append(
        session.actor,
        'restore.completed',
        { type: 'vault', id: keyring.vaultId },
        { backupCreatedAt: contents.metadata.createdAt },
        new Date(this.now()),
      )
      return staff
    })
  }

  // ——— internals ———

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation)
    this.queue = result.catch(() => undefined)
    return result
  }

  private requireKeyring(): TKeyring {
    const keyring = readKeyring(this.paths.keyring)
    if (keyring === null) throw new AppError('NO_VAULT', 'There is no vault yet. Create one first.')
    return keyring
  }

  private requireSession(): VaultSession {
    if (this.session === null) throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.')
    return this.session
  }

  private requireAdmin(): VaultSession {
    const session = this.requireSession()
    if (session.staff.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin can do this.')
    return session
  }

  private recordFailedUnlock(username: string, method: 'passphrase' | 'recovery-key'): void {
    this.throttle.recordFailure(username)
    this.pendingFailures.push({ at: new Date(this.now()), username: username.slice(0, 64), method })
    if (this.pendingFailures.length > MAX_PENDING_FAILURES) this.pendingFailures.shift()
  }

  /**
   * A wrong passphrase is 'unlock.failed', a wrong recovery key 'recovery.failed'; both name the sign-in name that
   * was tried (staff names, not survivor data).
   */
  private flushPendingFailures(session: VaultSession): void {
    for (const failure of this.pendingFailures) {
      if (failure.method === 'recovery-key') {
        session.audit.append(null, 'recovery.failed', null, { username: failure.username }, failure.at)
      } else {
        session.audit.append(
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

  /** Opens the database with `masterKey` (taking ownership of it) as the account with that username. */
  private startSession(
    masterKey: Buffer,
    vaultId: string,
    username: string,
    auditUnlock = true,
  ): TStaffIdentity {
    let db: TDatabase
    try {
      db = openVaultDatabase(this.paths.database, masterKey, this.options.nativeBinding)
    } catch (error) {
      masterKey.fill(0)
      throw error
    }
    const account = new AccountsRepository(db).findByUsername(username)
    if (account === null || account.status !== 'active') {
      db.close()
      masterKey.fill(0)
      throw new AppError('FORBIDDEN', 'This account is disabled. Ask an admin.')
    }
    const session = new VaultSession(db, masterKey, vaultId, toIdentity(account))
    if (auditUnlock) {
      db.transaction(() => {
        this.flushPendingFailures(session)
        session.audit.append(
          session.actor,
          'unlock.succeeded',
          { type: 'account', id: account.id },
          {},
          new Date(this.now()),
        )
      })()
    }
    this.throttle.recordSuccess(username)
    this.session = session
    this.lastLockReason = null
    this.emit('unlocked')
    return { ...session.staff }
  }

  /** `reason` is left out of the 'lock' entry when no person or event asked for the lock (a restore replacing the vault). */
  private closeSession(auditLock: boolean, reason?: TLockReason): void {
    const session = this.session
    if (session === null) return
    this.session = null
    try {
      if (auditLock) {
        const details = reason === undefined ? {} : { reason }
        session.audit.append(session.actor, 'lock', null, details, new Date(this.now()))
      }
    } finally {
      session.close()
      this.emit('locked')
    }
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

const toIdentity = (account: TStaffAccount): TStaffIdentity => ({
  accountId: account.id,
  username: account.username,
  displayName: account.displayName,
  role: account.role,
})

/** Spend the same KDF time on an unknown account name as on a known one. Always null. */
async function spendDecoyTime(keyring: TKeyring, passphrase: string): Promise<null> {
  const slot = keyring.slots[0]
  if (slot !== undefined) (await deriveKey(passphrase, Buffer.from(slot.salt, 'base64'), slot.kdf)).fill(0)
  return null
}
