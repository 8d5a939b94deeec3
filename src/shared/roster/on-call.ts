import { airportLocalTime, WEEKDAYS, type TAirport, type TWeekday } from './airports'

/**
 * Weekly on-call windows: "Mon-Fri 18:00-23:00", "Sat,Sun 00:00-24:00", "daily 22:00-06:00" (ending past midnight:
 * the window runs into the next day). Days are written in English or French, in any case. The same text is what the
 * sign-up CSV's `airport_on_call` column holds, one window per `;`-separated item.
 */
export type TOnCallWindow = { days: TWeekday[]; start: string; end: string }

// prettier-ignore
const DAY_WORDS: Readonly<Record<string, TWeekday>> = {
  mon: 'mon', monday: 'mon', lun: 'mon', lundi: 'mon',
  tue: 'tue', tues: 'tue', tuesday: 'tue', mar: 'tue', mardi: 'tue',
  wed: 'wed', wednesday: 'wed', mer: 'wed', mercredi: 'wed',
  thu: 'thu', thur: 'thu', thurs: 'thu', thursday: 'thu', jeu: 'thu', jeudi: 'thu',
  fri: 'fri', friday: 'fri', ven: 'fri', vendredi: 'fri',
  sat: 'sat', saturday: 'sat', sam: 'sat', samedi: 'sat',
  sun: 'sun', sunday: 'sun', dim: 'sun', dimanche: 'sun',
}
const EVERY_DAY = new Set(['daily', 'everyday', 'every day', 'tous les jours', 'tlj', 'quotidien'])

const TIME_PATTERN = /^([01]?\d|2[0-3]):([0-5]\d)$|^24:00$/

/** 'HH:MM' → minutes since midnight (24:00 → 1440), or null. */
export function minuteOf(time: string): number | null {
  const trimmed = time.trim()
  if (!TIME_PATTERN.test(trimmed)) return null
  const [hours, minutes] = trimmed.split(':').map(Number)
  return (hours ?? 0) * 60 + (minutes ?? 0)
}

const pad = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`

/** A window's time in the stored form ('9:00' → '09:00'). */
export const normalizeTime = (time: string): string => {
  const minute = minuteOf(time)
  return minute === null ? time : pad(minute)
}

function parseDays(text: string): TWeekday[] | null {
  const lowered = text.trim().toLowerCase().replace(/\./g, '')
  if (EVERY_DAY.has(lowered)) return [...WEEKDAYS]
  const days = new Set<TWeekday>()
  for (const part of lowered.split(/\s*,\s*/)) {
    const range = part.split(/\s*[-–]\s*/)
    if (range.length === 1) {
      const day = DAY_WORDS[range[0] ?? '']
      if (day === undefined) return null
      days.add(day)
    } else if (range.length === 2) {
      const from = DAY_WORDS[range[0] ?? '']
      const to = DAY_WORDS[range[1] ?? '']
      if (from === undefined || to === undefined) return null
      // Mon-Fri, and Fri-Mon wrapping over the weekend.
      for (let index = WEEKDAYS.indexOf(from); ; index = (index + 1) % 7) {
        const day = WEEKDAYS[index] as TWeekday
        days.add(day)
        if (day === to) break
      }
    } else return null
  }
  return WEEKDAYS.filter((day) => days.has(day))
}

/** "Mon-Fri 18:00-23:00" → a window; null when it cannot be read. */
export function parseOnCallWindow(text: string): TOnCallWindow | null {
  const match = /^(.*?)\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(text.trim())
  if (match === null) return null
  const days = parseDays(match[1] ?? '')
  const start = minuteOf(match[2] ?? '')
  const end = minuteOf(match[3] ?? '')
  if (days === null || days.length === 0 || start === null || end === null || start === end) return null
  if (start === 1440) return null
  return { days, start: pad(start), end: pad(end) }
}

// prettier-ignore
const DAY_LABELS: Readonly<Record<TWeekday, string>> = {
  mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun',
}

/** The window as parseOnCallWindow reads it back ('Mon-Fri 18:00-23:00', 'Mon,Wed 09:00-12:00'). */
export function formatOnCallWindow(window: TOnCallWindow): string {
  const indexes = window.days.map((day) => WEEKDAYS.indexOf(day)).sort((a, b) => a - b)
  const isRun =
    indexes.length > 2 && indexes.every((index, i) => i === 0 || index === (indexes[i - 1] ?? 0) + 1)
  const first = WEEKDAYS[indexes[0] ?? 0] as TWeekday
  const last = WEEKDAYS[indexes[indexes.length - 1] ?? 0] as TWeekday
  const days =
    indexes.length === 7
      ? 'daily'
      : isRun
        ? `${DAY_LABELS[first]}-${DAY_LABELS[last]}`
        : indexes.map((index) => DAY_LABELS[WEEKDAYS[index] as TWeekday]).join(',')
  return `${days} ${window.start}-${window.end}`
}

/**
 * One stored slice of a window: a weekday and a half-open minute range within that day. A window ending past
 * midnight becomes two slices (the rest of its day, the start of the next), so "on call at 02:00 on Tuesday" is a
 * single range test, in SQL or here.
 */
export type TOnCallSlice = { day: TWeekday; startMinute: number; endMinute: number }

export function slicesOf(window: TOnCallWindow): TOnCallSlice[] {
  const start = minuteOf(window.start) ?? 0
  const end = minuteOf(window.end) ?? 0
  const slices: TOnCallSlice[] = []
  for (const day of window.days) {
    if (end > start) {
      slices.push({ day, startMinute: start, endMinute: end })
    } else {
      const next = WEEKDAYS[(WEEKDAYS.indexOf(day) + 1) % 7] as TWeekday
      slices.push({ day, startMinute: start, endMinute: 1440 })
      if (end > 0) slices.push({ day: next, startMinute: 0, endMinute: end })
    }
  }
  return slices
}

/** Is someone with these windows on call at `airport` at the instant `at` (in the airport's local time)? */
export function isOnCallAt(windows: readonly TOnCallWindow[], airport: TAirport, at: Date): boolean {
  const { day, minute } = airportLocalTime(airport, at)
  return windows
    .flatMap(slicesOf)
    .some((slice) => slice.day === day && slice.startMinute <= minute && minute < slice.endMinute)
}
