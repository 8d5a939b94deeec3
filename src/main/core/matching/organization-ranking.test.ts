import { matchContext, survivorProfile } from '#test-support/matching-profiles'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EXPERIENCES, LEGAL_NEEDS, PROVINCES } from '../../../shared/cases/vocabulary'
import { organizationExclusionText, organizationReasonText } from '../../../shared/matching/reason-text'
import { ORGANIZATION_CATEGORIES, ORGANIZATION_SERVICES } from '../../../shared/roster/vocabulary'
import { rankOrganizations, type TOrganizationProfile } from './organization-ranking'

const organization = (overrides: Partial<TOrganizationProfile> = {}): TOrganizationProfile => ({
  id: 'org-1',
  name: 'Testville Refugee Law Clinic',
  category: 'refugee_immigration_legal',
  national: false,
  provinces: ['ON'],
  serviceKeys: [],
  languages: [],
  lastVerifiedOn: '2026-05-12',
  retiredAt: null,
  ...overrides,
})

const words = (ranking: ReturnType<typeof rankOrganizations>, id: string): string[] =>
  ranking.ranked.find((each) => each.organization.id === id)?.reasons.map(organizationReasonText) ?? []
const why = (ranking: ReturnType<typeof rankOrganizations>, id: string): string[] =>
  ranking.excluded.find((each) => each.organization.id === id)?.reasons.map(organizationExclusionText) ?? []

describe('rankOrganizations', () => {
  it('keeps organizations of the survivor’s province and national ones, and says why the others are out', () => {
    const survivor = survivorProfile({ province: 'QC', needs: ['refugee_claim'] })
    const ranking = rankOrganizations(
      survivor,
      [
        organization({ id: 'qc', name: 'Clinique Testeuse', provinces: ['QC'] }),
        organization({ id: 'on', name: 'Ontario Test Clinic', provinces: ['ON'] }),
        organization({ id: 'ca', name: 'Canada Test Council', national: true, provinces: [] }),
      ],
      matchContext(),
    )
    expect(ranking.ranked.map((each) => each.organization.id)).toEqual(['qc', 'ca'])
    expect(words(ranking, 'qc')).toContain('serves QC +10')
    expect(words(ranking, 'ca')).toContain('national +5')
    expect(why(ranking, 'on')).toEqual(['does not serve QC'])
  })

  it('maps legal needs to organization categories and services, experiences to survivor support', () => {
    const survivor = survivorProfile({
      needs: ['refugee_claim', 'civil_claim'],
      experiences: ['torture'],
      preferredLanguage: null,
    })
    const ranking = rankOrganizations(
      survivor,
      [
        organization({ id: 'refugee', name: 'A Refugee Clinic' }),
        organization({ id: 'aid', name: 'B Legal Aid', category: 'legal_aid_plan' }),
        organization({ id: 'rights', name: 'C Rights Centre', category: 'human_rights_civil_liberties' }),
        organization({ id: 'support', name: 'D Survivor Centre', category: 'survivor_support' }),
        organization({
          id: 'counsel',
          name: 'E Settlement Org',
          category: 'settlement',
          serviceKeys: ['counselling'],
        }),
      ],
      matchContext(),
    )
    expect(words(ranking, 'refugee')[0]).toBe('refugee claims (1 of 2 needs) +20')
    expect(words(ranking, 'aid')[0]).toBe('refugee claims (1 of 2 needs) +20')
    expect(words(ranking, 'rights')[0]).toBe('civil claims (1 of 2 needs) +20')
    expect(words(ranking, 'support')[0]).toBe('supports survivors of torture +20')
    expect(words(ranking, 'counsel').slice(0, 2)).toEqual([
      'supports survivors of torture +20',
      'settlement help +10',
    ])
    expect(ranking.excluded).toEqual([])
  })

  it('leaves out an organization that serves none of the needs, a retired one, and a provincial one when the province is unknown', () => {
    const survivor = survivorProfile({ province: null, needs: ['civil_claim'] })
    const ranking = rankOrganizations(
      survivor,
      [
        organization({ id: 'refugee', national: true, provinces: [] }),
        organization({ id: 'local', category: 'human_rights_civil_liberties' }),
        organization({
          id: 'old',
          category: 'human_rights_civil_liberties',
          national: true,
          retiredAt: '2026-01-01T00:00:00Z',
        }),
      ],
      matchContext(),
    )
    expect(ranking.ranked).toEqual([])
    expect(why(ranking, 'refugee')).toEqual(['serves none of the survivor’s needs'])
    expect(why(ranking, 'local')).toEqual([
      'the survivor’s province is not recorded (not a national organization)',
    ])
    expect(why(ranking, 'old')).toEqual(['retired from the directory'])
  })

  it('prefers the preferred language, then another of the survivor’s, and notes an interpreter', () => {
    const survivor = survivorProfile({ preferredLanguage: 'ar', otherLanguages: ['fr'] })
    const ranking = rankOrganizations(
      survivor,
      [
        organization({ id: 'ar', name: 'Arabic Clinic', languages: ['en', 'ar'] }),
        organization({ id: 'fr', name: 'French Clinic', languages: ['fr'] }),
        organization({ id: 'en', name: 'English Clinic', languages: ['en'] }),
        organization({ id: 'blank', name: 'Blank Clinic', languages: [] }),
      ],
      matchContext(),
    )
    expect(ranking.ranked.map((each) => each.organization.id)).toEqual(['ar', 'fr', 'blank', 'en'])
    expect(words(ranking, 'ar')).toContain('speaks Arabic +30')
    expect(words(ranking, 'fr')).toContain('speaks French (not the preferred language) +15')
    expect(words(ranking, 'en')).toContain('interpreter needed for Arabic −20')
    expect(
      words(ranking, 'blank').some((text) => text.includes('speaks') || text.includes('interpreter')),
    ).toBe(false)
  })

  it('rewards a recent verification and marks stale or missing ones', () => {
    const ranking = rankOrganizations(
      survivorProfile(),
      [
        organization({ id: 'fresh', name: 'A', lastVerifiedOn: '2026-05-12' }),
        organization({ id: 'stale', name: 'B', lastVerifiedOn: '2025-10-01' }),
        organization({ id: 'never', name: 'C', lastVerifiedOn: '' }),
      ],
      matchContext(),
    )
    expect(words(ranking, 'fresh')).toContain('verified 2026-05 +5')
    expect(words(ranking, 'stale')).toContain('last verified 2025-10 (over a year ago) −10')
    expect(words(ranking, 'never')).toContain('never verified −10')
  })

  it('puts detention support first for an urgent case', () => {
    const clinics = [
      organization({ id: 'plain', name: 'A Clinic' }),
      organization({ id: 'detention', name: 'B Clinic', serviceKeys: ['detention_support'] }),
    ]
    const urgent = rankOrganizations(survivorProfile({ urgent: true }), clinics, matchContext())
    expect(urgent.ranked[0]?.organization.id).toBe('detention')
    expect(words(urgent, 'detention')).toContain('supports people in detention (urgent) +15')
    const calm = rankOrganizations(survivorProfile({ urgent: false }), clinics, matchContext())
    expect(words(calm, 'detention').some((text) => text.includes('detention'))).toBe(false)
  })

  it('reads a survivor with no needs recorded as "other"', () => {
    const ranking = rankOrganizations(
      survivorProfile({ needs: [] }),
      [organization({ id: 'aid', category: 'legal_aid_plan' })],
      matchContext(),
    )
    expect(words(ranking, 'aid')[0]).toBe('other matters (1 of 1 needs) +40')
  })
})

