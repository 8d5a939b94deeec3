/**
 * The batch's min-cost flow as a state that lasts across the lazy solve's rounds (warm start). Survivors on one side
 * (each sends one unit: to a lawyer, or to the sink as "nobody this time"), lawyers on the other (each takes up to
 * their free places). A survivor is placed by successive shortest paths (Dijkstra on reduced costs, stopped at the
 * first node still owed a unit), which may move survivors already placed or drop one to "nobody".
 *
 * Between rounds a survivor who lost a pair is taken out (`unplace`): their unit is cancelled, so they are owed
 * nothing and their lawyer (or the sink, for "nobody") is owed one unit; their pairs are replaced (`setPairs`) and
 * they are placed again, their unit travelling to the nearest node still owed one (the lawyer they left, another
 * lawyer who then sends one unit less to the sink, …). Every other survivor's flow and every potential carry over.
 *
 * Why it stays exact: node potentials π keep every residual edge's reduced cost `cost + π(from) − π(to)`
 * non-negative. Taking a unit out only deletes residual edges (the survivor's own pair and its reverse), so π stays
 * valid; nothing enters a survivor who is owed nothing, so their potential can be set high enough over their new
 * pairs; a lawyer never seen before has π = 0 ≥ π(sink) (potentials only go down). Augmenting from the one excess
 * along a shortest path to a node in deficit, then moving the settled nodes by their distance minus the target's,
 * keeps π valid (successive shortest paths with supplies and demands). When no node is owed anything the flow is a
 * cheapest one for its supplies, and `certify` checks every residual edge again from the choices alone.
 */

export const NOBODY = -1
/** A survivor whose unit is not sent yet (before their first placement, or taken out between rounds). */
export const PENDING = -2
const NONE = -1
/** `via` of a node reached from the sink (the reverse of a lawyer's or a "nobody" survivor's edge to it). */
const FROM_SINK = -2

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
 * Pairs are numbered once and never reused: a survivor's new pairs are appended, their old ones left unreferenced.
 */
export class BatchFlow {
  readonly survivorCount: number
  readonly sink: number
  readonly places: Int32Array
  /** Per survivor, the chosen pair, NOBODY, or PENDING. */
  readonly chosen: Int32Array
  readonly potential: Float64Array
  /** Survivor s's pairs are `from[s]` up to `to[s]` (exclusive). */
  private readonly from: Int32Array
  private readonly to: Int32Array
  private pairLawyer: Int32Array
  private pairWorth: Float64Array
  private pairSurvivor: Int32Array
  private pairCount = 0
  /** Units each lawyer sends to the sink; it holds `used − deficit` survivors. */
  private readonly used: Int32Array
  /** Units still owed to each node (lawyers and the sink; survivors are never owed one). */
  private readonly deficit: Int32Array
  // The survivors each lawyer holds, as a doubly linked list through the survivors (a survivor holds one place).
  private readonly holders: Int32Array
  private readonly nextHolder: Int32Array
  private readonly previousHolder: Int32Array
  private readonly distance: Float64Array
  private readonly settled: Uint8Array
  // How each node was reached: a lawyer by a pair (or FROM_SINK), a survivor by the lawyer holding them (or
  // FROM_SINK), the sink by a node.
  private readonly via: Int32Array
  private readonly touched: Int32Array
  private readonly heap = new NodeHeap()

  /** Every survivor PENDING with no pairs yet; the sink is owed one unit per survivor. */
  constructor(survivorCount: number, places: Int32Array, pairCapacity = 1024) {
    const lawyerCount = places.length
    const nodeCount = survivorCount + lawyerCount + 1
    this.survivorCount = survivorCount
    this.sink = survivorCount + lawyerCount
    this.places = places
    this.chosen = new Int32Array(survivorCount).fill(PENDING)
    this.potential = new Float64Array(nodeCount)
    this.from = new Int32Array(survivorCount)
    this.to = new Int32Array(survivorCount)
    this.pairLawyer = new Int32Array(pairCapacity)
    this.pairWorth = new Float64Array(pairCapacity)
    this.pairSurvivor = new Int32Array(pairCapacity)
    this.used = new Int32Array(lawyerCount)
    this.deficit = new Int32Array(nodeCount)
    this.deficit[this.sink] = survivorCount
    this.holders = new Int32Array(lawyerCount).fill(NONE)
    this.nextHolder = new Int32Array(survivorCount).fill(NONE)
    this.previousHolder = new Int32Array(survivorCount).fill(NONE)
    this.distance = new Float64Array(nodeCount).fill(Infinity)
    this.settled = new Uint8Array(nodeCount)
    this.via = new Int32Array(nodeCount).fill(NONE)
    this.touched = new Int32Array(nodeCount)
  }

