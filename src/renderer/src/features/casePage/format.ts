/** Dates in the interface language's conventions, and the day arithmetic the case page needs. */
const localeTag = (language: string): string => (language === 'fr' ? 'fr-CA' : 'en-CA')

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** A calendar date 'YYYY-MM-DD' as a UTC midnight, so formatting never shifts it by a time zone. */
function utcDay(date: string): number | null {
  const match = DATE_PATTERN.exec(date)
  if (match === null) return null
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
}

/** Today in this computer's time zone, as 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** 'YYYY-MM-DD' → "Mar 4, 2026" / "4 mars 2026"; anything else is shown as it is. */
export function formatDay(date: string, language: string): string {
  const day = utcDay(date)
  if (day === null) return date
  return new Intl.DateTimeFormat(localeTag(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(day),
  )
}

/** An instant (ISO 8601) in local time. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(localeTag(language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  )
}

/** Whole days from today to `date` (negative when it has passed), or null for no date. */
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
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${todayIso(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`
}

/** 'YYYY-MM-DDTHH:mm' (local) → ISO 8601 with this computer's offset, e.g. 2026-03-04T09:30:00-05:00. */
export function localDateTimeToIso(value: string): string | null {
  const date = new Date(value)
  if (value === '' || Number.isNaN(date.getTime())) return null
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0')
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  return `${todayIso(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
}
