import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bitCount } from './bit-count'

const countOneByOne = (bits: number): number => {
  let count = 0
  for (let at = 0; at < 32; at++) if ((bits >>> at) & 1) count++
  return count
}

describe('bitCount', () => {
  it('counts the set bits of any 32-bit mask, the sign bit included', () => {
    expect([0, 1, 0b1011, -1, 0x80000000 | 0, 0x7fffffff].map(bitCount)).toEqual([0, 1, 3, 32, 1, 31])
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        (bits) => bitCount(bits) === countOneByOne(bits),
      ),
      {
        numRuns: 2000,
      },
    )
  })
})
