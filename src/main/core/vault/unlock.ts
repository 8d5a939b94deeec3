import { AppError } from '../../../shared/result'
import type { TStaffIdentity } from '../accounts/staff-identity'
import { StaffDirectory } from '../accounts/accounts-repository'
import { Connection } from '../db/connection'
import { deriveKey, isWeakerThan } from './kdf'
import {
  findRecoverySlot,
  findSlotByUsername,
  isLegacyKeyring,
  writeKeyring,
  withSlot,
  type TAnyKeyring,
  type TKeyring,
  type TLegacyKeyring,
  type TLegacyV1Slot,
  type TStaffSlot,
} from './keyring'
import { upgradeLegacyVault } from './legacy-upgrade'
import type { TOperation } from './operation-guard'
import { normalizeRecoveryKey } from './recovery-key'
import { healKeyring } from './heal-keyring'
import { publicKeyOf } from './account-keys'
import {
  createGrantedSlot,
  openGrants,
  openLegacySlot,
  openSlotPrivateKey,
  regrantSlot,
  resealSlot,
} from './slot-keys'
import { assertStrongPassphrase } from './strong-passphrase'
import { UNKNOWN_NAME_KEY, type VaultKeeper } from './vault-keeper'
import { zeroKeys, type TVaultKeys } from './vault-keys'
import type { VaultSession } from './vault-session'

const RECOVERY_THROTTLE_KEY = 'recovery:'

const wrongPassphrase = (): AppError =>
  new AppError('WRONG_PASSPHRASE', 'That account name and passphrase do not open the vault.')
const disabledAccount = (): AppError => new AppError('FORBIDDEN', 'This account is disabled. Ask an admin.')
const needsNewPassphrase = (): AppError =>
  new AppError(
    'FORBIDDEN',
    'The vault was upgraded to role-separated keys. Ask an admin for a new passphrase (Accounts › Reset passphrase).',
  )
const damagedGrants = (): AppError =>
  new AppError(
    'INVALID_FILE',
    "This account's keys in the keyring are damaged. Ask an admin to reset its passphrase.",
  )

/**
 * Unlock with a passphrase. The typed name only finds a slot; the slot's id (bound with its name into the sealed
 * key) finds the account, whose name must match; the session's role is the lower of the account's role and the role
 * its keys prove. A wave-1 vault is upgraded by its first admin's unlock. A lock during the key derivation wins: no
 * session is installed after it. An admin's unlock also finishes what a crash interrupted (see heal-keyring.ts).
 */
export async function unlockWithPassphrase(
  keeper: VaultKeeper,
  username: string,
  passphrase: string,
  operation: TOperation,
): Promise<TStaffIdentity> {
  try {
    operation.throwIfCancelled()
    keeper.settleAround(operation)
    const keyring = keeper.readAnyKeyring()
    if (keyring === null) throw new AppError('NO_VAULT', 'There is no vault yet. Create one first.')
    const known = knownName(keyring, username)
    keeper.throttle.assertAllowed(known ?? UNKNOWN_NAME_KEY)
    if (isLegacyKeyring(keyring)) return await unlockLegacy(keeper, keyring, known, passphrase, operation)

    const slot = findSlotByUsername(keyring, username)
    if (slot === null) {
      await spendDecoyTime(keyring, passphrase)
      return failed(keeper, null)
    }
    if (slot.kind === 'legacy') {
      const oldKey = await openLegacySlot(keyring.vaultId, slot, passphrase)
      if (oldKey === null) return failed(keeper, slot.username)
      oldKey.fill(0)
      throw needsNewPassphrase()
    }
    const privateKey = await openSlotPrivateKey(keyring.vaultId, slot, passphrase)
    if (privateKey === null) return failed(keeper, slot.username)
    try {
      const keys = openGrants(keyring.vaultId, keyring.generation, slot, privateKey)
      if (keys === null) throw damagedGrants()
      // The public key listed must be this private key's: otherwise someone swapped it to receive the next grants.
      const isPublicKeySwapped = !publicKeyOf(privateKey).equals(Buffer.from(slot.publicKey, 'base64'))
      operation.throwIfCancelled()
      keeper.closeSession()
      const session = keeper.openSession(keyring, slot.id, keys, disabledAccount())
      try {
        session.db.transaction(() => {
          keeper.flushPendingFailures(session)
          session.audit.record('unlock.succeeded', { type: 'account', id: session.staff.accountId })
        })
        // A repaired slot is the one sealed again: sealing the slot as read would write the swapped key back.
        const current = isPublicKeySwapped ? repairOwnSlot(keeper, session, keyring, slot, privateKey) : slot
        await strengthenSlot(keeper, session, keyring, current, privateKey, passphrase)
        operation.throwIfCancelled()
      } catch (error) {
        session.close()
        throw error
      }
      keeper.throttle.recordSuccess(slot.username)
      const staff = keeper.install(session)
      if (staff.role === 'admin') await healKeyring(keeper, operation)
      return staff
    } finally {
      privateKey.fill(0)
    }
  } finally {
    operation.end()
  }
}

