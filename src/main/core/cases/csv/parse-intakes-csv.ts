import { missingDay } from '../../../../shared/calendar'
import { isCountryCode, isLanguageCode } from '../../../../shared/cases/codes'
import {
  ZIntakeSchema,
  emptyIntake,
  intakeNames,
  isIsoDate,
  type TIntake,
} from '../../../../shared/cases/intake-schema'
import type { TAnswer } from '../../../../shared/cases/vocabulary'
import {
  CSV_CHOICES,
  CSV_MAX_ROWS,
  type TCsvChoiceColumn,
  type TCsvErrorCode,
  type TCsvRowError,
} from '../../../../shared/contract/intake-csv'
import { REFERENCE_PATTERN } from '../../../../shared/contract/intake'
import { NAME_COLUMNS, columnOf, type TCsvColumn } from './columns'
import { splitCsvText } from '../../csv/csv-text'
import { splitList, unneutralize, vocabularyKey } from '../../csv/cells'
import { columnOrder, schemaErrors } from './schema-problems'

/** One valid row, ready for the case transfer service's `importIntakes`. */
export type TCsvImportRow = { line: number; reference?: string; intake: TIntake }

/** `rowCount`: the file's data rows (0 when the file itself is refused), for "N rows, M refused". */
export type TParseIntakesResult = { rows: TCsvImportRow[] } | { errors: TCsvRowError[]; rowCount: number }

export type TParseIntakesOptions = {
  /** 'YYYY-MM-DD': the intake date of rows that give none. */
  today: string
}

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  yes: true,
  y: true,
  true: true,
  '1': true,
  oui: true,
  o: true,
  no: false,
  n: false,
  false: false,
  '0': false,
  non: false,
}

/** Values a person can read back ('1980-02-31', 'ZZ', 'tortur') are echoed, shortened; text never is. */
const shortValue = (value: string): string => (value.length > 40 ? `${value.slice(0, 39)}…` : value)

type TChoice<F extends TCsvChoiceColumn> = (typeof CSV_CHOICES)[F][number]

const isChoice = <F extends TCsvChoiceColumn>(field: F, value: string): value is TChoice<F> =>
  (CSV_CHOICES[field] as readonly string[]).includes(value)

/** The header: which column each cell position holds. File-level problems end the check here. */
function readHeader(
  cells: readonly string[],
  records: readonly { cells: readonly string[] }[],
): { columns: (TCsvColumn | null)[] } | { errors: TCsvRowError[] } {
  const errors: TCsvRowError[] = []
  const columns: (TCsvColumn | null)[] = []
  const seen = new Set<TCsvColumn>()
  cells.forEach((header, position) => {
    const name = header.trim()
    if (name === '') {
      // Spreadsheets leave trailing empty columns; an unnamed column that holds data is refused.
      if (records.some((record) => (record.cells[position] ?? '').trim() !== '')) {
        errors.push({ line: 1, field: '', code: 'unnamedColumn', limit: position + 1 })
      }
      columns.push(null)
      return
    }
    const column = columnOf(name)
    if (column === null) {
      errors.push({ line: 1, field: shortValue(name), code: 'unknownColumn' })
    } else if (seen.has(column)) {
      errors.push({ line: 1, field: column, code: 'duplicateColumn', value: shortValue(name) })
    } else {
      seen.add(column)
    }
    columns.push(column)
  })
  if (errors.length === 0 && !NAME_COLUMNS.some((column) => seen.has(column))) {
    errors.push({ line: 1, field: 'family_name', code: 'noNameColumn' })
  }
  return errors.length > 0 ? { errors } : { columns }
}

