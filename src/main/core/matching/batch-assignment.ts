/**
 * Batch assignment: for many survivors at once, the set of (survivor, lawyer) pairs that is best under the
 * lawyers' free places, proven optimal, never greedy. Lexicographic objective, in this order:
 *   1. as many urgent survivors assigned as possible,
 *   2. then as many survivors assigned as possible,
 *   3. then the highest total ranking score.
 * Solved as a min-cost flow (source → survivor → lawyer → sink, plus survivor → sink for "nobody this time") with
 * each pair's cost −(U·urgent + B + score); U and B are chosen from the instance so each level outweighs every
 * possible difference in the levels below it (docs/matching.md, "Batch assignment").
 *
 * First each survivor keeps only the best of their pairs whose lawyers' free places add up to the batch's size
 * (`prefixCutoff`, a selection, not a sort): some optimum always lies among those (docs/matching.md, "Pruning"), which
 * shrinks 1,000 survivors over 10,000 lawyers from millions of pairs to a few hundred thousand, and only the lawyers
 * of some prefix become nodes. One solve over that graph (`batch-solver.ts`) gives the optimum, and its potentials
 * certify it over the prefixes, hence over every eligible pair, which is what `proven` reports.
 */
import { NOBODY, solveBatchGraph } from './batch-solver'

/** One eligible pair: the lawyer's position in `capacities` and the ranking score of the pair. */
export type TBatchOption = { lawyer: number; score: number }

export type TBatchSurvivor = {
  urgent: boolean
  /** Every eligible lawyer for this survivor (hard constraints already applied), in any order. */
  options: readonly TBatchOption[]
}

export type TBatchInput = {
  survivors: readonly TBatchSurvivor[]
  /** Free places per lawyer. */
  capacities: readonly number[]
}

export type TBatchObjective = { urgentAssigned: number; assigned: number; totalScore: number }

export type TBatchResult = {
  /** Per survivor, the chosen lawyer's position, or null when nobody could take them. */
  assignment: Array<number | null>
  objective: TBatchObjective
  /** Pairs in the graph (the survivors' prefixes), of all eligible pairs (lawyers with a free place). */
  pairsUsed: number
  pairsEligible: number
  /**
   * The final potentials price every pair of the survivors' prefixes non-negative: the assignment is optimal over
   * the prefixes, hence (`prefixesOnly`) over every eligible pair.
   */
  proven: boolean
}

export type TBatchOptions = {
  /** Keep every pair instead of each survivor's prefix (tests compare both; the optimum is the same). */
  keepAllPairs?: boolean
}

/**
 * Weights that make the objective lexicographic over scores in [lowest, highest]; integers, exact in a double for
 * any realistic batch.
 */
export const lexicographicWeights = (
  count: number,
  highest: number,
  lowest: number,
): { urgent: number; assigned: number } => {
  const assigned = count * (highest - lowest) + Math.abs(highest) + Math.abs(lowest) + 1
  const urgent = count * (assigned + Math.abs(highest)) + 1
  return { urgent, assigned }
}

export const objectiveOf = (
  input: TBatchInput,
  assignment: ReadonlyArray<number | null>,
): TBatchObjective => {
  const objective: TBatchObjective = { urgentAssigned: 0, assigned: 0, totalScore: 0 }
  assignment.forEach((lawyer, index) => {
    const survivor = input.survivors[index]
    if (lawyer === null || survivor === undefined) return
    const option = survivor.options.find((candidate) => candidate.lawyer === lawyer)
    if (option === undefined) return
    objective.assigned++
    if (survivor.urgent) objective.urgentAssigned++
    objective.totalScore += option.score
  })
  return objective
}

/**
 * The highest score t such that the pairs scoring at least t bring `needed` free places, or −Infinity when all of
 * them together bring fewer. A weighted selection (three-way partitions around a pivot, expected linear time), not
 * a sort: it reorders the first `count` entries of `scores` and `places` in place.
 */
export const prefixCutoff = (
  scores: Float64Array,
  places: Int32Array,
  count: number,
  needed: number,
): number => {
  let low = 0
  let high = count
  let still = needed
  const swap = (left: number, right: number): void => {
    const score = scores[left] as number
    scores[left] = scores[right] as number
    scores[right] = score
    const place = places[left] as number
    places[left] = places[right] as number
    places[right] = place
  }
  while (high > low) {
    const pivot = scores[low + ((high - low) >> 1)] as number
    // [low, above) scores more than the pivot, [above, index) as much, [below, high) less.
    let above = low
    let index = low
    let below = high
    let placesAbove = 0
    let placesEqual = 0
    while (index < below) {
      const score = scores[index] as number
      if (score > pivot) {
        swap(index, above)
        placesAbove += places[above] as number
        above++
        index++
      } else if (score < pivot) {
        below--
        swap(index, below)
      } else {
        placesEqual += places[index] as number
        index++
      }
    }
    if (placesAbove >= still) high = above
    else if (placesAbove + placesEqual >= still) return pivot
    else {
      still -= placesAbove + placesEqual
      low = below
    }
  }
  return -Infinity
}

/** The widest range of integer scores `selectCutoff` counts by value instead of selecting. */
const COUNTED_RANGE = 1 << 16

/**
 * `prefixCutoff`'s answer, by counting when the scores are integers in a modest range (the batch's are): each score
 * value's free places summed, then walked down from the highest until they reach `needed`. One pass and no swaps
 * instead of partitions; other scores go to `prefixCutoff` (which reorders the first `count` entries).
 */
