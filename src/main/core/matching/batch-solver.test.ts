import { describe, expect, it } from 'vitest'
import { certifies, NOBODY, solveBatchGraph, type TBatchGraph } from './batch-solver'

/** Two survivors, two lawyers with one place each; survivor 0 is worth more with lawyer 0, survivor 1 only fits 0. */
const graph = (): TBatchGraph => ({
  first: Int32Array.from([0, 2, 3]),
  lawyer: Int32Array.from([0, 1, 0]),
  worth: Float64Array.from([100, 60, 90]),
  places: Int32Array.from([1, 1]),
})

describe('batch solver', () => {
  it('moves the first survivor off the lawyer the second one needs, and proves the result', () => {
    const { chosen, proven } = solveBatchGraph(graph())
    // 60 + 90 beats 100 alone: survivor 0 takes pair 1 (lawyer 1), survivor 1 pair 2 (lawyer 0).
    expect([...chosen]).toEqual([1, 2])
    expect(proven).toBe(true)
  })

  it('refuses to certify a worse choice or an overfilled lawyer under the prices that proved the optimum', () => {
    const { chosen, potential } = solveBatchGraph(graph())
    expect(certifies(graph(), chosen, potential)).toBe(true)
    // Survivor 0 keeps lawyer 0 and survivor 1 gets nobody: 100 instead of 150.
    expect(certifies(graph(), Int32Array.from([0, NOBODY]), potential)).toBe(false)
    // Both on lawyer 0, who has one place.
    expect(certifies(graph(), Int32Array.from([0, 2]), potential)).toBe(false)
  })

  it('refuses to certify everyone placed but swapped, which only the pairs’ prices can tell', () => {
    // Survivor 0 is worth 100 with lawyer 0 and 10 with lawyer 1; survivor 1 is worth 50 with either.
    const square: TBatchGraph = {
      first: Int32Array.from([0, 2, 4]),
      lawyer: Int32Array.from([0, 1, 0, 1]),
      worth: Float64Array.from([100, 10, 50, 50]),
      places: Int32Array.from([1, 1]),
    }
    const { chosen, potential, proven } = solveBatchGraph(square)
    expect([...chosen]).toEqual([0, 3])
    expect(proven).toBe(true)
    expect(certifies(square, Int32Array.from([1, 2]), potential)).toBe(false)
  })

  it('leaves a survivor with no pair to nobody', () => {
    const { chosen, proven } = solveBatchGraph({
      first: Int32Array.from([0, 0, 1]),
      lawyer: Int32Array.from([0]),
      worth: Float64Array.from([5]),
      places: Int32Array.from([1]),
    })
    expect([...chosen]).toEqual([NOBODY, 0])
    expect(proven).toBe(true)
  })
})
