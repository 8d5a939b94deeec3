/**
 * The batch solved lazily about conflicts (constraint generation): solve over the prefixes without any conflict
 * check, check only the pairs the solve proposes, take the conflicted ones out and solve again, until a solve
 * proposes no conflicted pair. That last solve is optimal for a relaxation and feasible for the real problem, hence
 * optimal (docs/matching.md, "Batch assignment"). The solves pause (a generator) so the service can look at Stop
 * and the vault lock during them. The graph, pruning and objective are `batch-assignment.ts`'s.
 */
import {
  lexicographicWeights,
  selectCutoff,
  type TBatchInput,
  type TBatchObjective,
  type TBatchOption,
  type TBatchResult,
} from './batch-assignment'
import { BatchFlow, NOBODY } from './batch-flow'

/** A survivor's eligible pairs as two columns (lawyer positions, scores), as the batch's scorer gives them. */
export type TBatchColumns = { urgent: boolean; lawyers: ArrayLike<number>; scores: ArrayLike<number> }

/** Which of `lawyers` are conflicted for one survivor; asked about a whole round of survivors at once. */
export type TConflictQuestions = (
  questions: ReadonlyArray<{ survivor: number; lawyers: readonly number[] }>,
) => ReadonlyArray<ReadonlySet<number>>

/** What the lazy solve found out: how many solves it took and which pairs it checked. */
export type TLazyBatchResult = TBatchResult & {
  /** Solves run: one, plus one after each round that found a proposed pair conflicted. */
  rounds: number
  /** Pairs checked (each once), and of them conflicted (taken out). */
  pairsChecked: number
  pairsConflicted: number
  /** Per survivor, the lawyers found conflicted (positions). */
  conflicted: ReadonlyArray<ReadonlySet<number>>
}

/**
 * When a proposed pair turns out conflicted, the survivor's next best pairs are checked with it: a survivor whose
 * adverse party many lawyers declared would otherwise lose one lawyer per solve.
 */
const CHECKED_AHEAD = 8

/** Where a lazy solve has got: its round (1 for the first solve) and the survivors placed so far in that solve. */
export type TSolveStep = { round: number; augmentations: number }

/** One survivor's prefix as two columns, in the order of their eligible pairs. */
type TPrefix = { urgent: boolean; lawyers: Int32Array; scores: Float64Array }

/** Scratch columns for one survivor's usable pairs (`selectCutoff` reorders `scores` and `places`). */
type TScratch = { scores: Float64Array; places: Int32Array; at: Int32Array; kept: Float64Array }

/**
 * A survivor's pairs with a place free and not known to be conflicted, copied into `scratch` (each one's score twice,
 * its places, its position in the list); returns how many. A function of its own, with nothing captured: the
 * batch's hottest loop outside the solves (6.4 million pairs at 1,000 × 10,000).
 */
const usablePairs = (
  lawyers: ArrayLike<number>,
  scores: ArrayLike<number>,
  free: Int32Array,
  out: ReadonlySet<number> | null,
  scratch: TScratch,
): number => {
  const { scores: scratchScores, places: scratchPlaces, at: scratchAt, kept } = scratch
  const length = lawyers.length
  const lawyerCount = free.length
  let usable = 0
  for (let at = 0; at < length; at++) {
    const lawyer = lawyers[at] as number
    const places = lawyer < lawyerCount ? (free[lawyer] as number) : 0
    if (places <= 0 || (out !== null && out.has(lawyer))) continue
    const score = scores[at] as number
    scratchScores[usable] = score
    kept[usable] = score
    scratchPlaces[usable] = places
    scratchAt[usable] = at
    usable++
  }
  return usable
}

/**
 * The optimum over the pairs that are not conflicted, asking `conflictsOf` only about pairs a solve proposes
 * (constraint generation). Each round solves over the pairs not yet known to be conflicted (a relaxation of the
 * real problem), asks about each proposed pair not asked before (and, for a survivor whose proposed pair is
 * conflicted, their next best pairs), and takes out the conflicted ones; a round in which every proposed pair is
 * clear ends it. That assignment is optimal for the relaxation and feasible for the real problem, hence optimal for
 * it; each further round takes out at least one pair, so it ends. A survivor's prefix is worked out once and again
 * only when they lose a pair (it then reaches further down their list), kept as typed columns.
 */