/**
 * The person's own slot lists a public key that is not theirs: recorded, and put right when they are an admin (who
 * can endorse it again); other roles' slots are put right by an admin's rekey, which drops the unendorsed one.
 * Returns the slot as the keyring now holds it.
 */
function repairOwnSlot(
  keeper: VaultKeeper,
  session: VaultSession,
  keyring: TKeyring,
  slot: TStaffSlot,
  privateKey: Buffer,
): TStaffSlot {
  session.audit.record(
    'keyring.tamper_detected',
    { type: 'account', id: slot.id },
    { publicKeySwapped: true },
  )
  if (session.keys.admin === null) return slot
  const repaired = regrantSlot(
    { ...slot, publicKey: publicKeyOf(privateKey).toString('base64') },
    slot.role,
    { vaultId: keyring.vaultId, generation: keyring.generation, keys: session.keys },
  )
  writeKeyring(keeper.paths.keyring, withSlot(keeper.requireKeyring(), repaired))
  return repaired
}

/** A failed attempt: counted and remembered under the slot's name (or none), then WRONG_PASSPHRASE. */
function failed(keeper: VaultKeeper, knownUsername: string | null): never {
  keeper.recordFailedUnlock(knownUsername, 'passphrase')
  throw wrongPassphrase()
}

/** The slot's own spelling of `typed`, when a slot has that name. */
function knownName(keyring: TAnyKeyring, typed: string): string | null {
  for (const slot of keyring.slots) {
    if (slot.kind !== 'recovery' && slot.username.toLowerCase() === typed.toLowerCase()) return slot.username
  }
  return null
}

/** A wave-1 vault: only an admin's unlock opens it, and upgrades it to role-separated keys on the way. */
async function unlockLegacy(
  keeper: VaultKeeper,
  keyring: TLegacyKeyring,
  known: string | null,
  passphrase: string,
  operation: TOperation,
): Promise<TStaffIdentity> {
  const slot = keyring.slots.find(
    (candidate): candidate is TLegacyV1Slot & { kind: 'staff' } =>
      candidate.kind === 'staff' && candidate.username.toLowerCase() === known?.toLowerCase(),
  )
  if (slot === undefined) {
    await spendDecoyTime(keyring, passphrase)
    return failed(keeper, null)
  }
  const masterKey = await openLegacySlot(keyring.vaultId, slot, passphrase)
  if (masterKey === null) return failed(keeper, slot.username)
  let upgraded: { keyring: TKeyring; keys: TVaultKeys }
  try {
    upgraded = await upgradeLegacyVault(
      keeper,
      keyring,
      { via: 'passphrase', accountId: slot.id, passphrase },
      masterKey,
      operation,
    )
  } finally {
    masterKey.fill(0)
  }
  keeper.closeSession()
  const session = keeper.openSession(upgraded.keyring, slot.id, upgraded.keys, disabledAccount())
  session.db.transaction(() => {
    keeper.flushPendingFailures(session)
    session.audit.record('unlock.succeeded', { type: 'account', id: session.staff.accountId })
  })
  keeper.throttle.recordSuccess(slot.username)
  return keeper.install(session)
}

