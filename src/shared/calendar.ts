/** Days in a month of the Gregorian calendar (month 1–12). */
export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate()

/** The month of a 'YYYY-MM-DD' that is written right but names a day its month lacks. */
export type TMissingDay = { year: number; month: number; days: number }

/**
 * '2024-02-30' → February 2024, which has 29 days; null for a real date or for text that is not a date at all.
 * So that a person reads "2024-02-30 does not exist" rather than a complaint about the format they got right.
 */
export function missingDay(value: string): TMissingDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (match === null) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null
  const days = daysInMonth(year, month)
  return day > days ? { year, month, days } : null
}

/** "February 2024" / "février 2024" in a Canadian locale. */
export const monthAndYear = ({ year, month }: Pick<TMissingDay, 'year' | 'month'>, locale: string): string =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  )
