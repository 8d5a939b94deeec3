import { describe, expect, it } from 'vitest'
import { MinCostFlow } from '#test-support/min-cost-flow'

describe('min-cost flow', () => {
  it('routes around a cheap edge once it is full, and leaves potentials that prove the result', () => {
    // 0 → 1 → 3 costs 2 but holds 1 unit; 0 → 2 → 3 costs 5 and takes the rest.
    const flow = new MinCostFlow(4)
    const cheap = flow.addEdge(0, 1, 1, 1)
    flow.addEdge(1, 3, 1, 1)
    const dear = flow.addEdge(0, 2, 2, 2)
    flow.addEdge(2, 3, 2, 3)
    expect(flow.solve(0, 3, 3)).toEqual({ flow: 3, cost: 2 + 5 + 5 })
    expect(flow.flowOn(cheap)).toBe(1)
    expect(flow.flowOn(dear)).toBe(2)
    expect(flow.isCertifiedOptimal()).toBe(true)
  })

  it('handles negative costs (profits) from the start', () => {
    const flow = new MinCostFlow(4)
    flow.addEdge(0, 1, 1, 0)
    flow.addEdge(0, 2, 1, 0)
    const a = flow.addEdge(1, 3, 1, -10)
    flow.addEdge(2, 1, 1, -1)
    flow.addEdge(2, 3, 1, -3)
    expect(flow.solve(0, 3, 2)).toEqual({ flow: 2, cost: -13 })
    expect(flow.flowOn(a)).toBe(1)
    expect(flow.isCertifiedOptimal()).toBe(true)
  })

  it('stops at the most flow the graph can carry', () => {
    const flow = new MinCostFlow(3)
    flow.addEdge(0, 1, 2, 1)
    flow.addEdge(1, 2, 1, 1)
    expect(flow.solve(0, 2, 5)).toEqual({ flow: 1, cost: 2 })
  })

  it('a flow that is not optimal has no certificate', () => {
    const flow = new MinCostFlow(3)
    flow.addEdge(0, 1, 1, 1)
    flow.addEdge(1, 2, 1, 1)
    flow.addEdge(0, 2, 1, 10)
    flow.solve(0, 2, 1)
    expect(flow.isCertifiedOptimal()).toBe(true)
    // A much cheaper edge added afterwards: the unit should have gone that way, and the prices say so.
    expect(flow.reducedCost(0, 2, -50)).toBeLessThan(0)
    flow.addEdge(0, 2, 1, -50)
    expect(flow.isCertifiedOptimal()).toBe(false)
  })
})