const organizationArbitrary = (id: number): fc.Arbitrary<TOrganizationProfile> =>
  fc.record({
    id: fc.constant(`org-${id}`),
    name: fc.constantFrom('Alpha Test Org', 'Beta Test Org', 'Gamma Test Org'),
    category: fc.constantFrom(...ORGANIZATION_CATEGORIES),
    national: fc.boolean(),
    provinces: fc.subarray([...PROVINCES], { maxLength: 3 }),
    serviceKeys: fc.subarray([...ORGANIZATION_SERVICES], { maxLength: 3 }),
    languages: fc.subarray(['ar', 'fr', 'en', 'fa'], { maxLength: 2 }),
    lastVerifiedOn: fc.constantFrom('', '2024-01-01', '2026-06-30'),
    retiredAt: fc.option(fc.constant('2026-01-01T00:00:00Z'), { nil: null }),
  })

describe('rankOrganizations (property)', () => {
  it('never ranks a retired or out-of-province organization, orders by score, and its reasons sum to the score', () => {
    fc.assert(
      fc.property(
        fc.record({
          needs: fc.subarray([...LEGAL_NEEDS]),
          province: fc.option(fc.constantFrom(...PROVINCES), { nil: null }),
          experiences: fc.subarray([...EXPERIENCES], { maxLength: 2 }),
          preferredLanguage: fc.option(fc.constantFrom('ar', 'fr', 'ti'), { nil: null }),
          urgent: fc.boolean(),
        }),
        fc
          .array(fc.nat(), { maxLength: 12 })
          .chain((ids) => fc.tuple(...ids.map((_, index) => organizationArbitrary(index)))),
        (fields, organizations) => {
          const survivor = survivorProfile(fields)
          const ranking = rankOrganizations(survivor, organizations, matchContext())
          expect(ranking.ranked.length + ranking.excluded.length).toBe(organizations.length)
          for (const { organization: each, score, reasons } of ranking.ranked) {
            expect(each.retiredAt).toBeNull()
            if (!each.national) {
              expect(survivor.province).not.toBeNull()
              expect(each.provinces).toContain(survivor.province)
            }
            expect(reasons.reduce((sum, reason) => sum + reason.points, 0)).toBe(score)
            expect(
              reasons.some(
                (reason) =>
                  reason.key === 'org.needs' ||
                  reason.key === 'org.survivor_support' ||
                  reason.key === 'org.settlement' ||
                  reason.key === 'org.detention_support',
              ),
            ).toBe(true)
          }
          for (let index = 1; index < ranking.ranked.length; index += 1) {
            expect(ranking.ranked[index - 1]!.score).toBeGreaterThanOrEqual(ranking.ranked[index]!.score)
          }
          for (const { reasons } of ranking.excluded) expect(reasons.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 300 },
    )
  })
})
