/**
 * The conflict check's value-only scoring (`nameSimilarityValue`, `scorePreparedAtLeast`) must decide exactly what
 * the full scoring decides: the same value to the last bit, null exactly when the full score is below the
 * threshold, and otherwise the very match `scorePrepared` gives (score, reasons, best pair), since a conflict's
 * score, words and review key come from it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nameSimilarity, nameSimilarityValue, TokenPairMemo } from './name-similarity'
import { preparePerson } from './prepare'
import { scorePrepared, scorePreparedAtLeast } from './score'

// Words that tie, sound alike, share skeletons or articles, in several scripts, and a few that share nothing.
const WORDS = [
  'Hassan',
  'Hasan',
  'Hussein',
  'Al-Hassan',
  'Alhasan',
  'Ali',
  'Reza',
  'Alireza',
  'Mohammed',
  'Muhammad',
  'محمد',
  'حسن',
  'الحسن',
  'Ольга',
  'Olga',
  'Кузнецова',
  'Kuznetsova',
  'Syrian',
  'Syria',
  'Brigade',
  'A',
  'M',
  'Lopez',
  'Lopes',
  '王',
  'ሰላም',
]
const wordArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 9 }) },
)
const nameArbitrary = fc.array(wordArbitrary, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '))
const personArbitrary = fc.record({
  names: fc.array(nameArbitrary, { minLength: 0, maxLength: 3 }),
  dateOfBirth: fc.option(fc.constantFrom('1980-03-04', '1980-04-03', '1991-12-01'), { nil: undefined }),
  phones: fc.option(fc.constantFrom(['+1 514 555 0100'], ['+1 416 555 0199']), { nil: undefined }),
})

describe('scoring by value alone', () => {
  it('gives exactly the full value, and the full match whenever it reaches the threshold', () => {
    fc.assert(
      fc.property(
        personArbitrary,
        personArbitrary,
        fc.constantFrom(0, 0.5, 0.6, 0.75, 0.9),
        (left, right, threshold) => {
          const a = preparePerson(left)
          const b = preparePerson(right)
          const memo = new TokenPairMemo()
          for (const x of a.names)
            for (const y of b.names) expect(nameSimilarityValue(x, y, memo)).toBe(nameSimilarity(x, y).value)
          const full = scorePrepared(a, b)
          const atLeast = scorePreparedAtLeast(a, b, threshold, memo)
          if (full.score >= threshold) expect(atLeast).toEqual(full)
          else expect(atLeast).toBeNull()
        },
      ),
      { numRuns: 500, seed: 1107 },
    )
  })
})
