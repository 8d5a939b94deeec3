import type { TRole } from '../../../shared/roles'
import { canonicalJson } from '../audit/audit-chain'
import {
  grantKey,
  newAccountKeyPair,
  openGrant,
  openSealedKey,
  sealPrivateKey,
  type TAccountKeyPair,
} from './account-keys'
import type { TKdfParams } from './kdf'
import {
  RECOVERY_SLOT_ID,
  type TGrantedSlot,
  type TGrants,
  type TKeySlot,
  type TLegacyV1Slot,
  type TLegacySlot,
  type TRecoverySlot,
  type TStaffSlot,
} from './keyring'
import { unwrapKey } from './key-wrap'
import { deriveKey } from './kdf'
import {
  adminSubkey,
  KEYS_OF_ROLE,
  macOf,
  sameMac,
  zeroKeys,
  type TKeyName,
  type TVaultKeys,
} from './vault-keys'

/** Who a granted slot belongs to: a staff account, or the recovery key. */
export type TSlotOwner =
  | {
      kind: 'staff'
      id: string
      username: string
      /** The passphrase is an admin's choice (a new account or a reset): its owner must replace it. */
      isAdminChosen?: boolean
    }
  | { kind: 'recovery' }

const slotIdOf = (owner: TSlotOwner): string => (owner.kind === 'staff' ? owner.id : RECOVERY_SLOT_ID)
const usernameOf = (owner: TSlotOwner): string => (owner.kind === 'staff' ? owner.username : '')

/**
 * What a sealed private key is bound to: the vault, the slot id and the sign-in name. A slot renamed to another
 * person's name, or a sealed key copied into another slot, no longer opens (the name is checked, not trusted).
 */
export const sealContext = (vaultId: string, owner: TSlotOwner): string =>
  `ccij-account-key-v2|${vaultId}|${slotIdOf(owner)}|${usernameOf(owner).toLowerCase()}${
    owner.kind === 'staff' && owner.isAdminChosen === true ? '|admin-chosen' : ''
  }`

/** What a grant is bound to: the vault, the keyring's generation, the slot and which key it carries. */
export const grantContext = (vaultId: string, generation: number, slotId: string, name: TKeyName): string =>
  `${vaultId}|g${generation}|${slotId}|${name}`

const ownerOf = (slot: TGrantedSlot): TSlotOwner =>
  slot.kind === 'staff'
    ? {
        kind: 'staff',
        id: slot.id,
        username: slot.username,
        isAdminChosen: slot.mustChangePassphrase === true,
      }
    : { kind: 'recovery' }

/** The text an endorsement covers: everything a granter relies on about a slot. */
const endorsedText = (
  vaultId: string,
  slot: Pick<TGrantedSlot, 'kind' | 'id' | 'role' | 'publicKey'> & { username?: string },
) =>
  canonicalJson({
    vaultId,
    kind: slot.kind,
    id: slot.id,
    username: slot.username?.toLowerCase() ?? null,
    role: slot.role,
    publicKey: slot.publicKey,
  })

/** MAC of a slot's public part under the endorsement key (derived from K_admin). */
export function endorse(
  adminKey: Buffer,
  vaultId: string,
  slot: Pick<TGrantedSlot, 'kind' | 'id' | 'role' | 'publicKey'> & { username?: string },
): string {
  const key = adminSubkey(adminKey, 'endorsement', vaultId)
  try {
    return macOf(key, endorsedText(vaultId, slot))
  } finally {
    key.fill(0)
  }
}

/**
 * True when an admin of this vault vouched for the slot as it stands. Checked before anything is granted to it, so a
 * colleague who edits keyring.json (swapping an admin's public key for their own) receives nothing at the next rekey.
 */
export const isEndorsed = (adminKey: Buffer, vaultId: string, slot: TGrantedSlot): boolean =>
  sameMac(endorse(adminKey, vaultId, slot), slot.endorsement)

/** The vault keys `role` holds, encrypted to `publicKey`. */
export function grantsFor(
  keys: TVaultKeys,
  role: TRole,
  publicKey: Buffer,
  context: { vaultId: string; generation: number; slotId: string },
): TGrants {
  const grants: TGrants = {}
  for (const name of KEYS_OF_ROLE[role]) {
    const key = keys[name]
    if (key === null) throw new Error(`cannot grant the ${name} key: this session does not hold it`)
    grants[name] = grantKey(
      key,
      publicKey,
      grantContext(context.vaultId, context.generation, context.slotId, name),
    )
  }
  return grants
}

export type TNewSlot<S extends TGrantedSlot> = { slot: S; keyPair: TAccountKeyPair }

/**
 * A new key pair for `owner`, sealed under `secret`, endorsed, with `role`'s keys granted to it. Needs a session
 * holding K_admin (endorsements) and every key `role` is granted. The caller zeroes `keyPair.privateKey`.
 */
