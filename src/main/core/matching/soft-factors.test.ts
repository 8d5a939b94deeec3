import { lawyerProfile, matchContext, survivorProfile } from '#test-support/matching-profiles'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EXPERIENCES, LEGAL_NEEDS, PROVINCES } from '../../../shared/cases/vocabulary'
import type { TOnCallWindow } from '../../../shared/roster/on-call'
import { softFactorsFor, softScoreFor } from './soft-factors'

const AIRPORTS = ['YUL', 'YYZ', 'YVR'] as const
const LANGUAGES = ['ar', 'en', 'fr', 'ru', 'fa'] as const
const COUNTRIES = ['SY', 'IQ', 'UA'] as const
const CITIES = ['Toronto', ' toronto ', 'Montréal', ''] as const

const survivorArbitrary = fc
  .record({
    needs: fc.subarray([...LEGAL_NEEDS]),
    province: fc.option(fc.constantFrom(...PROVINCES), { nil: null }),
    city: fc.constantFrom(...CITIES),
    airport: fc.option(fc.constantFrom(...AIRPORTS), { nil: null }),
    preferredLanguage: fc.option(fc.constantFrom(...LANGUAGES), { nil: null }),
    otherLanguages: fc.subarray([...LANGUAGES]),
    urgent: fc.boolean(),
    experiences: fc.array(fc.constantFrom(...EXPERIENCES), { maxLength: 3 }),
    countries: fc.array(fc.constantFrom(...COUNTRIES), { maxLength: 3 }),
  })
  .map((fields) => survivorProfile(fields))

const lawyerArbitrary = fc
  .record({
    practiceAreas: fc.subarray([...LEGAL_NEEDS]),
    languages: fc.subarray([...LANGUAGES]),
    province: fc.option(fc.constantFrom(...PROVINCES), { nil: null }),
    city: fc.constantFrom(...CITIES),
    airports: fc.subarray([...AIRPORTS]),
    onCallWindows: fc
      .boolean()
      .map((on): TOnCallWindow[] => (on ? [{ days: ['mon'], start: '00:00', end: '23:00' }] : [])),
    capacity: fc.integer({ min: 0, max: 5 }),
    activeReferrals: fc.integer({ min: 0, max: 6 }),
    experiences: fc.subarray([...EXPERIENCES]),
    countries: fc.subarray([...COUNTRIES]),
    lastOfferedAt: fc.option(
      fc.constantFrom('2026-11-29T10:00:00Z', '2026-10-01T00:00:00Z', '2025-01-01T00:00:00Z', 'not a date'),
      { nil: null },
    ),
  })
  .map((fields) => lawyerProfile(fields))

describe('the soft score without its reasons', () => {
  it('is the sum of the points of the reasons softFactorsFor gives, for every survivor and lawyer', () => {
    fc.assert(
      fc.property(
        survivorArbitrary,
        fc.array(lawyerArbitrary, { minLength: 1, maxLength: 6 }),
        (survivor, lawyers) => {
          const context = matchContext()
          const reasonsOf = softFactorsFor(survivor, context)
          const scoreOf = softScoreFor(survivor, context)
          for (const lawyer of lawyers) {
            let expected = 0
            for (const reason of reasonsOf(lawyer)) expected += reason.points
            expect(scoreOf(lawyer)).toBe(expected)
          }
        },
      ),
      { numRuns: 400 },
    )
  })
})
