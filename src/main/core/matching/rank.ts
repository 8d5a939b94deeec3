/**
 * Ranking for one survivor: every lawyer is either ranked (score and the reasons that make it up) or excluded
 * (every hard constraint they fail). Nothing is silently dropped, so "why not this lawyer?" always has an answer.
 */
import type { TConflictHit, TExclusionReason, TScoreReason } from '../../../shared/matching/reasons'
import { findConflicts, type TConflictFindings, type TConflictNameSource } from './conflicts'
import { eligibilityOfFactsFor, type TFactsEligibility } from './eligibility'
import { rosterFactsOf, type TLawyerFacts } from './lawyer-facts'
import { columnsWalkFor } from './rank-columns'
import { softFactorsOfFactsFor, type TFactsSoftFactors } from './soft-factors'
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
 * The places of the ranked lawyers best first, equal scores in the order given (a stable sort by score): counted
 * into one bucket per score, since scores are whole points in a narrow range; any other score falls back to the sort.
 */
const byScore = (places: Int32Array, scores: Float64Array): Int32Array => {
  let lowest = Infinity
  let highest = -Infinity
  let whole = true
  for (const place of places) {
    const score = scores[place]!
    if (!Number.isInteger(score)) whole = false
    if (score < lowest) lowest = score
    if (score > highest) highest = score
  }
  if (!whole || places.length < 2 || highest - lowest > 4 * places.length + 1_000)
    return Int32Array.from([...places].sort((left, right) => scores[right]! - scores[left]!))
  const starts = new Int32Array(highest - lowest + 2)
  for (const place of places) starts[highest - scores[place]! + 1]! += 1
  for (let bucket = 1; bucket < starts.length; bucket++) starts[bucket]! += starts[bucket - 1]!
  const sorted = new Int32Array(places.length)
  for (const place of places) sorted[starts[highest - scores[place]!]!++] = place
  return sorted
}

/**
 * One survivor's walk over a roster: who is excluded and every ranked lawyer's score, by place in the roster's name
 * order. A lawyer's reasons are the rules' own (eligibility.ts, soft-factors.ts), built by `reasonsOf` when asked:
 * the case page shows 100 ranked and 100 excluded lawyers of 10,000, and building every lawyer's list (an array
 * and an entry each, all garbage once the page's hundred are picked) was most of the walk's cost.
 */
type TWalk = {
  readonly facts: readonly TLawyerFacts[]
  /** Places of the ranked lawyers, best first (equal scores in name order), and each place's score. */
  readonly ranked: Int32Array
  readonly scores: Float64Array
  /** Places of the excluded lawyers, in name order. */
  readonly excluded: Int32Array
  /** Each place's conflict hits that exclude the lawyer (confirmed or not), undefined when none. */
  readonly blockingAt: ReadonlyArray<readonly { hit: TConflictHit; confirmed: boolean }[] | undefined>
  /** A ranked lawyer's reasons: the soft factors', why they may act, and the hits staff cleared. */
  readonly scoreReasonsOf: (place: number) => TScoreReason[]
  /** An excluded lawyer's reasons: every hard constraint they fail, then their conflict hits. */
  readonly exclusionReasonsOf: (place: number) => TExclusionReason[]
}

/** 1 for each place declined or blocked by a conflict hit. */
const leftOut = (
  declinedAt: Uint8Array,
  blockingAt: ReadonlyArray<readonly unknown[] | undefined>,
): Uint8Array => {
  const left = Uint8Array.from(declinedAt)
  for (let place = 0; place < blockingAt.length; place++) {
    const blocking = blockingAt[place]
    if (blocking !== undefined && blocking.length > 0) left[place] = 1
  }
  return left
}

/**
 * The walk through the rules' own functions, each lawyer's reasons pushed onto scratch arrays (for the survivors
 * rank-columns.ts cannot decide for): fills `scores` and the places as the columns' walk does.
 */
const walkByRules = (
  inOrder: readonly TLawyerFacts[],
  declinedAt: Uint8Array,
  blockingAt: ReadonlyArray<readonly unknown[] | undefined>,
  eligibilityOf: TFactsEligibility,
  scoreOf: TFactsSoftFactors,
  scores: Float64Array,
  rankedPlaces: Int32Array,
  excludedPlaces: Int32Array,
): { rankedCount: number; excludedCount: number } => {
  let rankedCount = 0
  let excludedCount = 0
  // Reused for every lawyer: the walk keeps only whether a lawyer is excluded, and the score.
  const exclusions: TExclusionReason[] = []
  const because: TScoreReason[] = []
  const scored: TScoreReason[] = []
  for (let place = 0; place < inOrder.length; place++) {
    const facts = inOrder[place]!
    exclusions.length = 0
    because.length = 0
    eligibilityOf(facts, declinedAt[place] === 1, exclusions, because)
    const blocking = blockingAt[place]
    if (exclusions.length > 0 || (blocking !== undefined && blocking.length > 0)) {
      excludedPlaces[excludedCount++] = place
      continue
    }
    scored.length = 0
    scoreOf(facts, scored)
    let score = 0
    for (const reason of scored) score += reason.points
    scores[place] = score
    rankedPlaces[rankedCount++] = place
  }
  return { rankedCount, excludedCount }
}

