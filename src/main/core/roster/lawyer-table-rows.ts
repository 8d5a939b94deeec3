import type { TLawyerFields } from '../../../shared/roster/lawyer-schema'
import { slicesOf } from '../../../shared/roster/on-call'
import { foldForSearch } from '../../../shared/search-fold'
import { keyList } from '../db/key-list'

/** 'lso-12 345' and 'LSO12345' are one licence: upper case, no spaces, hyphens or dots. */
export const licenceKeyOf = (licenceNumber: string): string =>
  licenceNumber.toUpperCase().replace(/[\s.\-–]/g, '')

/** A row as a JSON array, in the column order of its table's bulk INSERT … SELECT FROM json_each. */
export type TTableRow = readonly (string | number | null)[]

const searchTextOf = (fields: TLawyerFields): string =>
  foldForSearch([fields.firstName, fields.lastName, fields.firm, fields.email, fields.city].join(' '))

/** The `lawyers` columns a form or import sets (everything but created_at/created_by/updated_at), in order. */
export const LAWYER_FIELD_COLUMNS = [
  'first_name',
  'last_name',
  'search_text',
  'email',
  'phone',
  'firm',
  'city',
  'province',
  'practice_keys',
  'language_keys',
  'licence_provinces',
  'airport_keys',
  'experience_types',
  'experience_countries',
  'on_call_windows',
  'max_active',
  'status',
  'notes',
] as const

/** The values of LAWYER_FIELD_COLUMNS for these fields. */
export const lawyerFieldValues = (fields: TLawyerFields): TTableRow => [
  fields.firstName,
  fields.lastName,
  searchTextOf(fields),
  fields.email,
  fields.phone,
  fields.firm,
  fields.city,
  fields.province,
  keyList(fields.practiceAreas),
  keyList(fields.languages),
  keyList(fields.memberships.map((membership) => membership.province)),
  keyList(fields.airports),
  JSON.stringify(fields.experienceTypes),
  JSON.stringify(fields.experienceCountries),
  JSON.stringify(fields.onCallWindows),
  fields.maxActive,
  fields.status,
  fields.notes,
]

/**
 * A lawyer's child rows: memberships, on-call slices per airport, and the declared conflicts as one JSON list per
 * lawyer (`[lawyer id, list]`; none for a lawyer without any).
 */
export type TLawyerChildRows = {
  memberships: TTableRow[]
  onCall: TTableRow[]
  conflictLists: (readonly [string, string])[]
}

/** Appends the child rows of lawyer `id` to `into` (one set of arrays for a whole import). */
export function addLawyerChildRows(into: TLawyerChildRows, id: string, fields: TLawyerFields): void {
  fields.memberships.forEach((membership, position) => {
    into.memberships.push([
      id,
      membership.province,
      membership.licenceNumber,
      licenceKeyOf(membership.licenceNumber),
      membership.status,
      membership.verifiedOn,
      position,
    ])
  })
  const slices = fields.onCallWindows.flatMap(slicesOf)
  for (const airport of new Set(fields.airports))
    for (const slice of slices) into.onCall.push([id, airport, slice.day, slice.startMinute, slice.endMinute])
  if (fields.conflicts.length > 0) into.conflictLists.push([id, conflictListOf(fields.conflicts)])
}

/** The stored form of a lawyer's declared conflicts: kind and name of each, in order, and nothing else. */
export const conflictListOf = (conflicts: TLawyerFields['conflicts']): string =>
  JSON.stringify(conflicts.map(({ kind, name }) => ({ kind, name })))

export const noChildRows = (): TLawyerChildRows => ({ memberships: [], onCall: [], conflictLists: [] })
