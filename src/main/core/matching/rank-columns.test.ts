/**
 * The walk over typed columns (rank-columns.ts, shared by the case page and the batch) against the rules' own
 * functions, lawyer by lawyer: the same verdict (excluded or not) and, for the ranked, the score their reasons add up
 * to. Languages and countries are drawn from more codes than CodeBits gives bits (30), so some lawyers' sets are
 * looked up in their lists by the rules; and a survivor the columns cannot decide for (a need outside the
 * vocabulary) is ranked through the rules, equal to the reference.
 */
import { lawyerProfile, survivorProfile } from '#test-support/matching-profiles'
import { rankWithConflicts as referenceRanking } from '#test-support/ranking-reference/rank'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EXPERIENCES, LEGAL_NEEDS, PROVINCES } from '../../../shared/cases/vocabulary'
import type { TExclusionReason, TScoreReason } from '../../../shared/matching/reasons'
import type { TOnCallWindow } from '../../../shared/roster/on-call'
import { eligibilityOfFactsFor } from './eligibility'
import { columnsQueryOf, rosterColumnsOf, walkColumns } from './rank-columns'
import { rankWithConflicts } from './rank'
import { softFactorsOfFactsFor } from './soft-factors'
import type { TLawyerProfile, TSurvivorProfile } from './types'
import type { TLegalNeed } from '../../../shared/cases/vocabulary'

const AIRPORTS = ['YUL', 'YYZ', 'YVR'] as const
const codes = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, at) => `${prefix}${String(at).padStart(2, '0')}`)
const LANGUAGES = codes('l', 40)
const COUNTRIES = codes('C', 40)
const CITIES = ['Toronto', ' toronto ', 'Montréal', 'MONTRÉAL', 'Ottawa', '', '  '] as const
const NOWS = [new Date('2026-11-30T15:00:00Z'), new Date('2026-12-02T09:00:00Z')] as const

const survivorArbitrary: fc.Arbitrary<TSurvivorProfile> = fc
  .record({
    needs: fc.array(fc.constantFrom(...LEGAL_NEEDS), { maxLength: 4 }),
    province: fc.option(fc.constantFrom(...PROVINCES), { nil: null }),
    city: fc.constantFrom(...CITIES),
    airport: fc.option(fc.constantFrom(...AIRPORTS), { nil: null }),
    preferredLanguage: fc.option(fc.constantFrom(...LANGUAGES), { nil: null }),
    otherLanguages: fc.array(fc.constantFrom(...LANGUAGES), { maxLength: 3 }),
    urgent: fc.boolean(),
    experiences: fc.array(fc.constantFrom(...EXPERIENCES), { maxLength: 3 }),
    countries: fc.array(fc.constantFrom(...COUNTRIES), { maxLength: 4 }),
  })
  .map((fields) => survivorProfile(fields))

const lawyerArbitrary = (id: number): fc.Arbitrary<TLawyerProfile> =>
  fc
    .record({
      name: fc.constantFrom('Testa Avocat', 'Testb Lawyer', 'Testc Legal'),
      status: fc.constantFrom('active' as const, 'paused' as const),
      licensedProvinces: fc.subarray([...PROVINCES], { maxLength: 3 }),
      practiceAreas: fc.subarray([...LEGAL_NEEDS], { maxLength: 4 }),
      languages: fc.subarray(LANGUAGES, { maxLength: 4 }),
      city: fc.constantFrom(...CITIES),
      province: fc.option(fc.constantFrom(...PROVINCES), { nil: null }),
      capacity: fc.integer({ min: 0, max: 4 }),
      activeReferrals: fc.integer({ min: 0, max: 5 }),
      airports: fc.subarray([...AIRPORTS]),
      onCallWindows: fc
        .boolean()
        .map((on): TOnCallWindow[] => (on ? [{ days: ['mon'], start: '00:00', end: '12:00' }] : [])),
      experiences: fc.subarray([...EXPERIENCES], { maxLength: 3 }),
      countries: fc.subarray(COUNTRIES, { maxLength: 5 }),
      lastOfferedAt: fc.constantFrom(null, '2026-11-29T10:00:00Z', '2025-01-01T00:00:00Z', 'not a date'),
    })
    .map((fields) => lawyerProfile({ ...fields, id: `lawyer-${id}` }))

