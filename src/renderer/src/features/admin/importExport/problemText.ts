import type { TFunction } from 'i18next'
import {
  ADVERSE_PARTY_KINDS,
  ANSWERS,
  EXPERIENCES,
  GENDERS,
  IMMIGRATION_STATUSES,
  LEGAL_NEEDS,
  PROVINCES,
} from '../../../../../shared/cases/vocabulary'
import { AIRPORTS } from '../../../../../shared/roster/airports'
import type { TCsvRowError } from '../../../../../shared/contract/intake-csv'
import { missingDay, monthAndYear } from '../../../../../shared/calendar'
import { localeTag } from '../../../lib/dates'

/** The keys a vocabulary column accepts: they are what the file must hold, so they are shown as written. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  gender: GENDERS,
  immigration_status: IMMIGRATION_STATUSES,
  legal_needs: LEGAL_NEEDS,
  experiences: EXPERIENCES,
  interpreter_needed: ANSWERS,
  detained: ANSWERS,
  adverse_parties: ADVERSE_PARTY_KINDS,
  province: PROVINCES,
  airport: AIRPORTS,
}

/**
 * One problem of a refused file in the interface language: "Row 3: date_of_birth 1980-02-31 is not a date
 * (YYYY-MM-DD)." Main sends codes, never sentences, so the same problem reads in English and French.
 */
export function problemText(t: TFunction, problem: TCsvRowError, language: string): string {
  const where =
    problem.line === 0
      ? t('importExport.problem.whereFile')
      : problem.line === 1
        ? t('importExport.problem.whereHeader')
        : t('importExport.problem.whereRow', { line: problem.line })
  const missing = problem.code === 'noSuchDay' ? missingDay(problem.value ?? '') : null
  const message = t(`importExport.problem.code.${problem.code}`, {
    month: missing === null ? '' : monthAndYear(missing, localeTag(language)),
    days: missing?.days ?? '',
    field: problem.field,
    value: problem.value ?? '',
    limit: problem.limit ?? '',
    otherLine: problem.otherLine ?? '',
    allowed: (ALLOWED[problem.field] ?? []).join(', '),
  })
  // React escapes the text it renders (i18n.ts turns i18next's own escaping off), so file content stays text.
  return t('importExport.problem.line', { where, message })
}
