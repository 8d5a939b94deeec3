import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { AppError } from '../../../shared/result'
import { ZRoleSchema } from '../../../shared/roles'
import { writeFileAtomic } from '../fs/atomic-write'
import { ZGrantSchema, ZSealedKeySchema } from './account-keys'
import { assertKdfAtLeast, ZScryptParamsSchema, type TKdfFloor } from './kdf'
import { ZWrappedKeySchema } from './key-wrap'

/**
 * keyring.json, version 2: who may unlock, and the keys each of them is granted.
 *
 * - Every staff account (and the recovery key) has an X25519 key pair. Its private key is sealed under a key derived
 *   from the passphrase (Argon2id), bound to the vault, slot id and sign-in name.
 * - The vault's keys (vault, case, admin) are granted to a slot's public key according to its role, so an admin can
 *   re-grant new keys to every colleague (a rekey) without knowing their passphrases.
 * - Each slot's public part (id, name, role, public key) carries an endorsement: a MAC under a key only admins hold,
 *   checked before anything is granted to it.
 * - `generation` and `files` name the database and anchor files this keyring opens. A rekey writes new files, then
 *   switches by replacing this one file atomically.
 */
export const KEYRING_VERSION = 2
export const RECOVERY_SLOT_ID = 'recovery'

const ZBase64KeySchema = z.base64().max(64)
const ZAccountIdSchema = z.string().min(1).max(64)
const ZSignInNameSchema = z.string().min(1).max(64)

/** Files of one generation: `vault-g3.db`, `casework-g3.db`, `audit-anchor-g3.json`. Never a path. */
export const ZVaultFilesSchema = z.strictObject({
  vault: z.string().regex(/^vault-g\d{1,9}\.db$/),
  casework: z.string().regex(/^casework-g\d{1,9}\.db$/),
  anchor: z.string().regex(/^audit-anchor-g\d{1,9}\.json$/),
})
export type TVaultFiles = z.infer<typeof ZVaultFilesSchema>

export const ZGrantsSchema = z.strictObject({
  vault: ZGrantSchema.optional(),
  case: ZGrantSchema.optional(),
  admin: ZGrantSchema.optional(),
})
export type TGrants = z.infer<typeof ZGrantsSchema>

const ZStaffSlotSchema = z.strictObject({
  kind: z.literal('staff'),
  /** The staff account's id (staff_accounts.id). */
  id: ZAccountIdSchema,
  /**
   * Readable while locked so the unlock screen can list who may sign in. Only the sign-in name: display names stay
   * inside the encrypted database (staff can be targets too). Bound into the sealed key and the endorsement.
   */
  username: ZSignInNameSchema,
  role: ZRoleSchema,
  publicKey: ZBase64KeySchema,
  endorsement: ZBase64KeySchema,
  sealedKey: ZSealedKeySchema,
  grants: ZGrantsSchema,
  /**
   * Present while the passphrase is one an admin chose (a new account, a reset): its owner must choose their own
   * before anything else. Bound into the sealed key's associated data, so deleting it from the file makes the slot
   * open nothing; only sealing the key again under a new passphrase (the owner's change) clears it.
   */
  mustChangePassphrase: z.literal(true).optional(),
})
const ZRecoverySlotSchema = z.strictObject({
  kind: z.literal('recovery'),
  id: z.literal(RECOVERY_SLOT_ID),
  role: z.literal('admin'),
  publicKey: ZBase64KeySchema,
  endorsement: ZBase64KeySchema,
  sealedKey: ZSealedKeySchema,
  grants: ZGrantsSchema,
})
/**
 * A slot from before role-separated keys (keyring version 1), kept after the upgrade only so its owner learns that
 * an admin must give them a new passphrase: it wraps a key that opens nothing any more.
 */
const ZLegacySlotSchema = z.strictObject({
  kind: z.literal('legacy'),
  id: ZAccountIdSchema,
  username: ZSignInNameSchema,
  kdf: ZScryptParamsSchema,
  salt: z.base64().max(128),
  wrappedKey: ZWrappedKeySchema,
})
export const ZKeySlotSchema = z.discriminatedUnion('kind', [
  ZStaffSlotSchema,
  ZRecoverySlotSchema,
  ZLegacySlotSchema,
])
export type TStaffSlot = z.infer<typeof ZStaffSlotSchema>
export type TRecoverySlot = z.infer<typeof ZRecoverySlotSchema>
export type TLegacySlot = z.infer<typeof ZLegacySlotSchema>
export type TKeySlot = z.infer<typeof ZKeySlotSchema>
/** A slot keys are granted to. */
export type TGrantedSlot = TStaffSlot | TRecoverySlot

export const ZKeyringSchema = z.strictObject({
  format: z.literal('ccij-keyring'),
  version: z.literal(KEYRING_VERSION),
  vaultId: z.string().min(1).max(64),
  generation: z.number().int().min(1).max(999_999_999),
  files: ZVaultFilesSchema,
  slots: z.array(ZKeySlotSchema).max(1000),
})
export type TKeyring = z.infer<typeof ZKeyringSchema>

