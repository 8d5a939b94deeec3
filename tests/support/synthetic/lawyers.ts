import {
  EXPERIENCES,
  LEGAL_NEEDS,
  PROVINCES,
  type TExperience,
  type TLegalNeed,
  type TProvince,
} from '../../../src/shared/cases/vocabulary'
import { NAME_TRADITIONS, spelling, type TTraditionName } from './names'
import { CITIES, ORIGINS, PROVINCE_WEIGHTS } from './origins'
import { syntheticPopulation } from './intakes'
import { partyKey } from './parties'
import { personNames } from './people'
import { between, chance, pick, seededRandom, skewed, subSeed, weighted, type TRandom } from './random'

/*
 * Invented volunteer lawyers for the roster, matching and their benchmarks: 10,000 of them declare 200,000
 * conflict names at full scale, drawn from the same perpetrator pools as the survivors' adverse parties (so
 * conflict checks find real hits) and from former clients' names in every script.
 *
 * PROVISIONAL SHAPE: the roster (issue 10) is defining TLawyerInput now. Until it lands this follows the issue's
 * field list one to one; when it lands, this returns TLawyerInput and these local types go.
 */

/** Airports with on-call volunteers (issue 10's IATA vocabulary, at least these). */
export const SYNTHETIC_AIRPORTS = ['YVR', 'YYC', 'YEG', 'YWG', 'YYZ', 'YOW', 'YUL', 'YHZ'] as const

export type TSyntheticLawyer = {
  firstName: string
  lastName: string
  firm: string
  email: string
  phone: string
  /** Law society memberships. */
  memberships: {
    province: TProvince
    licenceNumber: string
    status: 'active' | 'inactive'
    verifiedOn: string
  }[]
  /** The intake's LEGAL_NEEDS keys. */
  practiceAreas: TLegalNeed[]
  /** The intake's EXPERIENCES keys. */
  atrocityExperience: TExperience[]
  /** ISO 3166 alpha-2. */
  countryExperience: string[]
  /** ISO 639, as intake. */
  languages: string[]
  city: string
  province: TProvince
  airportOnCall: boolean
  /** Weekly windows: day 0 (Sunday) to 6, times 'HH:MM' local. */
  airports: { airport: (typeof SYNTHETIC_AIRPORTS)[number]; day: number; from: string; to: string }[]
  /** Most active referrals at once; 0 means full. */
  maxActive: number
  /** `kind:name`, like intake adverse parties. */
  conflicts: string[]
  status: 'active' | 'paused'
  notes: string
}

/** Lawyers' own names: mostly Canadian-born (French and English-speaking), many from the diasporas they serve. */
const LAWYER_TRADITIONS: Partial<Record<TTraditionName, number>> = {
  haitian: 30,
  spanish: 10,
  arabic: 12,
  persian: 8,
  cyrillic: 8,
  chinese: 8,
  tamil: 5,
  ethiopic: 4,
  somali: 3,
  kurdishTurkish: 4,
  centralAfrican: 4,
  devanagari: 4,
}

/** Languages a lawyer of each tradition may speak besides English or French. */
const HERITAGE_LANGUAGES: Partial<Record<TTraditionName, readonly string[]>> = {
  arabic: ['ar'],
  persian: ['fa', 'prs', 'ps'],
  cyrillic: ['uk', 'ru'],
  chinese: ['zh', 'yue'],
  tamil: ['ta'],
  ethiopic: ['am', 'ti'],
  somali: ['so'],
  kurdishTurkish: ['ku', 'tr'],
  centralAfrican: ['sw', 'ln', 'rw'],
  devanagari: ['hi', 'ne'],
  spanish: ['es'],
  haitian: ['ht'],
}

const FIRM_KINDS = [
  'Law Office',
  'Avocats',
  'Legal Services',
  'LLP',
  'Immigration Law',
  'Community Legal Clinic',
]
const NOTES = ['', '', '', 'Synthetic: prefers detention reviews.', 'Synthetic: available evenings only.']

const time = (hour: number): string => `${String(hour).padStart(2, '0')}:00`

/** Conflict counts that add up to exactly `total`: most lawyers declare a few, some declare many. */
function conflictCounts(random: TRandom, lawyers: number, total: number): number[] {
  const raw = Array.from({ length: lawyers }, () => 1 + random() ** 2)
  const sum = raw.reduce((left, right) => left + right, 0)
  const counts = raw.map((value) => Math.floor((value / sum) * total))
  let missing = total - counts.reduce((left, right) => left + right, 0)
  for (let index = 0; missing > 0; index = (index + 1) % lawyers, missing--)
    counts[index] = (counts[index] ?? 0) + 1
  return counts
}