export const selectCutoff = (
  scores: Float64Array,
  places: Int32Array,
  count: number,
  needed: number,
): number => {
  let lowest = Infinity
  let highest = -Infinity
  let integers = true
  for (let index = 0; index < count; index++) {
    const score = scores[index] as number
    if (score < lowest) lowest = score
    if (score > highest) highest = score
    if (!Number.isInteger(score)) integers = false
  }
  if (count === 0 || needed <= 0) return prefixCutoff(scores, places, count, needed)
  if (!integers || highest - lowest >= COUNTED_RANGE) return prefixCutoff(scores, places, count, needed)
  const placesAt = new Float64Array(highest - lowest + 1)
  for (let index = 0; index < count; index++) {
    const at = (scores[index] as number) - lowest
    placesAt[at] = (placesAt[at] as number) + (places[index] as number)
  }
  let still = needed
  for (let at = placesAt.length - 1; at >= 0; at--) {
    const here = placesAt[at] as number
    if (here === 0) continue
    if (here >= still) return lowest + at
    still -= here
  }
  return -Infinity
}

/** A scratch copy of one survivor's usable pairs (scores and free places) for `prefixCutoff`. */
const cutoffOf = (
  input: TBatchInput,
  survivor: TBatchSurvivor,
  scratch: { scores: Float64Array; places: Int32Array },
): number => {
  let count = 0
  for (const option of survivor.options) {
    const free = input.capacities[option.lawyer] ?? 0
    if (free <= 0) continue
    scratch.scores[count] = option.score
    scratch.places[count] = free
    count++
  }
  return prefixCutoff(scratch.scores, scratch.places, count, input.survivors.length)
}

const scratchFor = (input: TBatchInput): { scores: Float64Array; places: Int32Array } => {
  const longest = input.survivors.reduce((most, survivor) => Math.max(most, survivor.options.length), 0)
  return { scores: new Float64Array(longest), places: new Int32Array(longest) }
}

/**
 * Each survivor's best pairs until their lawyers' free places add up to the number of survivors (all pairs scoring
 * at least the score where that happens, so ties are kept whole). Exact: in an optimum that gives survivor s a
 * lawyer outside that prefix, the other survivors hold at most n − 1 places, so some lawyer of the prefix has one
 * free; moving s there keeps who is assigned and scores at least as much. Repeating this moves every survivor into
 * their prefix without moving anyone out, so an optimum over the prefixes is an optimum over all pairs.
 */
export const prefixesOnly = (input: TBatchInput): TBatchInput => {
  const scratch = scratchFor(input)
  const survivors = input.survivors.map((survivor) => {
    const cutoff = cutoffOf(input, survivor, scratch)
    return {
      urgent: survivor.urgent,
      options: survivor.options.filter(
        (option) => (input.capacities[option.lawyer] ?? 0) > 0 && option.score >= cutoff,
      ),
    }
  })
  return { survivors, capacities: input.capacities }
}

/** The optimal assignment of a batch, with the proof that no eligible pair left out could improve it. */
export const assignBatch = (input: TBatchInput, options: TBatchOptions = {}): TBatchResult => {
  const survivorCount = input.survivors.length
  const scratch = scratchFor(input)
  const cutoffs = new Float64Array(survivorCount).fill(-Infinity)
  // First pass: each survivor's cutoff, the pairs that pass it, the lawyers that appear, the scores' range.
  const node = new Int32Array(input.capacities.length).fill(-1)
  const lawyerAt: number[] = []
  let pairsUsed = 0
  let pairsEligible = 0
  let highest = 0
  let lowest = 0
  input.survivors.forEach((survivor, position) => {
    const cutoff = options.keepAllPairs === true ? -Infinity : cutoffOf(input, survivor, scratch)
    cutoffs[position] = cutoff
    for (const option of survivor.options) {
      if ((input.capacities[option.lawyer] ?? 0) <= 0) continue
      pairsEligible++
      if (option.score < cutoff) continue
      pairsUsed++
      highest = Math.max(highest, option.score)
      lowest = Math.min(lowest, option.score)
      if (node[option.lawyer] === -1) {
        node[option.lawyer] = lawyerAt.length
        lawyerAt.push(option.lawyer)
      }
    }
  })
  // Second pass: the graph, survivor by survivor, each pair worth U·urgent + B + score.
  const weights = lexicographicWeights(survivorCount, highest, lowest)
  const first = new Int32Array(survivorCount + 1)
  const lawyer = new Int32Array(pairsUsed)
  const worth = new Float64Array(pairsUsed)
  const score = new Float64Array(pairsUsed)
  let pair = 0
  input.survivors.forEach((survivor, position) => {
    first[position] = pair
    const base = (survivor.urgent ? weights.urgent : 0) + weights.assigned
    const cutoff = cutoffs[position] as number
    for (const option of survivor.options) {
      if ((input.capacities[option.lawyer] ?? 0) <= 0 || option.score < cutoff) continue
      lawyer[pair] = node[option.lawyer] as number
      worth[pair] = base + option.score
      score[pair] = option.score
      pair++
    }
  })
  first[survivorCount] = pair
  const places = Int32Array.from(lawyerAt, (at) => input.capacities[at] ?? 0)
  const { chosen, proven } = solveBatchGraph({ first, lawyer, worth, places })
  const objective: TBatchObjective = { urgentAssigned: 0, assigned: 0, totalScore: 0 }
  const assignment = Array.from(chosen, (picked, position): number | null => {
    if (picked === NOBODY) return null
    objective.assigned++
    if (input.survivors[position]?.urgent === true) objective.urgentAssigned++
    objective.totalScore += score[picked] as number
    return lawyerAt[lawyer[picked] as number] ?? null
  })
  return { assignment, objective, pairsUsed, pairsEligible, proven }
}
