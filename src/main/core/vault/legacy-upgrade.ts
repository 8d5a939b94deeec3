import type { TStaffAccount } from '../../../shared/contract/accounts'
import { AppError } from '../../../shared/result'
import { StaffDirectory } from '../accounts/accounts-repository'
import { AuditRepository } from '../audit/audit-repository'
import { writeHeadCheckpoint } from '../audit/audit-seal'
import { CASEWORK_TABLES } from '../db/casework-migrations'
import { Connection } from '../db/connection'
import { LAST_VERSION_WITH_SURVIVOR_DATA } from '../db/migrations'
import { attachEncryptedDatabase, openEncryptedDatabase, type TDatabase } from '../db/open-database'
import { VaultMetaRepository } from '../db/vault-meta-repository'
import { fsyncDirectory } from '../fs/atomic-write'
import {
  fsyncFile,
  rekeyDatabaseFile,
  removeDatabaseFile,
  removeGenerationFiles,
  snapshotDatabase,
} from './database-files'
import {
  filesOfGeneration,
  KEYRING_VERSION,
  writeKeyring,
  type TKeyring,
  type TKeySlot,
  type TLegacyKeyring,
} from './keyring'
import { bindingOption, createVaultDatabase, lookAtReadOnly, openVaultDatabase } from './open-vault-database'
import type { TOperation } from './operation-guard'
import { createGrantedSlot } from './slot-keys'
import { assertStrongPassphrase } from './strong-passphrase'
import type { VaultKeeper } from './vault-keeper'
import { generationPaths } from './vault-paths'
import { newVaultKeys, zeroKeys, type TVaultKeys } from './vault-keys'

/**
 * Who runs the upgrade, and with what: the account's id and the passphrase its new slot is sealed under (an admin's
 * own; or, recovering with the recovery key, the sign-in name and its new passphrase, the key sealing the new
 * recovery slot).
 */
export type TUpgrader =
  | { via: 'passphrase'; accountId: string; passphrase: string }
  | { via: 'recovery-key'; username: string; passphrase: string; recoveryKey: string }

/** Tables of the FTS5 index that hold its content (the config table is the new database's own). */
const SEARCH_INDEX_TABLES = ['case_search_data', 'case_search_idx', 'case_search_docsize'] as const

/**
 * The one-time upgrade of a wave-1 vault (keyring version 1, one master key for everything) to role-separated keys,
 * run by an admin's unlock. Survivor data moves to casework.db under a new K_case; vault.db is copied without it,
 * VACUUMed and re-encrypted under a new K_vault; the admin's slot gets a key pair and all three keys. Then one atomic
 * rename of keyring.json switches to generation 1, and the old vault.db is deleted.
 *
 * Restartable: everything is written to files the old keyring does not name, so a crash before the switch leaves the
 * wave-1 vault as it was (the next start deletes the partial files, the next admin unlock starts again), and a
 * crash after it leaves the upgraded vault (the next start deletes the old vault.db).
 *
 * Colleagues' slots become "legacy" slots: their passphrases were only ever wrapping the old key, which opens nothing
 * now, and an admin cannot vouch for a key pair made by someone else holding that shared key. An admin gives each of
 * them a new passphrase (Reset passphrase). Admins are asked to issue a new recovery key at once (it counts as
 * unconfirmed).
 *
 * Two ways in, each holding the old master key: an admin's passphrase, or the recovery key (which in wave 1 wrapped
 * the same master key, so it could already do anything an admin could). The recovery key may be the only way left
 * into an old vault (the admin forgot their passphrase), so it upgrades too: the account it recovers, of any active
 * role, gets a new slot under the new passphrase, and the recovery slot is made again under the same recovery key
 * with all three new keys — otherwise a recovered caseworker would leave a vault no admin can open.
 */
