import type { TCsvProblem } from '../../../../shared/contract/csv'
import {
  LAWYER_CSV_MAX_ROWS,
  type TLawyerCsvField,
  type TLawyerCsvMapping,
} from '../../../../shared/contract/lawyers'
import { isCountryCode } from '../../../../shared/cases/codes'
import { isIsoDate, MESSAGES, ZContactSchema } from '../../../../shared/cases/intake-schema'
import { ADVERSE_PARTY_KINDS, type TAdversePartyKind } from '../../../../shared/cases/vocabulary'
import { isAirport } from '../../../../shared/roster/airports'
import {
  emptyLawyerFields,
  ROSTER_MESSAGES,
  ZLawyerFieldsSchema,
  type TLawSocietyMembership,
  type TLawyerFields,
} from '../../../../shared/roster/lawyer-schema'
import { parseOnCallWindow } from '../../../../shared/roster/on-call'
import { isPlainlyValidLawyer } from './plainly-valid-lawyer'
import {
  LAWYER_STATUSES,
  LICENCE_STATUSES,
  type TLawyerStatus,
  type TLicenceStatus,
} from '../../../../shared/roster/vocabulary'
import { splitList, unneutralize, vocabularyKey } from '../../csv/cells'
import type { TCsvRecord } from '../../csv/csv-text'
import { licenceKeyOf } from '../lawyer-repository'
import { experienceOf, languageOf, practiceAreaOf, provinceOf } from './lawyer-csv-words'

/** One valid row: its line in the file, the lawyer it describes, and which fields its mapped columns set. */
export type TParsedLawyerRow = { row: number; fields: TLawyerFields; licenceKeys: string[]; email: string }

export type TParsedLawyerFile = { rows: TParsedLawyerRow[]; problems: TCsvProblem[] }

/** The form fields each CSV column feeds: an update from a file only replaces these, nothing the file lacks. */
export const FIELDS_OF_COLUMN: Readonly<Record<TLawyerCsvField, readonly (keyof TLawyerFields)[]>> = {
  first_name: ['firstName'],
  last_name: ['lastName'],
  email: ['email'],
  phone: ['phone'],
  firm: ['firm'],
  law_society_province: ['memberships'],
  licence_number: ['memberships'],
  licence_status: ['memberships'],
  licence_verified_on: ['memberships'],
  other_jurisdictions: ['memberships'],
  practice_areas: ['practiceAreas'],
  languages: ['languages'],
  city: ['city'],
  province: ['province'],
  airport_on_call: ['onCallWindows'],
  airports: ['airports'],
  max_active: ['maxActive'],
  conflicts: ['conflicts'],
  status: ['status'],
  notes: ['notes'],
  experience_types: ['experienceTypes'],
  experience_countries: ['experienceCountries'],
}

/** Where a schema problem on a form field is reported: the column that feeds it. */
const COLUMN_OF_FIELD: Readonly<Partial<Record<keyof TLawyerFields, TLawyerCsvField>>> = {
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  phone: 'phone',
  firm: 'firm',
  memberships: 'licence_number',
  practiceAreas: 'practice_areas',
  experienceTypes: 'experience_types',
  experienceCountries: 'experience_countries',
  languages: 'languages',
  city: 'city',
  province: 'province',
  airports: 'airports',
  onCallWindows: 'airport_on_call',
  maxActive: 'max_active',
  conflicts: 'conflicts',
  status: 'status',
  notes: 'notes',
}

const SCHEMA_CODES: Readonly<Record<string, string>> = {
  [MESSAGES.tooLong]: 'tooLong',
  [MESSAGES.tooMany]: 'tooMany',
  [ROSTER_MESSAGES.nameRequired]: 'nameRequired',
}

const STATUS_WORDS: Readonly<Record<string, TLawyerStatus>> = {
  actif: 'active',
  active: 'active',
  available: 'active',
  disponible: 'active',
  paused: 'paused',
  pause: 'paused',
  en_pause: 'paused',
  inactive: 'paused',
  inactif: 'paused',
}
const YES = new Set(['yes', 'y', 'oui', 'o', 'true', '1', 'x'])
const NO = new Set(['no', 'n', 'non', 'false', '0'])

