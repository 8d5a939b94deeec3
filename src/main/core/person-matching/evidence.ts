/** Non-name evidence: date or year of birth, phone numbers, email addresses. */
import type { MatchReason } from './types'

/** A birth date as the matcher compares it. */
export type BirthDate = {
  year: number | null
  /** 'MM-DD', or null when only the year is known or the date is a January 1 placeholder. */
  monthDay: string | null
  /** The full ISO date, when one was given. */
  iso: string | null
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
/** Phones are compared on their last 9 digits: enough to be unique, short enough to ignore +1, +963, 0 trunk. */
export const PHONE_DIGITS_COMPARED = 9
const NON_DIGIT = /\D/g

const isRealDate = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

const plausibleYear = (year: unknown): number | null =>
  typeof year === 'number' && Number.isInteger(year) && year >= 1850 && year <= 2200 ? year : null

/**
 * Reads the date or year of birth. January 1 is read as "year only": it is what many identity documents
 * record when the real date is unknown, so it must not contradict a real date in the same year.
 */
export const readBirthDate = (dateOfBirth: unknown, birthYear: unknown): BirthDate => {
  const match = typeof dateOfBirth === 'string' ? ISO_DATE.exec(dateOfBirth.trim()) : null
  if (match !== null) {
    const year = Number(match[1])
    const month = Number(match[2])
    const day = Number(match[3])
    if (plausibleYear(year) !== null && isRealDate(year, month, day)) {
      const monthDay = `${match[2]}-${match[3]}`
      return { year, monthDay: monthDay === '01-01' ? null : monthDay, iso: match[0] }
    }
  }
  return { year: plausibleYear(birthYear), monthDay: null, iso: null }
}

/** 'dob.exact', 'dob.year', 'dob.transposed', 'dob.conflict', or null when there is nothing to compare. */
export const compareBirthDates = (a: BirthDate, b: BirthDate): MatchReason | null => {
  if (a.iso !== null && a.iso === b.iso) return 'dob.exact'
  if (a.year === null || b.year === null) return null
  if (a.monthDay !== null && b.monthDay !== null) {
    if (a.year !== b.year) return 'dob.conflict'
    if (a.monthDay === b.monthDay) return 'dob.exact'
    // 03-04 against 04-03: day and month swapped between date conventions.
    const [aMonth, aDay] = a.monthDay.split('-')
    const [bMonth, bDay] = b.monthDay.split('-')
    return aMonth === bDay && aDay === bMonth ? 'dob.transposed' : 'dob.conflict'
  }
  // At least one side knows only the year (or an approximate age): a year apart is not a contradiction.
  const gap = Math.abs(a.year - b.year)
  if (gap === 0) return 'dob.year'
  return gap === 1 ? null : 'dob.conflict'
}

/** The last digits of each phone number that has enough digits to compare. */
export const phoneKeys = (phones: unknown): string[] => {
  if (!Array.isArray(phones)) return []
  const keys = new Set<string>()
  for (const phone of phones.slice(0, 20)) {
    if (typeof phone !== 'string') continue
    const digits = phone.slice(0, 64).replace(NON_DIGIT, '')
    if (digits.length >= PHONE_DIGITS_COMPARED) keys.add(digits.slice(-PHONE_DIGITS_COMPARED))
  }
  return [...keys]
}

/** Emails trimmed and case-folded; anything without an @ is ignored. */
export const emailKeys = (emails: unknown): string[] => {
  if (!Array.isArray(emails)) return []
  const keys = new Set<string>()
  for (const email of emails.slice(0, 20)) {
    if (typeof email !== 'string') continue
    const folded = email.slice(0, 320).normalize('NFKC').trim().toLowerCase()
    const at = folded.indexOf('@')
    if (at > 0 && at < folded.length - 1) keys.add(folded)
  }
  return [...keys]
}

export const sharesAny = (a: readonly string[], b: readonly string[]): boolean =>
  a.length > 0 && b.length > 0 && a.some((key) => b.includes(key))
