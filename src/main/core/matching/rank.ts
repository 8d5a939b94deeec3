/**
 * Ranking for one survivor: every lawyer is either ranked (score and the reasons that make it up) or excluded
 * (every hard constraint they fail). Nothing is silently dropped, so "why not this lawyer?" always has an answer.
 */
import type { TExclusionReason, TScoreReason } from '../../../shared/matching/reasons'
import { findConflicts, type TConflictFindings, type TConflictNameSource } from './conflicts'
import { checkEligibility } from './eligibility'
import { softFactors } from './soft-factors'
import type { TConflictReviews, TLawyerProfile, TRankContext, TSurvivorProfile } from './types'

export type TRankedLawyer = { lawyer: TLawyerProfile; score: number; reasons: TScoreReason[] }
export type TExcludedLawyer = { lawyer: TLawyerProfile; reasons: TExclusionReason[] }
export type TRanking = { ranked: TRankedLawyer[]; excluded: TExcludedLawyer[] }

/** One collator for the whole sort: `localeCompare` builds one per call, which dominated ranking 10,000 lawyers. */
const names = new Intl.Collator('en-CA')
const byName = (left: TLawyerProfile, right: TLawyerProfile): number =>
  names.compare(left.name, right.name) || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0)

/**
 * Each lawyer's place in name order, sorted once per roster array: comparing names with the collator inside every
 * ranking's sort cost more than the rest of ranking 10,000 lawyers. A batch and the bench rank many survivors over
 * one array; a new array (the service reads the roster per call) is sorted once.
 */
const nameOrders = new WeakMap<readonly TLawyerProfile[], Map<string, number>>()
function nameOrderOf(lawyers: readonly TLawyerProfile[]): Map<string, number> {
  let order = nameOrders.get(lawyers)
  if (order === undefined) {
    order = new Map([...lawyers].sort(byName).map((lawyer, position) => [lawyer.id, position]))
    nameOrders.set(lawyers, order)
  }
  return order
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
  for (const lawyer of lawyers) {
    const eligibility = checkEligibility(survivor, lawyer)
    const blocking = conflicts.blocking.get(lawyer.id) ?? []
    const reasons: TExclusionReason[] = [
      ...eligibility.excluded,
      ...blocking.map(({ hit, confirmed }): TExclusionReason =>
        confirmed
          ? { key: 'excluded.conflict_confirmed', params: hit }
          : { key: 'excluded.conflict', params: hit },
      ),
    ]
    if (reasons.length > 0) {
      excluded.push({ lawyer, reasons })
      continue
    }
    const cleared = (conflicts.cleared.get(lawyer.id) ?? []).map((hit): TScoreReason => ({
      key: 'conflict.cleared',
      points: 0,
      params: { survivorName: hit.survivorName, lawyerName: hit.lawyerName, hitKey: hit.hitKey },
    }))
    const scored = softFactors(survivor, lawyer, context)
    const score = scored.reduce((total, reason) => total + reason.points, 0)
    ranked.push({ lawyer, score, reasons: [...scored, ...eligibility.because, ...cleared] })
  }
  const order = nameOrderOf(lawyers)
  const place = (lawyer: TLawyerProfile): number => order.get(lawyer.id) ?? 0
  ranked.sort((left, right) => right.score - left.score || place(left.lawyer) - place(right.lawyer))
  excluded.sort((left, right) => place(left.lawyer) - place(right.lawyer))
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
