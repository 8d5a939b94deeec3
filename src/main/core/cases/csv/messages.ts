import { missingDay, monthAndYear } from '../../../../shared/calendar'
import { CSV_CHOICES, csvChoicesOf, type TCsvRowError } from '../../../../shared/contract/intake-csv'

const quoted = (value: string | undefined): string => (value === undefined ? '' : ` ${value}`)

/**
 * One problem in English, for the admin CLI (the app's screen words the same codes through its catalogs):
 * "row 3: date_of_birth 1980-02-31 is not a date".
 */
export function formatCsvError(error: TCsvRowError): string {
  const { field, value, limit, otherLine } = error
  const where = error.line === 0 ? 'file' : error.line === 1 ? 'line 1 (header)' : `row ${error.line}`
  const what = (() => {
    switch (error.code) {
      case 'empty':
        return 'the file has no header row or no data rows'
      case 'notUtf8':
        return 'the file is not UTF-8 text (save it as "CSV UTF-8")'
      case 'unclosedQuote':
        return 'a quoted cell on this row is never closed'
      case 'badQuote':
        return 'a quote is misplaced (a cell with quotes must be quoted whole, with inner quotes doubled)'
      case 'csvSyntax':
        return 'the line is not valid CSV'
      case 'unknownColumn':
        return `column "${field}" is not one this app knows (see docs/intake-csv.md)`
      case 'duplicateColumn':
        return `column ${field} appears twice${value === undefined ? '' : ` (again as "${value}")`}`
      case 'unnamedColumn':
        return `column ${limit ?? '?'} has no name but holds data`
      case 'noNameColumn':
        return 'the file needs at least one name column (family_name, given_names, aliases or name_original_script)'
      case 'tooManyRows':
        return `the file has more than ${limit ?? '?'} rows; split it`
      case 'tooLarge':
        return `the file is larger than ${limit ?? '?'} MB; split it`
      case 'tooManyCells':
        return `has more cells than the header's ${limit ?? '?'} columns`
      case 'nameRequired':
        return 'has no name (family_name, given_names, aliases or name_original_script)'
      case 'notADate':
        return `${field}${quoted(value)} is not a date (YYYY-MM-DD)`
      case 'noSuchDay':
        return `${field}${quoted(value)} does not exist${missingDayReason(value)}`
      case 'dateInFuture':
        return `${field}${quoted(value)} is in the future`
      case 'province':
        return `province${quoted(value)} is not a province code (${CSV_CHOICES.province.join(', ')})`
      case 'language':
        return `${field}${quoted(value)} is not an ISO 639 language code (such as en, fr, ar, prs)`
      case 'country':
        return `${field}${quoted(value)} is not an ISO 3166 alpha-2 country code (such as SY, AF, CD)`
      case 'choice': {
        const keys = csvChoicesOf(field)
        const subject = field === 'adverse_parties' ? 'adverse_parties kind' : field
        return `${subject}${quoted(value)} is not one of ${keys === undefined ? 'the allowed values' : keys.join(', ')}`
      }
      case 'boolean':
        return `${field}${quoted(value)} is not yes or no`
      case 'phone':
        return `${field} is not a phone number`
      case 'email':
        return `${field} is not an email address`
      case 'tooLong':
        return `${field} is too long${limit === undefined ? '' : ` (at most ${limit} characters)`}`
      case 'tooMany':
        return `${field} has too many entries${limit === undefined ? '' : ` (at most ${limit})`}`
      case 'partyName':
        return 'adverse_parties has an entry with a kind but no name'
      case 'reference':
        return `reference${quoted(value)} is not a reference like CCIJ-2026-0042`
      case 'referenceDuplicate':
        return `reference is also on row ${otherLine ?? '?'}`
      case 'referenceExists':
        return `reference${quoted(value)} is already in the vault`
      case 'invalid':
        return `${field} is not valid`
    }
  })()
  return `${where}: ${what}`
}

/** ': February 2024 has 29 days', or '' when the value is not a missing day. */
function missingDayReason(value: string | undefined): string {
  const missing = missingDay(value ?? '')
  return missing === null ? '' : `: ${monthAndYear(missing, 'en-CA')} has ${missing.days} days`
}
