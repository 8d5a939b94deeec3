import { z } from 'zod'
import { isCountryCode, isLanguageCode } from '../cases/codes'
import { MESSAGES, ZContactSchema, ZOptionalDateSchema } from '../cases/intake-schema'
import { ADVERSE_PARTY_KINDS, EXPERIENCES, LEGAL_NEEDS, PROVINCES } from '../cases/vocabulary'
import { AIRPORTS, WEEKDAYS } from './airports'
import { minuteOf } from './on-call'
import { LAWYER_STATUSES, LICENCE_STATUSES, MAX_ACTIVE_LIMIT } from './vocabulary'

/*
 * A lawyer on the roster, as the create/edit form holds it and as main stores it: the renderer validates with these
 * schemas and main validates the same request again, as intake does. Empty text is '' (never null). Messages are
 * translation keys (`vocab.validation.*` from the intake schema, `lawyers.validation.*` for the roster's own).
 */

export const ROSTER_MESSAGES = {
  nameRequired: 'lawyers.validation.nameRequired',
  licenceRequired: 'lawyers.validation.licenceRequired',
  time: 'lawyers.validation.time',
  sameStartEnd: 'lawyers.validation.sameStartEnd',
  daysRequired: 'lawyers.validation.daysRequired',
  capacity: 'lawyers.validation.capacity',
} as const

const text = (max: number) => z.string().trim().max(max, { error: MESSAGES.tooLong })
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, { error: MESSAGES.tooMany })
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: MESSAGES.choice })

export const ZLanguageCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isLanguageCode, { error: MESSAGES.language })
export const ZCountryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { error: MESSAGES.country })

/** One law society membership: where, the licence number, standing, and when staff last checked it. */
export const ZLawSocietyMembershipSchema = z.object({
  province: choice(PROVINCES),
  licenceNumber: text(40).min(1, { error: ROSTER_MESSAGES.licenceRequired }),
  status: choice(LICENCE_STATUSES),
  /** '' until staff verified it with the law society. */
  verifiedOn: ZOptionalDateSchema,
})
export type TLawSocietyMembership = z.infer<typeof ZLawSocietyMembershipSchema>

const ZTimeSchema = z
  .string()
  .trim()
  .refine((value) => minuteOf(value) !== null, { error: ROSTER_MESSAGES.time })

/** A weekly on-call window; an end at or before the start runs past midnight into the next day. */
export const ZOnCallWindowSchema = z
  .object({
    days: list(choice(WEEKDAYS), 7).min(1, { error: ROSTER_MESSAGES.daysRequired }),
    start: ZTimeSchema.refine((value) => value !== '24:00', { error: ROSTER_MESSAGES.time }),
    end: ZTimeSchema,
  })
  .superRefine((window, ctx) => {
    const start = minuteOf(window.start)
    const end = minuteOf(window.end)
    if (start !== null && start === end)
      ctx.addIssue({ code: 'custom', path: ['end'], message: ROSTER_MESSAGES.sameStartEnd })
  })

/** A party the lawyer acts or acted for, or against whom they may not act: `kind:name` in CSV files. */
export const ZDeclaredConflictSchema = z.object({
  kind: choice(ADVERSE_PARTY_KINDS),
  name: text(200).min(1, { error: MESSAGES.partyNameRequired }),
})
export type TDeclaredConflict = z.infer<typeof ZDeclaredConflictSchema>

/** Most declared conflicts per lawyer (a large firm's client list fits; matching indexes every one). */
export const MAX_DECLARED_CONFLICTS = 500

export const ZLawyerFieldsSchema = z
  .object({
    firstName: text(100),
    lastName: text(100),
    email: ZContactSchema.shape.email,
    phone: ZContactSchema.shape.phone,
    firm: text(200),
    memberships: list(ZLawSocietyMembershipSchema, PROVINCES.length),
    /** The intake's legal needs this lawyer takes. */
    practiceAreas: list(choice(LEGAL_NEEDS), LEGAL_NEEDS.length),
    /** Atrocity types they have worked on (the intake's experiences). */
    experienceTypes: list(choice(EXPERIENCES), EXPERIENCES.length),
    /** ISO 3166 alpha-2 countries they have worked on. */
    experienceCountries: list(ZCountryCodeSchema, 60),
    /** ISO 639 codes, as intake. */
    languages: list(ZLanguageCodeSchema, 30),
    city: text(100),
    province: z.union([z.literal(''), choice(PROVINCES)], { error: MESSAGES.choice }),
    /** Airports this lawyer can reach when on call. */
    airports: list(choice(AIRPORTS), AIRPORTS.length),
    /** When they are on call (at every airport above), weekly, in each airport's local time. */
    onCallWindows: list(ZOnCallWindowSchema, 21),
    /** Most active referrals at once; 0 = full for now. */
    maxActive: z
      .number({ error: ROSTER_MESSAGES.capacity })
      .int({ error: ROSTER_MESSAGES.capacity })
      .min(0, { error: ROSTER_MESSAGES.capacity })
      .max(MAX_ACTIVE_LIMIT, { error: ROSTER_MESSAGES.capacity }),
    conflicts: list(ZDeclaredConflictSchema, MAX_DECLARED_CONFLICTS),
    status: choice(LAWYER_STATUSES),
    notes: text(4000),
  })
  .superRefine((lawyer, ctx) => {
    if (lawyer.firstName === '' && lawyer.lastName === '')
      ctx.addIssue({ code: 'custom', path: ['lastName'], message: ROSTER_MESSAGES.nameRequired })
    const seen = new Set<string>()
    lawyer.memberships.forEach((membership, index) => {
      if (seen.has(membership.province))
        ctx.addIssue({ code: 'custom', path: ['memberships', index, 'province'], message: MESSAGES.choice })
      seen.add(membership.province)
    })
  })
export type TLawyerFields = z.infer<typeof ZLawyerFieldsSchema>
export type TLawyerFieldsInput = z.input<typeof ZLawyerFieldsSchema>

/** An empty form: what "Add a lawyer" starts from. */
export const emptyLawyerFields = (): TLawyerFields => ({
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  firm: '',
  memberships: [],
  practiceAreas: [],
  experienceTypes: [],
  experienceCountries: [],
  languages: [],
  city: '',
  province: '',
  airports: [],
  onCallWindows: [],
  maxActive: 1,
  conflicts: [],
  status: 'active',
  notes: '',
})

/** "First Last", or whichever is given. */
export const lawyerDisplayName = (lawyer: { firstName: string; lastName: string }): string =>
  [lawyer.firstName, lawyer.lastName].filter((part) => part !== '').join(' ')
