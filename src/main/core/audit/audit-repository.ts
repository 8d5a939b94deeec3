import {
  ZAuditQuerySchema,
  type TAuditAction,
  type TAuditDetails,
  type TAuditEntry,
  type TAuditQuery,
  type TAuditPage,
} from '../../../shared/contract/audit'
import { GENESIS_HASH, hashAuditEntry, type THashedAuditFields } from './audit-chain'
import type { TWritableDb } from '../db/connection'
import { sql } from '../db/sql'

/** The hash chain's own verdict: the first entry that does not follow from the one before, if any. */
export type TChainCheck = { ok: boolean; checked: number; firstBadSeq: number | null; reason: string | null }

/** Who did it: a staff member, or null for the app itself (e.g. a failed unlock with no account). */
export type TAuditActor = { accountId: string; username: string } | null
export type TAuditTarget = { type: string; id: string } | null

type TAuditRow = {
  seq: number
  at: string
  actor_account_id: string | null
  actor_username: string | null
  action: string
  target_type: string | null
  target_id: string | null
  details: string
  prev_hash: string
  hash: string
}

/** The hashed part of a stored entry, with its details already parsed. */
const hashedFieldsOf = (row: TAuditRow, details: unknown): THashedAuditFields => ({
  seq: row.seq,
  at: row.at,
  actorAccountId: row.actor_account_id,
  actorUsername: row.actor_username,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  details,
})

const toEntry = (row: TAuditRow): TAuditEntry => ({
  ...hashedFieldsOf(row, null),
  details: JSON.parse(row.details) as Record<string, unknown>,
  prevHash: row.prev_hash,
  hash: row.hash,
})

/**
 * The append-only, hash-chained audit trail. Each entry's hash covers the previous entry's hash and the
 * canonical entry, so editing, deleting or moving an entry breaks the chain from that point on.
 */
export class AuditRepository {
  constructor(private readonly db: TWritableDb) {}

  /**
   * Add one entry at the end of the chain. Runs in its own transaction unless already inside one, holding vault.db's
   * write lock from before the chain's head is read.
   */
  append(
    actor: TAuditActor,
    action: TAuditAction,
    target: TAuditTarget,
    details: TAuditDetails = {},
    at = new Date(),
  ): TAuditEntry {
    return this.db.transaction(() => {
      // vault.db's write lock before the last entry is read, so no other connection appends in between: a write
      // statement that changes nothing takes it (waiting as BEGIN IMMEDIATE would). Not BEGIN IMMEDIATE itself: it
      // takes every attached file's lock, and a commit holding casework.db's too goes through a super-journal
      // (a file of its own, three more fsyncs and two of the folder) though only vault.db changed.
      this.db.run(sql`UPDATE audit_log SET seq = seq WHERE 0`)
      const last = this.db.get<{ seq: number; hash: string }>(
        sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
      )
      const fields = {
        seq: (last?.seq ?? 0) + 1,
        at: at.toISOString(),
        actorAccountId: actor?.accountId ?? null,
        actorUsername: actor?.username ?? null,
        action,
        targetType: target?.type ?? null,
        targetId: target?.id ?? null,
        // Round-trip through JSON so what is hashed is exactly what is stored and read back.
        details: JSON.parse(JSON.stringify(details)) as Record<string, unknown>,
      }
      const prevHash = last?.hash ?? GENESIS_HASH
      const row: TAuditRow = {
        seq: fields.seq,
        at: fields.at,
        actor_account_id: fields.actorAccountId,
        actor_username: fields.actorUsername,
        action,
        target_type: fields.targetType,
        target_id: fields.targetId,
        details: JSON.stringify(fields.details),
        prev_hash: prevHash,
        hash: hashAuditEntry(prevHash, fields),
      }
      this.db.run(
        sql`INSERT INTO audit_log (seq, at, actor_account_id, actor_username, action, target_type, target_id,
              details, prev_hash, hash)
            VALUES (${row.seq}, ${row.at}, ${row.actor_account_id}, ${row.actor_username}, ${row.action},
              ${row.target_type}, ${row.target_id}, ${row.details}, ${row.prev_hash}, ${row.hash})`,
      )
      return toEntry(row)
    })
  }

