/**
 * Invented matching profiles at roster scale: lawyers with licences, languages, on-call windows and declared
 * conflicts, and survivors with needs and adverse parties drawn from the same name pools (so some conflicts are
 * real hits, as they would be). Deterministic for a seed. Party names are drawn evenly from 400 given and 800
 * family names: the skewed draw intakes use would make a handful of names cover most of 200,000 conflicts.
 */
import { COMMON_LANGUAGES } from '../../../src/shared/cases/codes'
import { EXPERIENCES, LEGAL_NEEDS, PROVINCES, type TLegalNeed } from '../../../src/shared/cases/vocabulary'
import { WEEKDAYS, type TAirport } from '../../../src/shared/roster/airports'
import type { TLawyerPartyName, TLawyerProfile, TSurvivorProfile } from '../../../src/main/core/matching'
import { canonicalSpelling } from './names/name'
import { namePopulation } from './people'

const AIRPORTS = [
  'YVR',
  'YYC',
  'YEG',
  'YWG',
  'YYZ',
  'YOW',
  'YUL',
  'YHZ',
] as const satisfies readonly TAirport[]
const COUNTRIES = [
  'SY',
  'IQ',
  'AF',
  'ER',
  'ET',
  'SD',
  'SS',
  'CD',
  'MM',
  'UA',
  'RU',
  'CO',
  'HN',
  'IR',
  'YE',
] as const

/** Given and family names of every tradition, written as intakes usually spell them (common and rare). */
function syntheticNamePools(random: () => number): { given: string[]; family: string[] } {
  const traditions = Object.values(namePopulation(random, 60, 160))
  return {
    given: traditions.flatMap((names) => [...names.given.woman, ...names.given.man].map(canonicalSpelling)),
    family: traditions.flatMap((names) => names.family.map(canonicalSpelling)),
  }
}

const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)] as T
const some = <T>(random: () => number, values: readonly T[], most: number): T[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(random() * most) }, () => pick(random, values))),
]
/** Zipf-ish, as intakes do: a few names are very common. */
const skewed = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() ** 2.5 * values.length)] as T

export type TSyntheticRoster = { lawyers: TLawyerProfile[]; conflictNames: TLawyerPartyName[] }

export function syntheticRoster(
  random: () => number,
  lawyers: number,
  conflictsPerLawyer: number,
): TSyntheticRoster {
  const pools = syntheticNamePools(random)
  const roster: TLawyerProfile[] = []
  const conflictNames: TLawyerPartyName[] = []
  for (let index = 0; index < lawyers; index++) {
    const province = skewed(random, ['ON', 'QC', 'BC', 'AB', 'MB', ...PROVINCES] as const)
    const capacity = Math.floor(random() * 6)
    const onCall = random() < 0.3
    const airports = onCall ? some(random, AIRPORTS, 2) : []
    const onCallWindows = onCall ? [{ days: [pick(random, WEEKDAYS)], start: '08:00', end: '20:00' }] : []
    const id = `lawyer-${index}`
    roster.push({
      id,
      name: `${pick(random, pools.given)} ${pick(random, pools.family)}`,
      email: `lawyer${index}@example.org`,
      status: random() < 0.9 ? 'active' : 'paused',
      licensedProvinces: random() < 0.2 ? [province, pick(random, PROVINCES)] : [province],
      practiceAreas: some(random, LEGAL_NEEDS, 4),
      languages: ['en', ...some(random, COMMON_LANGUAGES, 2)],
      city: `City${Math.floor(random() * 40)}`,
      province,
      airports,
      onCallWindows,
      capacity,
      activeReferrals: Math.floor(random() * (capacity + 1)),
      experiences: random() < 0.5 ? some(random, EXPERIENCES, 2) : [],
      countries: random() < 0.5 ? some(random, COUNTRIES, 2) : [],
      lastOfferedAt:
        random() < 0.7 ? new Date(Date.UTC(2026, 10, 1 + Math.floor(random() * 29))).toISOString() : null,
    })
    for (let conflict = 0; conflict < conflictsPerLawyer; conflict++) {
      conflictNames.push({
        lawyerId: id,
        source: 'declared',
        kind: 'person',
        names: [`${pick(random, pools.given)} ${pick(random, pools.family)}`],
      })
    }
  }
  return { lawyers: roster, conflictNames }
}

export function syntheticSurvivors(random: () => number, count: number): TSurvivorProfile[] {
  const pools = syntheticNamePools(random)
  return Array.from({ length: count }, (_, index) => {
    const airport = random() < 0.15 ? pick(random, AIRPORTS) : null
    const needs: TLegalNeed[] = some(random, LEGAL_NEEDS, 2).filter((need) => need !== 'airport_support')
    if (airport !== null) needs.push('airport_support')
    return {
      caseId: `case-${index}`,
      needs,
      province: skewed(random, ['ON', 'QC', 'BC', 'AB', 'MB', ...PROVINCES] as const),
      city: `City${Math.floor(random() * 40)}`,
      airport,
      preferredLanguage: pick(random, COMMON_LANGUAGES),
      otherLanguages: random() < 0.4 ? [pick(random, COMMON_LANGUAGES)] : [],
      urgent: airport !== null || random() < 0.2,
      experiences: some(random, EXPERIENCES, 2),
      countries: [pick(random, COUNTRIES)],
      parties: [
        {
          role: 'survivor',
          kind: 'person',
          names: [`${pick(random, pools.given)} ${pick(random, pools.family)}`],
        },
        ...Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
          role: 'adverse_party' as const,
          kind: 'person' as const,
          names: [`${pick(random, pools.given)} ${pick(random, pools.family)}`],
        })),
      ],
    }
  })
}
