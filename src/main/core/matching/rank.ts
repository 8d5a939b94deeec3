/**
 * Ranking for one survivor: every lawyer is either ranked (score and the reasons that make it up) or excluded
 * (every hard constraint they fail). Nothing is silently dropped, so "why not this lawyer?" always has an answer.
 */
import type { TConflictHit, TExclusionReason, TScoreReason } from '../../../shared/matching/reasons'
import { findConflicts, type TConflictFindings, type TConflictNameSource } from './conflicts'
import { eligibilityOfFactsFor, type TFactsEligibility } from './eligibility'
import type { TLawyerFacts } from './lawyer-facts'
import {
  columnsQueryOf,
  leftOutOf,
  rosterColumnsOf,
  walkColumns,
  type TColumnsQuery,
  type TRosterColumns,
} from './rank-columns'
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
 * The roster's positions in name order, sorted once per roster array: comparing names with the collator (or even
 * looking up each lawyer's place in a map) inside every ranking's sort cost more than the rest of ranking 10,000
 * lawyers. Walking the lawyers in this order leaves the excluded ones in name order and the ranked ones in name order
 * within a score, so one stable sort by score finishes the ranking. A batch and the bench rank many survivors over
 * one array; a new array (a roster read afresh) is sorted once, and its columns (rank-columns.ts) kept with it.
 */
const orders = new WeakMap<TRosterColumns, Int32Array>()
const nameOrderOf = (columns: TRosterColumns): Int32Array => {
  let order = orders.get(columns)
  if (order === undefined) {
    const { lawyers } = columns
    order = Int32Array.from(
      Array.from(lawyers, (_, position) => position).sort((left, right) =>
        byName(lawyers[left]!, lawyers[right]!),
      ),
    )
    orders.set(columns, order)
  }
  return order
}

/**
 * Makes what every ranking over `lawyers` reads of the roster itself (its columns, rank-columns.ts, and its name
 * order), as the conflict index is made with it, so the roster's first ranking does not pay for them: at 10,000
 * lawyers they were most of that ranking (columns 68-91 ms, the collator's sort of the names 13 % of the first three
 * rankings' CPU). Idempotent: a roster array is prepared once. The kept roster (case-ranking.ts) is prepared when read.
 */
