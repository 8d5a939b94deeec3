import { z } from 'zod'
import { MESSAGES, ZContactSchema, ZOptionalDateSchema } from '../cases/intake-schema'
import { PROVINCES } from '../cases/vocabulary'
import { ZLanguageCodeSchema } from './lawyer-schema'
import {
  ORGANIZATION_CATEGORIES,
  ORGANIZATION_SERVICES,
  RESOURCE_JURISDICTIONS,
  RESOURCE_KINDS,
  SOURCE_CONFIDENCES,
} from './vocabulary'

/*
 * The referral directory's entries as the edit forms hold them and main stores them. Like the lawyer schema, the
 * renderer and main validate with the same schemas; messages are translation keys.
 */

export const DIRECTORY_MESSAGES = {
  nameRequired: 'directory.validation.nameRequired',
  titleRequired: 'directory.validation.titleRequired',
  link: 'directory.validation.link',
  provincesRequired: 'directory.validation.provincesRequired',
} as const

const text = (max: number) => z.string().trim().max(max, { error: MESSAGES.tooLong })
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: MESSAGES.choice })

/** http(s)://host… with no spaces (shared code has no URL class: it runs in every layer). */
const WEB_LINK = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i
const isWebLink = (value: string): boolean => WEB_LINK.test(value)
/** '' or an http(s) link. */
export const ZOptionalLinkSchema = text(500).refine((value) => value === '' || isWebLink(value), {
  error: DIRECTORY_MESSAGES.link,
})

export const ZOrganizationFieldsSchema = z
  .object({
    name: text(200).min(1, { error: DIRECTORY_MESSAGES.nameRequired }),
    category: choice(ORGANIZATION_CATEGORIES),
    /** Serves the whole country: shown in every province's list. */
    national: z.boolean(),
    /** Provinces and territories served when not national. */
    provinces: z.array(choice(PROVINCES)).max(PROVINCES.length),
    /** What they do, in words (from the source). */
    services: text(2000),
    serviceKeys: z.array(choice(ORGANIZATION_SERVICES)).max(ORGANIZATION_SERVICES.length),
    languages: z.array(ZLanguageCodeSchema).max(30),
    website: ZOptionalLinkSchema,
    phone: ZContactSchema.shape.phone,
    email: ZContactSchema.shape.email,
    /** Where the facts were seen (a link or a citation). */
    source: text(1000),
    confidence: z.union([z.literal(''), choice(SOURCE_CONFIDENCES)], { error: MESSAGES.choice }),
    /** '' = never verified by CCIJ staff. */
    lastVerifiedOn: ZOptionalDateSchema,
    notes: text(4000),
  })
  .superRefine((organization, ctx) => {
    if (!organization.national && organization.provinces.length === 0)
      ctx.addIssue({ code: 'custom', path: ['provinces'], message: DIRECTORY_MESSAGES.provincesRequired })
  })
export type TOrganizationFields = z.infer<typeof ZOrganizationFieldsSchema>

export const emptyOrganizationFields = (): TOrganizationFields => ({
  name: '',
  category: 'refugee_immigration_legal',
  national: false,
  provinces: [],
  services: '',
  serviceKeys: [],
  languages: [],
  website: '',
  phone: '',
  email: '',
  source: '',
  confidence: '',
  lastVerifiedOn: '',
  notes: '',
})

export const ZResourceFieldsSchema = z.object({
  title: text(300).min(1, { error: DIRECTORY_MESSAGES.titleRequired }),
  kind: choice(RESOURCE_KINDS),
  link: ZOptionalLinkSchema,
  jurisdiction: choice(RESOURCE_JURISDICTIONS),
  summary: text(2000),
  source: text(1000),
  lastVerifiedOn: ZOptionalDateSchema,
})
export type TResourceFields = z.infer<typeof ZResourceFieldsSchema>

export const emptyResourceFields = (): TResourceFields => ({
  title: '',
  kind: 'guide',
  link: '',
  jurisdiction: 'CA',
  summary: '',
  source: '',
  lastVerifiedOn: '',
})
