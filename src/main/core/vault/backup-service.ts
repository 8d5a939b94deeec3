import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../../../shared/result'
import { ADMIN_ONLY } from '../../../shared/roles'
import type { TStaffIdentity } from '../accounts/staff-identity'
import { readSchemaVersion } from '../db/open-database'
import { fsyncDirectory } from '../fs/atomic-write'
import { ONLY_ADMINS } from '../session/session'
import {
  extractVerifiedBackup,
  invalidBackup,
  readBackupHead,
  writeBackupFile,
  type TBackupSection,
  type TProgressListener,
} from './backup-file'
import { removeDatabaseFile, snapshotDatabase } from './database-files'
import { findSlotByUsername, isLegacyKeyring, parseKeyring, serializeKeyring, type TKeyring } from './keyring'
import { integrityCheck } from './open-vault-database'
import { rolledBackTail, type TRolledBackTail } from './restore-summary'
import { openGrants, openSlotPrivateKey } from './slot-keys'
import { spendDecoyTime } from './unlock'
import type { VaultKeeper } from './vault-keeper'
import { generationPaths, siblingFolder, vaultPaths } from './vault-paths'
import { adminSubkey, zeroKeys, type TVaultKeys } from './vault-keys'

const RESTORE_THROTTLE_KEY = 'restore:'

const notAnAdminOfTheBackup = (): AppError =>
  new AppError(
    'WRONG_PASSPHRASE',
    'That account name and passphrase do not open an admin account in this backup. Nothing was changed.',
  )

/**
 * Backups of the whole vault and restoring one over it. Works with the vault keeper itself, not only a session: a
 * restore replaces the vault under every session and ends signed in to the restored one. Both are for admins: a
 * backup is MAC'd with K_admin, and a restore over an existing vault needs an admin signed in to it AND a passphrase
 * opening an admin slot of the backup.
 */
export class BackupService {
  constructor(private readonly keeper: VaultKeeper) {}

  /**
   * Write a backup: consistent snapshots of both still-encrypted databases (VACUUM INTO keeps each file's cipher and
   * key), the keyring and the audit checkpoint (sealed just before), in one file MAC'd with K_admin. The audit entry
   * is written just before the file appears; a lock meanwhile cancels it and leaves nothing behind.
   */
  create(destination: string, onProgress?: TProgressListener): Promise<{ bytes: number }> {
    const { keeper } = this
    return keeper.exclusive(async () => {
      const session = keeper.require()
      session.requireRole(ADMIN_ONLY, ONLY_ADMINS)
      const adminKey = session.keys.admin
      if (adminKey === null) throw new AppError('FORBIDDEN', ONLY_ADMINS)
      const operation = keeper.begin()
      const snapshot = (name: string) =>
        join(keeper.paths.directory, `.backup-${name}-${randomBytes(6).toString('hex')}.tmp`)
      const snapshots = { vault: snapshot('vault'), casework: snapshot('casework') }
      const macKey = adminSubkey(adminKey, 'backup-mac', session.vaultId)
      try {
        session.seal()
        const keyring = keeper.requireKeyring()
        const live = keeper.filesOf(keyring)
        if (session.keys.case === null) throw new AppError('FORBIDDEN', ONLY_ADMINS)
        snapshotDatabase(live.vault, session.keys.vault, snapshots.vault, keeper.nativeBinding)
        snapshotDatabase(live.casework, session.keys.case, snapshots.casework, keeper.nativeBinding)
        const anchor = readFileSync(keeper.filesOf(keyring).anchor)
        const bytes = await writeBackupFile(
          destination,
          {
            createdAt: keeper.clock.now().toISOString(),
            vaultId: session.vaultId,
            generation: keyring.generation,
            schemaVersion: readSchemaVersion(session.db.database),
            caseworkSchemaVersion: readSchemaVersion(session.db.database, 'casework'),
          },
          { keyring: Buffer.from(serializeKeyring(keyring), 'utf8'), anchor, ...snapshots },
          macKey,
          {
            operation,
            ...(onProgress === undefined ? {} : { onProgress }),
            beforeRename: (total) => {
              keeper
                .require()
                .audit.record('backup.created', { type: 'vault', id: session.vaultId }, { bytes: total })
            },
          },
        )
        return { bytes }
      } finally {
        macKey.fill(0)
        operation.end()
        for (const file of Object.values(snapshots)) removeDatabaseFile(file)
      }
    })
  }

