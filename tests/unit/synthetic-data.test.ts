/**
 * The synthetic caseload the bench and the tests use: the same for the same seed, valid intakes, and shaped like
 * the real thing (names in many scripts and several spellings, every kind of adverse party, lawyers whose declared
 * conflicts meet survivors' perpetrators, referrals in every state).
 */
import { describe, expect, it } from 'vitest'
import { ZIntakeSchema, type TIntake } from '../../src/shared/cases/intake-schema'
import { ADVERSE_PARTY_KINDS, CASE_STATUSES } from '../../src/shared/cases/vocabulary'
import {
  partyKey,
  SYNTHETIC_REFERRAL_STATUSES,
  syntheticCaseload,
  syntheticImportRows,
  syntheticLawyers,
  syntheticOrganizations,
  syntheticReferrals,
} from '#test-support/synthetic'

const TODAY = new Date('2026-11-27T12:00:00Z')

function caseload(count: number, seed = 42) {
  return [...syntheticCaseload({ count, seed, today: TODAY, batchSize: 500, caseworkers: 4 })].flat()
}

describe('synthetic caseload', () => {
  const cases = caseload(3_000)
  const intakes = cases.map((each) => each.intake)

  it('is the same for the same seed and different for another', () => {
    expect(caseload(50)).toEqual(cases.slice(0, 50))
    expect(caseload(50, 43).map((each) => each.intake.person)).not.toEqual(
      intakes.slice(0, 50).map((each) => each.person),
    )
    expect(syntheticImportRows(20, 5, TODAY)).toEqual(syntheticImportRows(20, 5, TODAY))
  })

  it('streams the count asked for, in batches, with lines numbered as a CSV file would', () => {
    const batches = [
      ...syntheticCaseload({ count: 1_234, seed: 1, today: TODAY, batchSize: 500, caseworkers: 2 }),
    ]
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 234])
    expect(batches.flat().map((each) => each.line)).toEqual(
      Array.from({ length: 1_234 }, (_, index) => index + 2),
    )
  })

  it('makes intakes the intake schema accepts', () => {
    const problems = intakes.flatMap((intake, index) => {
      const result = ZIntakeSchema.safeParse(intake)
      return result.success
        ? []
        : [`intake ${index}: ${result.error.issues.map((issue) => issue.path.join('.')).join(', ')}`]
    })
    expect(problems).toEqual([])
  })

  it('writes names in many scripts, with diacritics, and rarely only in the original script', () => {
    const scripts = {
      Arabic: /\p{Script=Arabic}/u,
      Cyrillic: /\p{Script=Cyrillic}/u,
      Ethiopic: /\p{Script=Ethiopic}/u,
      Devanagari: /\p{Script=Devanagari}/u,
      Tamil: /\p{Script=Tamil}/u,
      Han: /\p{Script=Han}/u,
    }
    for (const [script, pattern] of Object.entries(scripts)) {
      expect(
        intakes.filter((intake) => pattern.test(intake.person.originalScriptName)).length,
        script,
      ).toBeGreaterThan(5)
    }
    expect(
      intakes.some((intake) => /[ñéáíóúçşêû]/.test(intake.person.familyName + intake.person.givenNames)),
    ).toBe(true)
    const scriptOnly = intakes.filter(
      (intake) => intake.person.familyName === '' && intake.person.originalScriptName !== '',
    )
    expect(scriptOnly.length).toBeGreaterThan(0)
    expect(scriptOnly.length).toBeLessThan(intakes.length * 0.05)
  })

  it('spells one written name several ways, in the name fields and in aliases', () => {
    const spellingsOf = new Map<string, Set<string>>()
    for (const { person } of intakes) {
      const native = person.originalScriptName.split(' ')[0]
      if (native === undefined || native === '' || person.givenNames === '') continue
      const spellings = spellingsOf.get(native) ?? new Set<string>()
      spellings.add(person.givenNames)
      spellingsOf.set(native, spellings)
    }
    expect(spellingsOf.get('محمد')?.size ?? 0).toBeGreaterThanOrEqual(2)
    const withAliases = intakes.filter((intake) => intake.person.aliases.length > 0)
    expect(withAliases.length / intakes.length).toBeGreaterThan(0.2)
  })

  it('names adverse parties of every kind, and the same perpetrators in many cases', () => {
    const parties = intakes.flatMap((intake) => intake.adverseParties)
    expect(new Set(parties.map((party) => party.kind))).toEqual(new Set(ADVERSE_PARTY_KINDS))
    const counts = new Map<string, number>()
    for (const party of parties) counts.set(partyKey(party), (counts.get(partyKey(party)) ?? 0) + 1)
    expect(Math.max(...counts.values())).toBeGreaterThan(10)
  })

  it('gives notes to about half, urgency to a few, and every case status a share', () => {
    const withNarrative = intakes.filter((intake: TIntake) =>
      intake.experiences.narrative.startsWith('Synthetic'),
    )
    expect(withNarrative.length / intakes.length).toBeGreaterThan(0.4)
    const urgent = intakes.filter((intake) => intake.needs.detained === 'yes' || intake.needs.atAirportNow)
    expect(urgent.length).toBeGreaterThan(0)
    expect(urgent.length).toBeLessThan(intakes.length * 0.05)
    expect(new Set(cases.map((each) => each.history.status))).toEqual(new Set(CASE_STATUSES))
  })
})

