/**
 * The ranking over the lawyers' facts (lawyer-facts.ts: worked out once per profile, reasons shared, one walk in
 * name order, scores counted into buckets) against the ranking as it was written before (tests/support/
 * ranking-reference, main's code verbatim): the same ranked and excluded lawyers, in the same order, with the same
 * scores and the same reasons, for several survivors over one kept roster (the facts are reused) at several times;
 * and the case page's part of it (`rankViewWithConflicts`, which builds only the shown lawyers' reasons) against the
 * same reference cut as the case page cut it before: the first `limit` ranked, the excluded with a conflict first.
 */
import { lawyerProfile, survivorProfile } from '#test-support/matching-profiles'
import { rankWithConflicts as referenceRanking } from '#test-support/ranking-reference/rank'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EXPERIENCES, LEGAL_NEEDS, PROVINCES } from '../../../shared/cases/vocabulary'
import type { TConflictHit } from '../../../shared/matching/reasons'
import type { TOnCallWindow } from '../../../shared/roster/on-call'
import type { TConflictFindings } from './conflicts'
import { rankViewWithConflicts, rankWithConflicts } from './rank'
import type { TLawyerProfile, TSurvivorProfile } from './types'

const AIRPORTS = ['YUL', 'YYZ', 'YVR'] as const
const LANGUAGES = ['ar', 'en', 'fr', 'fa', 'ru', 'uk'] as const
// More countries than CodeBits gives bits (30): later lawyers' sets are looked up in their lists.
const COUNTRIES = [
  ...[
    'SY',
    'IR',
    'UA',
    'AF',
    'IQ',
    'SD',
    'SS',
    'ER',
    'ET',
    'SO',
    'YE',
    'LY',
    'MM',
    'CN',
    'RU',
    'BY',
    'VE',
    'CO',
  ],
  ...[
    'HT',
    'CD',
    'CF',
    'ML',
    'NG',
    'CM',
    'TD',
    'NE',
    'BF',
    'PS',
    'LB',
    'TR',
    'AM',
    'AZ',
    'GE',
    'KP',
    'VN',
    'KH',
  ],
] as const
const CITIES = ['Toronto', ' toronto ', 'Montréal', 'MONTRÉAL', 'Ottawa', '', '  '] as const
const LAWYERS = 12

const survivorArbitrary: fc.Arbitrary<TSurvivorProfile> = fc
  .record({
    // Repeated needs, experiences and countries on purpose: the reasons list them as the survivor's record does.
    needs: fc.array(fc.constantFrom(...LEGAL_NEEDS), { maxLength: 4 }),
    province: fc.option(fc.constantFrom(...PROVINCES), { nil: null }),
    city: fc.constantFrom(...CITIES),
    airport: fc.option(fc.constantFrom(...AIRPORTS), { nil: null }),
    preferredLanguage: fc.option(fc.constantFrom(...LANGUAGES), { nil: null }),
    otherLanguages: fc.subarray([...LANGUAGES], { maxLength: 3 }),
    urgent: fc.boolean(),
    experiences: fc.array(fc.constantFrom(...EXPERIENCES), { maxLength: 3 }),
    countries: fc.array(fc.constantFrom(...COUNTRIES), { maxLength: 3 }),
    declined: fc.subarray(
      Array.from({ length: LAWYERS }, (_, at) => `lawyer-${at}`),
      { maxLength: 2 },
    ),
  })
  .map(({ declined, ...rest }) =>
    survivorProfile({ ...rest, ...(declined.length > 0 ? { declinedBy: new Set(declined) } : {}) }),
  )

const lawyerArbitrary = (id: number): fc.Arbitrary<TLawyerProfile> =>
  fc
    .record({
      name: fc.constantFrom('Testa Avocat', 'Testb Lawyer', 'testa avocat', 'Testc Legal'),
      status: fc.constantFrom('active' as const, 'paused' as const),
      licensedProvinces: fc.subarray([...PROVINCES], { maxLength: 3 }),
      practiceAreas: fc.subarray([...LEGAL_NEEDS], { maxLength: 4 }),
      languages: fc.subarray([...LANGUAGES], { maxLength: 3 }),
      city: fc.constantFrom(...CITIES),
      province: fc.option(fc.constantFrom(...PROVINCES), { nil: null }),
      capacity: fc.integer({ min: 0, max: 4 }),
      activeReferrals: fc.integer({ min: 0, max: 5 }),
      airports: fc.subarray([...AIRPORTS]),
      onCallWindows: fc
        .boolean()
        .map((on): TOnCallWindow[] => (on ? [{ days: ['mon'], start: '00:00', end: '12:00' }] : [])),
      experiences: fc.subarray([...EXPERIENCES], { maxLength: 3 }),
      countries: fc.subarray([...COUNTRIES], { maxLength: 4 }),
      lastOfferedAt: fc.constantFrom(
        null,
        '2026-11-29T10:00:00Z',
        '2026-11-01T00:00:00Z',
        '2025-01-01T00:00:00Z',
        'not a date',
      ),
    })
    .map((fields) => lawyerProfile({ ...fields, id: `lawyer-${id}` }))

