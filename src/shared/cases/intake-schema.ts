import { z } from 'zod'
import { isCountryCode, isLanguageCode } from './codes'
import {
  ADVERSE_PARTY_KINDS,
  ANSWERS,
  ARRIVAL_ROUTES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONTACT_METHODS,
  EXPERIENCES,
  GENDERS,
  IMMIGRATION_STATUSES,
  INTAKE_METHODS,
  LEGAL_NEEDS,
  PROVINCES,
} from './vocabulary'
import { AIRPORTS } from '../roster/airports'

/*
 * The intake, as the wizard edits it and as main stores it. The renderer validates with these schemas and main
 * validates the same request again. Only a name (any form) and the intake date are required; everything else may
 * stay empty. Error messages are translation keys (`vocab.validation.*`), so field messages read in EN and FR.
 *
 * Empty text is '' (not null) so react-hook-form can bind every field directly; main trims on save.
 */

export const MESSAGES = {
  tooLong: 'vocab.validation.tooLong',
  nameRequired: 'vocab.validation.nameRequired',
  intakeDateRequired: 'vocab.validation.intakeDateRequired',
  notADate: 'vocab.validation.notADate',
  dateInFuture: 'vocab.validation.dateInFuture',
  birthBeforeArrival: 'vocab.validation.birthAfterArrival',
  ageRange: 'vocab.validation.ageRange',
  phone: 'vocab.validation.phone',
  email: 'vocab.validation.email',
  language: 'vocab.validation.language',
  country: 'vocab.validation.country',
  choice: 'vocab.validation.choice',
  expiryBeforeGiven: 'vocab.validation.expiryBeforeGiven',
  partyNameRequired: 'vocab.validation.partyNameRequired',
  tooMany: 'vocab.validation.tooMany',
  consentDateRequired: 'vocab.validation.consentDateRequired',
} as const

const text = (max: number) => z.string().trim().max(max, { error: MESSAGES.tooLong })
const shortText = text(200)
const longText = text(20_000)

/** A real calendar date 'YYYY-MM-DD' (so 1980-02-31 is refused). */
export const isIsoDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (match === null) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  )
}
/** '' or a real date. */
export const ZOptionalDateSchema = z
  .string()
  .trim()
  .refine((value) => value === '' || isIsoDate(value), { error: MESSAGES.notADate })
export const ZDateSchema = z.string().trim().refine(isIsoDate, { error: MESSAGES.notADate })

const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: MESSAGES.choice })
/** '' means "not answered". */
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(''), z.enum(values)], { error: MESSAGES.choice })

const ZLanguageSchema = z.string().trim().toLowerCase().refine(isLanguageCode, { error: MESSAGES.language })
const ZOptionalLanguageSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => value === '' || isLanguageCode(value), { error: MESSAGES.language })
const ZOptionalCountrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => value === '' || isCountryCode(value), { error: MESSAGES.country })

const PHONE_PATTERN = /^\+?[0-9 ()\-.]{6,30}$/
const ZPhoneSchema = z
  .string()
  .trim()
  .refine((value) => value === '' || PHONE_PATTERN.test(value), { error: MESSAGES.phone })
/** Built once: constructing z.email() per value made validating a 10,000-row import five times slower. */
const ZEmailFormat = z.email()
const ZEmailSchema = z
  .string()
  .trim()
  .refine((value) => value === '' || ZEmailFormat.safeParse(value).success, { error: MESSAGES.email })

const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, { error: MESSAGES.tooMany })

export const ZPersonSchema = z.object({
  givenNames: shortText,
  familyName: shortText,
  preferredName: shortText,
  aliases: list(shortText, 20),
  originalScriptName: shortText,
  dateOfBirth: ZOptionalDateSchema,
  /** When the date of birth is unknown: an approximate age in years, or null. */
  approximateAge: z
    .number({ error: MESSAGES.ageRange })
    .int()
    .min(0)
    .max(120, { error: MESSAGES.ageRange })
    .nullable(),
  gender: optionalChoice(GENDERS),
  genderSelfDescribed: shortText,
  pronouns: shortText,
})

export const ZContactSchema = z.object({
  phone: ZPhoneSchema,
  email: ZEmailSchema,
  safeMethod: optionalChoice(CONTACT_METHODS),
  safeTimes: shortText,
  voicemailSafe: optionalChoice(ANSWERS),
  safetyNotes: text(4000),
})

export const ZLanguagesSchema = z.object({
  preferred: ZOptionalLanguageSchema,
  others: list(ZLanguageSchema, 20),
  interpreterNeeded: optionalChoice(ANSWERS),
  dialect: shortText,
})

