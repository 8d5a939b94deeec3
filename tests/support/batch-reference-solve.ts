/**
 * The batch solve as it stood before the seventh stop, kept as a second opinion for the tests: each survivor's prefix
 * found by sorting every pair, a min-cost flow over every lawyer rebuilt in each column-generation round with
 * Bellman–Ford potentials. Slow (14 s of CPU at 1,000 × 10,000) but independent of `batch-solver.ts`: a property test
 * holds the two to the same optimum on random instances.
 */
import {
  objectiveOf,
  type TBatchInput,
  type TBatchObjective,
  type TBatchOption,
} from '../../src/main/core/matching/batch-assignment'
import { MinCostFlow } from './min-cost-flow'

const BATCH_CANDIDATES_PER_SURVIVOR = 12

type TBatchOptions = {
  candidatesPerSurvivor?: number
  keepAllPairs?: boolean
  onRound?: (round: number, pairsUsed: number) => void
}

type TBatchResult = {
  assignment: Array<number | null>
  objective: TBatchObjective
  rounds: number
  pairsUsed: number
  pairsEligible: number
  proven: boolean
}

/** Weights that make the objective lexicographic (docs/matching.md, "Batch assignment"). */
const lexicographicWeights = (input: TBatchInput): { urgent: number; assigned: number } => {
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

/**
 * Each survivor's best pairs until their lawyers' free places add up to the number of survivors (all pairs scoring
 * at least the score where that happens, so ties are kept whole). Exact: in an optimum that gives survivor s a
 * lawyer outside that prefix, the other survivors hold at most n − 1 places, so some lawyer of the prefix has one
 * free; moving s there keeps who is assigned and scores at least as much. Repeating this moves every survivor into
 * their prefix without moving anyone out, so an optimum over the prefixes is an optimum over all pairs.
 */
const prefixesBySorting = (input: TBatchInput): TBatchInput => {
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
export const assignBatchByColumnGeneration = (
  whole: TBatchInput,
  options: TBatchOptions = {},
): TBatchResult => {
  const input = options.keepAllPairs === true ? whole : prefixesBySorting(whole)
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