describe('the ranking walk over typed columns', () => {
  it('excludes and scores every lawyer exactly as the rules’ reasons do', () => {
    fc.assert(
      fc.property(
        fc.tuple(...Array.from({ length: 16 }, (_, id) => lawyerArbitrary(id))),
        fc.array(
          fc.tuple(survivorArbitrary, fc.constantFrom(...NOWS), fc.array(fc.integer({ min: 0, max: 15 }))),
          { minLength: 1, maxLength: 4 },
        ),
        (lawyers, rankings) => {
          const columns = rosterColumnsOf(lawyers)
          const everyone = Int32Array.from(lawyers, (_, position) => position)
          for (const [survivor, now, left] of rankings) {
            const query = columnsQueryOf(survivor)
            expect(query.decidable).toBe(true)
            const count = lawyers.length
            const leftOut = new Uint8Array(count)
            for (const place of left) leftOut[place] = 1
            const kept = walkColumns(columns, query, now.getTime(), everyone, left)
            const ranked = [...columns.keptLawyers.subarray(0, kept)]
            const scores = [...columns.keptScores.subarray(0, kept)]
            const eligibility = eligibilityOfFactsFor(survivor)
            const soft = softFactorsOfFactsFor(survivor, { now })
            const expectedRanked: number[] = []
            const expectedScores: number[] = []
            columns.facts.forEach((facts, place) => {
              const exclusions: TExclusionReason[] = []
              eligibility(facts, false, exclusions, [])
              if (exclusions.length === 0 && leftOut[place] === 0) {
                const reasons: TScoreReason[] = []
                soft(facts, reasons)
                expectedRanked.push(place)
                expectedScores.push(reasons.reduce((total, reason) => total + reason.points, 0))
              }
            })
            expect(ranked).toEqual(expectedRanked)
            expect(scores).toEqual(expectedScores)
          }
        },
      ),
      { numRuns: 300, seed: 3333 },
    )
  })

  it('ranks a survivor the columns cannot decide for through the rules, as the reference does', () => {
    const lawyers = Array.from({ length: 6 }, (_, id) =>
      lawyerProfile({
        id: `lawyer-${id}`,
        name: `Testd Lawyer ${id}`,
        countries: COUNTRIES.slice(id * 5, id * 5 + 5),
        languages: LANGUAGES.slice(id, id + 2),
        activeReferrals: id % 3,
        capacity: 2,
      }),
    )
    const survivor = survivorProfile({
      needs: ['other', 'unheard_of' as TLegalNeed],
      countries: COUNTRIES.slice(0, 31),
      preferredLanguage: 'l03',
    })
    const now = NOWS[0]
    expect(columnsQueryOf(survivor).decidable).toBe(false)
    const conflicts = { blocking: new Map(), cleared: new Map() }
    const ranking = rankWithConflicts(survivor, lawyers, conflicts, { now })
    expect(ranking).toEqual(referenceRanking(survivor, lawyers, conflicts, { now }))
    expect(ranking.ranked.length).toBeGreaterThan(0)
  })

  it('leaves no survivor’s marks on the roster’s columns when a walk throws', () => {
    const onCall: TOnCallWindow[] = [{ days: ['mon', 'tue', 'wed'], start: '00:00', end: '23:59' }]
    const lawyers = ['Teste Lawyer A', 'Teste Lawyer B'].map((name, id) =>
      lawyerProfile({ id: `lawyer-${id}`, name, airports: ['YUL'], onCallWindows: onCall, capacity: 3 }),
    )
    const conflicts = { blocking: new Map(), cleared: new Map() }
    // A's walk throws at the first on-call look-up (no local time for an invalid instant), after marking the lawyer
    // A declined and A's language.
    const declining = survivorProfile({
      needs: ['airport_support'],
      airport: 'YUL',
      preferredLanguage: 'l07',
      declinedBy: new Set(['lawyer-1']),
    })
    expect(() => rankWithConflicts(declining, lawyers, conflicts, { now: new Date(Number.NaN) })).toThrow(
      RangeError,
    )
    const next = survivorProfile({ needs: ['airport_support'], airport: 'YUL' })
    const now = NOWS[0]
    const ranking = rankWithConflicts(next, lawyers, conflicts, { now })
    expect(ranking.ranked.map(({ lawyer }) => lawyer.id)).toEqual(['lawyer-0', 'lawyer-1'])
    expect(ranking).toEqual(referenceRanking(next, lawyers, conflicts, { now }))
  })
})