  list(query: TAuditQuery = {}): TAuditPage {
    const parsed = ZAuditQuerySchema.parse(query)
    const action = parsed.action ?? null
    const accountId = parsed.actorAccountId ?? null
    const username = parsed.actorUsername ?? null
    const from = parsed.from === undefined ? null : new Date(parsed.from).toISOString()
    const to = parsed.to === undefined ? null : new Date(parsed.to).toISOString()
    const reference =
      parsed.caseReference === undefined || parsed.caseReference === '' ? null : parsed.caseReference
    const filter = sql`
      WHERE (${action} IS NULL OR action = ${action})
        AND (${accountId} IS NULL OR actor_account_id = ${accountId})
        AND (${username} IS NULL OR actor_username = ${username} COLLATE NOCASE)
        AND (${from} IS NULL OR at >= ${from})
        AND (${to} IS NULL OR at < ${to})
        AND (${reference} IS NULL
          OR (target_type = 'case' AND json_extract(details, '$.reference') = ${reference})
          OR (action = 'import'
            AND EXISTS (SELECT 1 FROM json_each(details, '$.references') WHERE value = ${reference})))`
    const entries = this.db
      .all<TAuditRow>(
        sql`SELECT * FROM audit_log ${filter} ORDER BY seq DESC LIMIT ${parsed.limit} OFFSET ${parsed.offset}`,
      )
      .map(toEntry)
    const total = this.db.value<number>(sql`SELECT count(*) FROM audit_log ${filter}`) ?? 0
    return { entries, total }
  }

  /** The newest entry's seq and hash; null for an empty trail. */
  head(): { seq: number; hash: string } | null {
    return (
      this.db.get<{ seq: number; hash: string }>(
        sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
      ) ?? null
    )
  }

  /** How many entries came after `seq`, of which actions, and when the last one was made. */
  summaryAfter(seq: number): { count: number; lastAt: string | null; actions: Record<string, number> } {
    const rows = this.db.all<{ action: string; count: number; last_at: string }>(
      sql`SELECT action, count(*) AS count, max(at) AS last_at FROM audit_log WHERE seq > ${seq} GROUP BY action`,
    )
    const actions = Object.fromEntries(rows.map((row) => [row.action, row.count]))
    const lastAt = rows.reduce<string | null>(
      (last, row) => (last === null || row.last_at > last ? row.last_at : last),
      null,
    )
    return { count: rows.reduce((total, row) => total + row.count, 0), lastAt, actions }
  }

  /** The hash stored for entry `seq`, or null when there is none. */
  hashAt(seq: number): string | null {
    return this.db.value<string>(sql`SELECT hash FROM audit_log WHERE seq = ${seq}`) ?? null
  }

  /**
   * Walk the chain in storage order; report the first entry that does not follow from the one before. With `from`
   * (a checkpoint), only the entries after it are walked, starting from its hash: the cheap check an admin session
   * makes before sealing a new checkpoint.
   */
  verify(from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }): TChainCheck {
    let expectedSeq = from.seq + 1
    let prevHash = from.hash
    let checked = 0
    for (const row of this.db.iterate<TAuditRow>(
      sql`SELECT * FROM audit_log WHERE seq > ${from.seq} ORDER BY seq`,
    )) {
      checked++
      const bad = (reason: string): TChainCheck => ({
        ok: false,
        checked,
        firstBadSeq: row.seq,
        reason,
      })
      if (row.seq !== expectedSeq)
        return bad(`expected entry ${expectedSeq} here, found ${row.seq} (deleted or moved)`)
      if (row.prev_hash !== prevHash) return bad('does not link to the entry before it')
      let details: unknown
      try {
        details = JSON.parse(row.details)
      } catch {
        return bad('details are not valid JSON')
      }
      const recomputed = hashAuditEntry(prevHash, hashedFieldsOf(row, details))
      if (recomputed !== row.hash) return bad('content does not match its hash (edited)')
      prevHash = row.hash
      expectedSeq++
    }
    return { ok: true, checked, firstBadSeq: null, reason: null }
  }
}