export const prepareRoster = (lawyers: readonly TLawyerProfile[]): void => {
  nameOrderOf(rosterColumnsOf(lawyers))
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
 * One survivor's walk over a roster: who is excluded and every ranked lawyer's score, by position in the roster. A
 * lawyer's reasons are the rules' own (eligibility.ts, soft-factors.ts), built by `reasonsOf` when asked: the case
 * page shows 100 ranked and 100 excluded lawyers of 10,000, and building every lawyer's list (an array and an entry
 * each, all garbage once the page's hundred are picked) was most of the walk's cost.
 */
type TWalk = {
  readonly facts: readonly TLawyerFacts[]
  /** Positions of the ranked lawyers, best first (equal scores in name order), and each position's score. */
  readonly ranked: Int32Array
  readonly scores: Float64Array
  /** Positions of the excluded lawyers, in name order. */
  readonly excluded: Int32Array
  /** A position's conflict hits that exclude the lawyer (confirmed or not), undefined when none. */
  readonly blockingOf: (position: number) => readonly { hit: TConflictHit; confirmed: boolean }[] | undefined
  /** A ranked lawyer's reasons: the soft factors', why they may act, and the hits staff cleared. */
  readonly scoreReasonsOf: (position: number) => TScoreReason[]
  /** An excluded lawyer's reasons: every hard constraint they fail, then their conflict hits. */
  readonly exclusionReasonsOf: (position: number) => TExclusionReason[]
}

/**
 * One list the rules push a lawyer's reasons onto (`TReasonSink`), reused lawyer after lawyer: `restart` empties it
 * for the next lawyer and `copy` gives that lawyer's reasons at their exact size. An array emptied by `length = 0`
 * would not do: V8 drops its storage then, and the next push allocates 17 slots afresh; with a fresh array per
 * lawyer, that growth was a fifth of the whole ranking's garbage. The slots past `count` keep the reasons of an earlier
 * lawyer (shared, immutable objects) until written over, and are never read.
 */
class Gathered<T> {
  readonly items: T[] = []
  count = 0

  restart(): this {
    this.count = 0
    return this
  }

  push(reason: T): void {
    this.items[this.count++] = reason
  }

  copy(): T[] {
    return this.items.slice(0, this.count)
  }
}

/** Where a walk writes: each position's score, the ranked and the excluded positions; it returns how many of each. */
type TWalkInto = { scores: Float64Array; ranked: Int32Array; excluded: Int32Array }
type TWalked = { rankedCount: number; excludedCount: number }

/**
 * The walk through the rules' own functions (for the survivors the columns cannot decide for: a code outside a
 * closed vocabulary), each lawyer's reasons pushed onto scratch arrays: fills `into` as the columns' walk does.
 */
const walkByRules = (
  facts: readonly TLawyerFacts[],
  order: Int32Array,
  isLeftOut: (position: number) => boolean,
  isDeclined: (position: number) => boolean,
  eligibilityOf: TFactsEligibility,
  scoreOf: TFactsSoftFactors,
  into: TWalkInto,
): TWalked => {
  let rankedCount = 0
  let excludedCount = 0
  // Reused for every lawyer: the walk keeps only whether a lawyer is excluded, and the score.
  const exclusions = new Gathered<TExclusionReason>()
  const because = new Gathered<TScoreReason>()
  const scored = new Gathered<TScoreReason>()
  for (const position of order) {
    eligibilityOf(facts[position]!, isDeclined(position), exclusions.restart(), because.restart())
    if (exclusions.count > 0 || isLeftOut(position)) {
      into.excluded[excludedCount++] = position
      continue
    }
    scoreOf(facts[position]!, scored.restart())
    let score = 0
    for (let at = 0; at < scored.count; at++) score += scored.items[at]!.points
    into.scores[position] = score
    into.ranked[rankedCount++] = position
  }
  return { rankedCount, excludedCount }
}

/**
 * The walk over the roster's columns (rank-columns.ts) in name order: the lawyers it keeps are the ranked ones, every
 * other lawyer (in name order) the excluded.
 */
const walkByColumns = (
  columns: TRosterColumns,
  order: Int32Array,
  query: TColumnsQuery,
  nowMs: number,
  leftOut: readonly number[],
  into: TWalkInto,
): TWalked => {
  const kept = walkColumns(columns, query, nowMs, order, leftOut)
  const { keptLawyers, keptScores } = columns
  const isKept = new Uint8Array(order.length)
  for (let at = 0; at < kept; at++) {
    const position = keptLawyers[at]!
    isKept[position] = 1
    into.scores[position] = keptScores[at]!
    into.ranked[at] = position
  }
  let excludedCount = 0
  for (const position of order) if (isKept[position] === 0) into.excluded[excludedCount++] = position
  return { rankedCount: kept, excludedCount }
}

const walk = (
  survivor: TSurvivorProfile,
  lawyers: readonly TLawyerProfile[],
  conflicts: TConflictFindings,
  context: TRankContext,
): TWalk => {
  const eligibilityOf = eligibilityOfFactsFor(survivor)
  const scoreOf = softFactorsOfFactsFor(survivor, context)
  const columns = rosterColumnsOf(lawyers)
  const { facts } = columns
  const order = nameOrderOf(columns)
  const count = order.length
  const idOf = (position: number): string => facts[position]!.lawyer.id
  // The conflict findings by position, once per ranking (null when there are none): the whole ranking asks every
  // lawyer's, and a look-up by id per lawyer cost a tenth of it.
  const atPositions = <T>(byId: ReadonlyMap<string, T>): Array<T | undefined> | null => {
    if (byId.size === 0) return null
    const at = new Array<T | undefined>(count).fill(undefined)
    for (const [id, value] of byId)
      for (const position of columns.positions.get(id) ?? []) at[position] = value
    return at
  }
  const blockingAt = atPositions(conflicts.blocking)
  const clearedAt = atPositions(conflicts.cleared)
  const declined = survivor.declinedBy
  const blockingOf = (position: number) => (blockingAt === null ? undefined : blockingAt[position])
  const isDeclined = (position: number): boolean =>
    declined !== undefined && declined.size > 0 && declined.has(idOf(position))
  const into: TWalkInto = {
    scores: new Float64Array(count),
    ranked: new Int32Array(count),
    excluded: new Int32Array(count),
  }
  const query = columnsQueryOf(survivor)
  const leftOut = leftOutOf(columns, survivor, conflicts)
  const { rankedCount, excludedCount } = query.decidable
    ? walkByColumns(columns, order, query, context.now.getTime(), leftOut, into)
    : walkByRules(
        facts,
        order,
        (position) => (blockingOf(position)?.length ?? 0) > 0,
        isDeclined,
        eligibilityOf,
        scoreOf,
        into,
      )
  const { scores } = into
  // Every lawyer's reasons are gathered on these (see `Gathered`); the other kind's list is not read.
  const scoreReasons = new Gathered<TScoreReason>()
  const exclusionReasons = new Gathered<TExclusionReason>()
  return {
    facts,
    ranked: byScore(into.ranked.subarray(0, rankedCount), scores),
    scores,
    excluded: into.excluded.subarray(0, excludedCount),
    blockingOf,
    scoreReasonsOf: (position) => {
      const lawyerFacts = facts[position]!
      scoreOf(lawyerFacts, scoreReasons.restart())
      eligibilityOf(lawyerFacts, isDeclined(position), exclusionReasons.restart(), scoreReasons)
      // No `?? []` for a lawyer without hits: that made an empty array per lawyer.
      const cleared = clearedAt === null ? undefined : clearedAt[position]
      if (cleared !== undefined)
        for (const hit of cleared)
          scoreReasons.push({
            key: 'conflict.cleared',
            points: 0,
            params: { survivorName: hit.survivorName, lawyerName: hit.lawyerName, hitKey: hit.hitKey },
          })
      return scoreReasons.copy()
    },
    exclusionReasonsOf: (position) => {
      eligibilityOf(
        facts[position]!,
        isDeclined(position),
        exclusionReasons.restart(),
        scoreReasons.restart(),
      )
      const blocking = blockingOf(position)
      if (blocking !== undefined)
        for (const { hit, confirmed } of blocking)
          exclusionReasons.push(
            confirmed
              ? { key: 'excluded.conflict_confirmed', params: hit }
              : { key: 'excluded.conflict', params: hit },
          )
      return exclusionReasons.copy()
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
  // Each list made at its size and filled in order: `Array.from` over a typed array goes through its iterator (an
  // object per lawyer) and grows the list as it goes.
  const rankedEntries = new Array<TRankedLawyer>(ranked.length)
  for (let at = 0; at < ranked.length; at++) {
    const place = ranked[at]!
    rankedEntries[at] = {
      lawyer: facts[place]!.lawyer,
      score: scores[place]!,
      reasons: scoreReasonsOf(place),
    }
  }
  const excludedEntries = new Array<TExcludedLawyer>(excluded.length)
  for (let at = 0; at < excluded.length; at++) {
    const place = excluded[at]!
    excludedEntries[at] = { lawyer: facts[place]!.lawyer, reasons: exclusionReasonsOf(place) }
  }
  return { ranked: rankedEntries, excluded: excludedEntries }
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
  const { facts, ranked, scores, excluded, blockingOf, scoreReasonsOf, exclusionReasonsOf } = walk(
    survivor,
    lawyers,
    conflicts,
    context,
  )
  const shown: number[] = []
  for (const place of excluded) {
    if (shown.length >= limit) break
    if ((blockingOf(place)?.length ?? 0) > 0) shown.push(place)
  }
  for (const place of excluded) {
    if (shown.length >= limit) break
    if ((blockingOf(place)?.length ?? 0) === 0) shown.push(place)
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
