import { randomUUID } from 'node:crypto'
import { PROVINCES, type TProvince } from '../../../../shared/cases/vocabulary'
import type { TOrganizationFields, TResourceFields } from '../../../../shared/roster/directory-schema'
import type {
  TOrganizationCategory,
  TOrganizationService,
  TResourceJurisdiction,
  TResourceKind,
  TSourceConfidence,
} from '../../../../shared/roster/vocabulary'
import type { TWritableDb } from '../../db/connection'
import { OrganizationRepository } from '../organization-repository'
import { ResourceRepository } from '../resource-repository'
import organizationsData from './organizations.json' with { type: 'json' }
import resourcesData from './resources.json' with { type: 'json' }

/*
 * CCIJ's starter directory (a copy of the shared research data, bundled with the app), mapped to the vault's
 * vocabularies. Every entry starts unverified (lastVerifiedOn ''), so staff see it flagged until someone checks it.
 */

type TSeedOrganization = {
  name: string
  category: string
  provinces: string[]
  services: string
  languages: string[]
  website?: string
  source: string
  confidence: string
}
type TSeedResource = { title: string; kind: string; url: string; summary: string; source: string }

/** The data's English language words → ISO 639 codes. A word missing here fails the seed's test, not silently. */
export const SEED_LANGUAGE_CODES: Readonly<Record<string, string>> = {
  English: 'en',
  French: 'fr',
  Spanish: 'es',
  Arabic: 'ar',
  Farsi: 'fa',
  Persian: 'fa',
  Mandarin: 'zh',
}

/**
 * Entries filed as legal services whose own text says they are not: settlement agencies and referral hubs. The
 * data's README asks for a `settlement` category for them; these phrases are how its services text says so.
 */
const SETTLEMENT_ONLY =
  /not a legal clinic|settlement rather than|settlement and referral only|referral rather than legal|settlement agency|immigrant-serving associations/i

/** Service keys read from the services text: a first summary that staff correct as they verify each entry. */
const SERVICE_PATTERNS: readonly (readonly [TOrganizationService, RegExp])[] = [
  ['legal_representation', /represent/i],
  [
    'legal_information',
    /legal information|public legal|information and referral|information on rights|guidance/i,
  ],
  ['hearing_preparation', /hearing/i],
  ['detention_support', /detention|detain/i],
  ['settlement', /settlement|resettlement|newcomer/i],
  ['housing', /housing|shelter/i],
  ['counselling', /counselling|therapy|mental health|psycholog/i],
  ['sponsorship', /sponsor/i],
  ['advocacy', /advoca|campaign|lobby|policy/i],
  ['litigation', /litigat|intervene|intervention|court/i],
  ['public_education', /public education|training|workshop/i],
]

const snakeCase = (key: string): string => key.replace(/-/g, '_')

const isProvince = (value: string): value is TProvince => (PROVINCES as readonly string[]).includes(value)

export function seedOrganizationFields(entry: TSeedOrganization): TOrganizationFields {
  const national = entry.provinces.includes('national')
  const category: TOrganizationCategory =
    entry.category === 'refugee-immigration-legal' && SETTLEMENT_ONLY.test(entry.services)
      ? 'settlement'
      : (snakeCase(entry.category) as TOrganizationCategory)
  const serviceKeys = SERVICE_PATTERNS.filter(([, pattern]) => pattern.test(entry.services)).map(
    ([key]) => key,
  )
  if (category === 'legal_aid_plan') serviceKeys.push('legal_aid')
  return {
    name: entry.name,
    category,
    national,
    provinces: national ? [] : entry.provinces.filter(isProvince),
    services: entry.services,
    serviceKeys,
    languages: entry.languages.map((word) => {
      const code = SEED_LANGUAGE_CODES[word]
      if (code === undefined) throw new Error(`The directory seed names a language with no code: ${word}`)
      return code
    }),
    website: entry.website ?? '',
    phone: '',
    email: '',
    source: entry.source,
    confidence: entry.confidence as TSourceConfidence,
    lastVerifiedOn: '',
    notes: '',
  }
}

const RESOURCE_JURISDICTION: Readonly<Record<string, TResourceJurisdiction>> = {
  'executive-order': 'US',
  treaty: 'international',
}

export function seedResourceFields(entry: TSeedResource): TResourceFields {
  return {
    title: entry.title,
    kind: snakeCase(entry.kind) as TResourceKind,
    link: entry.url,
    jurisdiction: RESOURCE_JURISDICTION[entry.kind] ?? 'CA',
    summary: entry.summary,
    source: entry.source,
    lastVerifiedOn: '',
  }
}

/**
 * The seed page sends Canadians to their MP; the data has the template letter but not the way to find the MP.
 * The Refugee Convention and IRPA are in the data already (checked by the seed's test).
 */
export const EXTRA_SEED_RESOURCES: readonly TResourceFields[] = [
  {
    title: 'Find your Member of Parliament (House of Commons of Canada)',
    kind: 'tool',
    link: 'https://www.ourcommons.ca/members/en',
    jurisdiction: 'CA',
    summary:
      'Search by postal code, name or riding for the Member of Parliament to write to, with their Ottawa and constituency office addresses.',
    source: 'https://www.ourcommons.ca/members/en',
    lastVerifiedOn: '',
  },
]

export const seedOrganizations = (): TOrganizationFields[] =>
  (organizationsData as TSeedOrganization[]).map(seedOrganizationFields)

export const seedResources = (): TResourceFields[] => [
  ...(resourcesData as TSeedResource[]).map(seedResourceFields),
  ...EXTRA_SEED_RESOURCES,
]

/** Adds the starter directory (run by migration 4, in its transaction). */
export function seedDirectory(db: TWritableDb, now: Date): void {
  const at = now.toISOString()
  const organizations = new OrganizationRepository(db)
  for (const fields of seedOrganizations()) organizations.insert(randomUUID(), fields, at)
  const resources = new ResourceRepository(db)
  for (const fields of seedResources()) resources.insert(randomUUID(), fields, at)
}
