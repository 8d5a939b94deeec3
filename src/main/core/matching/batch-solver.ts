/**
 * The batch's min-cost flow, written for its one shape: survivors on one side (each sends one unit: to a lawyer, or
 * to the sink as "nobody this time"), lawyers on the other (each takes up to their free places). Successive shortest
 * paths, one survivor at a time: each survivor's unit follows the cheapest path of the residual graph to the sink
 * (Dijkstra on reduced costs, stopped as soon as the sink is reached), which may move survivors already placed from
 * one lawyer to another or drop one to "nobody". Everything lives in typed arrays, nothing is allocated per pair,
 * and no step starts from scratch: the potentials carry over from one survivor to the next.
 *
 * Why it is exact: node potentials π keep every residual edge's reduced cost `cost + π(from) − π(to)` non-negative
 * (a new survivor has no edge coming in, so its own potential can be set high enough; after each search, settled
 * nodes move by their distance minus the sink's). Augmenting a supply along a shortest path under such potentials
 * keeps the flow a cheapest one for the supplies placed so far, and the final potentials are the proof: `proven`
 * checks every residual edge again, independently of how the search got there.
 */

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

export const NOBODY = -1
const NONE = -1

/** A binary min-heap of (key, node) in typed arrays, with lazy deletion: stale entries are skipped when popped. */
class NodeHeap {
  private keys = new Float64Array(1024)
  private nodes = new Int32Array(1024)
  size = 0
  /** The key of the entry `pop` returned last. */
  lastKey = 0

  push(key: number, node: number): void {
    if (this.size === this.keys.length) this.grow()
    const { keys, nodes } = this
    let index = this.size++
    while (index > 0) {
      const parent = (index - 1) >> 1
      const parentKey = keys[parent] as number
      if (parentKey <= key) break
      keys[index] = parentKey
      nodes[index] = nodes[parent] as number
      index = parent
    }
    keys[index] = key
    nodes[index] = node
  }