export async function createGrantedSlot(
  owner: TSlotOwner,
  role: TRole,
  secret: string,
  context: { vaultId: string; generation: number; keys: TVaultKeys; kdf: TKdfParams },
): Promise<TNewSlot<TGrantedSlot>> {
  const { vaultId, generation, keys, kdf } = context
  if (keys.admin === null) throw new Error('only a session holding the admin key can endorse a slot')
  const keyPair = newAccountKeyPair()
  try {
    const sealedKey = await sealPrivateKey(keyPair.privateKey, secret, kdf, sealContext(vaultId, owner))
    const slotId = slotIdOf(owner)
    const grants = grantsFor(keys, role, keyPair.publicKey, { vaultId, generation, slotId })
    const publicKey = keyPair.publicKey.toString('base64')
    const slot: TGrantedSlot =
      owner.kind === 'staff'
        ? {
            kind: 'staff',
            id: owner.id,
            username: owner.username,
            role,
            publicKey,
            endorsement: endorse(keys.admin, vaultId, {
              kind: 'staff',
              id: owner.id,
              username: owner.username,
              role,
              publicKey,
            }),
            sealedKey,
            grants,
            ...(owner.isAdminChosen === true ? { mustChangePassphrase: true as const } : {}),
          }
        : ({
            kind: 'recovery',
            id: RECOVERY_SLOT_ID,
            role: 'admin',
            publicKey,
            endorsement: endorse(keys.admin, vaultId, {
              kind: 'recovery',
              id: RECOVERY_SLOT_ID,
              role: 'admin',
              publicKey,
            }),
            sealedKey,
            grants,
          } satisfies TRecoverySlot)
    return { slot, keyPair }
  } catch (error) {
    keyPair.privateKey.fill(0)
    throw error
  }
}

/** `slot` with `role`'s keys of `generation` granted again to its public key, endorsed with `adminKey`. */
export function regrantSlot<S extends TGrantedSlot>(
  slot: S,
  role: TRole,
  context: { vaultId: string; generation: number; keys: TVaultKeys },
): S {
  const { vaultId, generation, keys } = context
  if (keys.admin === null) throw new Error('only a session holding the admin key can endorse a slot')
  const publicKey = Buffer.from(slot.publicKey, 'base64')
  const grants = grantsFor(keys, role, publicKey, { vaultId, generation, slotId: slot.id })
  const updated = { ...slot, role, grants }
  return { ...updated, endorsement: endorse(keys.admin, vaultId, updated) }
}

/** The slot's private key if `secret` opens it (bound to this vault, id and name), else null. The caller zeroes it. */
export const openSlotPrivateKey = (
  vaultId: string,
  slot: TGrantedSlot,
  secret: string,
): Promise<Buffer | null> => openSealedKey(slot.sealedKey, secret, sealContext(vaultId, ownerOf(slot)))

/**
 * The same private key sealed under a new secret. `chosenBy: 'owner'` is the owner's own passphrase change, which
 * ends a pending must-change; 'same' keeps the slot's state (a stronger key derivation over the same passphrase).
 */
export async function resealSlot<S extends TGrantedSlot>(
  vaultId: string,
  slot: S,
  privateKey: Buffer,
  secret: string,
  kdf: TKdfParams,
  chosenBy: 'owner' | 'same' = 'same',
): Promise<S> {
  const resealed: S = chosenBy === 'owner' ? withoutMustChange(slot) : slot
  return {
    ...resealed,
    sealedKey: await sealPrivateKey(privateKey, secret, kdf, sealContext(vaultId, ownerOf(resealed))),
  }
}

function withoutMustChange<S extends TGrantedSlot>(slot: S): S {
  if (slot.kind !== 'staff') return slot
  const { mustChangePassphrase: _cleared, ...rest } = slot
  return rest as S
}

/** Whether the slot's passphrase is still the one an admin chose (its owner must change it before anything else). */
export const isPassphraseChangePending = (slot: TKeySlot | null | undefined): boolean =>
  slot?.kind === 'staff' && slot.mustChangePassphrase === true

/**
 * The keys granted to a slot, opened with its private key. Null when the vault key does not open (a damaged or
 * forged grant): without it nothing opens. Other keys that do not open are simply not held.
 */
export function openGrants(
  vaultId: string,
  generation: number,
  slot: TGrantedSlot,
  privateKey: Buffer,
): TVaultKeys | null {
  const open = (name: TKeyName): Buffer | null => {
    const grant = slot.grants[name]
    return grant === undefined
      ? null
      : openGrant(grant, privateKey, grantContext(vaultId, generation, slot.id, name))
  }
  const vault = open('vault')
  if (vault === null) return null
  const keys: TVaultKeys = { vault, case: open('case'), admin: open('admin') }
  if (keys.admin !== null && keys.case === null) {
    // An admin key without the case key proves nothing more than a viewer's.
    zeroKeys({ admin: keys.admin })
    keys.admin = null
  }
  return keys
}

/** Wave 1's slot format: the one master key wrapped under the passphrase, bound to vault and slot id only. */
export async function openLegacySlot(
  vaultId: string,
  slot: TLegacyV1Slot | TLegacySlot,
  secret: string,
): Promise<Buffer | null> {
  const keyEncryptionKey = await deriveKey(secret, Buffer.from(slot.salt, 'base64'), slot.kdf)
  try {
    return unwrapKey(slot.wrappedKey, keyEncryptionKey, `ccij-keyring-v1|${vaultId}|${slot.id}`)
  } finally {
    keyEncryptionKey.fill(0)
  }
}

export type { TStaffSlot }
