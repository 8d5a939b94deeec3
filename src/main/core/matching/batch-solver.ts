/**
 * The batch's min-cost flow, written for its one shape: survivors on one side (each sends one unit: to a lawyer, or
 * to the sink as "nobody this time"), lawyers on the other (each takes up to their free places). Successive shortest
 * paths, one survivor at a time: each survivor's unit follows the cheapest path of the residual graph to a node
 * still owed a unit (Dijkstra on reduced costs, stopped at the first such node it settles: the sink in a first
 * round; in a later round possibly a lawyer whose survivor lost a conflicted pair), which may move survivors already
 * placed from one lawyer to another or drop one to "nobody". Everything lives in typed arrays, nothing is allocated per pair,
 * and no step starts from scratch: the potentials carry over from one survivor to the next.
 *
 * The flow itself (`BatchFlow`, batch-flow.ts) also lasts across the lazy solve's rounds; this is its one-shot form.
 *
 * Why it is exact: node potentials π keep every residual edge's reduced cost `cost + π(from) − π(to)` non-negative
 * (a new survivor has no edge coming in, so its own potential can be set high enough; after each search, settled
 * nodes move by their distance minus the sink's). Augmenting a supply along a shortest path under such potentials
 * keeps the flow a cheapest one for the supplies placed so far, and the final potentials are the proof: `proven`
 * checks every residual edge again, independently of how the search got there.
 */

import { BatchFlow, NOBODY } from './batch-flow'

/** The batch as a bipartite graph; survivor s's pairs are positions `first[s]` up to `first[s + 1]` (exclusive). */
export type TBatchGraph = {
  first: Int32Array
  /** Each pair's lawyer: a position in `places`. */
  lawyer: Int32Array
  /** What assigning each pair is worth (positive: the lexicographic weights make it so). */
  worth: Float64Array
  /** Free places per lawyer (all positive: a lawyer without one has no pair). */
  places: Int32Array
}

export type TBatchSolution = {
  /** Per survivor, the chosen pair's position, or NOBODY. */
  chosen: Int32Array
  /** Per node (survivors, lawyers, the sink): the prices that prove it. */
  potential: Float64Array
  /** The final potentials price every residual edge non-negative: the flow is a cheapest one. */
  proven: boolean
}

export { NOBODY }

/**
 * Nodes: survivors 0 … S − 1, lawyers S … S + L − 1, the sink S + L. A pair's edge survivor → lawyer costs −worth
 * and holds one unit; survivor → sink costs 0 and holds one; lawyer → sink costs 0 and holds the free places.
 */
export const solveBatchGraph = (graph: TBatchGraph): TBatchSolution => {
  const steps = solveBatchGraphSteps(graph)
  for (;;) {
    const next = steps.next()
    if (next.done === true) return next.value
  }
}

/**
 * The same solve, pausing after every `every` survivors placed (augmentations) with how many are placed so far: the
 * service looks at Stop there, and lets other requests through.
 */
export function* solveBatchGraphSteps(
  graph: TBatchGraph,
  every = Infinity,
): Generator<number, TBatchSolution, void> {
  const { first, lawyer, worth, places } = graph
  const flow = BatchFlow.ofGraph(first, lawyer, worth, places)
  let sincePause = 0
  for (let start = 0; start < flow.survivorCount; start++) {
    if (sincePause >= every) {
      sincePause = 0
      yield start
    }
    sincePause++
    flow.place(start)
  }
  const { chosen, potential } = flow
  return { chosen, potential, proven: certifies(graph, chosen, potential) }
}

/** Every residual edge of the final flow has a non-negative reduced cost under `potential`. */
export const certifies = (graph: TBatchGraph, chosen: Int32Array, potential: Float64Array): boolean => {
  const { first, lawyer, worth, places } = graph
  const survivorCount = first.length - 1
  const sink = survivorCount + places.length
  const priceOf = (node: number): number => potential[node] as number
  // Counted again from the choices, not taken from the search: the proof rests on nothing it computed.
  const used = new Int32Array(places.length)
  for (let survivor = 0; survivor < survivorCount; survivor++) {
    const own = chosen[survivor] as number
    if (own === NOBODY) continue
    if (own < (first[survivor] as number) || own >= (first[survivor + 1] as number)) return false
    const at = lawyer[own] as number
    used[at] = (used[at] as number) + 1
  }
  for (let survivor = 0; survivor < survivorCount; survivor++) {
    const own = chosen[survivor] as number
    for (let pair = first[survivor] as number; pair < (first[survivor + 1] as number); pair++) {
      const to = survivorCount + (lawyer[pair] as number)
      // An unused pair may still carry the unit; a used one may give it back.
      const reduced = -(worth[pair] as number) + priceOf(survivor) - priceOf(to)
      if (pair === own ? reduced > 0 : reduced < 0) return false
    }
    const toSink = priceOf(survivor) - priceOf(sink)
    if (own === NOBODY ? toSink > 0 : toSink < 0) return false
  }
  for (let at = 0; at < places.length; at++) {
    const toSink = priceOf(survivorCount + at) - priceOf(sink)
    if ((used[at] as number) > (places[at] as number)) return false
    if ((used[at] as number) < (places[at] as number) && toSink < 0) return false
    if ((used[at] as number) > 0 && toSink > 0) return false
  }
  return true
}
