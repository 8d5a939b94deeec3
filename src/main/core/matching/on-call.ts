/** Is a lawyer on call at an airport at a given moment: weekly windows read in the airport's local time. */
import type { TOnCallWindow } from './types'

export const MINUTES_PER_DAY = 24 * 60
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY

const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 }
const formatters = new Map<string, Intl.DateTimeFormat>()

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Minutes since Monday 00:00 at `now` in `timeZone` (UTC when null or unknown to the runtime). */
export const minuteOfWeek = (now: Date, timeZone: string | null): number => {
  if (timeZone !== null) {
    try {
      const parts = formatterFor(timeZone).formatToParts(now)
      const part = (type: string): string => parts.find((item) => item.type === type)?.value ?? ''
      const day = WEEKDAYS[part('weekday')]
      if (day !== undefined) return day * MINUTES_PER_DAY + Number(part('hour')) * 60 + Number(part('minute'))
    } catch {
      // An unknown zone name falls back to UTC below: a wrong hour beats no answer.
    }
  }
  const day = (now.getUTCDay() + 6) % 7
  return day * MINUTES_PER_DAY + now.getUTCHours() * 60 + now.getUTCMinutes()
}

/** Whether `minute` (of the week) falls inside a window; a window ending at or before its start runs past midnight. */
export const windowCovers = (window: TOnCallWindow, minute: number): boolean => {
  const start = window.day * MINUTES_PER_DAY + window.startMinute
  const length =
    window.endMinute > window.startMinute
      ? window.endMinute - window.startMinute
      : window.endMinute + MINUTES_PER_DAY - window.startMinute
  const offset = (((minute - start) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK
  return offset < length
}

export const isOnCall = (windows: readonly TOnCallWindow[], minute: number): boolean =>
  windows.some((window) => windowCovers(window, minute))
