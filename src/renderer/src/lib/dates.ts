/**
 * Dates in the interface language's Canadian conventions (en-CA, fr-CA), and the day arithmetic screens need.
 * Calendar dates travel as 'YYYY-MM-DD' text (as the shared schemas keep them); instants as ISO 8601.
 */

/** The Intl locale for an interface language: Canadian English or Canadian French. */
export const localeTag = (language: string): string => (language === 'fr' ? 'fr-CA' : 'en-CA')

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000
const pad = (value: number) => String(Math.abs(value)).padStart(2, '0')

/** A calendar date 'YYYY-MM-DD' as a UTC midnight, so formatting never shifts it by a time zone. */
function utcDay(date: string): number | null {
  const match = DATE_PATTERN.exec(date)
  if (match === null) return null
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
}

/** Today in this computer's time zone, as 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A calendar date 'YYYY-MM-DD' → "Mar 4, 2026" / "4 mars 2026"; anything else is shown as it is. */
export function formatDay(date: string, language: string): string {
  const day = utcDay(date)
  if (day === null) return date
  return new Intl.DateTimeFormat(localeTag(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(day),
  )
}

type TDateStyle = 'medium' | 'long'
type TTimeStyle = 'short' | 'medium'

/** An instant's local date, without the time: "Mar 4, 2026" (medium) or "March 4, 2026" (long). */
export function formatDate(when: string | Date, language: string, dateStyle: TDateStyle = 'medium'): string {
  return format(when, language, { dateStyle })
}

/** An instant in local time: date (medium by default) and time (short by default, or with seconds). */
export function formatDateTime(
  when: string | Date,
  language: string,
  { date = 'medium', time = 'short' }: { date?: TDateStyle; time?: TTimeStyle } = {},
): string {
  return format(when, language, { dateStyle: date, timeStyle: time })
}

/** An instant's local time of day: "1:12 p.m." / "13 h 12". */
export function formatTime(when: string | Date, language: string): string {
  return format(when, language, { timeStyle: 'short' })
}

function format(when: string | Date, language: string, options: Intl.DateTimeFormatOptions): string {
  const date = when instanceof Date ? when : new Date(when)
  if (Number.isNaN(date.getTime())) return typeof when === 'string' ? when : ''
  return new Intl.DateTimeFormat(localeTag(language), options).format(date)
}

/** Whole days from `today` to `date` (negative when it has passed), or null when either is not a date. */
export function daysFrom(date: string, today: string = todayIso()): number | null {
  const target = utcDay(date)
  const start = utcDay(today)
  if (target === null || start === null) return null
  return Math.round((target - start) / DAY_MS)
}

/** Age in whole years on `today`. */
export function ageOn(dateOfBirth: string, today: string = todayIso()): number | null {
  const birth = DATE_PATTERN.exec(dateOfBirth)
  const now = DATE_PATTERN.exec(today)
  if (birth === null || now === null) return null
  let age = Number(now[1]) - Number(birth[1])
  if (`${now[2]}-${now[3]}` < `${birth[2]}-${birth[3]}`) age -= 1
  return age
}

/** Now as the value of an <input type="datetime-local">: 'YYYY-MM-DDTHH:mm' in local time. */
export function localDateTimeNow(now: Date = new Date()): string {
  return `${todayIso(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`
}

/** 'YYYY-MM-DDTHH:mm' (local) → ISO 8601 with this computer's offset, e.g. 2026-03-04T09:30:00-05:00. */
export function localDateTimeToIso(value: string): string | null {
  const date = new Date(value)
  if (value === '' || Number.isNaN(date.getTime())) return null
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  return `${todayIso(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
}

/** A month 'YYYY-MM' → "Mar 2026" / "mars 2026"; anything else is shown as it is. */
export function formatMonth(month: string, language: string): string {
  const day = utcDay(`${month}-01`)
  if (day === null) return month
  return new Intl.DateTimeFormat(localeTag(language), {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(day))
}