/**
 * A slot sealed with a weaker key derivation than this app now uses (scrypt, or fewer Argon2id passes) is sealed
 * again, with the same passphrase, at its owner's unlock: the only moment the passphrase is known. Audited.
 */
async function strengthenSlot(
  keeper: VaultKeeper,
  session: VaultSession,
  keyring: TKeyring,
  slot: TStaffSlot,
  privateKey: Buffer,
  passphrase: string,
): Promise<void> {
  if (!isWeakerThan(slot.sealedKey.kdf, keeper.kdf.create)) return
  const stronger = await resealSlot(keyring.vaultId, slot, privateKey, passphrase, keeper.kdf.create)
  session.audit.record(
    'account.key_strengthened',
    { type: 'account', id: slot.id },
    { from: slot.sealedKey.kdf.name, to: keeper.kdf.create.name },
  )
  writeKeyring(keeper.paths.keyring, withSlot(keeper.requireKeyring(), stronger))
}

/**
 * Unlock with the recovery key and give `username` a new passphrase: a new key pair for their account, endorsed and
 * granted their role's keys (the recovery slot holds all three). Their old slot is replaced.
 */
export async function unlockWithRecoveryKey(
  keeper: VaultKeeper,
  recoveryKey: string,
  username: string,
  newPassphrase: string,
  operation: TOperation,
): Promise<TStaffIdentity> {
  try {
    operation.throwIfCancelled()
    keeper.settleAround(operation)
    keeper.throttle.assertAllowed(RECOVERY_THROTTLE_KEY)
    const anyKeyring = keeper.readAnyKeyring()
    if (anyKeyring === null) throw new AppError('NO_VAULT', 'There is no vault yet. Create one first.')
    if (isLegacyKeyring(anyKeyring)) {
      return await recoverLegacy(keeper, anyKeyring, recoveryKey, username, newPassphrase, operation)
    }
    const keyring = anyKeyring
    const recoverySlot = findRecoverySlot(keyring)
    if (recoverySlot === null) throw new AppError('NOT_FOUND', 'This vault has no recovery key.')
    const privateKey = await openSlotPrivateKey(
      keyring.vaultId,
      recoverySlot,
      normalizeRecoveryKey(recoveryKey),
    )
    if (privateKey === null) return failedRecovery(keeper, keyring, username)
    const keys = openGrants(keyring.vaultId, keyring.generation, recoverySlot, privateKey)
    privateKey.fill(0)
    if (keys === null || keys.admin === null) throw damagedGrants()
    keeper.throttle.recordSuccess(RECOVERY_THROTTLE_KEY)
    try {
      return await recoverAccount(keeper, keyring, keys, username, newPassphrase, operation)
    } finally {
      zeroKeys(keys)
    }
  } finally {
    operation.end()
  }
}

/** A wrong recovery key: counted (its own throttle), remembered under the account tried, then WRONG_PASSPHRASE. */
function failedRecovery(keeper: VaultKeeper, keyring: TAnyKeyring, username: string): never {
  keeper.recordFailedUnlock(knownName(keyring, username), 'recovery-key')
  keeper.throttle.recordFailure(RECOVERY_THROTTLE_KEY)
  throw new AppError('WRONG_PASSPHRASE', 'That recovery key does not open this vault.')
}

/**
 * The recovery key of a wave-1 vault wraps the old master key, as an admin's passphrase does: it runs the one-time
 * upgrade (see legacy-upgrade.ts), `username` getting a new slot under `newPassphrase` and the recovery key staying
 * valid for the new keys. A refusal (unknown or disabled account, weak passphrase) leaves the old vault as it was.
 */