/** A conflict's text before its first colon, when it is one word of 1-24 letters or `_` (then spaces): a kind. */
const KIND_WORD = /^([\p{L}_]{1,24})\s*$/u
/** The few words written before a colon (`unit`, `state` …), read once each: a file has 200,000 conflict names. */
const kindPrefixes = new Map<string, { word: string; kind: TAdversePartyKind | null } | null>()

/**
 * What the text before a conflict's first colon says: null when it is not a kind word (the colon is part of a
 * person's name), else the word and the kind it names (null for a word that is no kind: a problem).
 */
function kindPrefixOf(head: string): { word: string; kind: TAdversePartyKind | null } | null {
  const known = kindPrefixes.get(head)
  if (known !== undefined) return known
  const word = KIND_WORD.exec(head)?.[1]
  let prefix: { word: string; kind: TAdversePartyKind | null } | null = null
  if (word !== undefined) {
    const key = vocabularyKey(word)
    prefix = {
      word,
      kind: (ADVERSE_PARTY_KINDS as readonly string[]).includes(key) ? (key as TAdversePartyKind) : null,
    }
  }
  // Bounded: a file of many distinct heads (names with colons) stops the cache growing past a few thousand.
  if (kindPrefixes.size < 4096) kindPrefixes.set(head, prefix)
  return prefix
}

/** Values echoed in a problem are short codes and vocabulary words, shortened; never names or contact details. */
const shortValue = (value: string): string => (value.length > 40 ? `${value.slice(0, 39)}…` : value)

/** The fields a mapping feeds: every form field set by at least one mapped column. */
export function mappedFields(mapping: TLawyerCsvMapping): Set<keyof TLawyerFields> {
  const fields = new Set<keyof TLawyerFields>()
  for (const { field } of mapping)
    if (field !== '') for (const key of FIELDS_OF_COLUMN[field]) fields.add(key)
  return fields
}

function checkMapping(mapping: TLawyerCsvMapping, headerCount: number): TCsvProblem[] {
  const problems: TCsvProblem[] = []
  if (mapping.length !== headerCount) problems.push({ row: 1, column: '', code: 'mappingMismatch' })
  const seen = new Set<string>()
  for (const { field } of mapping) {
    if (field === '') continue
    if (seen.has(field)) problems.push({ row: 1, column: field, code: 'fieldMappedTwice' })
    seen.add(field)
  }
  if (!seen.has('first_name') && !seen.has('last_name'))
    problems.push({ row: 1, column: '', code: 'noNameColumn' })
  return problems
}

/**
 * Reads a sign-up (or roster export) file's records with a header mapping into lawyers, all problems by row and
 * column: every cell is checked, so one dry run lists everything to fix. Duplicates within the file (a licence
 * number in the same law society, or an email, twice) are problems too; duplicates of the roster are the caller's.
 */
