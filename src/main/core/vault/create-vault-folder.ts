import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { AccountsRepository } from '../accounts/accounts-repository'
import { AuditRepository } from '../audit/audit-repository'
import { Connection } from '../db/connection'
import { VaultMetaRepository } from '../db/vault-meta-repository'
import { fsyncDirectory } from '../fs/atomic-write'
import type { TClock } from '../session/session'
import type { TScryptParams } from './kdf'
import { createSlot, KEYRING_VERSION, writeKeyring, type TKeyring } from './keyring'
import { createVaultDatabase } from './open-vault-database'
import { generateRecoveryKey } from './recovery-key'
import { siblingFolder, vaultPaths, type TVaultPaths } from './vault-paths'

export type TNewVault = {
  organizationName: string
  username: string
  displayName: string
  passphrase: string
}

/**
 * Build a new vault (keyring with the first admin's slot and a recovery slot, database with the vault's row, the
 * admin's account and their audit entries) in a sibling folder and rename it into place, so a crash never leaves a
 * half-made vault. The input is already validated. The caller owns the returned master key and must zero it.
 */
export async function createVaultFolder(
  paths: TVaultPaths,
  input: TNewVault,
  options: { kdf: TScryptParams; clock: TClock; nativeBinding: string | undefined },
): Promise<{ vaultId: string; masterKey: Buffer; recoveryKey: string }> {
  const vaultId = randomUUID()
  const accountId = randomUUID()
  const masterKey = randomBytes(32)
  const recoveryKey = generateRecoveryKey()
  try {
    const staff = { kind: 'staff', id: accountId, username: input.username } as const
    const keyring: TKeyring = {
      format: 'ccij-keyring',
      version: KEYRING_VERSION,
      vaultId,
      slots: [
        await createSlot(vaultId, staff, input.passphrase, masterKey, options.kdf),
        await createSlot(vaultId, { kind: 'recovery' }, recoveryKey, masterKey, options.kdf),
      ],
    }
    const staging = siblingFolder(paths.directory, 'creating')
    mkdirSync(dirname(paths.directory), { recursive: true, mode: 0o700 })
    mkdirSync(staging, { mode: 0o700 })
    try {
      const stagingPaths = vaultPaths(staging)
      const database = createVaultDatabase(stagingPaths.database, masterKey, options.nativeBinding)
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
      } finally {
        database.close()
      }
      writeKeyring(stagingPaths.keyring, keyring)
      fsyncDirectory(staging)
      if (existsSync(paths.directory)) rmdirSync(paths.directory)
      renameSync(staging, paths.directory)
      fsyncDirectory(dirname(paths.directory))
    } catch (error) {
      rmSync(staging, { recursive: true, force: true })
      throw error
    }
    return { vaultId, masterKey, recoveryKey }
  } catch (error) {
    masterKey.fill(0)
    throw error
  }
}