const hitArbitrary: fc.Arbitrary<TConflictHit> = fc
  .record({ name: fc.constantFrom('Testx Party', 'Testy Unit'), key: fc.constantFrom('k1', 'k2', 'k3') })
  .map(({ name, key }) => ({
    subject: 'adverse_party',
    survivorName: name,
    source: 'declared',
    lawyerName: name,
    score: 0.9,
    evidence: ['name.exact'],
    hitKey: key,
  }))

const conflictsArbitrary: fc.Arbitrary<TConflictFindings> = fc
  .record({
    blocking: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: LAWYERS + 1 }),
        fc.array(fc.record({ hit: hitArbitrary, confirmed: fc.boolean() }), { minLength: 1, maxLength: 2 }),
      ),
      { maxLength: 4 },
    ),
    cleared: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: LAWYERS + 1 }),
        fc.array(hitArbitrary, { minLength: 1, maxLength: 2 }),
      ),
      { maxLength: 4 },
    ),
  })
  .map(({ blocking, cleared }) => ({
    blocking: new Map(blocking.map(([at, hits]) => [`lawyer-${at}`, hits])),
    cleared: new Map(cleared.map(([at, hits]) => [`lawyer-${at}`, hits])),
  }))

const NOWS = [
  new Date('2026-11-30T15:00:00Z'),
  new Date('2026-11-30T23:00:00Z'),
  new Date('2026-12-02T09:00:00Z'),
] as const

describe('the ranking over the lawyers’ facts', () => {
  it('ranks and excludes exactly as the plain rules did, survivor after survivor over one roster', () => {
    fc.assert(
      fc.property(
        fc.tuple(...Array.from({ length: LAWYERS }, (_, id) => lawyerArbitrary(id))),
        fc.array(fc.tuple(survivorArbitrary, conflictsArbitrary, fc.constantFrom(...NOWS)), {
          minLength: 1,
          maxLength: 4,
        }),
        (lawyers, rankings) => {
          for (const [survivor, conflicts, now] of rankings) {
            const expected = referenceRanking(survivor, lawyers, conflicts, { now })
            expect(rankWithConflicts(survivor, lawyers, conflicts, { now })).toEqual(expected)
          }
        },
      ),
      { numRuns: 300, seed: 1111 },
    )
  })

  it('shows the first ranked and excluded lawyers exactly as the whole reference ranking cut for the case page', () => {
    const isConflict = (reason: { key: string }): boolean =>
      reason.key === 'excluded.conflict' || reason.key === 'excluded.conflict_confirmed'
    fc.assert(
      fc.property(
        fc.tuple(...Array.from({ length: LAWYERS }, (_, id) => lawyerArbitrary(id))),
        fc.array(
          fc.tuple(
            survivorArbitrary,
            conflictsArbitrary,
            fc.constantFrom(...NOWS),
            fc.integer({ min: 0, max: LAWYERS + 1 }),
            fc.boolean(),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (lawyers, rankings) => {
          for (const [survivor, conflicts, now, limit, wholeFirst] of rankings) {
            const expected = referenceRanking(survivor, lawyers, conflicts, { now })
            // The whole ranking and the view share the lawyers' kept facts: either may come first.
            if (wholeFirst) rankWithConflicts(survivor, lawyers, conflicts, { now })
            const excluded = [
              ...expected.excluded.filter((each) => each.reasons.some(isConflict)),
              ...expected.excluded.filter((each) => !each.reasons.some(isConflict)),
            ]
            expect(rankViewWithConflicts(survivor, lawyers, conflicts, { now }, limit)).toEqual({
              ranked: expected.ranked.slice(0, limit),
              rankedTotal: expected.ranked.length,
              excluded: excluded.slice(0, limit),
              excludedTotal: expected.excluded.length,
            })
          }
        },
      ),
      { numRuns: 300, seed: 2222 },
    )
  })
})
