import type { Statement } from 'better-sqlite3-multiple-ciphers'
import {
  ZAuditQuerySchema,
  type TAuditDetails,
  type TAuditEntry,
  type TAuditQuery,
  type TAuditPage,
  type TAuditVerification,
} from '../../../shared/contract/audit'
import { GENESIS_HASH, hashAuditEntry } from './audit-chain'
import type { TDatabase } from './open-database'

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

const toEntry = (row: TAuditRow): TAuditEntry => ({
  seq: row.seq,
  at: row.at,
  actorAccountId: row.actor_account_id,
  actorUsername: row.actor_username,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  details: JSON.parse(row.details) as Record<string, unknown>,
  prevHash: row.prev_hash,
  hash: row.hash,
})

/**
 * The append-only, hash-chained audit trail. Each entry's hash covers the previous entry's hash and the
 * canonical entry, so editing, deleting or moving an entry breaks the chain from that point on.
 */
export class AuditRepository {
  private readonly selectLast: Statement<[], { seq: number; hash: string }>
  private readonly insert: Statement<TAuditRow>
  private readonly selectPage: Statement<Record<string, unknown>, TAuditRow>
  private readonly countPage: Statement<Record<string, unknown>, { total: number }>
  private readonly selectAllInOrder: Statement<[], TAuditRow>

  constructor(private readonly db: TDatabase) {
    this.selectLast = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
    this.insert = db.prepare(`
      INSERT INTO audit_log (seq, at, actor_account_id, actor_username, action, target_type, target_id, details, prev_hash, hash)
      VALUES (@seq, @at, @actor_account_id, @actor_username, @action, @target_type, @target_id, @details, @prev_hash, @hash)`)
    const filter = `
      WHERE (@action IS NULL OR action = @action)
        AND (@actorAccountId IS NULL OR actor_account_id = @actorAccountId)
        AND (@actorUsername IS NULL OR actor_username = @actorUsername COLLATE NOCASE)
        AND (@from IS NULL OR at >= @from)
        AND (@to IS NULL OR at < @to)`
    this.selectPage = db.prepare(
      `SELECT * FROM audit_log ${filter} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
    )
    this.countPage = db.prepare(`SELECT count(*) AS total FROM audit_log ${filter}`)
    this.selectAllInOrder = db.prepare('SELECT * FROM audit_log ORDER BY rowid')
  }

  /** Add one entry at the end of the chain. Runs in its own transaction unless already inside one. */
  append(
    actor: TAuditActor,
    action: string,
    target: TAuditTarget,
    details: TAuditDetails = {},
    at = new Date(),
  ): TAuditEntry {
    return this.db
      .transaction(() => {
        const last = this.selectLast.get()
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
        const hash = hashAuditEntry(prevHash, fields)
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
          hash,
        }
        this.insert.run(row)
        return toEntry(row)
      })
      .immediate()
  }

  list(query: TAuditQuery = {}): TAuditPage {
    const parsed = ZAuditQuerySchema.parse(query)
    const parameters = {
      action: parsed.action ?? null,
      actorAccountId: parsed.actorAccountId ?? null,
      actorUsername: parsed.actorUsername ?? null,
      from: parsed.from === undefined ? null : new Date(parsed.from).toISOString(),
      to: parsed.to === undefined ? null : new Date(parsed.to).toISOString(),
    }
    const entries = this.selectPage
      .all({ ...parameters, limit: parsed.limit, offset: parsed.offset })
      .map(toEntry)
    const total = this.countPage.get(parameters)?.total ?? 0
    return { entries, total }
  }

  /** Walk the chain in storage order; report the first entry that does not follow from the one before. */
  verify(): TAuditVerification {
    let expectedSeq = 1
    let prevHash = GENESIS_HASH
    let checked = 0
    for (const row of this.selectAllInOrder.iterate()) {
      checked++
      const bad = (reason: string): TAuditVerification => ({
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
      const recomputed = hashAuditEntry(prevHash, {
        seq: row.seq,
        at: row.at,
        actorAccountId: row.actor_account_id,
        actorUsername: row.actor_username,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        details,
      })
      if (recomputed !== row.hash) return bad('content does not match its hash (edited)')
      prevHash = row.hash
      expectedSeq++
    }
    return { ok: true, checked, firstBadSeq: null, reason: null }
  }
}