  pop(): number {
    const { keys, nodes } = this
    const top = nodes[0] as number
    this.lastKey = keys[0] as number
    const size = --this.size
    const key = keys[size] as number
    const node = nodes[size] as number
    let index = 0
    for (;;) {
      let child = 2 * index + 1
      if (child >= size) break
      if (child + 1 < size && (keys[child + 1] as number) < (keys[child] as number)) child++
      if ((keys[child] as number) >= key) break
      keys[index] = keys[child] as number
      nodes[index] = nodes[child] as number
      index = child
    }
    keys[index] = key
    nodes[index] = node
    return top
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2)
    const nodes = new Int32Array(this.nodes.length * 2)
    keys.set(this.keys)
    nodes.set(this.nodes)
    this.keys = keys
    this.nodes = nodes
  }
}

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
  const survivorCount = first.length - 1
  const lawyerCount = places.length
  const sink = survivorCount + lawyerCount
  const nodeCount = sink + 1
  const survivorOf = new Int32Array(lawyer.length)
  for (let survivor = 0; survivor < survivorCount; survivor++) {
    survivorOf.fill(survivor, first[survivor] as number, first[survivor + 1] as number)
  }
  const chosen = new Int32Array(survivorCount).fill(NOBODY)
  // The survivors each lawyer holds, as a doubly linked list through the survivors (a survivor holds one place).
  const used = new Int32Array(lawyerCount)
  const holders = new Int32Array(lawyerCount).fill(NONE)
  const nextHolder = new Int32Array(survivorCount).fill(NONE)
  const previousHolder = new Int32Array(survivorCount).fill(NONE)
  const hold = (survivor: number, at: number): void => {
    const head = holders[at] as number
    nextHolder[survivor] = head
    previousHolder[survivor] = NONE
    if (head !== NONE) previousHolder[head] = survivor
    holders[at] = survivor
  }
  const release = (survivor: number, at: number): void => {
    const next = nextHolder[survivor] as number
    const previous = previousHolder[survivor] as number
    if (previous === NONE) holders[at] = next
    else nextHolder[previous] = next
    if (next !== NONE) previousHolder[next] = previous
  }

  const potential = new Float64Array(nodeCount)
  const distance = new Float64Array(nodeCount).fill(Infinity)
  const settled = new Uint8Array(nodeCount)
  // How each node was reached: a lawyer by a pair, a survivor by the lawyer holding them, the sink by a node.
  const via = new Int32Array(nodeCount).fill(NONE)
  const touched = new Int32Array(nodeCount)
  const heap = new NodeHeap()
  let sincePause = 0

  for (let start = 0; start < survivorCount; start++) {
    if (sincePause >= every) {
      sincePause = 0
      yield start
    }
    sincePause++
    // Nothing enters the new survivor yet: a potential above every edge leaving them keeps all reduced costs ≥ 0.
    let highest = potential[sink] as number
    for (let pair = first[start] as number; pair < (first[start + 1] as number); pair++) {
      highest = Math.max(
        highest,
        (worth[pair] as number) + (potential[survivorCount + (lawyer[pair] as number)] as number),
      )
    }
    potential[start] = highest
    let touchedCount = 0
    const reach = (node: number, candidate: number, from: number): void => {
      if (candidate >= (distance[node] as number)) return
      if (distance[node] === Infinity) touched[touchedCount++] = node
      distance[node] = candidate
      via[node] = from
      heap.push(candidate, node)
    }
    reach(start, 0, NONE)
    while (heap.size > 0) {
      const node = heap.pop()
      if (settled[node] === 1 || heap.lastKey > (distance[node] as number)) continue
      settled[node] = 1
      if (node === sink) break
      const base = (distance[node] as number) + (potential[node] as number)
      if (node < survivorCount) {
        const own = chosen[node] as number
        for (let pair = first[node] as number; pair < (first[node + 1] as number); pair++) {
          if (pair === own) continue
          const to = survivorCount + (lawyer[pair] as number)
          if (settled[to] === 1) continue
          reach(to, base - (worth[pair] as number) - (potential[to] as number), pair)
        }
        // Reached through their lawyer (or the new survivor): the unit may leave for "nobody".
        if (node === start || own !== NOBODY) reach(sink, base - (potential[sink] as number), node)
      } else {
        const at = node - survivorCount
        if ((used[at] as number) < (places[at] as number))
          reach(sink, base - (potential[sink] as number), node)
        for (let held = holders[at] as number; held !== NONE; held = nextHolder[held] as number) {
          if (settled[held] === 1) continue
          reach(held, base + (worth[chosen[held] as number] as number) - (potential[held] as number), at)
        }
      }
    }
    while (heap.size > 0) heap.pop()
    // Always reached: the new survivor's own edge to the sink is free.
    const toSink = distance[sink] as number
    for (let index = 0; index < touchedCount; index++) {
      const node = touched[index] as number
      if (settled[node] === 1)
        potential[node] = (potential[node] as number) + (distance[node] as number) - toSink
    }
    // The path, back from the sink: each lawyer on it takes the survivor before it, whose old lawyer comes next.
    const arrived = via[sink] as number
    let toLawyer: number
    if (arrived < survivorCount) {
      // A survivor drops to "nobody"; their old lawyer takes the survivor before them.
      if (arrived === start) toLawyer = NONE
      else {
        toLawyer = via[arrived] as number
        release(arrived, toLawyer)
        chosen[arrived] = NOBODY
      }
    } else {
      toLawyer = arrived - survivorCount
      used[toLawyer] = (used[toLawyer] as number) + 1
    }
    while (toLawyer !== NONE) {
      const pair = via[survivorCount + toLawyer] as number
      const survivor = survivorOf[pair] as number
      const from = survivor === start ? NONE : (via[survivor] as number)
      if (from !== NONE) release(survivor, from)
      hold(survivor, toLawyer)
      chosen[survivor] = pair
      toLawyer = from
    }
    for (let index = 0; index < touchedCount; index++) {
      const node = touched[index] as number
      distance[node] = Infinity
      settled[node] = 0
      via[node] = NONE
    }
  }
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
