/**
 * The batch solved lazily about conflicts (constraint generation): solve over the prefixes without any conflict
 * check, check only the pairs the solve proposes, take the conflicted ones out and solve again, until a solve
 * proposes no conflicted pair. That last solve is optimal for a relaxation and feasible for the real problem, hence
 * optimal (docs/matching.md, "Batch assignment"). The solves pause (a generator) so the service can look at Stop
 * and the vault lock during them. The graph, pruning and objective are `batch-assignment.ts`'s.
 */
import {
  lexicographicWeights,
  prefixCutoff,
  type TBatchInput,
  type TBatchObjective,
  type TBatchOption,
  type TBatchResult,
} from './batch-assignment'
import { NOBODY, solveBatchGraphSteps } from './batch-solver'

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

/**
 * The graph of one round over the prefixes: the same pairs, node numbers and weights `assignBatch` gives them with
 * `keepAllPairs` (lawyers numbered as they first appear, each pair worth U·urgent + B + score), built from the
 * prefixes' columns without an object per pair.
 */
const graphOfPrefixes = (prefixes: readonly TPrefix[], free: Int32Array) => {
  const survivorCount = prefixes.length
  const node = new Int32Array(free.length).fill(-1)
  const lawyerAt: number[] = []
  let pairsUsed = 0
  let highest = 0
  let lowest = 0
  for (const { lawyers, scores } of prefixes) {
    pairsUsed += lawyers.length
    for (let at = 0; at < lawyers.length; at++) {
      const score = scores[at] as number
      highest = Math.max(highest, score)
      lowest = Math.min(lowest, score)
      const lawyer = lawyers[at] as number
      if (node[lawyer] === -1) {
        node[lawyer] = lawyerAt.length
        lawyerAt.push(lawyer)
      }
    }
  }
  const weights = lexicographicWeights(survivorCount, highest, lowest)
  const first = new Int32Array(survivorCount + 1)
  const lawyer = new Int32Array(pairsUsed)
  const worth = new Float64Array(pairsUsed)
  const score = new Float64Array(pairsUsed)
  let pair = 0
  prefixes.forEach(({ urgent, lawyers, scores }, position) => {
    first[position] = pair
    const base = (urgent ? weights.urgent : 0) + weights.assigned
    for (let at = 0; at < lawyers.length; at++) {
      lawyer[pair] = node[lawyers[at] as number] as number
      worth[pair] = base + (scores[at] as number)
      score[pair] = scores[at] as number
      pair++
    }
  })
  first[survivorCount] = pair
  const places = Int32Array.from(lawyerAt, (at) => free[at] as number)
  return { graph: { first, lawyer, worth, places }, lawyerAt, score, pairsUsed }
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
  const scratch = { scores: new Float64Array(longest), places: new Int32Array(longest) }
  let pairsEligible = 0
  const prefixOf = (position: number): TPrefix => {
    const { urgent, lawyers, scores } = columns[position] as TBatchColumns
    const out = conflicted[position] as Set<number>
    const anyOut = out.size > 0
    let usable = 0
    for (let at = 0; at < lawyers.length; at++) {
      const lawyer = lawyers[at] as number
      const places = placesOf(lawyer)
      if (places <= 0 || (anyOut && out.has(lawyer))) continue
      scratch.scores[usable] = scores[at] as number
      scratch.places[usable] = places
      usable++
    }
    const cutoff = prefixCutoff(scratch.scores, scratch.places, usable, count)
    let kept = 0
    const keptLawyers = new Int32Array(usable)
    const keptScores = new Float64Array(usable)
    for (let at = 0; at < lawyers.length; at++) {
      const lawyer = lawyers[at] as number
      const score = scores[at] as number
      if (placesOf(lawyer) <= 0 || (anyOut && out.has(lawyer)) || score < cutoff) continue
      keptLawyers[kept] = lawyer
      keptScores[kept] = score
      kept++
    }
    return { urgent, lawyers: keptLawyers.subarray(0, kept), scores: keptScores.subarray(0, kept) }
  }
  for (const { lawyers } of columns) {
    for (let at = 0; at < lawyers.length; at++) if (placesOf(lawyers[at] as number) > 0) pairsEligible++
  }
  const prefixes = columns.map((_, position) => prefixOf(position))
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
    // The prefixes are the whole graph: the same pairs in the same order as assignBatch would keep.
    const { graph, lawyerAt, score, pairsUsed } = graphOfPrefixes(prefixes, free)
    const solving = solveBatchGraphSteps(graph, every)
    let solved = solving.next()
    while (solved.done !== true) {
      yield { round: rounds, augmentations: solved.value }
      solved = solving.next()
    }
    const { chosen, proven } = solved.value
    const objective: TBatchObjective = { urgentAssigned: 0, assigned: 0, totalScore: 0 }
    const assignment = Array.from(chosen, (picked, position): number | null => {
      if (picked === NOBODY) return null
      objective.assigned++
      if (prefixes[position]?.urgent === true) objective.urgentAssigned++
      objective.totalScore += score[picked] as number
      return lawyerAt[graph.lawyer[picked] as number] ?? null
    })
    const proposed: Array<{ survivor: number; lawyers: number[] }> = []
    assignment.forEach((lawyer, survivor) => {
      if (lawyer !== null && asked[survivor]?.has(lawyer) !== true)
        proposed.push({ survivor, lawyers: [lawyer] })
    })
    const lost = ask(proposed)
    // The next best pairs of each survivor who lost one, not asked yet, checked ahead of the next solve.
    ask(lost.map((survivor) => ({ survivor, lawyers: nextBest(survivor) })))
    for (const survivor of lost) prefixes[survivor] = prefixOf(survivor)
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
    yield { round: rounds, augmentations: count }
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
