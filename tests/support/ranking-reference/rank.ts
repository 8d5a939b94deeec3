// The ranking's rules as they were before lawyer-facts.ts (main at d5d6150), kept verbatim as the reference the
// fast ranking must equal exactly (src/main/core/matching/rank-facts.test.ts). Not used by the app.
/**
 * Ranking for one survivor: every lawyer is either ranked (score and the reasons that make it up) or excluded
 * (every hard constraint they fail). Nothing is silently dropped, so "why not this lawyer?" always has an answer.
 */
import type { TExclusionReason, TScoreReason } from '../../../src/shared/matching/reasons'
import {
  findConflicts,
  type TConflictFindings,
  type TConflictNameSource,
} from '../../../src/main/core/matching/conflicts'
import { eligibilityCheckFor } from './eligibility'
import { softFactorsFor } from './soft-factors'
import type {
  TConflictReviews,
  TLawyerProfile,
  TRankContext,
  TSurvivorProfile,
} from '../../../src/main/core/matching/types'

export type TRankedLawyer = { lawyer: TLawyerProfile; score: number; reasons: TScoreReason[] }
export type TExcludedLawyer = { lawyer: TLawyerProfile; reasons: TExclusionReason[] }
export type TRanking = { ranked: TRankedLawyer[]; excluded: TExcludedLawyer[] }

/** One collator for the whole sort: `localeCompare` builds one per call, which dominated ranking 10,000 lawyers. */
const names = new Intl.Collator('en-CA')
const byName = (left: TLawyerProfile, right: TLawyerProfile): number =>
  names.compare(left.name, right.name) || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0)

/**
 * The roster in name order, sorted once per roster array: comparing names with the collator (or even looking up each
 * lawyer's place in a map) inside every ranking's sort cost more than the rest of ranking 10,000 lawyers. Walking
 * the lawyers in this order leaves the excluded ones in name order and the ranked ones in name order within a
 * score, so one stable sort by score finishes the ranking. A batch and the bench rank many survivors over one
 * array; a new array (a roster read afresh) is sorted once.
 */
const nameOrders = new WeakMap<readonly TLawyerProfile[], readonly TLawyerProfile[]>()
function inNameOrder(lawyers: readonly TLawyerProfile[]): readonly TLawyerProfile[] {
  let ordered = nameOrders.get(lawyers)
  if (ordered === undefined) {
    ordered = [...lawyers].sort(byName)
    nameOrders.set(lawyers, ordered)
  }
  return ordered
}

/** Ranks lawyers whose conflicts were already found (a batch finds them once per survivor). */
export const rankWithConflicts = (
  survivor: TSurvivorProfile,
  lawyers: readonly TLawyerProfile[],
  conflicts: TConflictFindings,
  context: TRankContext,
): TRanking => {
  const ranked: TRankedLawyer[] = []
  const excluded: TExcludedLawyer[] = []
  const eligibilityOf = eligibilityCheckFor(survivor)
  const scoreOf = softFactorsFor(survivor, context)
  for (const lawyer of inNameOrder(lawyers)) {
    const eligibility = eligibilityOf(lawyer)
    const blocking = conflicts.blocking.get(lawyer.id)
    const reasons = eligibility.excluded
    for (const { hit, confirmed } of blocking ?? []) {
      reasons.push(
        confirmed
          ? { key: 'excluded.conflict_confirmed', params: hit }
          : { key: 'excluded.conflict', params: hit },
      )
    }
    if (reasons.length > 0) {
      excluded.push({ lawyer, reasons })
      continue
    }
    const scored = scoreOf(lawyer)
    let score = 0
    for (const reason of scored) score += reason.points
    scored.push(...eligibility.because)
    for (const hit of conflicts.cleared.get(lawyer.id) ?? []) {
      scored.push({
        key: 'conflict.cleared',
        points: 0,
        params: { survivorName: hit.survivorName, lawyerName: hit.lawyerName, hitKey: hit.hitKey },
      })
    }
    ranked.push({ lawyer, score, reasons: scored })
  }
  // Stable: equal scores keep name order.
  ranked.sort((left, right) => right.score - left.score)
  return { ranked, excluded }
}

/** Ranks every lawyer for one survivor, checking conflicts against `names` (and the reviews staff recorded). */
export const rankLawyers = (
  survivor: TSurvivorProfile,
  lawyers: readonly TLawyerProfile[],
  names: TConflictNameSource,
  reviews: TConflictReviews,
  context: TRankContext,
): TRanking =>
  rankWithConflicts(
    survivor,
    lawyers,
    findConflicts(survivor.caseId, survivor.parties, names, reviews),
    context,
  )
