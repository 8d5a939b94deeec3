import { AppError } from '../../../shared/result'
import { lowerRole as lower } from './vault-keys'
import { StaffDirectory } from '../accounts/accounts-repository'
import { AuditRepository } from '../audit/audit-repository'
import { checkTrail, writeHeadCheckpoint } from '../audit/audit-seal'
import { Connection } from '../db/connection'
import { fsyncDirectory } from '../fs/atomic-write'
import {
  compactSearchIndex,
  rekeyDatabaseFile,
  removeGenerationFiles,
  sizeOf,
  snapshotDatabase,
} from './database-files'
import {
  filesOfGeneration,
  writeKeyring,
  type TGrantedSlot,
  type TKeyring,
  type TKeySlot,
  type TRecoverySlot,
} from './keyring'
import { yieldToEvents, type TOperation } from './operation-guard'
import type { TProgressListener } from './progress'
import { createGrantedSlot, isEndorsed, regrantSlot } from './slot-keys'
import type { VaultKeeper } from './vault-keeper'
import { generationPaths } from './vault-paths'
import { newVaultKeys, zeroKeys, type TAllVaultKeys } from './vault-keys'
import type { VaultSession } from './vault-session'

/** Why the vault got new keys (recorded in the 'vault.rekeyed' entry). */
export type TRekeyReason =
  'account-disabled' | 'role-lowered' | 'recovery-key-replaced' | 'requested' | 'interrupted-change'

export type TRekeyOptions = {
  onProgress?: TProgressListener
  /** A new recovery key: the recovery slot of the new generation opens with it (and no longer with the old one). */
  recoveryKey?: string
}

/** Slots the new generation left out, and why: the admin is told who needs a new passphrase. */
export type TRekeyResult = {
  generation: number
  /** Accounts whose slot predates role-separated keys: an admin must give them a new passphrase. */
  needsNewPassphrase: string[]
  /** Slots whose public part was not endorsed by this vault's admins (edited keyring): given nothing. */
  unendorsed: string[]
  /** Disabled or deleted accounts: their slots are gone. */
  removed: string[]
}

/**
 * A new generation of the vault: new keys K_vault, K_case and K_admin, both databases copied and re-encrypted into
 * new files, every remaining slot granted the new keys (after its endorsement is checked), a new audit checkpoint,
 * then ONE atomic rename of keyring.json switches to it; the old files are deleted after. At every instant the
 * keyring on disk names complete, fsynced files it can open, so a crash anywhere leaves a vault that opens with the
 * remaining passphrases, and a disabled colleague's passphrase (or an old keyring copy, or a replaced recovery key)
 * does not open the new generation. Old backups keep their own keys: they still open with the passphrases of then.
 *
 * Runs in an admin's session (all three keys); the session moves to the new generation. A lock before the switch
 * abandons it cleanly (the new files are deleted); after the switch there is nothing left to cancel.
 */
export async function rekeyVault(
  keeper: VaultKeeper,
  reason: TRekeyReason,
  options: TRekeyOptions = {},
): Promise<TRekeyResult> {
  const operation = keeper.begin()
  const session = keeper.require()
  const oldKeyring = keeper.requireKeyring()
  const oldKeys = heldKeys(session)
  const generation = oldKeyring.generation + 1
  const files = filesOfGeneration(generation)
  const next = generationPaths(keeper.paths.directory, files)
  const previous = keeper.filesOf(oldKeyring)
  const newKeys = newVaultKeys()
  const bytesTotal = 2 * (sizeOf(previous.vault) + sizeOf(previous.casework)) + 1
  let bytesDone = 0
  const progress = (bytes: number): void => {
    bytesDone += bytes
    options.onProgress?.({ bytesDone: Math.min(bytesDone, bytesTotal), bytesTotal })
  }
  let switched = false
  try {
    // Files of this generation left by an abandoned attempt are never trusted: start them afresh.
    removeGenerationFiles(next, keeper.paths.directory)
    keeper.step('rekey:start')
    const sealContext = session.sealContext()
    const trailBefore = sealContext === null ? null : checkTrail(sealContext)

    await between(operation)
    snapshotDatabase(previous.vault, oldKeys.vault, next.vault, keeper.nativeBinding)
    keeper.step('rekey:vault-copied')
    progress(sizeOf(previous.vault))
    rekeyDatabaseFile(next.vault, oldKeys.vault, newKeys.vault, keeper.nativeBinding)
    keeper.step('rekey:vault-rekeyed')
    progress(sizeOf(previous.vault))

    await between(operation)
    snapshotDatabase(previous.casework, oldKeys.case, next.casework, keeper.nativeBinding)
    compactSearchIndex(next.casework, oldKeys.case, keeper.nativeBinding)
    keeper.step('rekey:casework-copied')
    progress(sizeOf(previous.casework))
    rekeyDatabaseFile(next.casework, oldKeys.case, newKeys.case, keeper.nativeBinding)
    keeper.step('rekey:casework-rekeyed')
    progress(sizeOf(previous.casework))

    await between(operation)
    const { slots, result } = await slotsOfNextGeneration(
      keeper,
      session,
      oldKeyring,
      oldKeys,
      newKeys,
      generation,
      options,
    )
    recordInNewGeneration(keeper, session, next.vault, newKeys, generation, files, {
      reason,
      generation,
      trailBefore: trailBefore?.status ?? null,
      removed: result.removed.length,
      unendorsed: result.unendorsed.length,
      needsNewPassphrase: result.needsNewPassphrase.length,
    })
    fsyncDirectory(keeper.paths.directory)
    keeper.step('rekey:ready')

    operation.throwIfCancelled()
    const keyring: TKeyring = { ...oldKeyring, generation, files, slots }
    writeKeyring(keeper.paths.keyring, keyring)
    switched = true
    keeper.step('rekey:switched')

    keeper.moveSession(keyring, newKeys)
    removeGenerationFiles(previous, keeper.paths.directory)
    keeper.step('rekey:cleaned')
    progress(1)
    return { generation, ...result }
  } catch (error) {
    if (!switched) {
      removeGenerationFiles(next, keeper.paths.directory)
      zeroKeys(newKeys)
    }
    throw error
  } finally {
    operation.end()
  }
}