describe('synthetic lawyers, directory and referrals', () => {
  it('declares exactly the conflict names asked for, as kind:name, meeting survivors’ adverse parties', () => {
    const lawyers = syntheticLawyers(300, 42, 6_000)
    expect(lawyers).toHaveLength(300)
    const conflicts = lawyers.flatMap((lawyer) => lawyer.conflicts)
    expect(conflicts).toHaveLength(6_000)
    for (const conflict of conflicts) expect(conflict).toMatch(/^(person|unit|organization|state):.+/)
    expect(lawyers.every((lawyer) => new Set(lawyer.conflicts).size === lawyer.conflicts.length)).toBe(true)
    const perpetrators = new Set(
      caseload(2_000).flatMap((each) => each.intake.adverseParties.map((party) => partyKey(party))),
    )
    expect(conflicts.filter((conflict) => perpetrators.has(conflict)).length).toBeGreaterThan(100)
    expect(syntheticLawyers(300, 42, 6_000)).toEqual(lawyers)
  })

  it('gives lawyers licences, languages and on-call windows', () => {
    const lawyers = syntheticLawyers(500, 7)
    expect(lawyers.every((lawyer) => lawyer.memberships.length > 0 && lawyer.languages.length > 0)).toBe(true)
    expect(lawyers.some((lawyer) => lawyer.airportOnCall && lawyer.airports.length > 0)).toBe(true)
    expect(lawyers.some((lawyer) => lawyer.maxActive === 0)).toBe(true)
    expect(lawyers.some((lawyer) => lawyer.status === 'paused')).toBe(true)
    expect(new Set(lawyers.map((lawyer) => lawyer.email)).size).toBe(500)
  })

  it('has referrals in every state and organizations national and provincial', () => {
    const referrals = syntheticReferrals(50, { cases: 100, lawyers: 20, organizations: 10 }, 3, TODAY)
    expect(new Set(referrals.map((referral) => referral.status))).toEqual(
      new Set(SYNTHETIC_REFERRAL_STATUSES),
    )
    expect(referrals.every((referral) => referral.caseIndex >= 0 && referral.caseIndex < 100)).toBe(true)
    const organizations = syntheticOrganizations(100, 3)
    expect(organizations.some((organization) => organization.national)).toBe(true)
    expect(organizations.some((organization) => organization.provinces.length > 0)).toBe(true)
  })
})
