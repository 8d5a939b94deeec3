import { isCountryCode, isLanguageCode } from '../../../../shared/cases/codes'
import { isIsoDate } from '../../../../shared/cases/intake-schema'
import { ADVERSE_PARTY_KINDS, EXPERIENCES, LEGAL_NEEDS, PROVINCES } from '../../../../shared/cases/vocabulary'
import { AIRPORTS, WEEKDAYS } from '../../../../shared/roster/airports'
import { MAX_DECLARED_CONFLICTS, type TLawyerFields } from '../../../../shared/roster/lawyer-schema'
import { minuteOf } from '../../../../shared/roster/on-call'
import { LAWYER_STATUSES, LICENCE_STATUSES, MAX_ACTIVE_LIMIT } from '../../../../shared/roster/vocabulary'

/*
 * ZLawyerFieldsSchema stays the schema of record; this is a shortcut around it for the sign-up import. A full zod
 * parse of each of 10,000 rows (each with ~20 declared conflicts) was 40 % of the dry run, and almost every row
 * passes. So a row the parser built is first checked here, with plain comparisons against the same limits; only a
 * row this does not plainly accept goes through zod, which then names the problems exactly as before. Every
 * comparison below is at least as strict as the schema's (lengths are measured before the schema's trim), so
 * "plainly valid" implies "valid"; tests hold it to that.
 */

const oneOf = (values: readonly string[]): ((value: string) => boolean) => {
  const set = new Set(values)
  return (value) => set.has(value)
}
const isProvince = oneOf(PROVINCES)
const isLegalNeed = oneOf(LEGAL_NEEDS)
const isExperience = oneOf(EXPERIENCES)
const isAirport = oneOf(AIRPORTS)
const isWeekday = oneOf(WEEKDAYS)
const isPartyKind = oneOf(ADVERSE_PARTY_KINDS)
const isLicenceStatus = oneOf(LICENCE_STATUSES)
const isLawyerStatus = oneOf(LAWYER_STATUSES)

const listOf = (values: readonly string[], max: number, isItem: (value: string) => boolean): boolean =>
  values.length <= max && values.every(isItem)

/** Not blank once trimmed, and no longer than `max` untrimmed. */
const filled = (value: string, max: number): boolean => value.length <= max && value.trim() !== ''

/**
 * True only if ZLawyerFieldsSchema accepts `fields` (false means "not sure": ask zod). Email and phone are left
 * to their own schemas, which the parser runs on each cell before building the row.
 */
export function isPlainlyValidLawyer(fields: TLawyerFields): boolean {
  if (fields.firstName.trim() === '' && fields.lastName.trim() === '') return false
  if (fields.firstName.length > 100 || fields.lastName.length > 100) return false
  if (fields.firm.length > 200 || fields.city.length > 100 || fields.notes.length > 4000) return false
  if (fields.province !== '' && !isProvince(fields.province)) return false
  if (!isLawyerStatus(fields.status)) return false
  const capacity = fields.maxActive
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_ACTIVE_LIMIT) return false
  if (!listOf(fields.practiceAreas, LEGAL_NEEDS.length, isLegalNeed)) return false
  if (!listOf(fields.experienceTypes, EXPERIENCES.length, isExperience)) return false
  if (!listOf(fields.experienceCountries, 60, isCountryCode)) return false
  if (!listOf(fields.languages, 30, isLanguageCode)) return false
  if (!listOf(fields.airports, AIRPORTS.length, isAirport)) return false

  if (fields.memberships.length > PROVINCES.length) return false
  const provinces = new Set<string>()
  for (const membership of fields.memberships) {
    if (!isProvince(membership.province) || provinces.has(membership.province)) return false
    provinces.add(membership.province)
    if (!filled(membership.licenceNumber, 40) || !isLicenceStatus(membership.status)) return false
    if (membership.verifiedOn !== '' && !isIsoDate(membership.verifiedOn)) return false
  }

  if (fields.onCallWindows.length > 21) return false
  for (const window of fields.onCallWindows) {
    if (window.days.length === 0 || !listOf(window.days, 7, isWeekday)) return false
    const start = minuteOf(window.start)
    const end = minuteOf(window.end)
    if (start === null || end === null || start === end || window.start.trim() === '24:00') return false
  }

  if (fields.conflicts.length > MAX_DECLARED_CONFLICTS) return false
  for (const conflict of fields.conflicts)
    if (!isPartyKind(conflict.kind) || !filled(conflict.name, 200)) return false
  return true
}
