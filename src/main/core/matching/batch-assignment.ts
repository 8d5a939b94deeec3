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
 * (`prefixesOnly`): some optimum always lies among those (docs/matching.md, "Pruning"), which shrinks 1,000 survivors
 * over 10,000 lawyers from millions of pairs to a few hundred thousand. Only each survivor's best few of what is
 * left enter the graph at first. The solver's potentials then price every pair left
 * out: one with a negative reduced cost could improve the optimum, so those pairs join and the solve repeats
 * (column generation). When no pair is left with a negative reduced cost the potentials certify the optimum over
 * every eligible pair, which is what `proven` reports.
 */
import { MinCostFlow } from './min-cost-flow'
import { BATCH_CANDIDATES_PER_SURVIVOR } from './weights'

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
  /** Solves needed before no left-out pair could improve the result. */
  rounds: number
  /** Pairs in the last graph, of all eligible pairs (lawyers with a free place). */
  pairsUsed: number
  pairsEligible: number
  /**
   * The final potentials price every pair of the survivors' prefixes non-negative: the assignment is optimal over
   * the prefixes, hence (`prefixesOnly`) over every eligible pair.
   */
  proven: boolean
}

export type TBatchOptions = {
  candidatesPerSurvivor?: number
  /** Keep every pair instead of each survivor's prefix (tests compare both; the optimum is the same). */
  keepAllPairs?: boolean
  /** Called before each solve; a screen shows it as progress. */
  onRound?: (round: number, pairsUsed: number) => void
}

/** Weights that make the objective lexicographic; integers, exact in a double for any realistic batch. */
export const lexicographicWeights = (input: TBatchInput): { urgent: number; assigned: number } => {
  let highest = 0
  let lowest = 0
  for (const survivor of input.survivors) {
    for (const option of survivor.options) {
      highest = Math.max(highest, option.score)
      lowest = Math.min(lowest, option.score)
    }
  }
  const count = input.survivors.length
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
 * Each survivor's best pairs until their lawyers' free places add up to the number of survivors (all pairs scoring
 * at least the score where that happens, so ties are kept whole). Exact: in an optimum that gives survivor s a
 * lawyer outside that prefix, the other survivors hold at most n − 1 places, so some lawyer of the prefix has one
 * free; moving s there keeps who is assigned and scores at least as much. Repeating this moves every survivor into
 * their prefix without moving anyone out, so an optimum over the prefixes is an optimum over all pairs.
 */
export const prefixesOnly = (input: TBatchInput): TBatchInput => {
  const needed = input.survivors.length
  const survivors = input.survivors.map((survivor) => {
    const usable = survivor.options.filter((option) => (input.capacities[option.lawyer] ?? 0) > 0)
    const byScore = [...usable].sort((left, right) => right.score - left.score)
    let places = 0
    let cutoff = -Infinity
    for (const option of byScore) {
      places += input.capacities[option.lawyer] ?? 0
      if (places >= needed) {
        cutoff = option.score
        break
      }
    }
    return {
      urgent: survivor.urgent,
      options: cutoff === -Infinity ? usable : usable.filter((option) => option.score >= cutoff),
    }
  })
  return { survivors, capacities: input.capacities }
}

type TRoundGraph = { flow: MinCostFlow; pairEdges: Array<Array<{ option: TBatchOption; edge: number }>> }

const buildGraph = (
  input: TBatchInput,
  included: ReadonlyArray<readonly TBatchOption[]>,
  weightOf: (survivor: number, option: TBatchOption) => number,
): TRoundGraph => {
  const survivorCount = input.survivors.length
  const lawyerCount = input.capacities.length
  const source = 0
  const sink = survivorCount + lawyerCount + 1
  const flow = new MinCostFlow(survivorCount + lawyerCount + 2)
  const pairEdges: TRoundGraph['pairEdges'] = []
  for (let survivor = 0; survivor < survivorCount; survivor++) {
    const node = 1 + survivor
    flow.addEdge(source, node, 1, 0)
    flow.addEdge(node, sink, 1, 0)
    pairEdges.push(
      (included[survivor] ?? []).map((option) => ({
        option,
        edge: flow.addEdge(node, 1 + survivorCount + option.lawyer, 1, -weightOf(survivor, option)),
      })),
    )
  }
  input.capacities.forEach((capacity, lawyer) => {
    if (capacity > 0) flow.addEdge(1 + survivorCount + lawyer, sink, capacity, 0)
  })
  flow.solve(source, sink, survivorCount)
  return { flow, pairEdges }
}

/** The optimal assignment of a batch, with the proof that no eligible pair left out could improve it. */
export const assignBatch = (whole: TBatchInput, options: TBatchOptions = {}): TBatchResult => {
  const input = options.keepAllPairs === true ? whole : prefixesOnly(whole)
  const perSurvivor = Math.max(1, options.candidatesPerSurvivor ?? BATCH_CANDIDATES_PER_SURVIVOR)
  const survivorCount = input.survivors.length
  const weights = lexicographicWeights(input)
  const weightOf = (survivor: number, option: TBatchOption): number =>
    (input.survivors[survivor]?.urgent === true ? weights.urgent : 0) + weights.assigned + option.score
  // A pair whose lawyer has no place can never be used: it stays out of the graph and out of the proof.
  const usable = input.survivors.map((survivor) =>
    survivor.options
      .filter((option) => (input.capacities[option.lawyer] ?? 0) > 0)
      .sort((left, right) => right.score - left.score || left.lawyer - right.lawyer),
  )
  let pairsEligible = 0
  for (const survivor of whole.survivors) {
    for (const option of survivor.options) if ((whole.capacities[option.lawyer] ?? 0) > 0) pairsEligible++
  }
  const included = usable.map((list) => list.slice(0, perSurvivor))
  const inGraph = included.map((list) => new Set(list.map((option) => option.lawyer)))
  let rounds = 0
  for (;;) {
    rounds++
    const pairsUsed = included.reduce((total, list) => total + list.length, 0)
    options.onRound?.(rounds, pairsUsed)
    const { flow, pairEdges } = buildGraph(input, included, weightOf)
    let added = 0
    for (let survivor = 0; survivor < survivorCount; survivor++) {
      const violating: Array<{ option: TBatchOption; reduced: number }> = []
      for (const option of usable[survivor] ?? []) {
        if (inGraph[survivor]?.has(option.lawyer) === true) continue
        const reduced = flow.reducedCost(
          1 + survivor,
          1 + survivorCount + option.lawyer,
          -weightOf(survivor, option),
        )
        if (reduced < 0) violating.push({ option, reduced })
      }
      violating.sort((left, right) => left.reduced - right.reduced)
      for (const { option } of violating.slice(0, perSurvivor)) {
        included[survivor]?.push(option)
        inGraph[survivor]?.add(option.lawyer)
        added++
      }
    }
    if (added > 0) continue
    const assignment = pairEdges.map(
      (edges) => edges.find(({ edge }) => flow.flowOn(edge) > 0)?.option.lawyer ?? null,
    )
    return {
      assignment,
      objective: objectiveOf(input, assignment),
      rounds,
      pairsUsed,
      pairsEligible,
      proven: flow.isCertifiedOptimal(),
    }
  }
}