export async function upgradeLegacyVault(
  keeper: VaultKeeper,
  keyring: TLegacyKeyring,
  upgrader: TUpgrader,
  masterKey: Buffer,
  operation: TOperation,
): Promise<{ keyring: TKeyring; keys: TVaultKeys; account: TStaffAccount }> {
  const generation = 1
  const files = filesOfGeneration(generation)
  const paths = generationPaths(keeper.paths.directory, files)
  const keys = newVaultKeys()
  try {
    // Who is unlocking, looked up without writing a byte: a refused upgrade leaves the wave-1 vault exactly as it was.
    const account = lookAtReadOnly(keeper.paths.legacyDatabase, masterKey, keeper.nativeBinding, (db) => {
      const staff = new StaffDirectory(new Connection(db))
      // A wave-1 slot's name is not authenticated, so a passphrase's slot is found by its id; the recovery key names
      // the account by the sign-in name typed beside it.
      return upgrader.via === 'passphrase'
        ? staff.findById(upgrader.accountId)
        : staff.findByUsername(upgrader.username)
    })
    if (upgrader.via === 'recovery-key') {
      if (account === null || account.status !== 'active') {
        throw new AppError('NOT_FOUND', 'There is no active account with that name.')
      }
      assertStrongPassphrase(upgrader.passphrase, [account.username, account.displayName])
    } else if (account === null || account.status !== 'active' || account.role !== 'admin') {
      throw new AppError(
        'FORBIDDEN',
        'This vault needs its one-time upgrade to role-separated keys: an admin must unlock it first.',
      )
    }
    const legacy = openVaultDatabase(
      keeper.paths.legacyDatabase,
      masterKey,
      keeper.nativeBinding,
      'vault',
      LAST_VERSION_WITH_SURVIVOR_DATA,
    )
    let username: string
    let needsNewPassphrase: string[]
    try {
      const directory = new StaffDirectory(new Connection(legacy))
      username = account.username
      needsNewPassphrase = directory
        .list()
        .filter((each) => each.status === 'active' && each.id !== account.id)
        .map((each) => each.username)
      removeGenerationFiles(paths, keeper.paths.directory)
      keeper.step('upgrade:start')
      copySurvivorData(legacy, paths.casework, keys.case, keeper.nativeBinding)
      keeper.step('upgrade:casework-written')
    } finally {
      legacy.close()
    }
    snapshotDatabase(keeper.paths.legacyDatabase, masterKey, paths.vault, keeper.nativeBinding)
    writeVaultWithoutSurvivorData(paths.vault, masterKey, keys.vault, keeper.nativeBinding)
    keeper.step('upgrade:vault-written')

    const context = { vaultId: keyring.vaultId, generation, keys, kdf: keeper.kdf.create }
    const created = await createGrantedSlot(
      { kind: 'staff', id: account.id, username },
      account.role,
      upgrader.passphrase,
      context,
    )
    created.keyPair.privateKey.fill(0)
    const slots: TKeySlot[] = [created.slot]
    if (upgrader.via === 'recovery-key') {
      const recovery = await createGrantedSlot({ kind: 'recovery' }, 'admin', upgrader.recoveryKey, context)
      recovery.keyPair.privateKey.fill(0)
      slots.push(recovery.slot)
    }
    for (const slot of keyring.slots) {
      if (slot.kind === 'staff' && slot.id !== account.id) slots.push({ ...slot, kind: 'legacy' })
    }
    recordUpgrade(
      keeper,
      paths,
      keys,
      keyring.vaultId,
      { accountId: account.id, username },
      { generation, needsNewPassphrase: needsNewPassphrase.length, via: upgrader.via },
    )
    fsyncDirectory(keeper.paths.directory)
    keeper.step('upgrade:ready')

    operation.throwIfCancelled()
    const upgraded: TKeyring = {
      format: 'ccij-keyring',
      version: KEYRING_VERSION,
      vaultId: keyring.vaultId,
      generation,
      files,
      slots,
    }
    writeKeyring(keeper.paths.keyring, upgraded)
    keeper.step('upgrade:switched')
    removeDatabaseFile(keeper.paths.legacyDatabase)
    fsyncDirectory(keeper.paths.directory)
    return { keyring: upgraded, keys, account }
  } catch (error) {
    zeroKeys(keys)
    throw error
  }
}

