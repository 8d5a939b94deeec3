import { missingDay } from '../../../../shared/calendar'
import { isCountryCode, isLanguageCode } from '../../../../shared/cases/codes'
import {
  ZIntakeSchema,
  emptyIntake,
  intakeNames,
  isIsoDate,
  type TIntake,
} from '../../../../shared/cases/intake-schema'
import { checkedIntakesInMemory, type TCheckedIntakeSink, type TCheckedIntakes } from './checked-intake-rows'
import type { TAnswer } from '../../../../shared/cases/vocabulary'
import {
  CSV_CHOICES,
  CSV_MAX_REPORTED_ERRORS,
  CSV_MAX_ROWS,
  type TCsvChoiceColumn,
  type TCsvErrorCode,
  type TCsvRowError,
} from '../../../../shared/contract/intake-csv'
import { REFERENCE_PATTERN } from '../../../../shared/contract/intake'
import { NAME_COLUMNS, columnOf, type TCsvColumn } from './columns'
import { splitCsvText, type TCsvRecord } from '../../csv/csv-text'
import { splitList, unneutralize, vocabularyKey } from '../../csv/cells'
import { columnOrder, schemaErrors } from './schema-problems'

export type { TCsvImportRow } from './checked-intake-rows'

/**
 * `rowCount`: the file's data rows (0 when the file itself is refused), for "N rows, M refused". `errors` lists the
 * first problems only (at most the reader's `maxErrors`); `errorCount` says how many there were in all.
 */
export type TParseIntakesResult =
  { rows: TCheckedIntakes } | { errors: TCsvRowError[]; rowCount: number; errorCount?: number }

