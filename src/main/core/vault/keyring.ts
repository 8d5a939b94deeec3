import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { AppError } from '../../../shared/result'
import { writeFileAtomic } from '../fs/atomic-write'
import { deriveKey, ZScryptParamsSchema, type TScryptParams } from './kdf'
import { unwrapKey, wrapKey, ZWrappedKeySchema } from './key-wrap'

export const KEYRING_VERSION = 1
export const RECOVERY_SLOT_ID = 'recovery'

const ZStaffSlotSchema = z.strictObject({
  kind: z.literal('staff'),
  /** The staff account's id; also the slot id bound into the AAD. */
  id: z.string().min(1).max(64),
  /**
   * Readable while locked so the unlock screen can list who may sign in. Only the sign-in name:
   * display names stay inside the encrypted database (staff can be targets too).
   */
  username: z.string().min(1).max(64),
  kdf: ZScryptParamsSchema,
  salt: z.base64().max(128),
  wrappedKey: ZWrappedKeySchema,
})
const ZRecoverySlotSchema = z.strictObject({
  kind: z.literal('recovery'),
  id: z.literal(RECOVERY_SLOT_ID),
  kdf: ZScryptParamsSchema,
  salt: z.base64().max(128),
  wrappedKey: ZWrappedKeySchema,
})
export const ZKeySlotSchema = z.discriminatedUnion('kind', [ZStaffSlotSchema, ZRecoverySlotSchema])
export type TStaffSlot = z.infer<typeof ZStaffSlotSchema>
export type TRecoverySlot = z.infer<typeof ZRecoverySlotSchema>
export type TKeySlot = z.infer<typeof ZKeySlotSchema>

export const ZKeyringSchema = z.strictObject({
  format: z.literal('ccij-keyring'),
  version: z.number().int().min(1),
  vaultId: z.string().min(1).max(64),
  slots: z.array(ZKeySlotSchema).max(1000),
})
export type TKeyring = z.infer<typeof ZKeyringSchema>

/** Binds a wrapped key to its vault and slot, so a slot copied into another keyring or position fails. */
const associatedData = (vaultId: string, slotId: string): string => `ccij-keyring-v1|${vaultId}|${slotId}`

const sameUsername = (left: string, right: string): boolean => left.toLowerCase() === right.toLowerCase()

/** Parse keyring bytes; a damaged or foreign file is INVALID_FILE, one from a newer app VAULT_TOO_NEW. */
export function parseKeyring(bytes: Buffer | string): TKeyring {
  let raw: unknown
  try {
    raw = JSON.parse(bytes.toString())
  } catch {
    throw new AppError('INVALID_FILE', 'The vault keyring is damaged and cannot be read.')
  }
  const version = (raw as { version?: unknown } | null)?.version
  if (typeof version === 'number' && version > KEYRING_VERSION) {
    throw new AppError(
      'VAULT_TOO_NEW',
      'This vault was written by a newer version of CCIJ Caseworker. Update the app to open it.',
    )
  }
  const parsed = ZKeyringSchema.safeParse(raw)
  if (!parsed.success) throw new AppError('INVALID_FILE', 'The vault keyring is damaged and cannot be read.')
  return parsed.data
}

export function readKeyring(file: string): TKeyring | null {
  if (!existsSync(file)) return null
  return parseKeyring(readFileSync(file))
}

export function serializeKeyring(keyring: TKeyring): string {
  return `${JSON.stringify(keyring, null, 2)}\n`
}

/** Replace the keyring file atomically: a crash leaves the old or the new keyring, never a torn one. */
export function writeKeyring(file: string, keyring: TKeyring): void {
  writeFileAtomic(file, serializeKeyring(keyring))
}

export type TSlotOwner = { kind: 'staff'; id: string; username: string } | { kind: 'recovery' }

/** Wrap the master key under a fresh salt and the given passphrase (or recovery key). */
export async function createSlot(
  vaultId: string,
  owner: TSlotOwner,
  secret: string,
  masterKey: Buffer,
  kdf: TScryptParams,
): Promise<TKeySlot> {
  const salt = randomBytes(16)
  const slotId = owner.kind === 'staff' ? owner.id : RECOVERY_SLOT_ID
  const keyEncryptionKey = await deriveKey(secret, salt, kdf)
  try {
    const wrappedKey = wrapKey(masterKey, keyEncryptionKey, associatedData(vaultId, slotId))
    const base = { kdf, salt: salt.toString('base64'), wrappedKey }
    return owner.kind === 'staff'
      ? { kind: 'staff', id: owner.id, username: owner.username, ...base }
      : { kind: 'recovery', id: RECOVERY_SLOT_ID, ...base }
  } finally {
    keyEncryptionKey.fill(0)
  }
}

/** The master key if `secret` opens `slot`, else null. The caller zeroes the returned buffer. */
export async function openSlot(vaultId: string, slot: TKeySlot, secret: string): Promise<Buffer | null> {
  const keyEncryptionKey = await deriveKey(secret, Buffer.from(slot.salt, 'base64'), slot.kdf)
  try {
    return unwrapKey(slot.wrappedKey, keyEncryptionKey, associatedData(vaultId, slot.id))
  } finally {
    keyEncryptionKey.fill(0)
  }
}

export function findStaffSlot(keyring: TKeyring, username: string): TStaffSlot | null {
  for (const slot of keyring.slots) {
    if (slot.kind === 'staff' && sameUsername(slot.username, username)) return slot
  }
  return null
}

export function findRecoverySlot(keyring: TKeyring): TRecoverySlot | null {
  for (const slot of keyring.slots) if (slot.kind === 'recovery') return slot
  return null
}

/** A keyring with `slot` added, or replacing the slot with the same id. */
export function withSlot(keyring: TKeyring, slot: TKeySlot): TKeyring {
  return { ...keyring, slots: [...keyring.slots.filter((existing) => existing.id !== slot.id), slot] }
}

export function withoutSlot(keyring: TKeyring, slotId: string): TKeyring {
  return { ...keyring, slots: keyring.slots.filter((existing) => existing.id !== slotId) }
}