  /**
   * Replace the vault with a backup. Before anything is replaced: the signed-in person is an admin of the current
   * vault (when there is one); the passphrase opens an admin slot of the backup's keyring (parsed with KDF bounds);
   * the whole file's MAC verifies in the pass that copies it to a staging folder; both restored databases open and
   * are sound. Then two renames swap the folders (a crash between them is rolled back at the next start). The
   * restored trail records what was rolled back: the current trail's entries newer than the backup.
   */
  restore(
    source: string,
    username: string,
    passphrase: string,
    onProgress?: TProgressListener,
  ): Promise<TStaffIdentity> {
    const { keeper } = this
    const { paths } = keeper
    return keeper.exclusive(async () => {
      keeper.settle()
      const current = keeper.current()
      if (keeper.readAnyKeyring() !== null) {
        if (current === null)
          throw new AppError('LOCKED', 'Unlock the vault as an admin to restore a backup over it.')
        current.requireRole(ADMIN_ONLY, 'Only an admin of this vault can restore a backup over it.')
      }
      keeper.throttle.assertAllowed(RESTORE_THROTTLE_KEY)
      const operation = keeper.begin()
      let keys: TVaultKeys | null = null
      const staging = siblingFolder(paths.directory, 'restoring')
      let aside: string | null = null
      try {
        const head = await readBackupHead(source)
        const opened = await openAdminSlot(keeper, head.keyring, username, passphrase)
        keys = opened.keys
        const { keyring, slotId } = opened
        if (head.metadata.vaultId !== keyring.vaultId || head.metadata.generation !== keyring.generation) {
          throw invalidBackup('its header does not match its keyring')
        }
        keeper.throttle.recordSuccess(RESTORE_THROTTLE_KEY)

        mkdirSync(dirname(paths.directory), { recursive: true, mode: 0o700 })
        mkdirSync(staging, { mode: 0o700 })
        const staged = generationPaths(staging, keyring.files)
        const targets: Record<TBackupSection, string> = {
          keyring: vaultPaths(staging).keyring,
          anchor: staged.anchor,
          vault: staged.vault,
          casework: staged.casework,
        }
        const macKey = adminSubkey(keys.admin ?? Buffer.alloc(32), 'backup-mac', keyring.vaultId)
        try {
          await extractVerifiedBackup(source, head, macKey, targets, {
            operation,
            ...(onProgress === undefined ? {} : { onProgress }),
          })
        } finally {
          macKey.fill(0)
        }
        // The key came from the first read of the keyring; the verified copy must be the same bytes.
        if (!readFileSync(targets.keyring).equals(head.keyring))
          throw invalidBackup('it changed while it was read')
        checkRestoredDatabases(keeper, staged, keys)
        const summary = current === null ? null : rolledBackTail(current, keeper, staged.vault, keys.vault)
        fsyncDirectory(staging)
        keeper.step('restore:staged')

        operation.throwIfCancelled()
        keeper.closeSession(true)
        if (existsSync(paths.directory)) {
          aside = siblingFolder(paths.directory, 'replaced')
          renameSync(paths.directory, aside)
        }
        keeper.step('restore:aside')
        renameSync(staging, paths.directory)
        fsyncDirectory(dirname(paths.directory))
        keeper.step('restore:swapped')
        if (aside !== null) rmSync(aside, { recursive: true, force: true })
        const session = keeper.openSession(
          keyring,
          slotId,
          keys,
          new AppError('FORBIDDEN', 'This account is disabled in the backup.'),
        )
        keys = null
        session.audit.record(
          'restore.completed',
          { type: 'vault', id: keyring.vaultId },
          {
            backupCreatedAt: head.metadata.createdAt,
            backupGeneration: keyring.generation,
            ...(summary === null ? {} : { rolledBack: summary }),
          },
        )
        return keeper.install(session)
      } catch (error) {
        rmSync(staging, { recursive: true, force: true })
        if (aside !== null && !existsSync(paths.directory)) renameSync(aside, paths.directory)
        throw error
      } finally {
        if (keys !== null) zeroKeys(keys)
        operation.end()
      }
    })
  }
}

/**
 * The backup's keyring (bounded parse) and the keys an ADMIN slot of it yields for `username`'s passphrase.
 * WRONG_PASSPHRASE otherwise, counted by the throttle.
 */
async function openAdminSlot(
  keeper: VaultKeeper,
  keyringBytes: Buffer,
  username: string,
  passphrase: string,
): Promise<{ keyring: TKeyring; keys: TVaultKeys; slotId: string }> {
  const parsed = parseKeyring(keyringBytes, keeper.kdf.floor)
  if (isLegacyKeyring(parsed)) throw invalidBackup('its keyring is from an earlier version of the app')
  const slot = findSlotByUsername(parsed, username)
  // No staff slot by that name (none, or a legacy one): as slow as a staff slot's wrong passphrase all the same.
  if (slot?.kind !== 'staff') await spendDecoyTime(parsed, passphrase)
  const privateKey =
    slot?.kind === 'staff' ? await openSlotPrivateKey(parsed.vaultId, slot, passphrase) : null
  const keys =
    slot?.kind === 'staff' && privateKey !== null
      ? openGrants(parsed.vaultId, parsed.generation, slot, privateKey)
      : null
  privateKey?.fill(0)
  if (slot === null || keys === null || keys.admin === null || keys.case === null) {
    if (keys !== null) zeroKeys(keys)
    keeper.throttle.recordFailure(RESTORE_THROTTLE_KEY)
    throw notAnAdminOfTheBackup()
  }
  return { keyring: parsed, keys, slotId: slot.id }
}

/** Both restored databases open with their keys and pass SQLite's integrity check. */
function checkRestoredDatabases(
  keeper: VaultKeeper,
  staged: { vault: string; casework: string },
  keys: TVaultKeys,
): void {
  for (const [file, key, kind] of [
    [staged.vault, keys.vault, 'vault'],
    [staged.casework, keys.case, 'casework'],
  ] as const) {
    if (key === null) throw invalidBackup('it does not hold the case key')
    const probe = keeper.openDatabase(file, key, kind)
    try {
      const problems = integrityCheck(probe)
      if (problems.length !== 1 || problems[0] !== 'ok') {
        throw new AppError('INVALID_FILE', 'A database inside this backup is damaged. Nothing was changed.')
      }
    } finally {
      probe.close()
    }
  }
}

export type { TRolledBackTail }
