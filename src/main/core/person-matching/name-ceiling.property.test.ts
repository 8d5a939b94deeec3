/**
 * The ceilings the conflict check prunes by (name-ceiling.ts) must never be below the values they bound: a ceiling
 * an ulp too low would drop a conflict. Over names in several scripts, with articles, initials, sound-alikes,
 * shared skeletons and random letters, each ceiling is held to its value, and the floored value to the exact one.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  alignedCeiling,
  alignedCeilingBelow,
  editCeiling,
  joinedCeiling,
  nameCeiling,
  skeletonCeiling,
  tokenCeiling,
} from './name-ceiling'
import {
  editSimilarity,
  nameSimilarity,
  nameSimilarityAtLeast,
  nameSimilarityValue,
  tokenSimilarity,
} from './name-similarity'
import { preparePerson } from './prepare'
import { readStoredNames, storeNames } from './stored-names'

const WORDS = [
  'Hassan',
  'Hasan',
  'Hussein',
  'Al-Hassan',
  'Alhasan',
  'El-Hassan',
  'Ali',
  'Reza',
  'Alireza',
  'Mohammed',
  'Muhammad',
  'Mhmd',
  'محمد',
  'حسن',
  'الحسن',
  'الأسد',
  'Assad',
  'Асад',
  'Хасан',
  'Ольга',
  'Olga',
  'Кузнецова',
  'Kuznetsova',
  'Syrian',
  'Syria',
  'سوريا',
  'Brigade',
  'A',
  'M',
  'H',
  'Lopez',
  'Lopes',
  'Aaaaaaaaaaaaaaaaaa',
  '王',
  'ሰላም',
]
const letters = fc
  .array(fc.constantFrom(...'abdehiklmnorsuyz'), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(''))
const wordArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: letters },
  { weight: 1, arbitrary: letters.map((word) => `al${word}`) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 9 }) },
)
const nameArbitrary = fc.array(wordArbitrary, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '))
const namesArbitrary = fc.array(nameArbitrary, { minLength: 1, maxLength: 3 })

/** Every prepared name of both lists, as prepared and as read back from stored text (the search's path). */
const preparedOf = (names: string[]) => {
  const { names: prepared } = preparePerson({ names })
  const stored = readStoredNames(storeNames(prepared.map((name) => ({ name, tag: '' })))) ?? []
  return [...prepared, ...stored.map(({ name }) => name)]
}

describe('the name ceilings', () => {
  it('are never below the token, skeleton, edit and name values they bound', () => {
    let pairs = 0
    fc.assert(
      fc.property(namesArbitrary, namesArbitrary, (left, right) => {
        for (const a of preparedOf(left))
          for (const b of preparedOf(right)) {
            const isFromAbjad = a.isFromAbjad || b.isFromAbjad
            for (const x of a.tokens)
              for (const y of b.tokens) {
                expect(editCeiling(x, y)).toBeGreaterThanOrEqual(editSimilarity(x.text, y.text) - 1e-12)
                expect(skeletonCeiling(x, y)).toBeGreaterThanOrEqual(
                  editSimilarity(x.skeleton, y.skeleton) - 1e-12,
                )
                expect(tokenCeiling(x, y, isFromAbjad)).toBeGreaterThanOrEqual(
                  tokenSimilarity(x, y, isFromAbjad).value - 1e-12,
                )
              }
            const exact = nameSimilarity(a, b)
            const joinedWon = exact.reasons.includes('name.joined')
            expect(nameCeiling(a, b)).toBeGreaterThanOrEqual(exact.value - 1e-12)
            if (joinedWon) expect(joinedCeiling(a, b)).toBeGreaterThanOrEqual(exact.value - 1e-12)
            else expect(alignedCeiling(a, b)).toBeGreaterThanOrEqual(exact.value - 1e-12)
            pairs++
          }
      }),
      { numRuns: 400, seed: 1301 },
    )
    expect(pairs).toBeGreaterThan(2000)
  })

  it('let a floored comparison give the exact value (and reasons) whenever it reaches the floor, and less otherwise', () => {
    let reached = 0
    let below = 0
    fc.assert(
      fc.property(
        namesArbitrary,
        namesArbitrary,
        fc.constantFrom(0.3, 0.5, 0.6, 0.75, 0.9),
        (left, right, floor) => {
          for (const a of preparedOf(left))
            for (const b of preparedOf(right)) {
              const full = nameSimilarity(a, b)
              const exact = full.value
              const floored = nameSimilarityValue(a, b, undefined, floor)
              const withReasons = nameSimilarityAtLeast(a, b, undefined, floor)
              // The early-stopping bound answers exactly as the whole ceiling compared with the floor.
              expect(alignedCeilingBelow(a, b, floor, 1e-9)).toBe(alignedCeiling(a, b) + 1e-9 < floor)
              if (exact >= floor) {
                expect(floored).toBe(exact)
                expect(withReasons).toEqual(full)
                reached++
              } else {
                expect(floored).toBeLessThan(floor)
                expect(withReasons).toBeNull()
                below++
              }
            }
        },
      ),
      { numRuns: 400, seed: 1302 },
    )
    // Both sides of the floor are met often: agreeing on one only would prove little.
    expect(reached).toBeGreaterThan(300)
    expect(below).toBeGreaterThan(300)
  })
})
