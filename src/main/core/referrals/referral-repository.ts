/**
 * Storage of referrals and conflict reviews (casework.db). Reads for matching (places in use, last offers, the
 * reviews of one case) are one statement each for the whole roster, never one per lawyer.
 */
import { PLACE_HOLDING_STATES, OPEN_REFERRAL_STATES } from '../../../shared/referrals/vocabulary'
import type { TReferralState } from '../../../shared/referrals/vocabulary'
import type { TReadableDb, TWritableDb } from '../db/connection'
import { sql, sqlAnd, sqlList, type TSql } from '../db/sql'
import type { TConflictReviewRow, TReferralListRow, TReferralRow } from './referral-rows'

export type TReferralFilter = {
  state?: TReferralState | 'open'
  recipientKind?: 'lawyer' | 'organization'
  /** Follow-ups due before this day (YYYY-MM-DD). */
  overdueBefore?: string
  caseId?: string
}

/** A lawyer referral that takes one of the lawyer's places (proposed, cleared, sent or accepted). */
const HOLDS_A_LAWYERS_PLACE = sql`recipient_kind = 'lawyer' AND holds_place = 1`

/**
 * The places the lawyer whose id is `lawyerId` (a column of the outer query) holds now, as a scalar subquery: the
 * roster's "can take a referral" filter counts them as the dashboard's capacity does. Needs casework.db attached.
 */
export const placesHeldBy = (lawyerId: TSql): TSql =>
  sql`(SELECT count(*) FROM referrals WHERE ${HOLDS_A_LAWYERS_PLACE} AND recipient_id = ${lawyerId})`

const LIST_ROW = sql`SELECT r.*, c.reference FROM referrals r JOIN cases c ON c.id = r.case_id`

const whereOf = (filter: TReferralFilter): TSql => {
  const where: TSql[] = []
  if (filter.state === 'open') where.push(sql`r.state IN ${sqlList(OPEN_REFERRAL_STATES)}`)
  else if (filter.state !== undefined) where.push(sql`r.state = ${filter.state}`)
  if (filter.recipientKind !== undefined) where.push(sql`r.recipient_kind = ${filter.recipientKind}`)
  if (filter.overdueBefore !== undefined) where.push(sql`r.follow_up_on < ${filter.overdueBefore}`)
  if (filter.caseId !== undefined) where.push(sql`r.case_id = ${filter.caseId}`)
  return sqlAnd(where)
}

export class ReferralQueries {
  constructor(protected readonly db: TReadableDb) {}

  get(id: string): TReferralListRow | undefined {
    return this.db.get<TReferralListRow>(sql`${LIST_ROW} WHERE r.id = ${id}`)
  }

  list(filter: TReferralFilter, offset: number, limit: number): { rows: TReferralListRow[]; total: number } {
    const where = whereOf(filter)
    const total = this.db.value<number>(sql`SELECT count(*) FROM referrals r WHERE ${where}`) ?? 0
    const rows = this.db.all<TReferralListRow>(
      sql`${LIST_ROW} WHERE ${where} ORDER BY r.updated_at DESC, r.id LIMIT ${limit} OFFSET ${offset}`,
    )
    return { rows, total }
  }

  /** Places each lawyer holds now (referrals proposed, cleared, sent or accepted), by lawyer id. */
  placesHeld(): Map<string, number> {
    const rows = this.db.all<{ recipient_id: string; held: number }>(
      sql`SELECT recipient_id, count(*) AS held FROM referrals WHERE ${HOLDS_A_LAWYERS_PLACE} GROUP BY recipient_id`,
    )
    return new Map(rows.map((row) => [row.recipient_id, row.held]))
  }

  /** When each lawyer was last offered a referral, by lawyer id (fairness). */
  lastOffers(): Map<string, string> {
    const rows = this.db.all<{ recipient_id: string; at: string }>(
      sql`SELECT recipient_id, max(proposed_at) AS at FROM referrals
          WHERE recipient_kind = 'lawyer' GROUP BY recipient_id`,
    )
    return new Map(rows.map((row) => [row.recipient_id, row.at]))
  }

