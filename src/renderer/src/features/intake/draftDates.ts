import { todayIso } from '../../lib/dates'

const pad = (part: string) => part.padStart(2, '0')

/**
 * Forgiving date entry, tidied to YYYY-MM-DD when the field is left: '1985/3/4', '1985.03.04', '1985 03 04' and
 * '19850304' all become '1985-03-04'. Day first ('28/02/1980') is how dates are written in French, so it is
 * read that way there; in English, where 03/04/1980 could be either, only a day first that cannot be a month
 * (13 to 31) is read. Anything else is left as typed, for the schema to say what is expected.
 */
export function normalizeDateText(text: string, language = 'en'): string {
  const trimmed = text.trim()
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed)
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`
  const yearFirst = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(trimmed)
  if (yearFirst) return `${yearFirst[1]}-${pad(yearFirst[2]!)}-${pad(yearFirst[3]!)}`
  const dayFirst = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(trimmed)
  if (dayFirst) {
    const [, day, month, year] = dayFirst as unknown as [string, string, string, string]
    const unambiguous = Number(day) > 12 && Number(month) <= 12
    if (language.startsWith('fr') || unambiguous) return `${year}-${pad(month)}-${pad(day)}`
  }
  return trimmed
}

/** A complete YYYY-MM-DD date before today: worth a second look for a hearing or removal date. */
export function isPastDate(value: string, now = new Date()): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && value < todayIso(now)
}
