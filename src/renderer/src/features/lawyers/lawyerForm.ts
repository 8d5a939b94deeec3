import { z } from 'zod'
import {
  ADVERSE_PARTY_KINDS,
  PROVINCES,
  type TAdversePartyKind,
  type TProvince,
} from '../../../../shared/cases/vocabulary'
import {
  ZLawyerFieldsSchema,
  type TDeclaredConflict,
  type TLawSocietyMembership,
  type TLawyerFields,
} from '../../../../shared/roster/lawyer-schema'
import { formatOnCallWindow, parseOnCallWindow, type TOnCallWindow } from '../../../../shared/roster/on-call'
import { LICENCE_STATUSES } from '../../../../shared/roster/vocabulary'
import { parseLanguageCodes } from '../../lib/languageCodes'

/*
 * The add/edit form holds lists as short text a person can type (on-call hours "Mon-Fri 18:00-23:00; Sat
 * 09:00-17:00", other law societies "QC 12345", conflicts one per line "unit:3rd Brigade"), read with the same
 * rules as the sign-up CSV. Submitting turns the form into the shared lawyer fields, which main checks again.
 */

const shape = ZLawyerFieldsSchema.shape

const splitItems = (text: string, separator: RegExp): string[] =>
  text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '')

const parseWindows = (text: string): TOnCallWindow[] | null => {
  const windows = splitItems(text, /;|\n/).map(parseOnCallWindow)
  return windows.every((window) => window !== null) ? (windows as TOnCallWindow[]) : null
}

const parseOtherLicences = (text: string): TLawSocietyMembership[] | null => {
  const memberships: TLawSocietyMembership[] = []
  for (const item of splitItems(text, /;|\n/)) {
    const match = /^([A-Za-z]{2})\s*[:\s]\s*(\S.*)$/.exec(item)
    const province = match?.[1]?.toUpperCase() ?? ''
    if (match === null || !(PROVINCES as readonly string[]).includes(province)) return null
    memberships.push({
      province: province as TProvince,
      licenceNumber: (match[2] ?? '').trim(),
      status: 'unverified',
      verifiedOn: '',
    })
  }
  return memberships
}

const parseConflicts = (text: string): TDeclaredConflict[] | null => {
  const conflicts: TDeclaredConflict[] = []
  for (const line of splitItems(text, /\n/)) {
    const prefixed = /^([\p{L}_]{1,24})\s*:(.*)$/su.exec(line)
    const kind = (prefixed?.[1] ?? 'person').toLowerCase()
    const name = (prefixed === null ? line : (prefixed[2] ?? '')).trim()
    if (!(ADVERSE_PARTY_KINDS as readonly string[]).includes(kind) || name === '') return null
    conflicts.push({ kind: kind as TAdversePartyKind, name })
  }
  return conflicts
}

export const ZLawyerFormSchema = z
  .object({
    firstName: shape.firstName,
    lastName: shape.lastName,
    email: shape.email,
    phone: shape.phone,
    firm: shape.firm,
    city: shape.city,
    province: shape.province,
    languages: z.string().max(400),
    practiceAreas: shape.practiceAreas,
    experienceTypes: shape.experienceTypes,
    licenceProvince: z.union([z.literal(''), z.enum(PROVINCES)]),
    licenceNumber: z.string().trim().max(40),
    licenceStatus: z.enum(LICENCE_STATUSES),
    licenceVerifiedOn: z.string(),
    otherLicences: z.string().max(2000),
    airports: shape.airports,
    onCallHours: z.string().max(2000),
    maxActive: shape.maxActive,
    conflicts: z.string().max(100_000),
    notes: shape.notes,
  })
  .superRefine((form, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (form.firstName.trim() === '' && form.lastName.trim() === '')
      issue('lastName', 'lawyers.validation.nameRequired')
    if (parseLanguageCodes(form.languages) === null) issue('languages', 'lawyers.validation.languages')
    if (form.licenceProvince !== '' && form.licenceNumber.trim() === '')
      issue('licenceNumber', 'lawyers.validation.licenceRequired')
    if (form.licenceProvince === '' && form.licenceNumber.trim() !== '')
      issue('licenceProvince', 'lawyers.validation.licenceProvinceRequired')
    if (parseOtherLicences(form.otherLicences) === null)
      issue('otherLicences', 'lawyers.validation.otherLicences')
    if (parseWindows(form.onCallHours) === null) issue('onCallHours', 'lawyers.validation.onCallHours')
    if (parseConflicts(form.conflicts) === null) issue('conflicts', 'lawyers.validation.conflicts')
  })
export type TLawyerForm = z.input<typeof ZLawyerFormSchema>

/** The form's starting values: a lawyer's fields (editing) or an empty form (adding). */
export function toLawyerForm(fields: TLawyerFields): TLawyerForm {
  const [main, ...others] = fields.memberships
  return {
    firstName: fields.firstName,
    lastName: fields.lastName,
    email: fields.email,
    phone: fields.phone,
    firm: fields.firm,
    city: fields.city,
    province: fields.province,
    languages: fields.languages.join(', '),
    practiceAreas: fields.practiceAreas,
    experienceTypes: fields.experienceTypes,
    licenceProvince: main?.province ?? '',
    licenceNumber: main?.licenceNumber ?? '',
    licenceStatus: main?.status ?? 'unverified',
    licenceVerifiedOn: main?.verifiedOn ?? '',
    otherLicences: others
      .map((membership) => `${membership.province} ${membership.licenceNumber}`)
      .join('; '),
    airports: fields.airports,
    onCallHours: fields.onCallWindows.map(formatOnCallWindow).join('; '),
    maxActive: fields.maxActive,
    conflicts: fields.conflicts.map((conflict) => `${conflict.kind}:${conflict.name}`).join('\n'),
    notes: fields.notes,
  }
}

/** The form as the shared lawyer fields; what the form does not edit (status, countries) comes from `base`. */
export function fromLawyerForm(form: TLawyerForm, base: TLawyerFields): TLawyerFields {
  const others = parseOtherLicences(form.otherLicences) ?? []
  // Other law societies keep the standing and verification date staff recorded for them before.
  const known = new Map(base.memberships.map((membership) => [membership.province, membership]))
  const main: TLawSocietyMembership[] =
    form.licenceProvince === ''
      ? []
      : [
          {
            province: form.licenceProvince,
            licenceNumber: form.licenceNumber.trim(),
            status: form.licenceStatus,
            verifiedOn: form.licenceVerifiedOn,
          },
        ]
  return {
    ...base,
    firstName: form.firstName.trim(),
    lastName: form.lastName.trim(),
    email: form.email.trim(),
    phone: form.phone.trim(),
    firm: form.firm.trim(),
    city: form.city.trim(),
    province: form.province ?? '',
    languages: parseLanguageCodes(form.languages) ?? [],
    practiceAreas: form.practiceAreas,
    experienceTypes: form.experienceTypes,
    memberships: [
      ...main,
      ...others.map((membership) => {
        const before = known.get(membership.province)
        return before !== undefined && before.licenceNumber === membership.licenceNumber ? before : membership
      }),
    ],
    airports: form.airports,
    onCallWindows: parseWindows(form.onCallHours) ?? [],
    maxActive: form.maxActive,
    conflicts: parseConflicts(form.conflicts) ?? [],
    notes: form.notes.trim(),
  }
}
