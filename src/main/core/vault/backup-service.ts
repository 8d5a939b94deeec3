import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../../../shared/result'
import type { TStaffIdentity } from '../accounts/staff-identity'
import { readSchemaVersion } from '../db/open-database'
import { sql } from '../db/sql'
import { fsyncDirectory } from '../fs/atomic-write'
import { extractDatabase, readBackupFile, writeBackupFile, type TProgressListener } from './backup-file'
import { findStaffSlot, openSlot, parseKeyring, serializeKeyring, writeKeyring } from './keyring'
import { integrityCheck } from './open-vault-database'
import type { VaultKeeper } from './vault-keeper'
import { siblingFolder, vaultPaths } from './vault-paths'

/**
 * Backups of the whole vault and restoring one over it. Works with the vault keeper itself, not a session: a
 * restore replaces the vault under every session and ends signed in to the restored one.
 */
export class BackupService {
  constructor(private readonly keeper: VaultKeeper) {}

  /**
   * Write a backup: a consistent snapshot of the still-encrypted database (VACUUM INTO keeps the cipher
   * and key of the source) plus the keyring, in one checksummed file.
   */
  create(destination: string, onProgress?: TProgressListener): Promise<{ bytes: number }> {
    const { keeper } = this
    return keeper.exclusive(async () => {
      const session = keeper.require()
      const snapshot = join(keeper.paths.directory, `.backup-${randomBytes(6).toString('hex')}.tmp`)
      try {
        session.db.run(sql`VACUUM INTO ${snapshot}`)
        const keyringBytes = Buffer.from(serializeKeyring(keeper.requireKeyring()), 'utf8')
        const bytes = await writeBackupFile(
          destination,
          {
            createdAt: keeper.clock.now().toISOString(),
            vaultId: session.vaultId,
            schemaVersion: readSchemaVersion(session.db.database),
          },
          keyringBytes,
          snapshot,
          onProgress,
        )
        keeper.require().audit.record('backup.created', { type: 'vault', id: session.vaultId }, { bytes })
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
  restore(
    source: string,
    username: string,
    passphrase: string,
    onProgress?: TProgressListener,
  ): Promise<TStaffIdentity> {
    const { keeper } = this
    const { paths } = keeper
    return keeper.exclusive(async () => {
      keeper.throttle.assertAllowed(username)
      const contents = await readBackupFile(source, onProgress)
      const keyring = parseKeyring(contents.keyring)
      const slot = findStaffSlot(keyring, username)
      const masterKey = slot === null ? null : await openSlot(keyring.vaultId, slot, passphrase)
      if (masterKey === null || slot === null) {
        keeper.throttle.recordFailure(username)
        throw new AppError(
          'WRONG_PASSPHRASE',
          'That account name and passphrase do not open an account in this backup. Nothing was changed.',
        )
      }
      keeper.throttle.recordSuccess(username)

      const staging = siblingFolder(paths.directory, 'restoring')
      let aside: string | null = null
      try {
        mkdirSync(dirname(paths.directory), { recursive: true, mode: 0o700 })
        mkdirSync(staging, { mode: 0o700 })
        const stagingPaths = vaultPaths(staging)
        writeKeyring(stagingPaths.keyring, keyring)
        await extractDatabase(source, contents, stagingPaths.database, onProgress)
        // Proves the key opens the restored database and that it is sound, before the current vault is touched.
        const probe = keeper.openDatabase(masterKey, stagingPaths.database)
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

        keeper.close(true)
        if (existsSync(paths.directory)) {
          aside = siblingFolder(paths.directory, 'replaced')
          renameSync(paths.directory, aside)
        }
        renameSync(staging, paths.directory)
        fsyncDirectory(dirname(paths.directory))
      } catch (error) {
        rmSync(staging, { recursive: true, force: true })
        if (aside !== null && !existsSync(paths.directory)) renameSync(aside, paths.directory)
        masterKey.fill(0)
        throw error
      }
      if (aside !== null) rmSync(aside, { recursive: true, force: true })

      const staff = keeper.open(masterKey, keyring.vaultId, slot.username, false)
      keeper
        .require()
        .audit.record(
          'restore.completed',
          { type: 'vault', id: keyring.vaultId },
          { backupCreatedAt: contents.metadata.createdAt },
        )
      return staff
    })
  }
}
