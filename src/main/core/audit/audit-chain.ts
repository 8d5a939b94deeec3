import { createHash } from 'node:crypto'

/** prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64)

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
}

/** The fields an entry's hash covers: everything but the hashes themselves. The seq makes reordering visible. */
export type THashedAuditFields = {
  seq: number
  at: string
  actorAccountId: string | null
  actorUsername: string | null
  action: string
  targetType: string | null
  targetId: string | null
  details: unknown
}

export function hashAuditEntry(prevHash: string, fields: THashedAuditFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex')
}
