/**
 * `scoreSearch` aligns two names token by token (the whole-name comparison, `nameSimilarity`) only where the names
 * run together could change its answer. Held here to the comparison as it was before (kept verbatim below): the same
 * score and name always without a floor, and whenever the score reaches the floor with one.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nameSimilarity, type TokenMemo } from './name-similarity'
import { preparePerson, type PreparedPerson } from './prepare'
import {
  coverage,
  prepareSearch,
  scoreSearch,
  SEARCH_THRESHOLDS,
  type SearchMatch,
} from './search-similarity'

/** `scoreSearch` before the skip: every pair of names aligned. */
const scoreSearchAsBefore = (
  query: Pick<PreparedPerson, 'names'>,
  person: Pick<PreparedPerson, 'names'>,
  memo?: TokenMemo,
): SearchMatch => {
  let best: SearchMatch = { score: 0, name: '' }
  for (const typed of query.names) {
    for (const name of person.names) {
      const joined = nameSimilarity(typed, name, memo)
      const whole = joined.reasons.includes('name.joined') ? joined.value : 0
      const score = Math.max(coverage(typed, name, memo), whole)
      if (score > best.score) best = { score, name: name.written }
    }
  }
  return best
}

/** `scoreSearch` before the skip for a search with an undoubled version: that version at its weight when better. */
const scoreSearchUndoubledAsBefore = (
  query: ReturnType<typeof prepareSearch>,
  person: Pick<PreparedPerson, 'names'>,
): SearchMatch => {
  const best = scoreSearchAsBefore({ names: query.names }, person)
  if (query.undoubled.length === 0 || best.score >= SEARCH_THRESHOLDS.undoubled) return best
  const undoubled = scoreSearchAsBefore({ names: query.undoubled }, person)
  const score = SEARCH_THRESHOLDS.undoubled * undoubled.score
  return score > best.score ? { score, name: undoubled.name } : best
}

// Names run together and apart, vowels and doubled letters, articles, several scripts, and a few that share nothing.
const WORDS = [
  'Ali',
  'Reza',
  'Alireza',
  'Ali Reza',
  'Alirezza',
  'Hassan',
  'Hasan',
  'Al-Hassan',
  'Alhasan',
  'Abdul',
  'Rahman',
  'Abdulrahman',
  'Abdelrahman',
  'Rania',
  'Ranya',
  'Haddad',
  'Hadad',
  'رانية',
  'حداد',
  'Ольга',
  'Olga',
  'Кузнецова',
  'Kuznetsova',
  'Mary Ann',
  'Maryann',
  'Marianne',
  'Van der Berg',
  'Vanderberg',
  '王',
  'ሰላም',
]
const nameArbitrary = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 9 }) },
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((words) => words.join(' '))
const namesArbitrary = fc.array(nameArbitrary, { minLength: 1, maxLength: 4 })

describe('scoreSearch aligns whole names only where they could change the answer', () => {
  it('gives the same score and name as aligning every pair, with a floor whenever the score reaches it', () => {
    let joinedWon = 0
    fc.assert(
      fc.property(
        nameArbitrary,
        namesArbitrary,
        fc.constantFrom(0, SEARCH_THRESHOLDS.match, 0.5, 0.9),
        (typed, names, floor) => {
          const query = preparePerson({ names: [typed] })
          const person = preparePerson({ names })
          const before = scoreSearchAsBefore(query, person, new Map())
          const after = scoreSearch(query, person, new Map(), floor)
          if (before.score >= floor) expect(after).toEqual(before)
          else expect(after.score).toBeLessThan(floor)
          // Without a floor: always the same, with or without a memo.
          expect(scoreSearch(query, person)).toEqual(before)
          const [prepared] = query.names
          const covered = person.names.map((name) =>
            prepared === undefined ? 0 : coverage(prepared, name, undefined),
          )
          if (before.score > Math.max(0, ...covered)) joinedWon += 1
        },
      ),
      { numRuns: 600, seed: 1212 },
    )
    // The whole-name comparison decided some of them: the skip was tested where it matters.
    expect(joinedWon).toBeGreaterThan(10)
  })

  it('with short words typed with a doubled letter (scored undoubled at a weight), the same whenever the floor is met', () => {
    // Searches whose short words carry a doubled letter, so prepareSearch adds an undoubled version: its scores are
    // weighted, and the skip must compare in the weighted terms ("Ga ngg" meets "Gang" only undoubled and run
    // together).
    const doubled = fc
      .tuple(nameArbitrary, fc.constantFrom('lli', 'ell', 'all-', 'hhu', 'Aali', 'Rezza', 'ss'))
      .map(([name, short]) => `${name} ${short}`)
    let undoubledWon = 0
    fc.assert(
      fc.property(
        fc.oneof(
          doubled,
          fc.constantFrom('Gang lli', 'Hasan ell zajouzad', 'Ga ngg', 'Ali Re zza', 'Al ii reza'),
        ),
        fc.array(
          fc.oneof(nameArbitrary, fc.constantFrom('Gang Li', 'Hasan El-Zajouzad', 'Gang', 'Alireza')),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.constantFrom(SEARCH_THRESHOLDS.match, 0.5, 0.9),
        (typed, names, floor) => {
          const query = prepareSearch(typed)
          const person = preparePerson({ names })
          const exact = scoreSearchUndoubledAsBefore(query, person)
          expect(scoreSearch(query, person)).toEqual(exact)
          const after = scoreSearch(query, person, new Map(), floor)
          if (exact.score >= floor) expect(after).toEqual(exact)
          else expect(after.score).toBeLessThan(floor)
          if (exact.score > scoreSearch({ names: query.names }, person).score) undoubledWon += 1
        },
      ),
      { numRuns: 400, seed: 1213 },
    )
    expect(undoubledWon).toBeGreaterThan(10)
  })

  it('still finds names run together', () => {
    const match = scoreSearch(
      preparePerson({ names: ['alireza'] }),
      preparePerson({ names: ['Ali Reza Tehrani', 'Ali Reza'] }),
      undefined,
      SEARCH_THRESHOLDS.match,
    )
    expect(match.name).toBe('Ali Reza')
    expect(match.score).toBeGreaterThanOrEqual(SEARCH_THRESHOLDS.match)
  })
})