  /** A flow over a whole graph given survivor by survivor (`first`), its arrays adopted, not copied. */
  static ofGraph(first: Int32Array, lawyer: Int32Array, worth: Float64Array, places: Int32Array): BatchFlow {
    const survivorCount = first.length - 1
    const flow = new BatchFlow(survivorCount, places, 0)
    flow.pairLawyer = lawyer
    flow.pairWorth = worth
    flow.pairSurvivor = new Int32Array(lawyer.length)
    for (let survivor = 0; survivor < survivorCount; survivor++) {
      const start = first[survivor] as number
      const end = first[survivor + 1] as number
      flow.from[survivor] = start
      flow.to[survivor] = end
      flow.pairSurvivor.fill(survivor, start, end)
    }
    flow.pairCount = lawyer.length
    return flow
  }

  /** Pairs in use: every survivor's current ones. */
  get pairsInUse(): number {
    let count = 0
    for (let survivor = 0; survivor < this.survivorCount; survivor++)
      count += (this.to[survivor] as number) - (this.from[survivor] as number)
    return count
  }

  lawyerOf(pair: number): number {
    return this.pairLawyer[pair] as number
  }

  /** A PENDING survivor's pairs: lawyers (positions in `places`) and what each pair is worth. */
  setPairs(survivor: number, lawyers: ArrayLike<number>, worths: ArrayLike<number>): void {
    if (this.chosen[survivor] !== PENDING) throw new Error('setPairs: the survivor still sends a unit')
    const count = lawyers.length
    if (this.pairCount + count > this.pairLawyer.length) this.grow(this.pairCount + count)
    const start = this.pairCount
    for (let at = 0; at < count; at++) {
      this.pairLawyer[start + at] = lawyers[at] as number
      this.pairWorth[start + at] = worths[at] as number
      this.pairSurvivor[start + at] = survivor
    }
    this.from[survivor] = start
    this.to[survivor] = start + count
    this.pairCount += count
  }

  /** Cancels a survivor's unit: they become PENDING, and their lawyer (or the sink) is owed a unit. */
  unplace(survivor: number): void {
    const own = this.chosen[survivor] as number
    if (own === PENDING) return
    const sink = this.sink
    if (own === NOBODY) this.deficit[sink] = (this.deficit[sink] as number) + 1
    else {
      const at = this.pairLawyer[own] as number
      this.release(survivor, at)
      const node = this.survivorCount + at
      this.deficit[node] = (this.deficit[node] as number) + 1
    }
    this.chosen[survivor] = PENDING
  }

