/**
 * Ranking for one survivor: every lawyer is either ranked (score and the reasons that make it up) or excluded
 * (every hard constraint they fail). Nothing is silently dropped, so "why not this lawyer?" always has an answer.
 */
import type { TExclusionReason, TScoreReason } from '../../../shared/matching/reasons'
import { findConflicts, type TConflictFindings, type TConflictNameSource } from './conflicts'
import { eligibilityOfFactsFor } from './eligibility'
import { rosterFactsOf } from './lawyer-facts'
import { softFactorsOfFactsFor } from './soft-factors'
import type { TConflictReviews, TLawyerProfile, TRankContext, TSurvivorProfile } from './types'

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
 * array; a new array (a roster read afresh) is sorted once, and its lawyers' facts (lawyer-facts.ts) kept with it.
 */
const inNameOrder = (lawyers: readonly TLawyerProfile[]): readonly TLawyerProfile[] =>
  [...lawyers].sort(byName)

/** The lists of `byLawyer` (conflict findings by lawyer id) by place in the roster's name order. */
const byPlace = <T>(
  byLawyer: ReadonlyMap<string, T>,
  at: ReadonlyMap<string, readonly number[]>,
  count: number,
): Array<T | undefined> => {
  const placed = new Array<T | undefined>(count).fill(undefined)
  for (const [id, value] of byLawyer) for (const place of at.get(id) ?? []) placed[place] = value
  return placed
}

/**
 * Ranked lawyers best first, equal scores in the order given (a stable sort by score): counted into one bucket per
 * score, since scores are whole points in a narrow range; any other score falls back to the sort.
 */
const byScore = (ranked: TRankedLawyer[]): TRankedLawyer[] => {
  let lowest = Infinity
  let highest = -Infinity
  for (const { score } of ranked) {
    if (!Number.isInteger(score)) return ranked.sort((left, right) => right.score - left.score)
    if (score < lowest) lowest = score
    if (score > highest) highest = score
  }
  if (ranked.length < 2 || highest - lowest > 4 * ranked.length + 1_000)
    return ranked.sort((left, right) => right.score - left.score)
  const starts = new Int32Array(highest - lowest + 2)
  for (const { score } of ranked) starts[highest - score + 1]! += 1
  for (let bucket = 1; bucket < starts.length; bucket++) starts[bucket]! += starts[bucket - 1]!
  const sorted = new Array<TRankedLawyer>(ranked.length)
  for (const each of ranked) sorted[starts[highest - each.score]!++] = each
  return sorted
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
  const eligibilityOf = eligibilityOfFactsFor(survivor)
  const scoreOf = softFactorsOfFactsFor(survivor, context)
  const { inOrder, at } = rosterFactsOf(lawyers, inNameOrder)
  const count = inOrder.length
  const blockingAt = byPlace(conflicts.blocking, at, count)
  const clearedAt = byPlace(conflicts.cleared, at, count)
  const declinedAt = new Uint8Array(count)
  for (const id of survivor.declinedBy ?? []) for (const place of at.get(id) ?? []) declinedAt[place] = 1
  // Reused for every lawyer: copied only for an excluded one.
  const exclusions: TExclusionReason[] = []
  const because: TScoreReason[] = []
  for (let place = 0; place < count; place++) {
    const facts = inOrder[place]
    if (facts === undefined) continue
    exclusions.length = 0
    because.length = 0
    eligibilityOf(facts, declinedAt[place] === 1, exclusions, because)
    const blocking = blockingAt[place]
    if (exclusions.length > 0 || (blocking !== undefined && blocking.length > 0)) {
      const reasons: TExclusionReason[] = exclusions.slice()
      for (const { hit, confirmed } of blocking ?? []) {
        reasons.push(
          confirmed
            ? { key: 'excluded.conflict_confirmed', params: hit }
            : { key: 'excluded.conflict', params: hit },
        )
      }
      excluded.push({ lawyer: facts.lawyer, reasons })
      continue
    }
    const scored: TScoreReason[] = []
    scoreOf(facts, scored)
    let score = 0
    for (const reason of scored) score += reason.points
    for (const reason of because) scored.push(reason)
    for (const hit of clearedAt[place] ?? []) {
      scored.push({
        key: 'conflict.cleared',
        points: 0,
        params: { survivorName: hit.survivorName, lawyerName: hit.lawyerName, hitKey: hit.hitKey },
      })
    }
    ranked.push({ lawyer: facts.lawyer, score, reasons: scored })
  }
  return { ranked: byScore(ranked), excluded }
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