/**
 * `count` lawyers with `conflictNames` declared conflicts between them (20 per lawyer when not given), the same for
 * the same seed. Survivors from `syntheticCaseload` with the same seed share the perpetrator pools.
 */
export function syntheticLawyers(count: number, seed = 1, conflictNames = count * 20): TSyntheticLawyer[] {
  const random = seededRandom(subSeed(seed, 2))
  // The survivors' own pools (built as syntheticCaseload builds them), so declared conflicts overlap theirs.
  const { names, parties } = syntheticPopulation(seededRandom(seed))
  const countries = Object.keys(ORIGINS)
  const counts = conflictCounts(random, count, conflictNames)
  return counts.map((conflictCount, index) => {
    const tradition = weighted(random, LAWYER_TRADITIONS)
    const person = personNames(random, names, tradition, chance(random, 0.55) ? 'woman' : 'man', {
      latinOnly: true,
    })
    const province = weighted(random, PROVINCE_WEIGHTS)
    const other = chance(random, 0.15) ? [pick(random, PROVINCES)] : []
    const memberships = [province, ...other.filter((extra) => extra !== province)].map((where, order) => ({
      province: where,
      licenceNumber: `${where}${String(10_000 + index * 3 + order).padStart(6, '0')}`,
      status: chance(random, 0.97) ? ('active' as const) : ('inactive' as const),
      verifiedOn: chance(random, 0.85)
        ? `202${between(random, 3, 6)}-0${between(random, 1, 9)}-1${between(random, 0, 9)}`
        : '',
    }))
    const heritage = HERITAGE_LANGUAGES[tradition] ?? []
    const languages = new Set([province === 'QC' ? 'fr' : 'en'])
    if (chance(random, 0.45)) languages.add(province === 'QC' ? 'en' : 'fr')
    if (heritage.length > 0 && chance(random, 0.5)) languages.add(pick(random, heritage))
    const conflicts = new Set<string>()
    while (conflicts.size < conflictCount) {
      if (chance(random, 0.6)) {
        conflicts.add(partyKey(skewed(random, parties[pick(random, countries)] ?? [], 1.5)))
      } else {
        // A former client or opposing party, in any tradition and often in its own script.
        const clientTradition = pick(random, Object.keys(NAME_TRADITIONS) as TTraditionName[])
        const client = personNames(random, names, clientTradition, chance(random, 0.5) ? 'woman' : 'man')
        const name =
          client.originalScriptName !== '' && chance(random, 0.3)
            ? client.originalScriptName
            : `${client.givenNames} ${client.familyName}`.trim()
        // Repeats are drawn again: a lawyer declares each name once.
        conflicts.add(`person:${name || client.originalScriptName}`)
      }
    }
    const onCall = chance(random, 0.15)
    const home = province === 'QC' ? 'YUL' : province === 'BC' ? 'YVR' : province === 'AB' ? 'YYC' : 'YYZ'
    return {
      firstName: person.givenNames,
      lastName: person.familyName,
      firm: `${spelling(pick(random, names[tradition].family), random, 0)} ${pick(random, FIRM_KINDS)}`,
      email: `${person.familyName.toLowerCase().replace(/[^a-z]/g, '') || 'lawyer'}.${index}@example.org`,
      phone: `+1 555 ${String(between(random, 0, 9_999_999)).padStart(7, '0')}`,
      memberships,
      practiceAreas: [
        ...new Set(Array.from({ length: between(random, 1, 4) }, () => skewed(random, LEGAL_NEEDS, 1.5))),
      ],
      atrocityExperience: chance(random, 0.4) ? [skewed(random, EXPERIENCES, 1.5)] : [],
      countryExperience: chance(random, 0.35) ? [pick(random, countries)] : [],
      languages: [...languages],
      city: skewed(random, CITIES[province], 1.8),
      province,
      airportOnCall: onCall,
      airports: onCall
        ? Array.from({ length: between(random, 1, 3) }, () => {
            const from = between(random, 6, 18)
            return {
              airport: chance(random, 0.8) ? home : pick(random, SYNTHETIC_AIRPORTS),
              day: between(random, 0, 6),
              from: time(from),
              to: time(from + between(random, 2, 6)),
            }
          })
        : [],
      maxActive: chance(random, 0.05) ? 0 : between(random, 1, 8),
      conflicts: [...conflicts],
      status: chance(random, 0.9) ? 'active' : 'paused',
      notes: pick(random, NOTES),
    }
  })
}