  /** Sends a PENDING survivor's unit along a cheapest path to the nearest node owed one, and updates the prices. */
  place(start: number): void {
    const { survivorCount, sink, places, chosen, potential, distance, settled, via, touched, heap } = this
    const { pairLawyer, pairWorth, used, deficit, holders, nextHolder } = this
    const lastPair = this.to[start] as number
    // Nothing enters a PENDING survivor: a potential above every edge leaving them keeps all reduced costs ≥ 0.
    let highest = potential[sink] as number
    for (let pair = this.from[start] as number; pair < lastPair; pair++) {
      const candidate =
        (pairWorth[pair] as number) + (potential[survivorCount + (pairLawyer[pair] as number)] as number)
      if (candidate > highest) highest = candidate
    }
    potential[start] = highest
    if (this.placeDirectly(start, highest)) return
    let touchedCount = 0
    const reach = (node: number, candidate: number, from: number): void => {
      if (candidate >= (distance[node] as number)) return
      if (distance[node] === Infinity) touched[touchedCount++] = node
      distance[node] = candidate
      via[node] = from
      heap.push(candidate, node)
    }
    reach(start, 0, NONE)
    let target = NONE
    while (heap.size > 0) {
      const node = heap.pop()
      if (settled[node] === 1 || heap.lastKey > (distance[node] as number)) continue
      settled[node] = 1
      if ((deficit[node] as number) > 0) {
        target = node
        break
      }
      const base = (distance[node] as number) + (potential[node] as number)
      if (node < survivorCount) {
        const own = chosen[node] as number
        const end = this.to[node] as number
        for (let pair = this.from[node] as number; pair < end; pair++) {
          if (pair === own) continue
          const next = survivorCount + (pairLawyer[pair] as number)
          if (settled[next] === 1) continue
          reach(next, base - (pairWorth[pair] as number) - (potential[next] as number), pair)
        }
        // Reached through their lawyer (or the survivor being placed): the unit may leave for "nobody".
        if (own >= 0 || node === start) reach(sink, base - (potential[sink] as number), node)
      } else if (node < sink) {
        const at = node - survivorCount
        if ((used[at] as number) < (places[at] as number))
          reach(sink, base - (potential[sink] as number), node)
        for (let held = holders[at] as number; held !== NONE; held = nextHolder[held] as number) {
          if (settled[held] === 1) continue
          reach(held, base + (pairWorth[chosen[held] as number] as number) - (potential[held] as number), at)
        }
      } else {
        // The sink owes nothing more (only between rounds): a lawyer may send one unit less, a "nobody" take one.
        for (let at = 0; at < places.length; at++) {
          const next = survivorCount + at
          if ((used[at] as number) > 0 && settled[next] === 0)
            reach(next, base - (potential[next] as number), FROM_SINK)
        }
        for (let survivor = 0; survivor < survivorCount; survivor++) {
          if (chosen[survivor] === NOBODY && settled[survivor] === 0)
            reach(survivor, base - (potential[survivor] as number), FROM_SINK)
        }
      }
    }
    while (heap.size > 0) heap.pop()
    // Always found: the survivor's own edge to the sink is free, and the sink reaches every lawyer sending a unit.
    const toTarget = distance[target] as number
    for (let index = 0; index < touchedCount; index++) {
      const node = touched[index] as number
      if (settled[node] === 1)
        potential[node] = (potential[node] as number) + (distance[node] as number) - toTarget
    }
    this.augment(start, target)
    for (let index = 0; index < touchedCount; index++) {
      const node = touched[index] as number
      distance[node] = Infinity
      settled[node] = 0
      via[node] = NONE
    }
  }

  /**
   * A path of reduced length 0 is a shortest one (no reduced cost is negative), and a search ending at distance 0
   * moves no potential: when one of the survivor's best pairs (reduced cost 0) leads to a node owed a unit, or to a
   * lawyer with a place free whose edge to the sink costs 0 while the sink is owed one, the unit goes there without
   * a search. Most of round 1's survivors are placed so.
   */
  private placeDirectly(start: number, highest: number): boolean {
    const { survivorCount, sink, places, potential, pairLawyer, pairWorth, used, deficit } = this
    const sinkOwed = (deficit[sink] as number) > 0
    const sinkPrice = potential[sink] as number
    const lastPair = this.to[start] as number
    for (let pair = this.from[start] as number; pair < lastPair; pair++) {
      const at = pairLawyer[pair] as number
      const node = survivorCount + at
      if ((pairWorth[pair] as number) + (potential[node] as number) !== highest) continue
      if ((deficit[node] as number) > 0) deficit[node] = (deficit[node] as number) - 1
      else if (sinkOwed && (used[at] as number) < (places[at] as number) && potential[node] === sinkPrice) {
        used[at] = (used[at] as number) + 1
        deficit[sink] = (deficit[sink] as number) - 1
      } else continue
      this.chosen[start] = pair
      this.hold(start, at)
      return true
    }
    if (sinkOwed && highest === sinkPrice) {
      this.chosen[start] = NOBODY
      deficit[sink] = (deficit[sink] as number) - 1
      return true
    }
    return false
  }