export const ZLocationSchema = z.object({
  province: optionalChoice(PROVINCES),
  city: shortText,
  countryOfOrigin: ZOptionalCountrySchema,
  immigrationStatus: optionalChoice(IMMIGRATION_STATUSES),
  arrivalDate: ZOptionalDateSchema,
  arrivalRoute: optionalChoice(ARRIVAL_ROUTES),
})

export const ZExperienceSchema = z.object({
  kind: choice(EXPERIENCES),
  /** When kind is 'other'. */
  otherKind: shortText,
  country: ZOptionalCountrySchema,
  /** Free text: '2012–2014', 'spring 2019'. */
  period: shortText,
  place: shortText,
})

export const ZExperiencesSchema = z.object({
  entries: list(ZExperienceSchema, 30),
  narrative: longText,
})

export const ZAdversePartySchema = z
  .object({
    kind: choice(ADVERSE_PARTY_KINDS),
    name: shortText,
    originalScriptName: shortText,
    country: ZOptionalCountrySchema,
    notes: text(2000),
  })
  .superRefine((party, ctx) => {
    if (party.name === '' && party.originalScriptName === '') {
      ctx.addIssue({ code: 'custom', path: ['name'], message: MESSAGES.partyNameRequired })
    }
  })

/** The intake's adverse parties: alleged perpetrators, units, organizations, states. */
export const ZAdversePartiesSchema = list(ZAdversePartySchema, 50)

export const ZNeedsSchema = z.object({
  needs: list(choice(LEGAL_NEEDS), LEGAL_NEEDS.length),
  otherNeed: shortText,
  detained: optionalChoice(ANSWERS),
  detentionPlace: shortText,
  removalDate: ZOptionalDateSchema,
  hearingDate: ZOptionalDateSchema,
  atAirportNow: z.boolean(),
  /** Free text about the airport (terminal, CBSA office…); the code below is what matching reads. */
  airport: shortText,
  /**
   * The airport the survivor is at, or arrived through (IATA, the roster's list), '' when none. Matching checks
   * `airport_support` against lawyers' on-call coverage of it.
   */
  airportCode: optionalChoice(AIRPORTS),
  urgencyNotes: text(4000),
})

export const ZConsentEntrySchema = z
  .object({
    purpose: choice(CONSENT_PURPOSES),
    granted: z.boolean(),
    method: optionalChoice(CONSENT_METHODS),
    givenOn: ZOptionalDateSchema,
    expiresOn: ZOptionalDateSchema,
    notes: shortText,
  })
  .superRefine((entry, ctx) => {
    if (entry.granted && entry.givenOn === '') {
      ctx.addIssue({ code: 'custom', path: ['givenOn'], message: MESSAGES.consentDateRequired })
    }
    if (entry.givenOn !== '' && entry.expiresOn !== '' && entry.expiresOn < entry.givenOn) {
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: MESSAGES.expiryBeforeGiven })
    }
  })

export const ZIntakeMetaSchema = z.object({
  intakeDate: z
    .string()
    .trim()
    .min(1, { error: MESSAGES.intakeDateRequired })
    .refine(isIsoDate, { error: MESSAGES.notADate }),
  method: optionalChoice(INTAKE_METHODS),
  interpreterUsed: shortText,
  notes: text(4000),
})

/**
 * The rules across fields of the person's file, shared by the intake and the case edit: a name in some form, no
 * birth or arrival in the future, no arrival before birth.
 */
export function checkPersonFacts(
  file: { person: z.output<typeof ZPersonSchema>; location: z.output<typeof ZLocationSchema> },
  ctx: z.RefinementCtx,
): void {
  if (intakeNames(file.person).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['person', 'familyName'], message: MESSAGES.nameRequired })
  }
  const today = new Date().toISOString().slice(0, 10)
  const { dateOfBirth } = file.person
  const { arrivalDate } = file.location
  if (dateOfBirth !== '' && dateOfBirth > today) {
    ctx.addIssue({ code: 'custom', path: ['person', 'dateOfBirth'], message: MESSAGES.dateInFuture })
  }
  if (arrivalDate !== '' && arrivalDate > today) {
    ctx.addIssue({ code: 'custom', path: ['location', 'arrivalDate'], message: MESSAGES.dateInFuture })
  }
  if (dateOfBirth !== '' && arrivalDate !== '' && arrivalDate < dateOfBirth) {
    ctx.addIssue({ code: 'custom', path: ['location', 'arrivalDate'], message: MESSAGES.birthBeforeArrival })
  }
}