/** One row → an intake, collecting every problem rather than stopping at the first. */
function readRow(
  line: number,
  cell: (column: TCsvColumn) => string,
  today: string,
): { intake: TIntake; reference: string; errors: TCsvRowError[] } {
  const errors: TCsvRowError[] = []
  const refuse = (field: TCsvColumn, code: TCsvErrorCode, value?: string) => {
    errors.push(value === undefined ? { line, field, code } : { line, field, code, value: shortValue(value) })
  }
  const date = (field: TCsvColumn): string => {
    const value = cell(field)
    if (value === '') return ''
    if (!isIsoDate(value)) {
      refuse(field, missingDay(value) !== null ? 'noSuchDay' : 'notADate', value)
      return ''
    }
    return value
  }
  const pastDate = (field: TCsvColumn): string => {
    const value = date(field)
    if (value !== '' && value > today) {
      refuse(field, 'dateInFuture', value)
      return ''
    }
    return value
  }
  const choice = <F extends TCsvChoiceColumn>(field: F): TChoice<F> | '' => {
    const value = cell(field)
    if (value === '') return ''
    const key = vocabularyKey(value)
    if (isChoice(field, key)) return key
    refuse(field, 'choice', value)
    return ''
  }
  const choices = <F extends TCsvChoiceColumn>(field: F): TChoice<F>[] => {
    const chosen = new Set<TChoice<F>>()
    for (const item of splitList(cell(field))) {
      const key = vocabularyKey(item)
      if (isChoice(field, key)) chosen.add(key)
      else refuse(field, 'choice', item)
    }
    return [...chosen]
  }
  const boolean = (field: TCsvColumn): boolean | null => {
    const value = cell(field)
    if (value === '') return null
    const answer = BOOLEAN_WORDS[value.toLowerCase()]
    if (answer === undefined) refuse(field, 'boolean', value)
    return answer ?? null
  }
  const answer = (field: 'interpreter_needed' | 'detained'): TAnswer | '' => {
    const value = cell(field)
    if (value === '') return ''
    const word = BOOLEAN_WORDS[value.toLowerCase()]
    if (word !== undefined) return word ? 'yes' : 'no'
    const key = vocabularyKey(value)
    if (isChoice(field, key)) return key
    refuse(field, 'choice', value)
    return ''
  }
  const language = (field: TCsvColumn, value: string): string => {
    const code = value.trim().toLowerCase()
    if (isLanguageCode(code)) return code
    refuse(field, 'language', value)
    return ''
  }
  const country = (field: TCsvColumn): string => {
    const value = cell(field)
    if (value === '') return ''
    const code = value.toUpperCase()
    if (isCountryCode(code)) return code
    refuse(field, 'country', value)
    return ''
  }

  // A row without an intake date is dated the day of the import (said in the docs).
  const intake = emptyIntake(pastDate('intake_date') || today)

  const reference = cell('reference').toUpperCase()
  if (reference !== '' && !REFERENCE_PATTERN.test(reference)) refuse('reference', 'reference', reference)

  intake.person.familyName = cell('family_name')
  intake.person.givenNames = cell('given_names')
  intake.person.aliases = [...new Set(splitList(cell('aliases')))]
  intake.person.originalScriptName = cell('name_original_script')
  intake.person.dateOfBirth = pastDate('date_of_birth')
  intake.person.gender = choice('gender')

  const preferred = cell('preferred_language')
  intake.languages.preferred = preferred === '' ? '' : language('preferred_language', preferred)
  intake.languages.others = [
    ...new Set(splitList(cell('other_languages')).map((item) => language('other_languages', item))),
  ].filter((code) => code !== '')
  intake.languages.interpreterNeeded = answer('interpreter_needed')

  intake.contact.phone = cell('phone')
  intake.contact.email = cell('email')
  intake.contact.safetyNotes = cell('safe_contact_notes')

  const province = cell('province').toUpperCase()
  if (province !== '' && !isChoice('province', province)) refuse('province', 'province', province)
  intake.location.province = isChoice('province', province) ? province : ''
  intake.location.city = cell('city')
  intake.location.countryOfOrigin = country('country_of_origin')
  intake.location.immigrationStatus = choice('immigration_status')

  intake.needs.needs = choices('legal_needs')
  intake.needs.detained = answer('detained')
  intake.needs.removalDate = date('removal_date')
  intake.needs.hearingDate = date('hearing_date')
  intake.needs.atAirportNow = boolean('at_airport') ?? false
  const airport = cell('airport').toUpperCase()
  if (airport !== '' && !isChoice('airport', airport)) refuse('airport', 'choice', airport)
  intake.needs.airportCode = isChoice('airport', airport) ? airport : ''

  for (const item of splitList(cell('adverse_parties'))) {
    // 'unit:3rd Brigade'; a single word before a colon must be a kind, anything else is a person's name.
    const prefixed = /^([\p{L}_]{1,24})\s*:(.*)$/su.exec(item)
    let kind: TChoice<'adverse_parties'> = 'person'
    let name = item
    if (prefixed !== null) {
      const key = vocabularyKey(prefixed[1] ?? '')
      if (!isChoice('adverse_parties', key)) {
        refuse('adverse_parties', 'choice', prefixed[1] ?? '')
        continue
      }
      kind = key
      name = (prefixed[2] ?? '').trim()
    }
    if (name === '') {
      refuse('adverse_parties', 'partyName')
      continue
    }
    intake.adverseParties.push({ kind, name, originalScriptName: '', country: '', notes: '' })
  }
  if (intakeNames(intake.person).length === 0) refuse('family_name', 'nameRequired')

  intake.experiences.entries = choices('experiences').map((kind) => ({
    kind,
    otherKind: '',
    country: '',
    period: '',
    place: '',
  }))
  intake.experiences.narrative = cell('narrative')

  for (const [field, purpose] of [
    ['consent_share_lawyer', 'share_with_lawyer'],
    ['consent_share_org', 'share_with_organization'],
  ] as const) {
    const granted = boolean(field)
    if (granted === null) continue
    intake.consent.push({
      purpose,
      granted,
      method: '',
      givenOn: intake.meta.intakeDate,
      expiresOn: '',
      notes: '',
    })
  }
  intake.meta.notes = cell('notes')

  return { intake, reference, errors }
}

