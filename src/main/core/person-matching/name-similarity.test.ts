/**
 * The token alignment found by scanning (no list of pairs sorted per comparison) and the memory of token pairs
 * by identity (the conflict index's interned tokens) must give exactly what sorting every pair gave: the same value
 * and the same reasons, to the last bit, since a conflict's score and its review key come from them.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  nameSimilarity,
  tokenSimilarity,
  TokenPairMemo,
  type NameSimilarity,
  type TokenMemo,
} from './name-similarity'
import { preparePerson, type PreparedName } from './prepare'
import type { MatchReason } from './types'

/** The alignment as it was written before: every pair sorted by value (stable), then taken greedily. */
const alignedBySorting = (a: PreparedName, b: PreparedName): { value: number; reasons: MatchReason[] } => {
  const isFromAbjad = a.isFromAbjad || b.isFromAbjad
  const cells = a.tokens.flatMap((left, l) =>
    b.tokens.map((right, r) => ({ l, r, similarity: tokenSimilarity(left, right, isFromAbjad) })),
  )
  cells.sort((first, second) => second.similarity.value - first.similarity.value)
  const usedLeft = new Set<number>()
  const usedRight = new Set<number>()
  const shorter = Math.min(a.tokens.length, b.tokens.length)
  const longer = Math.max(a.tokens.length, b.tokens.length)
  let total = 0
  const reasons = new Set<MatchReason>()
  for (const cell of cells) {
    if (usedLeft.has(cell.l) || usedRight.has(cell.r)) continue
    usedLeft.add(cell.l)
    usedRight.add(cell.r)
    total += cell.similarity.value
    if (cell.similarity.value >= 0.7) reasons.add(cell.similarity.reason)
    if (usedLeft.size === shorter) break
  }
  if (shorter < longer) reasons.add('name.partial')
  const coverage = 0.6 + (0.4 * shorter) / longer
  return { value: (total / shorter) * coverage * (shorter === 1 ? 0.85 : 1), reasons: [...reasons] }
}

// Words that tie with each other (the same word twice, sound-alikes) so the order of taking matters.
const WORDS = [
  'Hassan',
  'Hasan',
  'Hussein',
  'Al-Hassan',
  'Ali',
  'Alia',
  'Mohammed',
  'Muhammad',
  'محمد',
  'حسن',
]
const nameArbitrary = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 })
  .map((words) => words.join(' '))

const prepared = (written: string): PreparedName => {
  const [name] = preparePerson({ names: [written] }).names
  if (name === undefined) throw new Error(`no name in ${written}`)
  return name
}

const plain = (similarity: NameSimilarity): NameSimilarity => ({
  ...similarity,
  reasons: [...similarity.reasons],
})

describe('name similarity', () => {
  it('aligns tokens exactly as sorting every pair did, whichever memory it is given', () => {
    fc.assert(
      fc.property(nameArbitrary, nameArbitrary, (left, right) => {
        const a = prepared(left)
        const b = prepared(right)
        const bare = nameSimilarity(a, b)
        const byText: TokenMemo = new Map()
        const byIdentity = new TokenPairMemo()
        expect(plain(nameSimilarity(a, b, byText))).toEqual(plain(bare))
        // Twice through the identity memory: the second answer comes from it.
        expect(plain(nameSimilarity(a, b, byIdentity))).toEqual(plain(bare))
        expect(plain(nameSimilarity(a, b, byIdentity))).toEqual(plain(bare))
        if (!bare.reasons.includes('name.joined')) {
          const reference = alignedBySorting(a, b)
          expect(bare.value).toBe(reference.value)
          expect(bare.reasons).toEqual(reference.reasons)
        }
      }),
      { numRuns: 400, seed: 811 },
    )
  })
})