export const assignColumnsAvoiding = (
  columns: readonly TBatchColumns[],
  capacities: readonly number[],
  conflictsOf: TConflictQuestions,
): TLazyBatchResult => {
  const steps = assignColumnsAvoidingSteps(columns, capacities, conflictsOf)
  for (;;) {
    const next = steps.next()
    if (next.done === true) return next.value
  }
}

/**
 * The same lazy solve, pausing between rounds and, within a solve, after every `every` survivors placed: the
 * service looks at Stop at each pause (and lets other requests through), so a Stop is seen within `every`
 * augmentations rather than when the last solve ends.
 */
export function* assignColumnsAvoidingSteps(
  columns: readonly TBatchColumns[],
  capacities: readonly number[],
  conflictsOf: TConflictQuestions,
  every = Infinity,
): Generator<TSolveStep, TLazyBatchResult, void> {
  const count = columns.length
  const free = Int32Array.from(capacities, (places) => places ?? 0)
  const placesOf = (lawyer: number): number => (lawyer < free.length ? (free[lawyer] as number) : 0)
  const asked = columns.map(() => new Set<number>())
  const conflicted = columns.map(() => new Set<number>())
  const longest = columns.reduce((most, survivor) => Math.max(most, survivor.lawyers.length), 0)
  // `prefixCutoff` reorders scores and places; `at` and `kept` remember each usable pair's place and score.
  const scratch: TScratch = {
    scores: new Float64Array(longest),
    places: new Int32Array(longest),
    at: new Int32Array(longest),
    kept: new Float64Array(longest),
  }
  let pairsEligible = 0
  // The weights are set once, from every eligible pair's score, so they hold for whatever prefix a later round
  // reaches: the flow and its prices carry over from one round to the next (any weights that make the objective
  // lexicographic give the same optimum). Tallied by the first prefixes, which see every eligible pair.
  let highest = 0
  let lowest = 0
  /** A survivor's prefix, in list order; `tally` also counts the eligible pairs and their scores' range. */
  const prefixOf = (position: number, tally = false): TPrefix => {
    const { urgent, lawyers, scores } = columns[position] as TBatchColumns
    const out = conflicted[position] as Set<number>
    const usable = usablePairs(lawyers, scores, free, out.size > 0 ? out : null, scratch)
    if (tally) {
      for (let index = 0; index < usable; index++) {
        const score = scratch.kept[index] as number
        if (score > highest) highest = score
        if (score < lowest) lowest = score
      }
    }
    if (tally) pairsEligible += usable
    const cutoff = selectCutoff(scratch.scores, scratch.places, usable, count)
    let kept = 0
    for (let index = 0; index < usable; index++) if ((scratch.kept[index] as number) >= cutoff) kept++
    const keptLawyers = new Int32Array(kept)
    const keptScores = new Float64Array(kept)
    kept = 0
    for (let index = 0; index < usable; index++) {
      const score = scratch.kept[index] as number
      if (score < cutoff) continue
      keptLawyers[kept] = lawyers[scratch.at[index] as number] as number
      keptScores[kept] = score
      kept++
    }
    return { urgent, lawyers: keptLawyers, scores: keptScores }
  }
  const prefixes = columns.map((_, position) => prefixOf(position, true))
  const weights = lexicographicWeights(count, highest, lowest)
  const flow = new BatchFlow(
    count,
    free,
    prefixes.reduce((total, prefix) => total + prefix.lawyers.length, 0),
  )
  /** The pairs' scores, by the flow's pair number (a survivor's new pairs are numbered after every earlier one). */
  let pairScore = new Float64Array(1024)
  let pairsNumbered = 0
  const setPairs = (position: number): void => {
    const { urgent, lawyers, scores } = prefixes[position] as TPrefix
    const base = (urgent ? weights.urgent : 0) + weights.assigned
    const worths = new Float64Array(lawyers.length)
    for (let at = 0; at < lawyers.length; at++) worths[at] = base + (scores[at] as number)
    flow.setPairs(position, lawyers, worths)
    if (pairsNumbered + lawyers.length > pairScore.length) {
      const grown = new Float64Array(Math.max(pairsNumbered + lawyers.length, pairScore.length * 2))
      grown.set(pairScore)
      pairScore = grown
    }
    pairScore.set(scores, pairsNumbered)
    pairsNumbered += lawyers.length
  }
  for (let position = 0; position < count; position++) setPairs(position)
  /** The survivors to place in the next round: all of them at first, then those who lost a pair. */
  let pending = Array.from({ length: count }, (_, position) => position)
  /** A survivor's best pairs not asked about yet, with a place free, best first (equal scores in list order). */
  const nextBest = (position: number): number[] => {
    const { lawyers, scores } = columns[position] as TBatchColumns
    const seen = asked[position] as Set<number>
    const best: TBatchOption[] = []
    for (let at = 0; at < lawyers.length; at++) {
      const lawyer = lawyers[at] as number
      if (placesOf(lawyer) <= 0 || seen.has(lawyer)) continue
      const score = scores[at] as number
      if (best.length === CHECKED_AHEAD && score <= (best[CHECKED_AHEAD - 1] as TBatchOption).score) continue
      // After every kept pair scoring at least as much: a stable sort's order.
      let index = best.length
      while (index > 0 && (best[index - 1] as TBatchOption).score < score) index--
      best.splice(index, 0, { lawyer, score })
      if (best.length > CHECKED_AHEAD) best.pop()
    }
    return best.map((option) => option.lawyer)
  }
  let pairsChecked = 0
  let pairsConflicted = 0
  const ask = (questions: Array<{ survivor: number; lawyers: number[] }>): number[] => {
    const answers = questions.length === 0 ? [] : conflictsOf(questions)
    const hit: number[] = []
    questions.forEach(({ survivor, lawyers }, index) => {
      const found = answers[index]
      for (const lawyer of lawyers) {
        asked[survivor]?.add(lawyer)
        pairsChecked++
        if (found?.has(lawyer) !== true) continue
        conflicted[survivor]?.add(lawyer)
        pairsConflicted++
        pairsEligible--
        if (!hit.includes(survivor)) hit.push(survivor)
      }
    })
    return hit
  }
  for (let rounds = 1; ; rounds++) {
    // Round 1 places every survivor; later rounds only those who lost a pair, from the last round's flow and prices.
    let sincePause = 0
    const placing = pending.length
    for (let done = 0; done < pending.length; done++) {
      if (sincePause >= every) {
        sincePause = 0
        yield { round: rounds, augmentations: done }
      }
      sincePause++
      flow.place(pending[done] as number)
    }
    const { chosen } = flow
    const proven = flow.certify()
    const pairsUsed = flow.pairsInUse
    const objective: TBatchObjective = { urgentAssigned: 0, assigned: 0, totalScore: 0 }
    const assignment = Array.from(chosen, (picked, position): number | null => {
      if (picked === NOBODY) return null
      objective.assigned++
      if (prefixes[position]?.urgent === true) objective.urgentAssigned++
      objective.totalScore += pairScore[picked] as number
      return flow.lawyerOf(picked)
    })
    const proposed: Array<{ survivor: number; lawyers: number[] }> = []
    assignment.forEach((lawyer, survivor) => {
      if (lawyer !== null && asked[survivor]?.has(lawyer) !== true)
        proposed.push({ survivor, lawyers: [lawyer] })
    })
    const lost = ask(proposed)
    // The next best pairs of each survivor who lost one, not asked yet, checked ahead of the next solve.
    ask(lost.map((survivor) => ({ survivor, lawyers: nextBest(survivor) })))
    // Each survivor who lost a pair gives their unit back and gets their new prefix; the rest of the flow stays.
    for (const survivor of lost) {
      prefixes[survivor] = prefixOf(survivor)
      flow.unplace(survivor)
      setPairs(survivor)
    }
    pending = [...lost].sort((left, right) => left - right)
    if (lost.length === 0)
      return {
        assignment,
        objective,
        pairsUsed,
        pairsEligible,
        proven,
        rounds,
        pairsChecked,
        pairsConflicted,
        conflicted,
      }
    yield { round: rounds, augmentations: placing }
  }
}

/** `assignColumnsAvoiding` over a batch given as options, asking about one pair at a time (the tests' form). */
export const assignBatchAvoiding = (
  input: TBatchInput,
  conflicted: (survivor: number, lawyer: number) => boolean,
): TLazyBatchResult =>
  assignColumnsAvoiding(
    input.survivors.map((survivor) => ({
      urgent: survivor.urgent,
      lawyers: survivor.options.map((option) => option.lawyer),
      scores: survivor.options.map((option) => option.score),
    })),
    input.capacities,
    (questions) =>
      questions.map(
        ({ survivor, lawyers }) => new Set(lawyers.filter((lawyer) => conflicted(survivor, lawyer))),
      ),
  )
