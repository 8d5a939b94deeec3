import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { AccountsRepository } from '../accounts/accounts-repository'
import { AuditRepository } from '../audit/audit-repository'
import { writeHeadCheckpoint } from '../audit/audit-seal'
import { Connection } from '../db/connection'
import { VaultMetaRepository } from '../db/vault-meta-repository'
import { fsyncDirectory } from '../fs/atomic-write'
import type { TClock } from '../session/session'
import { fsyncFile } from './database-files'
import type { TKdfParams } from './kdf'
import { filesOfGeneration, KEYRING_VERSION, writeKeyring, type TKeyring } from './keyring'
import { createVaultDatabase } from './open-vault-database'
import { generateRecoveryKey } from './recovery-key'
import { createGrantedSlot } from './slot-keys'
import { generationPaths, siblingFolder, vaultPaths, type TVaultPaths } from './vault-paths'
import { newVaultKeys, zeroKeys, type TVaultKeys } from './vault-keys'

export type TNewVault = {
  organizationName: string
  username: string
  displayName: string
  passphrase: string
}

/**
 * Build a new vault (keyring with the first admin's slot and a recovery slot, both granted all three keys; vault.db
 * with the vault's row, the admin's account and their audit entries; an empty casework.db; the first audit
 * checkpoint) in a sibling folder and rename it into place, so a crash never leaves a half-made vault. The input is
 * already validated. Returns the keyring and the keys; the caller owns the keys and must zero them.
 */
export async function createVaultFolder(
  paths: TVaultPaths,
  input: TNewVault,
  options: { kdf: TKdfParams; clock: TClock; nativeBinding: string | undefined },
): Promise<{ keyring: TKeyring; accountId: string; keys: TVaultKeys; recoveryKey: string }> {
  const vaultId = randomUUID()
  const accountId = randomUUID()
  const keys = newVaultKeys()
  const recoveryKey = generateRecoveryKey()
  const generation = 1
  try {
    const context = { vaultId, generation, keys, kdf: options.kdf }
    const admin = await createGrantedSlot(
      { kind: 'staff', id: accountId, username: input.username },
      'admin',
      input.passphrase,
      context,
    )
    admin.keyPair.privateKey.fill(0)
    const recovery = await createGrantedSlot({ kind: 'recovery' }, 'admin', recoveryKey, context)
    recovery.keyPair.privateKey.fill(0)
    const keyring: TKeyring = {
      format: 'ccij-keyring',
      version: KEYRING_VERSION,
      vaultId,
      generation,
      files: filesOfGeneration(generation),
      slots: [admin.slot, recovery.slot],
    }
    const staging = siblingFolder(paths.directory, 'creating')
    mkdirSync(dirname(paths.directory), { recursive: true, mode: 0o700 })
    mkdirSync(staging, { mode: 0o700 })
    try {
      const files = generationPaths(staging, keyring.files)
      createVaultDatabase(files.casework, keys.case, options.nativeBinding, 'casework').close()
      fsyncFile(files.casework)
      const database = createVaultDatabase(files.vault, keys.vault, options.nativeBinding)
      try {
        const db = new Connection(database)
        const actor = { accountId, username: input.username }
        const trail = new AuditRepository(db)
        db.transaction(() => {
          new VaultMetaRepository(db).create(input.organizationName, options.clock.now())
          new AccountsRepository(db).insert(
            { id: accountId, username: input.username, displayName: input.displayName, role: 'admin' },
            options.clock.now(),
          )
          trail.append(actor, 'vault.created', { type: 'vault', id: vaultId }, {}, options.clock.now())
          const account = { type: 'account', id: accountId }
          trail.append(actor, 'account.added', account, { role: 'admin' }, options.clock.now())
        })
        writeHeadCheckpoint({
          trail,
          anchorFile: files.anchor,
          vaultId,
          generation,
          adminKey: keys.admin,
          now: () => options.clock.now(),
        })
      } finally {
        database.close()
      }
      fsyncFile(files.vault)
      writeKeyring(vaultPaths(staging).keyring, keyring)
      fsyncDirectory(staging)
      if (existsSync(paths.directory)) rmdirSync(paths.directory)
      renameSync(staging, paths.directory)
      fsyncDirectory(dirname(paths.directory))
    } catch (error) {
      rmSync(staging, { recursive: true, force: true })
      throw error
    }
    return { keyring, accountId, keys, recoveryKey }
  } catch (error) {
    zeroKeys(keys)
    throw error
  }
}