export function parseLawyerRecords(
  records: readonly TCsvRecord[],
  mapping: TLawyerCsvMapping,
): TParsedLawyerFile {
  const [header, ...body] = records
  if (header === undefined) return { rows: [], problems: [{ row: 0, column: '', code: 'empty' }] }
  const mappingProblems = checkMapping(mapping, header.cells.length)
  if (mappingProblems.length > 0) return { rows: [], problems: mappingProblems }
  const dataRecords = body.filter((record) => record.cells.some((cell) => cell.trim() !== ''))
  if (dataRecords.length > LAWYER_CSV_MAX_ROWS)
    return {
      rows: [],
      problems: [{ row: 0, column: '', code: 'tooManyRows', params: { limit: LAWYER_CSV_MAX_ROWS } }],
    }

  const positionOf = new Map<TLawyerCsvField, number>()
  mapping.forEach(({ field }, index) => {
    if (field !== '') positionOf.set(field, index)
  })
  const problems: TCsvProblem[] = []
  const rows: TParsedLawyerRow[] = []
  const licenceRows = new Map<string, number>()
  const emailRows = new Map<string, number>()

  for (const record of dataRecords) {
    const row = record.line
    let rowIsValid = true
    const refuse = (column: string, code: string, params?: TCsvProblem['params']): void => {
      rowIsValid = false
      problems.push(params === undefined ? { row, column, code } : { row, column, code, params })
    }
    const cell = (field: TLawyerCsvField): string => {
      const position = positionOf.get(field)
      return position === undefined ? '' : unneutralize((record.cells[position] ?? '').trim())
    }
    const listOf = (field: TLawyerCsvField): string[] => splitList(cell(field))
    const fields = emptyLawyerFields()

    fields.firstName = cell('first_name')
    fields.lastName = cell('last_name')
    fields.email = cell('email')
    if (!ZContactSchema.shape.email.safeParse(fields.email).success) refuse('email', 'email')
    fields.phone = cell('phone')
    if (!ZContactSchema.shape.phone.safeParse(fields.phone).success) refuse('phone', 'phone')
    fields.firm = cell('firm')
    fields.city = cell('city')
    fields.notes = cell('notes')

    const provinceCell = cell('province')
    if (provinceCell !== '') {
      const province = provinceOf(provinceCell)
      if (province === null) refuse('province', 'province', { value: shortValue(provinceCell) })
      else fields.province = province
    }

    // The main law society membership, then the others ('ON:12345', 'QC 67890', 'BC:1:practising:2026-01-05').
    const licenceStatusCell = vocabularyKey(cell('licence_status'))
    const licenceStatus: TLicenceStatus =
      licenceStatusCell === '' ? 'unverified' : (licenceStatusCell as TLicenceStatus)
    if (!(LICENCE_STATUSES as readonly string[]).includes(licenceStatus))
      refuse('licence_status', 'choice', { value: shortValue(cell('licence_status')) })
    const verifiedOn = cell('licence_verified_on')
    if (verifiedOn !== '' && !isIsoDate(verifiedOn))
      refuse('licence_verified_on', 'notADate', { value: shortValue(verifiedOn) })
    const memberships: TLawSocietyMembership[] = []
    const societyCell = cell('law_society_province')
    const licenceCell = cell('licence_number')
    if (societyCell !== '' || licenceCell !== '') {
      const province = provinceOf(societyCell)
      if (societyCell === '') refuse('law_society_province', 'required')
      else if (province === null)
        refuse('law_society_province', 'province', { value: shortValue(societyCell) })
      if (licenceCell === '') refuse('licence_number', 'licenceRequired')
      if (province !== null && licenceCell !== '')
        memberships.push({ province, licenceNumber: licenceCell, status: licenceStatus, verifiedOn })
    }
    for (const item of listOf('other_jurisdictions')) {
      const [provinceWord = '', licence = '', status = '', date = ''] = item.split(/\s*:\s*|\s+(?=\S*\d)/)
      const province = provinceOf(provinceWord)
      const statusKey = vocabularyKey(status) === '' ? 'unverified' : vocabularyKey(status)
      if (province === null) refuse('other_jurisdictions', 'province', { value: shortValue(provinceWord) })
      else if (licence.trim() === '') refuse('other_jurisdictions', 'licenceRequired', { value: province })
      else if (!(LICENCE_STATUSES as readonly string[]).includes(statusKey))
        refuse('other_jurisdictions', 'choice', { value: shortValue(status) })
      else if (date !== '' && !isIsoDate(date.trim()))
        refuse('other_jurisdictions', 'notADate', { value: shortValue(date) })
      else if (memberships.some((membership) => membership.province === province))
        refuse('other_jurisdictions', 'provinceTwice', { value: province })
      else
        memberships.push({
          province,
          licenceNumber: licence.trim(),
          status: statusKey as TLicenceStatus,
          verifiedOn: date.trim(),
        })
    }
    fields.memberships = memberships

    for (const word of listOf('practice_areas')) {
      const area = practiceAreaOf(word)
      if (area === null) refuse('practice_areas', 'practiceArea', { value: shortValue(word) })
      else if (!fields.practiceAreas.includes(area)) fields.practiceAreas.push(area)
    }
    for (const word of listOf('languages')) {
      const language = languageOf(word)
      if (language === null) refuse('languages', 'language', { value: shortValue(word) })
      else if (!fields.languages.includes(language)) fields.languages.push(language)
    }
    for (const word of listOf('experience_types')) {
      const experience = experienceOf(word)
      if (experience === null) refuse('experience_types', 'choice', { value: shortValue(word) })
      else if (!fields.experienceTypes.includes(experience)) fields.experienceTypes.push(experience)
    }
    for (const word of listOf('experience_countries')) {
      const country = word.toUpperCase()
      if (!isCountryCode(country)) refuse('experience_countries', 'country', { value: shortValue(word) })
      else if (!fields.experienceCountries.includes(country)) fields.experienceCountries.push(country)
    }
    for (const word of listOf('airports')) {
      const code = word.toUpperCase()
      if (!isAirport(code)) refuse('airports', 'airport', { value: shortValue(word) })
      else if (!fields.airports.includes(code)) fields.airports.push(code)
    }
    const onCall = cell('airport_on_call')
    if (YES.has(onCall.toLowerCase())) {
      // "Yes" with no hours: on call at any time.
      fields.onCallWindows = [parseOnCallWindow('daily 00:00-24:00') ?? { days: [], start: '', end: '' }]
    } else if (onCall !== '' && !NO.has(onCall.toLowerCase())) {
      for (const item of splitList(onCall)) {
        const window = parseOnCallWindow(item)
        if (window === null) refuse('airport_on_call', 'onCallWindow', { value: shortValue(item) })
        else fields.onCallWindows.push(window)
      }
    }
    if (fields.onCallWindows.length > 0 && fields.airports.length === 0 && positionOf.has('airports'))
      refuse('airports', 'airportRequired')

    const capacity = cell('max_active')
    if (capacity !== '') {
      const value = /^\d{1,4}$/.test(capacity) ? Number(capacity) : Number.NaN
      if (!Number.isInteger(value) || value > 200)
        refuse('max_active', 'capacity', { value: shortValue(capacity), limit: 200 })
      else fields.maxActive = value
    }

    for (const item of listOf('conflicts')) {
      // 'unit:3rd Brigade'; a single word before a colon must be a kind, anything else is a person's name.
      const colon = item.indexOf(':')
      const prefix = colon < 0 ? null : kindPrefixOf(item.slice(0, colon))
      let kind: TAdversePartyKind = 'person'
      let name = item
      if (prefix !== null) {
        if (prefix.kind === null) {
          refuse('conflicts', 'conflictKind', { value: shortValue(prefix.word) })
          continue
        }
        kind = prefix.kind
        name = item.slice(colon + 1).trim()
      }
      if (name === '') refuse('conflicts', 'partyName')
      else fields.conflicts.push({ kind, name })
    }

    const statusCell = cell('status')
    if (statusCell !== '') {
      const status = STATUS_WORDS[vocabularyKey(statusCell)]
      if (status === undefined) refuse('status', 'choice', { value: shortValue(statusCell) })
      else fields.status = status
    }
    if (!(LAWYER_STATUSES as readonly string[]).includes(fields.status)) refuse('status', 'choice')

    // Zod only for a row the plain check is not sure of: same problems, a fraction of the time (see that file).
    if (rowIsValid && !isPlainlyValidLawyer(fields)) {
      const checked = ZLawyerFieldsSchema.safeParse(fields)
      if (!checked.success) {
        const reported = new Set<string>()
        for (const issue of checked.error.issues) {
          const column = COLUMN_OF_FIELD[issue.path[0] as keyof TLawyerFields] ?? ''
          const code = SCHEMA_CODES[issue.message] ?? 'invalid'
          if (reported.has(`${column}:${code}`)) continue
          reported.add(`${column}:${code}`)
          refuse(column, code)
        }
      }
    }

    // Twice in one file: the same licence in the same law society, or the same email.
    const licenceKeys = memberships.map(
      (membership) => `${membership.province}:${licenceKeyOf(membership.licenceNumber)}`,
    )
    for (const key of licenceKeys) {
      const other = licenceRows.get(key)
      if (other !== undefined) refuse('licence_number', 'duplicateLicence', { otherRow: other })
      else licenceRows.set(key, row)
    }
    const email = fields.email.toLowerCase()
    if (email !== '') {
      const other = emailRows.get(email)
      if (other !== undefined) refuse('email', 'duplicateEmail', { otherRow: other })
      else emailRows.set(email, row)
    }
    if (rowIsValid) rows.push({ row, fields, licenceKeys, email })
  }
  return { rows, problems }
}
