/**
 * Invented survivors for tests, benchmarks and demos: names in many scripts and transliterations, aliases,
 * adverse parties and notes, with distributions shaped like a real caseload (common and rare names, most people
 * in Ontario and Quebec, a few detained or facing removal). Deterministic for a given seed; never anyone's data.
 */
import { emptyIntake, type TIntake } from '../../../src/shared/cases/intake-schema'
import type { IMMIGRATION_STATUSES, LEGAL_NEEDS } from '../../../src/shared/cases/vocabulary'
import {
  ARRIVAL_ROUTES,
  CONTACT_METHODS,
  EXPERIENCES,
  INTAKE_METHODS,
  type TProvince,
} from '../../../src/shared/cases/vocabulary'
import { narrative, staffNote } from './narratives'
import { CITIES, ORIGIN_WEIGHTS, ORIGINS, PROVINCE_WEIGHTS, type TOrigin } from './origins'
import { partyPools, type TPartyPools } from './parties'
import { namePopulation, personNames, wordOf, type TNamePopulation } from './people'
import { between, chance, pick, seededRandom, skewed, weighted, type TRandom } from './random'

/** The pools a caseload draws from: names per tradition and perpetrators per country. */
export type TPopulation = { names: TNamePopulation; parties: TPartyPools }

export const syntheticPopulation = (random: TRandom): TPopulation => {
  const names = namePopulation(random)
  return { names, parties: partyPools(random, names) }
}

const DAY_MS = 86_400_000
const isoDate = (date: Date): string => date.toISOString().slice(0, 10)
const daysFrom = (date: Date, days: number): string => isoDate(new Date(date.getTime() + days * DAY_MS))

/** Legal needs, commonest first (drawn with a skew). */
const NEEDS_BY_FREQUENCY = [
  'refugee_claim',
  'family_reunification',
  'removal_prra',
  'criminal_complaint',
  'federal_court',
  'detention_review',
  'civil_claim',
  'airport_support',
  'other',
] as const satisfies readonly (typeof LEGAL_NEEDS)[number][]

const IMMIGRATION_WEIGHTS: Record<(typeof IMMIGRATION_STATUSES)[number], number> = {
  refugee_claimant: 40,
  protected_person: 25,
  permanent_resident: 12,
  temporary_resident: 5,
  citizen: 5,
  no_status: 5,
  unknown: 5,
  prefer_not_to_say: 2,
  other: 1,
}

const GENDER_WEIGHTS = { woman: 46, man: 48, non_binary: 1, prefer_not_to_say: 3, '': 2 } as const

const AIRPORTS = ['YYZ', 'YUL', 'YVR', 'YYC', 'YEG', 'YOW', 'YWG', 'YHZ']

