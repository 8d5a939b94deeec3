import { CASES_FILE_FORMAT } from '../../../../shared/cases/cases-file-schema'
import type { TCasesFileError } from '../../../../shared/contract/cases-file'

/** The intake's field rules in English (the app's screen words the same codes through its catalogs). */
const RULES: Readonly<Record<string, string>> = {
  tooLong: 'is too long',
  nameRequired: 'needs a name in some form',
  intakeDateRequired: 'needs the intake date',
  notADate: 'is not a date (YYYY-MM-DD) or that day does not exist',
  dateInFuture: 'is in the future',
  birthAfterArrival: 'is before the date of birth',
  ageRange: 'is not an age from 0 to 120',
  phone: 'is not a phone number',
  email: 'is not an email address',
  language: 'is not an ISO 639 language code',
  country: 'is not an ISO 3166 alpha-2 country code',
  choice: 'is not one of the allowed values (docs/intake-csv.md lists them)',
  expiryBeforeGiven: 'is before the date consent was given',
  partyNameRequired: 'needs a name or an original-script name',
  tooMany: 'has too many entries',
  consentDateRequired: 'needs the date consent was given',
  required: 'is missing',
  wrongType: 'has the wrong type of value',
  unknownField: 'is not a field of this format',
  invalid: 'is not valid',
  referenceExists: 'is already used by a case in this vault',
  referenceInFile: 'is given to an earlier case of the file too',
  idExists: 'is already used in this vault (was this file imported before?)',
  idInFile: 'is given to an earlier record of the file too',
}

/**
 * One problem in English, for the admin CLI: "case 3 (CCIJ-2026-0004), intakes.0.intake.person.dateOfBirth: is not
 * a date (YYYY-MM-DD) or that day does not exist". Never a value: it could be survivor data.
 */
export function formatCasesFileError(error: TCasesFileError): string {
  if (error.code === 'notJson') return 'file: it is not JSON (is it complete, and saved as UTF-8?)'
  if (error.code === 'notCasesFile')
    return `file: it is not a ${CASES_FILE_FORMAT} file (it needs "format", "exportedAt" and "cases")`
  const where = `case ${error.case}${error.reference === '' ? '' : ` (${error.reference})`}`
  return `${where}, ${error.field || 'the case'}: ${RULES[error.code] ?? 'is not valid'}`
}