const walk = (
  survivor: TSurvivorProfile,
  lawyers: readonly TLawyerProfile[],
  conflicts: TConflictFindings,
  context: TRankContext,
): TWalk => {
  const eligibilityOf = eligibilityOfFactsFor(survivor)
  const scoreOf = softFactorsOfFactsFor(survivor, context)
  const { inOrder, at } = rosterFactsOf(lawyers, inNameOrder)
  const count = inOrder.length
  const blockingAt = byPlace(conflicts.blocking, at, count)
  const clearedAt = byPlace(conflicts.cleared, at, count)
  const declinedAt = new Uint8Array(count)
  for (const id of survivor.declinedBy ?? []) for (const place of at.get(id) ?? []) declinedAt[place] = 1
  const scores = new Float64Array(count)
  const rankedPlaces = new Int32Array(count)
  const excludedPlaces = new Int32Array(count)
  const columnsWalk = columnsWalkFor(survivor, context)
  const { rankedCount, excludedCount } =
    columnsWalk === null
      ? walkByRules(
          inOrder,
          declinedAt,
          blockingAt,
          eligibilityOf,
          scoreOf,
          scores,
          rankedPlaces,
          excludedPlaces,
        )
      : columnsWalk(inOrder, leftOut(declinedAt, blockingAt), scores, rankedPlaces, excludedPlaces)
  return {
    facts: inOrder,
    ranked: byScore(rankedPlaces.subarray(0, rankedCount), scores),
    scores,
    excluded: excludedPlaces.subarray(0, excludedCount),
    blockingAt,
    scoreReasonsOf: (place) => {
      const facts = inOrder[place]!
      const reasons: TScoreReason[] = []
      const eligible: TScoreReason[] = []
      eligibilityOf(facts, declinedAt[place] === 1, [], eligible)
      scoreOf(facts, reasons)
      for (const reason of eligible) reasons.push(reason)
      for (const hit of clearedAt[place] ?? []) {
        reasons.push({
          key: 'conflict.cleared',
          points: 0,
          params: { survivorName: hit.survivorName, lawyerName: hit.lawyerName, hitKey: hit.hitKey },
        })
      }
      return reasons
    },
    exclusionReasonsOf: (place) => {
      const reasons: TExclusionReason[] = []
      eligibilityOf(inOrder[place]!, declinedAt[place] === 1, reasons, [])
      for (const { hit, confirmed } of blockingAt[place] ?? []) {
        reasons.push(
          confirmed
            ? { key: 'excluded.conflict_confirmed', params: hit }
            : { key: 'excluded.conflict', params: hit },
        )
      }
      return reasons
    },
  }
}

/** Ranks lawyers whose conflicts were already found (a batch finds them once per survivor). */
export const rankWithConflicts = (
  survivor: TSurvivorProfile,
  lawyers: readonly TLawyerProfile[],
  conflicts: TConflictFindings,
  context: TRankContext,
): TRanking => {
  const { facts, ranked, scores, excluded, scoreReasonsOf, exclusionReasonsOf } = walk(
    survivor,
    lawyers,
    conflicts,
    context,
  )
  return {
    ranked: Array.from(ranked, (place) => ({
      lawyer: facts[place]!.lawyer,
      score: scores[place]!,
      reasons: scoreReasonsOf(place),
    })),
    excluded: Array.from(excluded, (place) => ({
      lawyer: facts[place]!.lawyer,
      reasons: exclusionReasonsOf(place),
    })),
  }
}

/**
 * What the case page shows of a ranking: the `limit` best ranked lawyers, and `limit` excluded ones, those with a
 * conflict hit (to review) first, each part in name order; with the totals. The same entries, reasons included, as
 * the whole ranking's (`rankWithConflicts`) first `limit` ranked and its excluded put conflicts first; only the
 * entries shown are built.
 */
export type TRankingView = {
  ranked: TRankedLawyer[]
  rankedTotal: number
  excluded: TExcludedLawyer[]
  excludedTotal: number
}

export const rankViewWithConflicts = (
  survivor: TSurvivorProfile,
  lawyers: readonly TLawyerProfile[],
  conflicts: TConflictFindings,
  context: TRankContext,
  limit: number,
): TRankingView => {
  const { facts, ranked, scores, excluded, blockingAt, scoreReasonsOf, exclusionReasonsOf } = walk(
    survivor,
    lawyers,
    conflicts,
    context,
  )
  const shown: number[] = []
  for (const place of excluded) {
    if (shown.length >= limit) break
    if (blockingAt[place] !== undefined && blockingAt[place].length > 0) shown.push(place)
  }
  for (const place of excluded) {
    if (shown.length >= limit) break
    if (blockingAt[place] === undefined || blockingAt[place].length === 0) shown.push(place)
  }
  return {
    ranked: Array.from(ranked.subarray(0, Math.max(0, limit)), (place) => ({
      lawyer: facts[place]!.lawyer,
      score: scores[place]!,
      reasons: scoreReasonsOf(place),
    })),
    rankedTotal: ranked.length,
    excluded: shown.map((place) => ({ lawyer: facts[place]!.lawyer, reasons: exclusionReasonsOf(place) })),
    excludedTotal: excluded.length,
  }
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

/** The case page's part of `rankLawyers` (see `TRankingView`). */
export const rankLawyersView = (
  survivor: TSurvivorProfile,
  lawyers: readonly TLawyerProfile[],
  names: TConflictNameSource,
  reviews: TConflictReviews,
  context: TRankContext,
  limit: number,
): TRankingView =>
  rankViewWithConflicts(
    survivor,
    lawyers,
    findConflicts(survivor.caseId, survivor.parties, names, reviews),
    context,
    limit,
  )