  /** The path back from the target: each edge's unit moved, the target owed one unit less. */
  private augment(start: number, target: number): void {
    const { survivorCount, sink, via, used, deficit, pairSurvivor } = this
    deficit[target] = (deficit[target] as number) - 1
    let node = target
    while (node !== NONE) {
      if (node === sink) {
        const arrived = via[sink] as number
        if (arrived >= survivorCount) {
          // A lawyer sends one more unit to the sink.
          const at = arrived - survivorCount
          used[at] = (used[at] as number) + 1
          node = arrived
        } else node = this.move(start, arrived, NOBODY)
      } else {
        const at = node - survivorCount
        const arrived = via[node] as number
        if (arrived === FROM_SINK) {
          // The lawyer sends one unit less to the sink.
          used[at] = (used[at] as number) - 1
          node = sink
        } else node = this.move(start, pairSurvivor[arrived] as number, arrived)
      }
    }
  }

  /** A survivor on the path takes `pair` (or NOBODY); returns the node their unit came through, NONE at the start. */
  private move(start: number, survivor: number, pair: number): number {
    let previous = NONE
    if (survivor !== start) {
      const from = this.via[survivor] as number
      if (from === FROM_SINK) previous = this.sink
      else {
        this.release(survivor, from)
        previous = this.survivorCount + from
      }
    }
    this.chosen[survivor] = pair
    if (pair >= 0) this.hold(survivor, this.pairLawyer[pair] as number)
    return previous
  }

  private hold(survivor: number, at: number): void {
    const head = this.holders[at] as number
    this.nextHolder[survivor] = head
    this.previousHolder[survivor] = NONE
    if (head !== NONE) this.previousHolder[head] = survivor
    this.holders[at] = survivor
  }

  private release(survivor: number, at: number): void {
    const next = this.nextHolder[survivor] as number
    const previous = this.previousHolder[survivor] as number
    if (previous === NONE) this.holders[at] = next
    else this.nextHolder[previous] = next
    if (next !== NONE) this.previousHolder[next] = previous
  }

  private grow(needed: number): void {
    const size = Math.max(needed, Math.ceil(this.pairLawyer.length * 1.5), 1024)
    const lawyer = new Int32Array(size)
    const worth = new Float64Array(size)
    const survivor = new Int32Array(size)
    lawyer.set(this.pairLawyer)
    worth.set(this.pairWorth)
    survivor.set(this.pairSurvivor)
    this.pairLawyer = lawyer
    this.pairWorth = worth
    this.pairSurvivor = survivor
  }

  /**
   * Every survivor sent their unit, no node is owed one, and every residual edge has a non-negative reduced cost
   * under the potentials: the flow is a cheapest one. Places are counted again from the choices, not taken from the
   * search: the proof rests on nothing it computed.
   */
  certify(): boolean {
    const { survivorCount, sink, places, chosen, potential, from, to, pairLawyer, pairWorth } = this
    const held = new Int32Array(places.length)
    for (let survivor = 0; survivor < survivorCount; survivor++) {
      const own = chosen[survivor] as number
      if (own === PENDING) return false
      if (own === NOBODY) continue
      if (own < (from[survivor] as number) || own >= (to[survivor] as number)) return false
      const at = pairLawyer[own] as number
      held[at] = (held[at] as number) + 1
    }
    const priceOf = (node: number): number => potential[node] as number
    for (let survivor = 0; survivor < survivorCount; survivor++) {
      const own = chosen[survivor] as number
      for (let pair = from[survivor] as number; pair < (to[survivor] as number); pair++) {
        const reduced =
          -(pairWorth[pair] as number) +
          priceOf(survivor) -
          priceOf(survivorCount + (pairLawyer[pair] as number))
        // An unused pair may still carry the unit; a used one may give it back.
        if (pair === own ? reduced > 0 : reduced < 0) return false
      }
      const toSink = priceOf(survivor) - priceOf(sink)
      if (own === NOBODY ? toSink > 0 : toSink < 0) return false
    }
    for (let at = 0; at < places.length; at++) {
      const toSink = priceOf(survivorCount + at) - priceOf(sink)
      const count = held[at] as number
      if (count > (places[at] as number)) return false
      if (count < (places[at] as number) && toSink < 0) return false
      if (count > 0 && toSink > 0) return false
    }
    return true
  }
}