/**
 * Reads an intakes CSV file (docs/intake-csv.md) into full intakes, each checked with the same schema the app
 * uses. Any problem refuses the whole file: the answer then lists every problem, by the physical line its row
 * starts on (the header is line 1) and its column. Nothing here touches the vault; reference numbers already in
 * the vault are found by the import itself.
 */
export function parseIntakesCsv(text: string, { today }: TParseIntakesOptions): TParseIntakesResult {
  const split = splitCsvText(text)
  if ('errors' in split) return { errors: split.errors, rowCount: 0 }
  const [header, ...records] = split.records
  if (header === undefined) return { errors: [{ line: 0, field: '', code: 'empty' }], rowCount: 0 }
  const headerResult = readHeader(header.cells, records)
  if ('errors' in headerResult) return { errors: headerResult.errors, rowCount: 0 }
  const { columns } = headerResult

  const dataRecords = records.filter((record) => record.cells.some((value) => value.trim() !== ''))
  if (dataRecords.length === 0) return { errors: [{ line: 0, field: '', code: 'empty' }], rowCount: 0 }
  if (dataRecords.length > CSV_MAX_ROWS) {
    return {
      errors: [{ line: 0, field: '', code: 'tooManyRows', limit: CSV_MAX_ROWS }],
      rowCount: dataRecords.length,
    }
  }

  const errors: TCsvRowError[] = []
  const rows: TCsvImportRow[] = []
  const referenceLines = new Map<string, number>()
  const positions = new Map<TCsvColumn, number>()
  columns.forEach((column, position) => {
    if (column !== null) positions.set(column, position)
  })

  for (const { line, cells } of dataRecords) {
    if (cells.length > columns.length && cells.slice(columns.length).some((value) => value.trim() !== '')) {
      errors.push({ line, field: '', code: 'tooManyCells', limit: columns.length })
      continue
    }
    const cell = (column: TCsvColumn): string => {
      const position = positions.get(column)
      return position === undefined ? '' : unneutralize(cells[position] ?? '').trim()
    }
    const row = readRow(line, cell, today)
    if (row.reference !== '' && REFERENCE_PATTERN.test(row.reference)) {
      const otherLine = referenceLines.get(row.reference)
      if (otherLine === undefined) referenceLines.set(row.reference, line)
      else row.errors.push({ line, field: 'reference', code: 'referenceDuplicate', otherLine })
    }
    // The schema too, so nothing the app would refuse gets in; a column already reported is not reported twice.
    const checked = ZIntakeSchema.safeParse(row.intake)
    if (!checked.success) {
      const reported = new Set(row.errors.map((error) => error.field))
      row.errors.push(
        ...schemaErrors(line, checked.error.issues, row.intake).filter((error) => !reported.has(error.field)),
      )
    }
    if (row.errors.length > 0 || !checked.success) {
      errors.push(...row.errors.sort((a, b) => columnOrder(a.field) - columnOrder(b.field)))
      continue
    }
    rows.push(
      row.reference === ''
        ? { line, intake: checked.data }
        : { line, reference: row.reference, intake: checked.data },
    )
  }
  return errors.length > 0 ? { errors, rowCount: dataRecords.length } : { rows }
}
