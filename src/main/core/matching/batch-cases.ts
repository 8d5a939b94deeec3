/**
 * The cases of a batch read a slice at a time: their files, intakes, the lawyers who declined them and staff's
 * conflict reviews, one query each for the whole slice instead of four per case (a thousand cases made four thousand
 * statements). Each survivor is what `survivorOfCase` (case-ranking.ts) makes of the same rows, and the reviews what
 * `ReferralQueries.reviewsOf` gives: a test holds the three together on every case of a vault (batch-cases.test.ts).
 */
import { ZIntakeSchema, type TIntake } from '../../../shared/cases/intake-schema'
import { AppError } from '../../../shared/result'
import { isUrgent, removalCutoff } from '../cases/case-records'
import { CaseRepository } from '../cases/case-repository'
import type { TCaseWithFile, TIntakeRow } from '../cases/case-rows'
import { stateOf } from '../cases/case-views'
import { sql } from '../db/sql'
import type { TSession } from '../session/session'
import { survivorProfileOf } from './profiles'
import type { TConflictReviews, TSurvivorProfile } from './types'

export type TBatchCaseRead = { row: TCaseWithFile; survivor: TSurvivorProfile; reviews: TConflictReviews }

const groupBy = <T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const key = keyOf(row)
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [row])
    else group.push(row)
  }
  return groups
}

/** An intake as matching reads it (case-ranking.ts's rule): one that does not parse is left out. */
const parsedIntakes = (rows: readonly TIntakeRow[]): TIntake[] =>
  rows
    .map((intake) => ZIntakeSchema.safeParse(JSON.parse(intake.data)))
    .flatMap((parsed): TIntake[] => (parsed.success ? [parsed.data] : []))

/** The cases `caseIds`, in that order, with their survivors and reviews; NOT_FOUND when one is missing. */
export const readBatchCases = (session: TSession, caseIds: readonly string[]): TBatchCaseRead[] => {
  if (caseIds.length === 0) return []
  const { db } = session
  const ids = JSON.stringify(caseIds)
  const rows = new Map(new CaseRepository(db).findCases(caseIds).map((row) => [row.id, row]))
  const intakes = groupBy(
    db.all<TIntakeRow>(
      sql`SELECT * FROM case_intakes WHERE case_id IN (SELECT value FROM json_each(${ids}))
          ORDER BY case_id, intake_date, recorded_at, rowid`,
    ),
    (row) => row.case_id,
  )
  const declined = groupBy(
    db.all<{ case_id: string; recipient_id: string }>(
      sql`SELECT case_id, recipient_id FROM referrals
          WHERE case_id IN (SELECT value FROM json_each(${ids}))
            AND recipient_kind = 'lawyer' AND state = 'declined'`,
    ),
    (row) => row.case_id,
  )
  const reviewRows = groupBy(
    db.all<{ case_id: string; lawyer_id: string; hit_key: string; decision: string }>(
      sql`SELECT case_id, lawyer_id, hit_key, decision FROM conflict_reviews
          WHERE case_id IN (SELECT value FROM json_each(${ids})) ORDER BY reviewed_at, rowid`,
    ),
    (row) => row.case_id,
  )
  const cutoff = removalCutoff(session.clock.now())
  return caseIds.map((caseId) => {
    const row = rows.get(caseId)
    if (row === undefined) throw new AppError('NOT_FOUND', 'There is no case with this id.')
    const reviews = new Map<string, Map<string, 'cleared' | 'confirmed'>>()
    for (const review of reviewRows.get(caseId) ?? []) {
      const byHit = reviews.get(review.lawyer_id) ?? new Map<string, 'cleared' | 'confirmed'>()
      byHit.set(review.hit_key, review.decision === 'cleared' ? 'cleared' : 'confirmed')
      reviews.set(review.lawyer_id, byHit)
    }
    const survivor: TSurvivorProfile = {
      ...survivorProfileOf(
        row.id,
        stateOf(row),
        parsedIntakes(intakes.get(caseId) ?? []),
        isUrgent(row, cutoff),
      ),
      declinedBy: new Set((declined.get(caseId) ?? []).map((each) => each.recipient_id)),
    }
    return { row, survivor, reviews }
  })
}