/** One invented intake; `today` anchors dates so urgent cases exist relative to it. */
export function syntheticIntake(
  random: TRandom,
  today: Date,
  population: TPopulation = syntheticPopulation(random),
): TIntake {
  const intakeDate = new Date(today.getTime() - Math.floor(random() * 3 * 365) * DAY_MS)
  const intake = emptyIntake(isoDate(intakeDate))
  const country = weighted(random, ORIGIN_WEIGHTS)
  const origin: TOrigin = ORIGINS[country] ?? { weight: 0, traditions: { arabic: 1 }, languages: { ar: 1 } }
  const tradition = weighted(random, origin.traditions)
  const gender = weighted(random, GENDER_WEIGHTS)

  intake.meta.method = pick(random, ['', ...INTAKE_METHODS] as const)
  intake.meta.notes = staffNote(random)
  Object.assign(
    intake.person,
    personNames(random, population.names, tradition, gender === 'woman' ? 'woman' : 'man', origin),
  )
  intake.person.gender = gender
  if (chance(random, 0.8)) {
    const age = 18 + Math.floor(random() ** 1.6 * 60)
    intake.person.dateOfBirth = isoDate(
      new Date(Date.UTC(intakeDate.getUTCFullYear() - age, between(random, 0, 11), between(random, 1, 28))),
    )
  } else intake.person.approximateAge = 18 + Math.floor(random() ** 1.6 * 60)

  if (chance(random, 0.7))
    intake.contact.phone = `+1 555 ${String(between(random, 0, 9_999_999)).padStart(7, '0')}`
  if (chance(random, 0.25)) {
    intake.contact.email = `${intake.person.familyName.toLowerCase().replace(/[^a-z]/g, '') || 'survivor'}.${between(random, 10, 9999)}@example.org`
  }
  intake.contact.safeMethod = pick(random, ['', ...CONTACT_METHODS] as const)
  intake.contact.voicemailSafe = pick(random, ['', 'yes', 'no', 'no', 'unknown'] as const)
  if (chance(random, 0.08))
    intake.contact.safetyNotes = 'Synthetic: shares the phone with a relative; do not leave details.'

  intake.languages.preferred = weighted(random, origin.languages)
  const province = weighted(random, PROVINCE_WEIGHTS)
  if (chance(random, 0.35)) intake.languages.others = [province === 'QC' && chance(random, 0.6) ? 'fr' : 'en']
  intake.languages.interpreterNeeded = ['en', 'fr'].includes(intake.languages.preferred)
    ? 'no'
    : pick(random, ['yes', 'yes', 'yes', 'no', ''] as const)

  intake.location.province = province
  intake.location.city = skewed(random, CITIES[province as TProvince], 1.8)
  intake.location.countryOfOrigin = country
  intake.location.immigrationStatus = weighted(random, IMMIGRATION_WEIGHTS)
  if (chance(random, 0.6)) {
    intake.location.arrivalDate = daysFrom(intakeDate, -between(random, 10, 2_000))
    intake.location.arrivalRoute = pick(random, ARRIVAL_ROUTES)
  }

  const place = () => wordOf(random, population.names, tradition)
  const parties = population.parties[country] ?? []
  intake.experiences.entries = Array.from({ length: Math.floor(random() ** 1.5 * 4) }, () => ({
    kind: skewed(random, EXPERIENCES, 1.5),
    otherKind: '',
    country,
    period: String(between(random, 1994, 2024)),
    place: place(),
  }))
  if (chance(random, 0.45) && parties.length > 0) {
    const count = 1 + Math.floor(random() ** 2 * 4)
    const chosen = new Set(Array.from({ length: count }, () => skewed(random, parties, 2)))
    intake.adverseParties = [...chosen].map((party) => ({ ...party }))
  }
  if (chance(random, 0.55)) {
    intake.experiences.narrative = narrative(random, {
      place: place(),
      otherPlace: place(),
      party: intake.adverseParties[0]?.name ?? `${place()} Brigade`,
      city: intake.location.city,
    })
  }

  const needCount = 1 + Math.floor(random() ** 2 * 3)
  intake.needs.needs = [
    ...new Set(Array.from({ length: needCount }, () => skewed(random, NEEDS_BY_FREQUENCY))),
  ]
  const roll = random()
  if (roll < 0.012) {
    intake.needs.detained = 'yes'
    intake.needs.detentionPlace = 'Synthetic immigration holding centre'
  } else if (roll < 0.016) {
    intake.needs.atAirportNow = true
    intake.needs.airport = pick(random, AIRPORTS)
  }
  if (chance(random, 0.05)) intake.needs.removalDate = daysFrom(today, between(random, -10, 120))
  if (chance(random, 0.12)) intake.needs.hearingDate = daysFrom(today, between(random, -30, 200))
  if (intake.needs.detained === 'yes' || intake.needs.atAirportNow)
    intake.needs.urgencyNotes = 'Synthetic: urgent.'

  if (chance(random, 0.7)) intake.consent.push(lawyerConsent(intake.meta.intakeDate))
  if (chance(random, 0.3))
    intake.consent.push({ ...lawyerConsent(intake.meta.intakeDate), purpose: 'contact_by_phone' })
  if (chance(random, 0.15)) {
    intake.consent.push({
      ...lawyerConsent(intake.meta.intakeDate),
      purpose: 'share_with_organization',
      granted: chance(random, 0.8),
      expiresOn: chance(random, 0.3) ? daysFrom(intakeDate, 365) : '',
    })
  }
  return intake
}

/** Consent to share with a referred lawyer, given verbally on `givenOn`, with no expiry. */
export const lawyerConsent = (givenOn: string): TIntake['consent'][number] => ({
  purpose: 'share_with_lawyer',
  granted: true,
  method: 'verbal',
  givenOn,
  expiresOn: '',
  notes: '',
})

/** `count` invented intakes, ready for the case transfer service's `importIntakes`. */
export function syntheticImportRows(
  count: number,
  seed = 1,
  today = new Date(),
): { line: number; intake: TIntake }[] {
  const random = seededRandom(seed)
  const population = syntheticPopulation(random)
  return Array.from({ length: count }, (_, index) => ({
    line: index + 2,
    intake: syntheticIntake(random, today, population),
  }))
}
