import type { TCaseListRow } from '../../../../shared/contract/cases'
import { REMOVAL_URGENT_DAYS } from '../../../../shared/cases/vocabulary'

import { daysFrom, localeTag } from '../../lib/dates'

const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

/** A date for a list column. Formatters are cached: the list formats a date in every row it draws. */
export function formatListDate(iso: string, language: string): string {
  const tag = localeTag(language)
  let format = dateFormats.get(tag)
  if (format === undefined) {
    // 2026-11-27 in both en-CA and fr-CA: short, unambiguous, and it lines up in a column.
    format = new Intl.DateTimeFormat(tag, { dateStyle: 'short' })
    dateFormats.set(tag, format)
  }
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '' : format.format(date)
}

export function formatCount(count: number, language: string): string {
  const tag = localeTag(language)
  let format = numberFormats.get(tag)
  if (format === undefined) {
    format = new Intl.NumberFormat(tag)
    numberFormats.set(tag, format)
  }
  return format.format(count)
}

export type TUrgencyReason =
  | { kind: 'detained' }
  | { kind: 'atAirport' }
  | { kind: 'removal'; days: number }
  /** Main says urgent for a reason this screen cannot name (e.g. a rule added later). */
  | { kind: 'urgent' }

/** Why a case is urgent, in the order a caseworker acts on them; empty when it is not. */
export function urgencyReasons(row: TCaseListRow, today: string): TUrgencyReason[] {
  if (!row.urgent) return []
  const reasons: TUrgencyReason[] = []
  if (row.atAirport) reasons.push({ kind: 'atAirport' })
  if (row.detained) reasons.push({ kind: 'detained' })
  const days = row.removalDate === '' ? null : daysFrom(row.removalDate, today)
  // A removal date already passed stays urgent (main counts it): the person may be gone or about to be.
  if (days !== null && days <= REMOVAL_URGENT_DAYS) reasons.push({ kind: 'removal', days })
  return reasons.length > 0 ? reasons : [{ kind: 'urgent' }]
}
