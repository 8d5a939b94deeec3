import { PROVINCES, type TProvince } from '../../../src/shared/cases/vocabulary'
import { CITIES, PROVINCE_WEIGHTS } from './origins'
import { between, chance, pick, seededRandom, subSeed, weighted } from './random'

/*
 * Invented organizations for the referral directory, beyond the 52 real ones every vault is seeded with: enough of
 * them to measure directory search and organization ranking at scale.
 *
 * PROVISIONAL SHAPE: the directory (issue 10) defines its own input type; until it lands this follows the issue's
 * field list, and then returns that type.
 */

export const SYNTHETIC_ORGANIZATION_CATEGORIES = [
  'human_rights_civil_liberties',
  'refugee_immigration_legal',
  'legal_aid_plan',
  'survivor_support',
  'settlement',
] as const

export type TSyntheticOrganization = {
  name: string
  category: (typeof SYNTHETIC_ORGANIZATION_CATEGORIES)[number]
  /** Provinces served; empty with `national` true for national organizations. */
  provinces: TProvince[]
  national: boolean
  services: string[]
  /** ISO 639. */
  languages: string[]
  website: string
  phone: string
  source: string
  /** '' means not yet verified. */
  lastVerified: string
}

const SERVICES = [
  'refugee claims',
  'detention reviews',
  'trauma counselling',
  'interpretation',
  'housing help',
  'family reunification',
  'legal information',
  'documentation of violations',
]
const LANGUAGES = ['en', 'fr', 'ar', 'fa', 'es', 'ti', 'am', 'so', 'uk', 'sw', 'ta', 'zh']
const KINDS = ['Centre', 'Clinic', 'Network', 'Association', 'Project', 'Collective']

export function syntheticOrganizations(count: number, seed = 1): TSyntheticOrganization[] {
  const random = seededRandom(subSeed(seed, 3))
  return Array.from({ length: count }, (_, index) => {
    const national = chance(random, 0.1)
    const home = weighted(random, PROVINCE_WEIGHTS)
    const provinces = national
      ? []
      : [...new Set([home, ...(chance(random, 0.2) ? [pick(random, PROVINCES)] : [])])]
    return {
      name: `Synthetic ${pick(random, CITIES[home])} ${pick(random, KINDS)} ${index + 1}`,
      category: pick(random, SYNTHETIC_ORGANIZATION_CATEGORIES),
      provinces,
      national,
      services: [...new Set(Array.from({ length: between(random, 1, 4) }, () => pick(random, SERVICES)))],
      languages: [
        ...new Set(['en', ...Array.from({ length: between(random, 0, 3) }, () => pick(random, LANGUAGES))]),
      ],
      website: `https://org-${index + 1}.example.org`,
      phone: `+1 555 ${String(between(random, 0, 9_999_999)).padStart(7, '0')}`,
      source: 'synthetic',
      lastVerified: chance(random, 0.7) ? `202${between(random, 3, 6)}-0${between(random, 1, 9)}-15` : '',
    }
  })
}
