import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { writeFileAtomic } from '../fs/atomic-write'
import { adminSubkey, macOf, sameMac } from '../vault/vault-keys'
import { canonicalJson } from './audit-chain'

/**
 * The audit trail's checkpoint, kept outside the database (`audit-anchor-g<N>.json` beside the keyring, and inside
 * every backup): the sequence number and hash of the newest entry an admin's session saw intact, MAC'd with a key
 * derived from K_admin. Someone holding only the database key (any role) can rewrite or truncate the trail inside
 * vault.db, but cannot make a checkpoint that agrees with the result.
 */
export const ZAuditAnchorSchema = z.strictObject({
  format: z.literal('ccij-audit-anchor'),
  version: z.literal(1),
  vaultId: z.string().min(1).max(64),
  generation: z.number().int().min(1).max(999_999_999),
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().max(64),
  mac: z.base64().max(64),
})
export type TAuditAnchor = z.infer<typeof ZAuditAnchorSchema>
export type TCheckpoint = { seq: number; hash: string; at: string }

const macInput = (anchor: Omit<TAuditAnchor, 'mac'>): string => canonicalJson(anchor)

/** A checkpoint, MAC'd for this vault and generation. */
export function sealCheckpoint(
  adminKey: Buffer,
  vaultId: string,
  generation: number,
  checkpoint: TCheckpoint,
): TAuditAnchor {
  const body = { format: 'ccij-audit-anchor', version: 1, vaultId, generation, ...checkpoint } as const
  const key = adminSubkey(adminKey, 'audit-anchor', vaultId)
  try {
    return { ...body, mac: macOf(key, macInput(body)) }
  } finally {
    key.fill(0)
  }
}

/** True when the anchor was sealed with this vault's K_admin of this generation. */
export function isAnchorAuthentic(
  anchor: TAuditAnchor,
  adminKey: Buffer,
  vaultId: string,
  generation: number,
): boolean {
  if (anchor.vaultId !== vaultId || anchor.generation !== generation) return false
  const { mac, ...body } = anchor
  const key = adminSubkey(adminKey, 'audit-anchor', vaultId)
  try {
    return sameMac(macOf(key, macInput(body)), mac)
  } finally {
    key.fill(0)
  }
}

export const serializeAnchor = (anchor: TAuditAnchor): string => `${JSON.stringify(anchor, null, 2)}\n`

export function writeAnchor(file: string, anchor: TAuditAnchor): void {
  writeFileAtomic(file, serializeAnchor(anchor))
}

/** 'missing' when there is no file, 'damaged' when it is not an anchor, else the (not yet authenticated) anchor. */
export function readAnchor(file: string): TAuditAnchor | 'missing' | 'damaged' {
  if (!existsSync(file)) return 'missing'
  return parseAnchor(readFileSync(file))
}

export function parseAnchor(bytes: Buffer | string): TAuditAnchor | 'damaged' {
  try {
    const parsed = ZAuditAnchorSchema.safeParse(JSON.parse(bytes.toString()))
    return parsed.success ? parsed.data : 'damaged'
  } catch {
    return 'damaged'
  }
}
