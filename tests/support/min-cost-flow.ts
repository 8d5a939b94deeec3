/**
 * Minimum-cost flow by successive shortest paths with node potentials (Dijkstra on reduced costs, binary heap).
 * The batch assignment's solver until the seventh stop, now a test's second opinion (batch-reference-solve.ts):
 * general, with Bellman–Ford start potentials, where `batch-solver.ts` is written for the batch's one shape.
 *
 * Optimality certificate: a flow of value F is a cheapest flow of value F exactly when some potentials π make every
 * residual edge's reduced cost `cost + π(from) − π(to)` non-negative. The solver keeps such potentials throughout
 * (Bellman–Ford for the start, since costs may be negative; then each Dijkstra round updates them), so after
 * `solve` they are the proof, and `reducedCost` lets a caller test edges that were never in the graph.
 */

const NONE = -1

/** A binary min-heap of (key, node) with lazy deletion: stale entries are skipped when popped. */
class NodeHeap {
  private keys: number[] = []
  private nodes: number[] = []

  get size(): number {
    return this.keys.length
  }

  push(key: number, node: number): void {
    const { keys, nodes } = this
    let index = keys.length
    keys.push(key)
    nodes.push(node)
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

  /** Removes the smallest entry; returns its node and leaves its key in `lastKey`. */
  pop(): number {
    const { keys, nodes } = this
    const top = nodes[0] as number
    this.lastKey = keys[0] as number
    const key = keys.pop() as number
    const node = nodes.pop() as number
    const size = keys.length
    if (size > 0) {
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
    }
    return top
  }

  lastKey = 0

  clear(): void {
    this.keys = []
    this.nodes = []
  }
}

export type TFlowResult = { flow: number; cost: number }

export class MinCostFlow {
  private readonly head: Int32Array
  private to: number[] = []
  private capacity: number[] = []
  private cost: number[] = []
  private next: number[] = []
  private readonly potential: Float64Array

  constructor(readonly nodeCount: number) {
    this.head = new Int32Array(nodeCount).fill(NONE)
    this.potential = new Float64Array(nodeCount)
  }

  /** Adds an edge and its residual twin; returns the edge's id (its twin is id ^ 1). */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    const id = this.to.length
    this.link(from, to, capacity, cost)
    this.link(to, from, 0, -cost)
    return id
  }

  private link(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to)
    this.capacity.push(capacity)
    this.cost.push(cost)
    this.next.push(this.head[from] as number)
    this.head[from] = this.to.length - 1
  }

  /** Units flowing on an edge added by addEdge. */
  flowOn(edge: number): number {
    return this.capacity[edge ^ 1] as number
  }

  potentialOf(node: number): number {
    return this.potential[node] as number
  }

  /** The reduced cost of a (possibly hypothetical) edge under the current potentials. */
  reducedCost(from: number, to: number, cost: number): number {
    return cost + (this.potential[from] as number) - (this.potential[to] as number)
  }

  /** Every residual edge has a non-negative reduced cost: the current flow is optimal for its value. */
  isCertifiedOptimal(): boolean {
    for (let from = 0; from < this.nodeCount; from++) {
      for (let edge = this.head[from] as number; edge !== NONE; edge = this.next[edge] as number) {
        if ((this.capacity[edge] as number) <= 0) continue
        if (this.reducedCost(from, this.to[edge] as number, this.cost[edge] as number) < 0) return false
      }
    }
    return true
  }

  /**
   * Feasible start potentials when costs are negative: shortest distances from a virtual node joined to every
   * node at cost 0 (Bellman–Ford with a queue). Throws on a negative cycle, which a caller's graph never has.
   */
  private initialPotentials(): void {
    const distance = this.potential
    distance.fill(0)
    const queued = new Uint8Array(this.nodeCount).fill(1)
    const relaxations = new Int32Array(this.nodeCount)
    const queue: number[] = Array.from({ length: this.nodeCount }, (_, node) => node)
    for (let cursor = 0; cursor < queue.length; cursor++) {
      const from = queue[cursor] as number
      queued[from] = 0
      for (let edge = this.head[from] as number; edge !== NONE; edge = this.next[edge] as number) {
        if ((this.capacity[edge] as number) <= 0) continue
        const to = this.to[edge] as number
        const candidate = (distance[from] as number) + (this.cost[edge] as number)
        if (candidate < (distance[to] as number)) {
          distance[to] = candidate
          if (queued[to] === 0) {
            if (++(relaxations[to] as number) > this.nodeCount) throw new Error('negative cycle')
            queued[to] = 1
            queue.push(to)
          }
        }
      }
    }
  }

  /** Sends up to `limit` units from source to sink at the least total cost. */
  solve(source: number, sink: number, limit: number): TFlowResult {
    this.initialPotentials()
    const distance = new Float64Array(this.nodeCount)
    const done = new Uint8Array(this.nodeCount)
    const via = new Int32Array(this.nodeCount)
    const heap = new NodeHeap()
    let flow = 0
    let cost = 0
    while (flow < limit) {
      distance.fill(Infinity)
      done.fill(0)
      via.fill(NONE)
      heap.clear()
      distance[source] = 0
      heap.push(0, source)
      while (heap.size > 0) {
        const from = heap.pop()
        if (done[from] === 1 || heap.lastKey > (distance[from] as number)) continue
        done[from] = 1
        if (from === sink) break
        const base = (distance[from] as number) + (this.potential[from] as number)
        for (let edge = this.head[from] as number; edge !== NONE; edge = this.next[edge] as number) {
          if ((this.capacity[edge] as number) <= 0) continue
          const to = this.to[edge] as number
          if (done[to] === 1) continue
          const candidate = base + (this.cost[edge] as number) - (this.potential[to] as number)
          if (candidate < (distance[to] as number)) {
            distance[to] = candidate
            via[to] = edge
            heap.push(candidate, to)
          }
        }
      }
      if (done[sink] === 0) break
      // Nodes not settled before the sink move by the sink's distance: every reduced cost stays non-negative.
      const reach = distance[sink] as number
      for (let node = 0; node < this.nodeCount; node++) {
        this.potential[node] =
          (this.potential[node] as number) + (done[node] === 1 ? (distance[node] as number) : reach)
      }
      let push = limit - flow
      for (let node = sink; node !== source; node = this.to[(via[node] as number) ^ 1] as number) {
        push = Math.min(push, this.capacity[via[node] as number] as number)
      }
      for (let node = sink; node !== source; node = this.to[(via[node] as number) ^ 1] as number) {
        const edge = via[node] as number
        this.capacity[edge] = (this.capacity[edge] as number) - push
        this.capacity[edge ^ 1] = (this.capacity[edge ^ 1] as number) + push
        cost += push * (this.cost[edge] as number)
      }
      flow += push
    }
    return { flow, cost }
  }
}