/** The three keys of an admin session; FORBIDDEN for any other (only admins hold K_admin). */
function heldKeys(session: VaultSession): { vault: Buffer; case: Buffer; admin: Buffer } {
  const { vault, case: caseKey, admin } = session.keys
  if (caseKey === null || admin === null) {
    throw new AppError('FORBIDDEN', 'Only an admin can give the vault new keys.')
  }
  return { vault, case: caseKey, admin }
}

async function between(operation: TOperation): Promise<void> {
  await yieldToEvents()
  operation.throwIfCancelled()
}

/**
 * Every slot of the next generation. A staff slot is kept only for an active account, only if an admin endorsed it
 * (checked with the old K_admin, so an edited public key or role gets nothing), with the lower of its endorsed role
 * and the account's role. The recovery slot is re-granted, or made anew for a new recovery key.
 */
async function slotsOfNextGeneration(
  keeper: VaultKeeper,
  session: VaultSession,
  oldKeyring: TKeyring,
  oldKeys: { admin: Buffer },
  newKeys: TAllVaultKeys,
  generation: number,
  options: TRekeyOptions,
): Promise<{ slots: TKeySlot[]; result: Omit<TRekeyResult, 'generation'> }> {
  const { vaultId } = oldKeyring
  const directory = new StaffDirectory(session.db)
  const context = { vaultId, generation, keys: newKeys }
  const slots: TKeySlot[] = []
  const result = { needsNewPassphrase: [] as string[], unendorsed: [] as string[], removed: [] as string[] }
  for (const slot of oldKeyring.slots) {
    if (slot.kind === 'legacy') {
      const account = directory.findById(slot.id)
      if (account?.status === 'active') result.needsNewPassphrase.push(account.username)
      continue
    }
    if (slot.kind === 'recovery') {
      if (options.recoveryKey !== undefined) continue
      if (!isEndorsed(oldKeys.admin, vaultId, slot)) {
        result.unendorsed.push('recovery')
        continue
      }
      slots.push(regrantSlot<TRecoverySlot>(slot, 'admin', context))
      continue
    }
    const account = directory.findById(slot.id)
    if (account === null || account.status !== 'active') {
      result.removed.push(account?.username ?? slot.username)
      continue
    }
    if (
      !isEndorsed(oldKeys.admin, vaultId, slot) ||
      account.username.toLowerCase() !== slot.username.toLowerCase()
    ) {
      result.unendorsed.push(slot.username)
      continue
    }
    slots.push(regrantSlot<TGrantedSlot>(slot, lower(slot.role, account.role), context))
  }
  if (options.recoveryKey !== undefined) {
    const created = await createGrantedSlot({ kind: 'recovery' }, 'admin', options.recoveryKey, {
      ...context,
      kdf: keeper.kdf.create,
    })
    created.keyPair.privateKey.fill(0)
    slots.push(created.slot)
  }
  return { slots, result }
}

/** The rekey's audit entry, written into the new generation's copy, and the new generation's first checkpoint. */
function recordInNewGeneration(
  keeper: VaultKeeper,
  session: VaultSession,
  vaultFile: string,
  newKeys: TAllVaultKeys,
  generation: number,
  files: ReturnType<typeof filesOfGeneration>,
  details: Record<string, unknown>,
): void {
  const database = keeper.openDatabase(vaultFile, newKeys.vault)
  try {
    const trail = new AuditRepository(new Connection(database))
    trail.append(
      session.actor,
      'vault.rekeyed',
      { type: 'vault', id: session.vaultId },
      details,
      session.clock.now(),
    )
    writeHeadCheckpoint({
      trail,
      anchorFile: generationPaths(keeper.paths.directory, files).anchor,
      vaultId: session.vaultId,
      generation,
      adminKey: newKeys.admin,
      now: () => session.clock.now(),
    })
  } finally {
    database.close()
  }
}