/** The whole intake. Steps of the wizard each own one top-level key. */
export const ZIntakeSchema = z
  .object({
    meta: ZIntakeMetaSchema,
    person: ZPersonSchema,
    contact: ZContactSchema,
    languages: ZLanguagesSchema,
    location: ZLocationSchema,
    experiences: ZExperiencesSchema,
    adverseParties: ZAdversePartiesSchema,
    needs: ZNeedsSchema,
    consent: list(ZConsentEntrySchema, CONSENT_PURPOSES.length),
  })
  .superRefine((intake, ctx) => {
    checkPersonFacts(intake, ctx)
    const today = new Date().toISOString().slice(0, 10)
    if (intake.meta.intakeDate > today && isIsoDate(intake.meta.intakeDate)) {
      ctx.addIssue({ code: 'custom', path: ['meta', 'intakeDate'], message: MESSAGES.dateInFuture })
    }
    const purposes = new Set<string>()
    intake.consent.forEach((entry, index) => {
      if (purposes.has(entry.purpose)) {
        ctx.addIssue({ code: 'custom', path: ['consent', index, 'purpose'], message: MESSAGES.choice })
      }
      purposes.add(entry.purpose)
    })
  })
export type TIntake = z.output<typeof ZIntakeSchema>
export type TIntakeInput = z.input<typeof ZIntakeSchema>
export type TPerson = z.output<typeof ZPersonSchema>

/** Every name the person goes by, as written, with duplicates and blanks left out. */
export function intakeNames(
  person: Pick<TPerson, 'givenNames' | 'familyName' | 'preferredName' | 'aliases' | 'originalScriptName'>,
): string[] {
  const legal = [person.givenNames.trim(), person.familyName.trim()].filter(Boolean).join(' ')
  const names = [legal, person.preferredName, ...person.aliases, person.originalScriptName]
    .map((name) => name.trim())
    .filter((name) => name !== '')
  return [...new Set(names)]
}

/** Words of a name, compared without case, so "rania" is found within "Rania Haddad". */
const nameWords = (name: string): string[] => name.toLocaleLowerCase().split(/\s+/).filter(Boolean)

/**
 * The name a case is shown under (list, heading, pickers): the full legal name, so two Ranias can be told apart,
 * with the preferred name after it when it is not already one of its words ("Rania Haddad (Ranya)"). Without a
 * legal name: the preferred name, else the first alias or the original-script name.
 */
export function displayNameOf(
  person: Pick<TPerson, 'givenNames' | 'familyName' | 'preferredName' | 'aliases' | 'originalScriptName'>,
): string {
  const legal = [person.givenNames.trim(), person.familyName.trim()].filter(Boolean).join(' ')
  const preferred = person.preferredName.trim()
  if (legal === '') return preferred !== '' ? preferred : (intakeNames(person)[0] ?? '')
  const legalWords = nameWords(legal)
  const isPartOfLegal = nameWords(preferred).every((word) => legalWords.includes(word))
  return isPartOfLegal ? legal : `${legal} (${preferred})`
}

/** A blank intake, as the wizard starts it. */
export function emptyIntake(today: string): TIntake {
  return {
    meta: { intakeDate: today, method: '', interpreterUsed: '', notes: '' },
    person: {
      givenNames: '',
      familyName: '',
      preferredName: '',
      aliases: [],
      originalScriptName: '',
      dateOfBirth: '',
      approximateAge: null,
      gender: '',
      genderSelfDescribed: '',
      pronouns: '',
    },
    contact: { phone: '', email: '', safeMethod: '', safeTimes: '', voicemailSafe: '', safetyNotes: '' },
    languages: { preferred: '', others: [], interpreterNeeded: '', dialect: '' },
    location: {
      province: '',
      city: '',
      countryOfOrigin: '',
      immigrationStatus: '',
      arrivalDate: '',
      arrivalRoute: '',
    },
    experiences: { entries: [], narrative: '' },
    adverseParties: [],
    needs: {
      needs: [],
      otherNeed: '',
      detained: '',
      detentionPlace: '',
      removalDate: '',
      hearingDate: '',
      atAirportNow: false,
      airport: '',
      airportCode: '',
      urgencyNotes: '',
    },
    consent: [],
  }
}

/** The wizard's steps, in order; each owns the intake keys it edits. */
export const INTAKE_STEPS = [
  { id: 'person', keys: ['person', 'meta'] },
  { id: 'contact', keys: ['contact'] },
  { id: 'languages', keys: ['languages'] },
  { id: 'location', keys: ['location'] },
  { id: 'experiences', keys: ['experiences'] },
  { id: 'adverseParties', keys: ['adverseParties'] },
  { id: 'needs', keys: ['needs'] },
  { id: 'consent', keys: ['consent'] },
] as const
export type TIntakeStepId = (typeof INTAKE_STEPS)[number]['id']
export const INTAKE_STEP_IDS = INTAKE_STEPS.map((step) => step.id) as [TIntakeStepId, ...TIntakeStepId[]]
