/**
 * fast-check arbitraries of the batch's tests: survivors and lawyers over a few airports, languages, cities and
 * countries, so that every rule of the ranking meets both of its outcomes often (synthetic values only).
 */
import fc from 'fast-check'
import { EXPERIENCES, LEGAL_NEEDS, PROVINCES } from '../../src/shared/cases/vocabulary'
import type { TOnCallWindow } from '../../src/shared/roster/on-call'
import type { TLawyerProfile, TSurvivorProfile } from '../../src/main/core/matching'
import { lawyerProfile, survivorProfile } from './matching-profiles'

const AIRPORTS = ['YUL', 'YYZ', 'YVR'] as const
const LANGUAGES = ['ar', 'fa', 'en', 'fr'] as const
const CITIES = ['Montréal', ' montréal ', 'Toronto', '', 'Laval'] as const
const COUNTRIES = ['SY', 'AF', 'ER'] as const
/** Monday all day in every airport's local time, and a window that is never "now" at MATCH_NOW. */
export const WINDOWS: readonly TOnCallWindow[][] = [
  [],
  [{ days: ['mon'], start: '00:00', end: '24:00' }],
  [{ days: ['sat'], start: '08:00', end: '10:00' }],
]

export const survivorArbitrary = (lawyerIds: readonly string[]): fc.Arbitrary<TSurvivorProfile> =>
  fc
    .record({
      needs: fc.subarray([...LEGAL_NEEDS], { maxLength: 3 }),
      province: fc.option(fc.constantFrom(...PROVINCES), { nil: null }),
      city: fc.constantFrom(...CITIES),
      airport: fc.option(fc.constantFrom(...AIRPORTS), { nil: null }),
      preferredLanguage: fc.option(fc.constantFrom(...LANGUAGES), { nil: null }),
      otherLanguages: fc.subarray([...LANGUAGES], { maxLength: 2 }),
      urgent: fc.boolean(),
      experiences: fc.subarray([...EXPERIENCES], { maxLength: 2 }),
      countries: fc.subarray([...COUNTRIES], { maxLength: 2 }),
      declined: fc.subarray([...lawyerIds], { maxLength: 2 }),
    })
    .map(({ declined, ...rest }) => survivorProfile({ ...rest, declinedBy: new Set(declined) }))

export const lawyerArbitrary = (id: string): fc.Arbitrary<TLawyerProfile> =>
  fc
    .record({
      status: fc.constantFrom('active' as const, 'active' as const, 'paused' as const),
      licensedProvinces: fc.subarray([...PROVINCES], { maxLength: 3 }),
      practiceAreas: fc.subarray([...LEGAL_NEEDS], { maxLength: 4 }),
      languages: fc.subarray([...LANGUAGES], { maxLength: 3 }),
      city: fc.constantFrom(...CITIES),
      province: fc.option(fc.constantFrom(...PROVINCES), { nil: null }),
      airports: fc.subarray([...AIRPORTS]),
      onCallWindows: fc.constantFrom(...WINDOWS),
      capacity: fc.integer({ min: 0, max: 5 }),
      activeReferrals: fc.integer({ min: 0, max: 6 }),
      experiences: fc.subarray([...EXPERIENCES], { maxLength: 2 }),
      countries: fc.subarray([...COUNTRIES], { maxLength: 2 }),
      lastOfferedAt: fc.option(
        fc.constantFrom('2026-11-29T10:00:00Z', '2026-11-10T10:00:00Z', '2025-01-01T00:00:00Z', 'not a date'),
        { nil: null },
      ),
    })
    .map((fields) => lawyerProfile({ ...fields, id }))
