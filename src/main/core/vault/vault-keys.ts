import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'
import type { TRole } from '../../../shared/roles'

/**
 * The vault's three keys. `vault` opens vault.db (accounts, audit trail, settings, roster, directory: every role);
 * `case` opens casework.db (all survivor data: caseworkers and admins); `admin` seals what only admins may vouch for
 * (account endorsements, audit checkpoints, backup MACs). A session holds only the keys its role may hold.
 */
export const KEY_NAMES = ['vault', 'case', 'admin'] as const
export type TKeyName = (typeof KEY_NAMES)[number]
export type TVaultKeys = { vault: Buffer; case: Buffer | null; admin: Buffer | null }

/** Which keys each role is granted. */
export const KEYS_OF_ROLE: Record<TRole, readonly TKeyName[]> = {
  viewer: ['vault'],
  caseworker: ['vault', 'case'],
  admin: ['vault', 'case', 'admin'],
}

const RANK: Record<TRole, number> = { viewer: 0, caseworker: 1, admin: 2 }

/** The role a set of keys proves: admin needs all three, caseworker vault and case, anything less is a viewer. */
export function roleProvenBy(keys: { case: Buffer | null; admin: Buffer | null }): TRole {
  if (keys.case !== null && keys.admin !== null) return 'admin'
  return keys.case !== null ? 'caseworker' : 'viewer'
}

/** The less privileged of two roles. */
export const lowerRole = (left: TRole, right: TRole): TRole => (RANK[left] <= RANK[right] ? left : right)

/** All three keys, as only a new vault or a new generation has them. */
export type TAllVaultKeys = { vault: Buffer; case: Buffer; admin: Buffer }

export const newVaultKeys = (): TAllVaultKeys => ({
  vault: randomBytes(32),
  case: randomBytes(32),
  admin: randomBytes(32),
})

/** Zero every key held; the buffers are unusable afterwards. */
export function zeroKeys(keys: Partial<Record<TKeyName, Buffer | null>>): void {
  for (const name of KEY_NAMES) keys[name]?.fill(0)
}

/** Keys only a role may hold: the others are zeroed and dropped, so a lower role's session never carries them. */
export function keysWithin(keys: TVaultKeys, role: TRole): TVaultKeys {
  const allowed = KEYS_OF_ROLE[role]
  const kept: TVaultKeys = { vault: keys.vault, case: null, admin: null }
  for (const name of ['case', 'admin'] as const) {
    const key = keys[name]
    if (key === null) continue
    if (allowed.includes(name)) kept[name] = key
    else key.fill(0)
  }
  return kept
}

export type TAdminPurpose = 'endorsement' | 'audit-anchor' | 'backup-mac'

/** A key for one admin-only purpose, derived from K_admin (HKDF-SHA256), so no two purposes share a key. */
export function adminSubkey(adminKey: Buffer, purpose: TAdminPurpose, vaultId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', adminKey, Buffer.alloc(0), `ccij-${purpose}-v2|${vaultId}`, 32))
}

/** HMAC-SHA256 of `text` under `key`, base64. */
export const macOf = (key: Buffer, text: string): string =>
  createHmac('sha256', key).update(text, 'utf8').digest('base64')

/** Constant-time comparison of two base64 MACs. */
export function sameMac(left: string, right: string): boolean {
  const a = Buffer.from(left, 'base64')
  const b = Buffer.from(right, 'base64')
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b)
}

const HEX = '0123456789abcdef'

/**
 * SQLCipher's raw-key form `x'…'` of a key, in a Buffer the caller zeroes after use: a JavaScript string could
 * not be wiped and would stay in the heap until collected.
 */
export function rawKeyText(key: Buffer): Buffer {
  const text = Buffer.alloc(key.length * 2 + 3)
  text[0] = 0x78 // x
  text[1] = 0x27 // '
  for (let index = 0; index < key.length; index++) {
    const byte = key[index] ?? 0
    text[2 + index * 2] = HEX.charCodeAt(byte >> 4)
    text[3 + index * 2] = HEX.charCodeAt(byte & 15)
  }
  text[text.length - 1] = 0x27
  return text
}