/**
 * casework.db at its version 1 (the same survivor tables as vault.db's version 4), filled row for row from the
 * wave-1 database, its search index copied page for page (a contentless index has no text to rebuild it from),
 * then merged into one segment, which drops the entries of deleted or edited text, and VACUUMed.
 */
function copySurvivorData(legacy: TDatabase, file: string, caseKey: Buffer, nativeBinding?: string): void {
  createVaultDatabase(file, caseKey, nativeBinding, 'casework', 1).close()
  attachEncryptedDatabase(legacy, 'casework', file, caseKey)
  try {
    legacy.transaction(() => {
      // Parents before children (the list is in deleting order).
      for (const table of [...CASEWORK_TABLES].reverse()) {
        if (table === 'case_search') continue
        legacy.exec(`INSERT INTO casework.${table} SELECT * FROM main.${table}`)
      }
      // FTS5 guards its shadow tables; copying them whole is the one way to carry a contentless index over.
      legacy.unsafeMode(true)
      try {
        for (const table of SEARCH_INDEX_TABLES) {
          legacy.exec(
            `DELETE FROM casework.${table}; INSERT INTO casework.${table} SELECT * FROM main.${table}`,
          )
        }
      } finally {
        legacy.unsafeMode(false)
      }
    })()
  } finally {
    legacy.exec('DETACH DATABASE casework')
  }
  const casework = openVaultDatabase(file, caseKey, nativeBinding, 'casework')
  try {
    casework.exec("INSERT INTO case_search (case_search) VALUES ('optimize')")
    casework.exec("INSERT INTO case_search (case_search) VALUES ('integrity-check')")
    casework.exec('VACUUM')
  } finally {
    casework.close()
  }
  fsyncFile(file)
}

/** The VACUUM INTO copy of the wave-1 database, without survivor data (migration 5), compacted, under K_vault. */
function writeVaultWithoutSurvivorData(
  file: string,
  masterKey: Buffer,
  vaultKey: Buffer,
  nativeBinding?: string,
): void {
  const copy = openVaultDatabase(file, masterKey, nativeBinding)
  try {
    // The dropped tables' pages were zeroed (secure_delete); VACUUM leaves none of them in the file at all.
    copy.exec('VACUUM')
  } finally {
    copy.close()
  }
  rekeyDatabaseFile(file, masterKey, vaultKey, nativeBinding)
}

function recordUpgrade(
  keeper: VaultKeeper,
  paths: ReturnType<typeof generationPaths>,
  keys: TVaultKeys,
  vaultId: string,
  actor: { accountId: string; username: string },
  details: { generation: number; needsNewPassphrase: number; via: TUpgrader['via'] },
): void {
  if (keys.admin === null) return
  const database = openEncryptedDatabase(paths.vault, keys.vault, bindingOption(keeper.nativeBinding))
  try {
    const db = new Connection(database)
    const trail = new AuditRepository(db)
    const at = keeper.clock.now()
    db.transaction(() => {
      trail.append(actor, 'vault.upgraded', { type: 'vault', id: vaultId }, details, at)
      // The recovery key was seen (it was typed, or it wrapped the old shared key): admins are asked for a new one.
      new VaultMetaRepository(db).setRecoveryKeyConfirmedAt(null)
    })
    writeHeadCheckpoint({
      trail,
      anchorFile: paths.anchor,
      vaultId,
      generation: 1,
      adminKey: keys.admin,
      now: () => at,
    })
  } finally {
    database.close()
  }
  fsyncFile(paths.vault)
}