/** Keyring version 1 (wave 1): one master key wrapped per slot; read only to upgrade the vault. */
const ZLegacyV1SlotSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('staff'),
    id: ZAccountIdSchema,
    username: ZSignInNameSchema,
    kdf: ZScryptParamsSchema,
    salt: z.base64().max(128),
    wrappedKey: ZWrappedKeySchema,
  }),
  z.strictObject({
    kind: z.literal('recovery'),
    id: z.literal(RECOVERY_SLOT_ID),
    kdf: ZScryptParamsSchema,
    salt: z.base64().max(128),
    wrappedKey: ZWrappedKeySchema,
  }),
])
export const ZLegacyKeyringSchema = z.strictObject({
  format: z.literal('ccij-keyring'),
  version: z.literal(1),
  vaultId: z.string().min(1).max(64),
  slots: z.array(ZLegacyV1SlotSchema).max(1000),
})
export type TLegacyKeyring = z.infer<typeof ZLegacyKeyringSchema>
export type TLegacyV1Slot = z.infer<typeof ZLegacyV1SlotSchema>

export type TAnyKeyring = TKeyring | TLegacyKeyring

const damaged = (): AppError =>
  new AppError('INVALID_FILE', 'The vault keyring is damaged and cannot be read.')

/**
 * Parse keyring bytes (the vault's, or one inside a backup): a damaged or foreign file is INVALID_FILE, one from a
 * newer app VAULT_TOO_NEW, and a slot whose key derivation is below `floor` (cheaper to guess than this app allows)
 * or above the schema's ceilings (gigabytes of memory) INVALID_FILE, before any key derivation runs.
 */
export function parseKeyring(bytes: Buffer | string, floor: TKdfFloor): TAnyKeyring {
  let raw: unknown
  try {
    raw = JSON.parse(bytes.toString())
  } catch {
    throw damaged()
  }
  const version = (raw as { version?: unknown } | null)?.version
  if (typeof version === 'number' && version > KEYRING_VERSION) {
    throw new AppError(
      'VAULT_TOO_NEW',
      'This vault was written by a newer version of CCIJ Caseworker. Update the app to open it.',
    )
  }
  const parsed = version === 1 ? ZLegacyKeyringSchema.safeParse(raw) : ZKeyringSchema.safeParse(raw)
  if (!parsed.success) throw damaged()
  for (const slot of parsed.data.slots) assertKdfAtLeast(kdfOf(slot), floor)
  return parsed.data
}

const kdfOf = (slot: TKeySlot | TLegacyV1Slot) => ('sealedKey' in slot ? slot.sealedKey.kdf : slot.kdf)

export function readKeyring(file: string, floor: TKdfFloor): TAnyKeyring | null {
  if (!existsSync(file)) return null
  return parseKeyring(readFileSync(file), floor)
}

export function serializeKeyring(keyring: TAnyKeyring): string {
  return `${JSON.stringify(keyring, null, 2)}\n`
}

/** Replace the keyring file atomically: a crash leaves the old or the new keyring, never a torn one. */
export function writeKeyring(file: string, keyring: TAnyKeyring): void {
  writeFileAtomic(file, serializeKeyring(keyring))
}

export const isLegacyKeyring = (keyring: TAnyKeyring): keyring is TLegacyKeyring => keyring.version === 1

const sameUsername = (left: string, right: string): boolean => left.toLowerCase() === right.toLowerCase()

/** The slot listing `username` (staff or legacy), found by name only to learn its id: the name is checked later. */
export function findSlotByUsername(keyring: TKeyring, username: string): TStaffSlot | TLegacySlot | null {
  for (const slot of keyring.slots) {
    if (slot.kind !== 'recovery' && sameUsername(slot.username, username)) return slot
  }
  return null
}

export function findRecoverySlot(keyring: TKeyring): TRecoverySlot | null {
  for (const slot of keyring.slots) if (slot.kind === 'recovery') return slot
  return null
}

export const findSlotById = (keyring: TKeyring, id: string): TKeySlot | null =>
  keyring.slots.find((slot) => slot.id === id) ?? null

/** A keyring with `slot` added, or replacing the slot with the same id. */
export function withSlot(keyring: TKeyring, slot: TKeySlot): TKeyring {
  return { ...keyring, slots: [...keyring.slots.filter((existing) => existing.id !== slot.id), slot] }
}

export function withoutSlot(keyring: TKeyring, slotId: string): TKeyring {
  return { ...keyring, slots: keyring.slots.filter((existing) => existing.id !== slotId) }
}

/** The sign-in names the unlock screen offers: staff and legacy slots. */
export function signInNames(keyring: TAnyKeyring): { id: string; username: string }[] {
  const names: { id: string; username: string }[] = []
  for (const slot of keyring.slots)
    if (slot.kind !== 'recovery') names.push({ id: slot.id, username: slot.username })
  return names
}

/** The files of generation `generation`. */
export const filesOfGeneration = (generation: number): TVaultFiles => ({
  vault: `vault-g${generation}.db`,
  casework: `casework-g${generation}.db`,
  anchor: `audit-anchor-g${generation}.json`,
})
