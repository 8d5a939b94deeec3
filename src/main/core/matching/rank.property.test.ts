import { lawyerProfile, matchContext, survivorProfile } from '#test-support/matching-profiles'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LEGAL_NEEDS, PROVINCES } from '../../../shared/cases/vocabulary'
import { ConflictNameIndex } from './conflict-name-index'
import { rankLawyers } from './rank'
import type { TOnCallWindow } from '../../../shared/roster/on-call'
import type { TLawyerProfile, TSurvivorProfile } from './types'

const AIRPORTS = ['YUL', 'YYZ', 'YVR'] as const
const NAMES = [
  'Mohammed Al-Hassan',
  'محمد الحسن',
  'Testina Lopez',
  'Olga Kuznetsova',
  'Ольга Кузнецова',
] as const

const survivorArbitrary: fc.Arbitrary<TSurvivorProfile> = fc
  .record({
    needs: fc.subarray([...LEGAL_NEEDS]),
    province: fc.option(fc.constantFrom(...PROVINCES), { nil: null }),
    airport: fc.option(fc.constantFrom(...AIRPORTS), { nil: null }),
    urgent: fc.boolean(),
    adverse: fc.subarray([...NAMES], { maxLength: 2 }),
  })
  .map(({ adverse, ...rest }) =>
    survivorProfile({
      ...rest,
      parties: adverse.map((name) => ({
        role: 'adverse_party' as const,
        kind: 'person' as const,
        names: [name],
      })),
    }),
  )

const lawyerArbitrary = (id: number): fc.Arbitrary<TLawyerProfile & { declared: string[] }> =>
  fc
    .record({
      status: fc.constantFrom('active' as const, 'paused' as const),
      licensedProvinces: fc.subarray([...PROVINCES], { maxLength: 3 }),
      capacity: fc.integer({ min: 0, max: 4 }),
      activeReferrals: fc.integer({ min: 0, max: 4 }),
      airports: fc.subarray([...AIRPORTS]),
      onCallWindows: fc
        .boolean()
        .map((on): TOnCallWindow[] => (on ? [{ days: ['mon'], start: '00:00', end: '10:00' }] : [])),
      declared: fc.subarray([...NAMES], { maxLength: 1 }),
    })
    .map((fields) => ({ ...lawyerProfile({ ...fields, id: `lawyer-${id}` }), declared: fields.declared }))

/** The hard constraints written out again, independently of eligibility.ts. */
const mayAct = (survivor: TSurvivorProfile, lawyer: TLawyerProfile): boolean => {
  if (lawyer.status !== 'active' || lawyer.activeReferrals >= lawyer.capacity) return false
  const needs = survivor.needs.length === 0 ? ['other'] : survivor.needs
  return needs.every((need) => {
    if (need === 'civil_claim')
      return survivor.province !== null && lawyer.licensedProvinces.includes(survivor.province)
    if (need === 'airport_support')
      return (
        survivor.airport !== null &&
        lawyer.airports.includes(survivor.airport) &&
        lawyer.onCallWindows.length > 0
      )
    return lawyer.licensedProvinces.length > 0
  })
}

describe('ranking never breaks a hard constraint', () => {
  it('ranks exactly the lawyers who may act and have no unreviewed conflict; every other one is excluded', () => {
    const lawyers = fc.tuple(...Array.from({ length: 8 }, (_, index) => lawyerArbitrary(index)))
    fc.assert(
      fc.property(survivorArbitrary, lawyers, (survivor, roster) => {
        const names = roster.flatMap((lawyer) =>
          lawyer.declared.map((name) => ({
            lawyerId: lawyer.id,
            source: 'declared' as const,
            kind: 'person' as const,
            names: [name],
          })),
        )
        const ranking = rankLawyers(survivor, roster, new ConflictNameIndex(names), new Map(), matchContext())
        expect(ranking.ranked.length + ranking.excluded.length).toBe(roster.length)
        for (const { lawyer } of ranking.ranked) {
          expect(mayAct(survivor, lawyer)).toBe(true)
          const declared = roster.find((entry) => entry.id === lawyer.id)?.declared ?? []
          const adverse = survivor.parties.flatMap((party) => party.names)
          // The fixed names fall in two families that person matching links across scripts.
          const family = (name: string) =>
            /Mohammed|محمد/.test(name) ? 'm' : /Olga|Ольга/.test(name) ? 'o' : name
          expect(declared.some((name) => adverse.some((other) => family(other) === family(name)))).toBe(false)
        }
        for (const { lawyer, reasons } of ranking.excluded) {
          expect(reasons.length).toBeGreaterThan(0)
          if (!reasons.some((reason) => reason.key.startsWith('excluded.conflict'))) {
            expect(mayAct(survivor, lawyer)).toBe(false)
          }
        }
      }),
      { numRuns: 300 },
    )
  })
})
