import { describe, expect, it } from 'vitest'
import { countEligible } from './batch-eligible-counts'

describe('countEligible', () => {
  it('counts an assigned case in place, less its conflicted lawyers, without checking it', () => {
    const asked: number[] = []
    const counts = countEligible(
      1,
      4,
      () => Int32Array.of(0, 1, 3),
      { assignment: [0], conflicted: [new Set([1])], pairsEligible: 2 },
      (position) => {
        asked.push(position)
        return new Set()
      },
    )
    expect(asked).toEqual([])
    expect(counts.eligibleOf).toEqual([2])
    expect(Array.from(counts.eligibleSomewhere)).toEqual([1, 0, 0, 1])
    expect(counts.pairsEligible).toBe(2)
  })

  it('checks a case left without a lawyer against its remaining lawyers and counts no blocked one', () => {
    const asked: Array<[number, readonly number[]]> = []
    const counts = countEligible(
      2,
      5,
      (position) => (position === 0 ? Int32Array.of(0) : Int32Array.of(1, 2, 4)),
      { assignment: [0, null], conflicted: [new Set(), new Set([2])], pairsEligible: 3 },
      (position, options) => {
        asked.push([position, options])
        return new Set([4])
      },
    )
    expect(asked).toEqual([[1, [1, 4]]])
    expect(counts.eligibleOf).toEqual([1, 1])
    expect(Array.from(counts.eligibleSomewhere)).toEqual([1, 1, 0, 0, 0])
    expect(counts.pairsEligible).toBe(2)
  })

  it('counts 0 for a case left with nobody, and asks nothing', () => {
    const counts = countEligible(
      1,
      2,
      () => Int32Array.of(1),
      { assignment: [null], conflicted: [new Set([1])], pairsEligible: 0 },
      () => {
        throw new Error('not asked')
      },
    )
    expect(counts.eligibleOf).toEqual([0])
    expect(counts.pairsEligible).toBe(0)
  })
})
