import type { TRosterCapacity, TRosterCapacityRow } from '../../../shared/contract/lawyers'
import type { TReadableDb } from '../db/connection'
import { sql } from '../db/sql'

/** What the capacity figures read of each lawyer: no names, no contact details. */
export type TLawyerCapacityRow = { id: string; province: string; status: string; max_active: number }

export const lawyerCapacityRows = (db: TReadableDb): TLawyerCapacityRow[] =>
  db.all<TLawyerCapacityRow>(sql`SELECT id, province, status, max_active FROM lawyers`)

const emptyRow = (province: TRosterCapacityRow['province'], known: boolean): TRosterCapacityRow => ({
  province,
  active: 0,
  paused: 0,
  places: 0,
  full: known ? 0 : null,
  placesFree: known ? 0 : null,
})

/**
 * The roster's capacity by the lawyers' own province: places offered, places free and lawyers full among the
 * active, and lawyers paused. `held` (places each lawyer holds in open referrals) is null for a caller who cannot
 * read referrals: their figures leave what is free and who is full unknown rather than guess "all free".
 */
export function rosterCapacity(
  lawyers: readonly TLawyerCapacityRow[],
  held: ReadonlyMap<string, number> | null,
): TRosterCapacity {
  const known = held !== null
  const byProvince = new Map<string, TRosterCapacityRow>()
  const total = emptyRow('', known)
  for (const lawyer of lawyers) {
    const province = lawyer.province as TRosterCapacityRow['province']
    let row = byProvince.get(province)
    if (row === undefined) {
      row = emptyRow(province, known)
      byProvince.set(province, row)
    }
    for (const figures of [row, total]) {
      if (lawyer.status !== 'active') {
        figures.paused += 1
        continue
      }
      figures.active += 1
      figures.places += lawyer.max_active
      if (held === null) continue
      const free = Math.max(0, lawyer.max_active - (held.get(lawyer.id) ?? 0))
      figures.placesFree = (figures.placesFree ?? 0) + free
      if (free === 0) figures.full = (figures.full ?? 0) + 1
    }
  }
  const provinces = [...byProvince.values()].sort(
    (left, right) =>
      right.places - left.places ||
      right.active - left.active ||
      // Not recorded goes last among equals; the rest alphabetically by code.
      Number(left.province === '') - Number(right.province === '') ||
      left.province.localeCompare(right.province),
  )
  const { province: _province, ...totals } = total
  return { placesKnown: known, total: totals, provinces }
}
