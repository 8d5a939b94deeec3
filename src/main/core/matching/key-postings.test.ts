/**
 * Blocking keys held as hashes: every id added under a key comes back for it, once, whatever else was added; keys
 * sharing a hash bring each other's ids (a comparison more for the scorer), never fewer.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { keyHash, keyHashOf, KeyPostingsBuilder, MAX_POSTING_ID } from './key-postings'

const idsOf = (postings: ReturnType<KeyPostingsBuilder['build']>, key: string): number[] => {
  const ids: number[] = []
  postings.each(key, (id) => ids.push(id))
  return ids.sort((a, b) => a - b)
}

describe('key postings', () => {
  it('gives back exactly the ids added under each key, each once, and nothing for a key never added', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('tok:hasan', 'dm:HSN', 'sk:hsn', 'pre:hasa', 'join:ali', ''),
            fc.nat(5000),
          ),
          {
            maxLength: 200,
          },
        ),
        (pairs) => {
          const builder = new KeyPostingsBuilder()
          for (const [key, id] of pairs) builder.add(key, id)
          const postings = builder.build()
          for (const key of new Set(pairs.map(([key]) => key))) {
            // Each id once, however many times it was added under the key.
            const expected = [...new Set(pairs.filter(([each]) => each === key).map(([, id]) => id))]
            expect(idsOf(postings, key)).toEqual(expected.sort((a, b) => a - b))
          }
          expect(idsOf(postings, 'tok:never')).toEqual([])
        },
      ),
      { numRuns: 200, seed: 77 },
    )
  })

  it('lets keys sharing a hash bring each other’s names, never lose one', () => {
    // Two known FNV-1a collisions.
    expect(keyHash('costarring')).toBe(keyHash('liquid'))
    const builder = new KeyPostingsBuilder()
    builder.add('costarring', 1)
    builder.add('liquid', 2)
    builder.add('declinate', 3)
    const postings = builder.build()
    expect(idsOf(postings, 'liquid')).toEqual([1, 2])
    expect(idsOf(postings, 'macallums')).toEqual([3])
    expect(postings.size).toEqual({ keys: 2, postings: 3 })
  })

  it('hashes a key given as its prefix and text as the key itself', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(5000), (prefix, text, id) => {
        expect(keyHashOf(prefix, text)).toBe(keyHash(prefix + text))
        const builder = new KeyPostingsBuilder()
        builder.addParts(prefix, text, id)
        expect(idsOf(builder.build(), prefix + text)).toEqual([id])
      }),
      { numRuns: 200, seed: 78 },
    )
  })

  it('refuses an id it cannot hold next to a hash', () => {
    expect(() => new KeyPostingsBuilder().add('tok:a', MAX_POSTING_ID + 1)).toThrow(RangeError)
    expect(() => new KeyPostingsBuilder().add('tok:a', -1)).toThrow(RangeError)
  })
})