export type TParseIntakesOptions = {
  /** 'YYYY-MM-DD': the intake date of rows that give none. */
  today: string
  /** Where checked rows go as they are read (default: memory, for whole texts; an upload stages them). */
  sink?: TCheckedIntakeSink
  /** Problems kept to list (default CSV_MAX_REPORTED_ERRORS); the rest are only counted. */
  maxErrors?: number
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

/**
 * The header: which column each cell position holds, and its problems by position. Whether an unnamed column holds
 * data is only known once the rows are read, so those positions are returned for the end of the file.
 */
function readHeader(cells: readonly string[]): {
  columns: (TCsvColumn | null)[]
  problems: Map<number, TCsvRowError>
  unnamed: number[]
  hasNameColumn: boolean
} {
  const problems = new Map<number, TCsvRowError>()
  const columns: (TCsvColumn | null)[] = []
  const unnamed: number[] = []
  const seen = new Set<TCsvColumn>()
  cells.forEach((header, position) => {
    const name = header.trim()
    if (name === '') {
      // Spreadsheets leave trailing empty columns; an unnamed column that holds data is refused.
      unnamed.push(position)
      columns.push(null)
      return
    }
    const column = columnOf(name)
    if (column === null) {
      problems.set(position, { line: 1, field: shortValue(name), code: 'unknownColumn' })
    } else if (seen.has(column)) {
      problems.set(position, { line: 1, field: column, code: 'duplicateColumn', value: shortValue(name) })
    } else {
      seen.add(column)
    }
    columns.push(column)
  })
  return { columns, problems, unnamed, hasNameColumn: NAME_COLUMNS.some((column) => seen.has(column)) }
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
 * Reads an intakes file (docs/intake-csv.md) one record at a time, turning each row into a checked intake as soon
 * as it arrives so the file's text is never held: `take` each record (the header first), then `finish`. `take`
 * answers 'stop' once the file has more than CSV_MAX_ROWS data rows: the reader stops there, the cap is enforced
 * while parsing. Any problem refuses the whole file: `finish` then lists every problem, by the physical line its
 * row starts on (the header is line 1) and its column. Nothing here touches the vault; reference numbers already
 * in the vault are found by the import itself.
 */
export class IntakeCsvRows {
  private header: ReturnType<typeof readHeader> | null = null
  private readonly positions = new Map<TCsvColumn, number>()
  private readonly unnamedWithData = new Set<number>()
  private readonly errors: TCsvRowError[] = []
  /** Every problem found, listed or not. */
  private errorCount = 0
  /** Checked rows go here as they are read (staged in the vault for an upload): this reader keeps none. */
  private readonly sink: TCheckedIntakeSink
  private readonly maxErrors: number
  private readonly referenceLines = new Map<string, number>()
  private dataRows = 0

  constructor(private readonly options: TParseIntakesOptions) {
    this.sink = options.sink ?? checkedIntakesInMemory()
    this.maxErrors = options.maxErrors ?? CSV_MAX_REPORTED_ERRORS
  }

  take({ line, cells }: TCsvRecord): 'stop' | undefined {
    if (this.header === null) {
      this.header = readHeader(cells)
      this.header.columns.forEach((column, position) => {
        if (column !== null) this.positions.set(column, position)
      })
      return undefined
    }
    if (!cells.some((value) => value.trim() !== '')) return undefined
    this.dataRows += 1
    if (this.dataRows > CSV_MAX_ROWS) {
      this.sink.discard()
      return 'stop'
    }
    for (const position of this.header.unnamed) {
      if ((cells[position] ?? '').trim() !== '') this.unnamedWithData.add(position)
    }
    // A file refused for its header is not checked row by row (the rows would be read against the wrong columns).
    if (this.header.problems.size > 0 || this.unnamedWithData.size > 0) return undefined
    this.checkRow(line, cells, this.header.columns.length)
    return undefined
  }

  /** The answer once the file is read; a refused file's staged rows are dropped here. */
  finish(): TParseIntakesResult {
    const result = this.answer()
    if ('errors' in result) this.sink.discard()
    return result
  }

  /** The file was refused before its end (a byte cap, a syntax error, a cancel): drop what was staged. */
  abandon(): void {
    this.sink.discard()
  }

  private answer(): TParseIntakesResult {
    if (this.header === null) return { errors: [{ line: 0, field: '', code: 'empty' }], rowCount: 0 }
    const headerErrors = this.headerErrors(this.header)
    if (headerErrors.length > 0) return { errors: headerErrors, rowCount: 0 }
    if (this.dataRows === 0) return { errors: [{ line: 0, field: '', code: 'empty' }], rowCount: 0 }
    if (this.dataRows > CSV_MAX_ROWS) {
      return {
        errors: [{ line: 0, field: '', code: 'tooManyRows', limit: CSV_MAX_ROWS }],
        rowCount: this.dataRows,
      }
    }
    if (this.errorCount > 0) {
      return { errors: this.errors, rowCount: this.dataRows, errorCount: this.errorCount }
    }
    return { rows: this.sink.checked() }
  }

  /** Header problems in column order, as the person reads the header left to right. */
  private headerErrors(header: NonNullable<typeof this.header>): TCsvRowError[] {
    const errors: TCsvRowError[] = []
    header.columns.forEach((_, position) => {
      const problem = header.problems.get(position)
      if (problem !== undefined) errors.push(problem)
      if (this.unnamedWithData.has(position)) {
        errors.push({ line: 1, field: '', code: 'unnamedColumn', limit: position + 1 })
      }
    })
    if (errors.length === 0 && !header.hasNameColumn) {
      errors.push({ line: 1, field: 'family_name', code: 'noNameColumn' })
    }
    return errors
  }

  private checkRow(line: number, cells: readonly string[], columnCount: number): void {
    if (cells.length > columnCount && cells.slice(columnCount).some((value) => value.trim() !== '')) {
      this.refuse([{ line, field: '', code: 'tooManyCells', limit: columnCount }])
      return
    }
    const cell = (column: TCsvColumn): string => {
      const position = this.positions.get(column)
      return position === undefined ? '' : unneutralize(cells[position] ?? '').trim()
    }
    const row = readRow(line, cell, this.options.today)
    if (row.reference !== '' && REFERENCE_PATTERN.test(row.reference)) {
      const otherLine = this.referenceLines.get(row.reference)
      if (otherLine === undefined) this.referenceLines.set(row.reference, line)
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
      this.refuse(row.errors.sort((a, b) => columnOrder(a.field) - columnOrder(b.field)))
      return
    }
    if (this.errorCount > 0) return
    this.sink.add({ line, reference: row.reference, json: JSON.stringify(checked.data) })
  }

  /** Once the file is refused, the rows already read are dropped and only problems are kept (the first few). */
  private refuse(errors: readonly TCsvRowError[]): void {
    if (this.errorCount === 0) this.sink.discard()
    this.errorCount += errors.length
    const room = this.maxErrors - this.errors.length
    if (room > 0) this.errors.push(...errors.slice(0, room))
  }
}

/** A whole file's text at once (tests and small files); the import streams files through IntakeCsvRows. */
export function parseIntakesCsv(text: string, options: TParseIntakesOptions): TParseIntakesResult {
  const split = splitCsvText(text)
  if ('errors' in split) return { errors: split.errors, rowCount: 0 }
  const reader = new IntakeCsvRows(options)
  for (const record of split.records) {
    if (reader.take(record) === 'stop') break
  }
  return reader.finish()
}
