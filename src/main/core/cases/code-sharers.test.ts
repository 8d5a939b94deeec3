import { describe, expect, it } from 'vitest'
import { CodeSharers } from './code-sharers'

/** The order as the similar-name pass computed it before: a Map of sums, then a sort of the pairs. */
function reference(perCode: readonly (readonly number[])[], caseload: number): number[] {
  const weights = new Map<number, number>()
  for (const rowids of perCode) {
    const weight = Math.log(1 + (caseload - rowids.length + 0.5) / (rowids.length + 0.5))
    for (const rowid of rowids) weights.set(rowid, (weights.get(rowid) ?? 0) + weight)
  }
  return [...weights].sort((left, right) => right[1] - left[1] || right[0] - left[0]).map(([rowid]) => rowid)
}

/** A deterministic pseudo-random sequence (no survivor data: rowids only). */
function randomOf(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

/** `codes` codes over rowids 1..`caseload`, each holding about `share` of them, ascending as the index lists them. */
function codesOf(random: () => number, codes: number, caseload: number, share: number): number[][] {
  return Array.from({ length: codes }, () => {
    const rowids: number[] = []
    for (let rowid = 1; rowid <= caseload; rowid++) if (random() < share) rowids.push(rowid)
    return rowids
  })
}

describe('the similar-name candidates’ order (code-sharers.ts)', () => {
  it('is the order of the sums by rowid sorted by weight, then newest first, over many and few cases', () => {
    const random = randomOf(7)
    const sharers = new CodeSharers()
    // Dense (a pass down the buffer) and sparse (the cases met, sorted), one buffer reused across calls.
    for (const [codes, caseload, share] of [
      [8, 20_000, 0.05],
      [3, 20_000, 0.001],
      [6, 5_000, 0.3],
      [1, 100_000, 0.0002],
      [5, 50_000, 0.02],
      [2, 300, 0.5],
    ] as const) {
      const perCode = codesOf(random, codes, caseload, share)
      expect(sharers.order(perCode, caseload)).toEqual(reference(perCode, caseload))
    }
  })

  it('breaks equal weights by the newest case, even for codes of the same size (equal weights)', () => {
    const perCode = [
      [1, 2, 3, 9],
      [2, 3, 4, 8],
      [5, 9],
    ]
    const order = new CodeSharers().order(perCode, 10)
    expect(order).toEqual(reference(perCode, 10))
    expect(order.slice(0, 3)).toEqual([9, 3, 2])
  })

  it('leaves no weight behind for the next search', () => {
    const sharers = new CodeSharers()
    sharers.order([[1, 2, 3], [3]], 100)
    expect(sharers.order([[2], [3]], 100)).toEqual([3, 2])
    expect(sharers.order([], 100)).toEqual([])
    expect(sharers.order([[], []], 100)).toEqual([])
  })
})