  /** Lawyer referrals holding a place, of every case: their parties join the conflict check. */
  placeHoldingLawyerReferrals(): Array<Pick<TReferralRow, 'case_id' | 'recipient_id'>> {
    return this.db.all(
      sql`SELECT DISTINCT case_id, recipient_id FROM referrals
          WHERE recipient_kind = 'lawyer' AND holds_place = 1`,
    )
  }

  /** Referrals of one case that are not finished with (a second one to the same recipient is refused). */
  openOf(caseId: string): TReferralRow[] {
    return this.db.all<TReferralRow>(
      sql`SELECT * FROM referrals WHERE case_id = ${caseId} AND state IN ${sqlList(PLACE_HOLDING_STATES)}`,
    )
  }

  /** Lawyers who declined this case: re-matching leaves them out. */
  declinedBy(caseId: string): Set<string> {
    const rows = this.db.all<{ recipient_id: string }>(
      sql`SELECT recipient_id FROM referrals
          WHERE case_id = ${caseId} AND recipient_kind = 'lawyer' AND state = 'declined'`,
    )
    return new Set(rows.map((row) => row.recipient_id))
  }

  /** The latest review of each hit of one case, by lawyer id then hit key. */
  reviewsOf(caseId: string): Map<string, Map<string, 'cleared' | 'confirmed'>> {
    const rows = this.db.all<Pick<TConflictReviewRow, 'lawyer_id' | 'hit_key' | 'decision'>>(
      sql`SELECT lawyer_id, hit_key, decision FROM conflict_reviews WHERE case_id = ${caseId}
          ORDER BY reviewed_at, rowid`,
    )
    const reviews = new Map<string, Map<string, 'cleared' | 'confirmed'>>()
    for (const row of rows) {
      const byHit = reviews.get(row.lawyer_id) ?? new Map<string, 'cleared' | 'confirmed'>()
      byHit.set(row.hit_key, row.decision === 'cleared' ? 'cleared' : 'confirmed')
      reviews.set(row.lawyer_id, byHit)
    }
    return reviews
  }
}

export class ReferralRepository extends ReferralQueries {
  constructor(protected override readonly db: TWritableDb) {
    super(db)
  }

  insert(row: TReferralRow): void {
    this.db.run(sql`INSERT INTO referrals (id, case_id, recipient_kind, recipient_id, recipient_name, state,
        holds_place, urgent, score, reasons, follow_up_on, conflict_confirmed_at, conflict_confirmation, sent_at,
        responded_at, closed_at, note, proposed_by, proposed_at, updated_at)
      VALUES (${row.id}, ${row.case_id}, ${row.recipient_kind}, ${row.recipient_id}, ${row.recipient_name},
        ${row.state}, ${row.holds_place}, ${row.urgent}, ${row.score}, ${row.reasons}, ${row.follow_up_on},
        ${row.conflict_confirmed_at}, ${row.conflict_confirmation}, ${row.sent_at}, ${row.responded_at},
        ${row.closed_at}, ${row.note}, ${row.proposed_by}, ${row.proposed_at}, ${row.updated_at})`)
  }

  /** The moving parts of a referral after one action. */
  update(row: TReferralRow): void {
    this.db.run(sql`UPDATE referrals SET state = ${row.state}, holds_place = ${row.holds_place},
        follow_up_on = ${row.follow_up_on}, conflict_confirmed_at = ${row.conflict_confirmed_at},
        conflict_confirmation = ${row.conflict_confirmation}, sent_at = ${row.sent_at},
        responded_at = ${row.responded_at}, closed_at = ${row.closed_at}, note = ${row.note},
        updated_at = ${row.updated_at}
      WHERE id = ${row.id}`)
  }

  insertReview(row: TConflictReviewRow): void {
    this.db
      .run(sql`INSERT INTO conflict_reviews (id, case_id, lawyer_id, hit_key, decision, reason, reviewed_by,
        reviewed_at)
      VALUES (${row.id}, ${row.case_id}, ${row.lawyer_id}, ${row.hit_key}, ${row.decision}, ${row.reason},
        ${row.reviewed_by}, ${row.reviewed_at})`)
  }
}