async function recoverLegacy(
  keeper: VaultKeeper,
  keyring: TLegacyKeyring,
  recoveryKey: string,
  username: string,
  newPassphrase: string,
  operation: TOperation,
): Promise<TStaffIdentity> {
  const slot = keyring.slots.find((candidate) => candidate.kind === 'recovery')
  if (slot === undefined) throw new AppError('NOT_FOUND', 'This vault has no recovery key.')
  const normalized = normalizeRecoveryKey(recoveryKey)
  const masterKey = await openLegacySlot(keyring.vaultId, slot, normalized)
  if (masterKey === null) return failedRecovery(keeper, keyring, username)
  keeper.throttle.recordSuccess(RECOVERY_THROTTLE_KEY)
  let upgraded: Awaited<ReturnType<typeof upgradeLegacyVault>>
  try {
    upgraded = await upgradeLegacyVault(
      keeper,
      keyring,
      { via: 'recovery-key', username, passphrase: newPassphrase, recoveryKey: normalized },
      masterKey,
      operation,
    )
  } finally {
    masterKey.fill(0)
  }
  const { account } = upgraded
  keeper.closeSession()
  const session = keeper.openSession(upgraded.keyring, account.id, upgraded.keys, disabledAccount())
  const target = { type: 'account', id: account.id }
  session.db.transaction(() => {
    keeper.flushPendingFailures(session)
    session.audit.record('recovery.used', target)
    session.audit.record('account.passphrase_changed', target, { via: 'recovery-key' })
  })
  keeper.throttle.recordSuccess(account.username)
  return keeper.install(session)
}

async function recoverAccount(
  keeper: VaultKeeper,
  keyring: TKeyring,
  keys: TVaultKeys,
  username: string,
  newPassphrase: string,
  operation: TOperation,
): Promise<TStaffIdentity> {
  const probe = keeper.openDatabase(keeper.filesOf(keyring).vault, keys.vault)
  const account = (() => {
    try {
      return new StaffDirectory(new Connection(probe)).findByUsername(username)
    } finally {
      probe.close()
    }
  })()
  if (account === null || account.status !== 'active') {
    throw new AppError('NOT_FOUND', 'There is no active account with that name.')
  }
  assertStrongPassphrase(newPassphrase, [account.username, account.displayName])
  const created = await createGrantedSlot(
    { kind: 'staff', id: account.id, username: account.username },
    account.role,
    newPassphrase,
    { vaultId: keyring.vaultId, generation: keyring.generation, keys, kdf: keeper.kdf.create },
  )
  created.keyPair.privateKey.fill(0)
  operation.throwIfCancelled()
  const recovered = withSlot(keyring, created.slot)
  keeper.closeSession()
  const copies: TVaultKeys = {
    vault: Buffer.from(keys.vault),
    case: keys.case === null ? null : Buffer.from(keys.case),
    admin: keys.admin === null ? null : Buffer.from(keys.admin),
  }
  const session = keeper.openSession(recovered, account.id, copies, disabledAccount())
  const target = { type: 'account', id: account.id }
  try {
    session.db.transaction(() => {
      keeper.flushPendingFailures(session)
      session.audit.record('recovery.used', target)
      // A key that was used has been seen (typed, perhaps read aloud or photographed): an admin should replace it.
      session.meta.setRecoveryKeyConfirmedAt(null)
      session.audit.record('account.passphrase_changed', target, { via: 'recovery-key' })
    })
    // After the entries committed: the keyring never holds a change the trail does not.
    writeKeyring(keeper.paths.keyring, recovered)
  } catch (error) {
    session.close()
    throw error
  }
  keeper.throttle.recordSuccess(account.username)
  return keeper.install(session)
}

/**
 * Spend the same KDF time on an unknown account name as on a known one: the first staff slot's key derivation, with
 * that slot's own parameters and salt, its result thrown away. On a wave-1 keyring (before its upgrade) a known
 * name's wrong passphrase runs its slot's derivation (openLegacySlot), so the same holds there. Also the restore's,
 * for a name without a staff slot in the backup's keyring (backup-service.ts).
 */
export async function spendDecoyTime(keyring: TKeyring | TLegacyKeyring, passphrase: string): Promise<void> {
  const params = isLegacyKeyring(keyring)
    ? keyring.slots.find((candidate) => candidate.kind === 'staff')
    : keyring.slots.flatMap((candidate) => (candidate.kind === 'staff' ? [candidate.sealedKey] : []))[0]
  if (params !== undefined)
    (await deriveKey(passphrase, Buffer.from(params.salt, 'base64'), params.kdf)).fill(0)
}
