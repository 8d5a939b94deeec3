import type { TProvince } from '../../../shared/cases/vocabulary'
import type { TAirport, TWeekday } from '../../../shared/roster/airports'
import type { TLawyerFields } from '../../../shared/roster/lawyer-schema'
import type { TReadableDb, TWritableDb } from '../db/connection'
import { hasKey, hasWords } from '../db/key-list'
import { sql, sqlAnd, type TSql } from '../db/sql'
import { placesHeldBy } from '../referrals/referral-repository'
import type { TLawyerRow, TMembershipRow, TStoredConflict } from './lawyer-rows'
import { markRosterChanged } from './roster-generation'
import {
  addLawyerChildRows,
  lawyerFieldValues,
  licenceKeyOf,
  noChildRows,
  type TLawyerChildRows,
  type TTableRow,
} from './lawyer-table-rows'

// The sign-up parser keys licences the same way as the table does.
export { licenceKeyOf }

/** What the roster list can be narrowed by (validated by the service; `words` folded). */
export type TLawyerFilter = {
  words: readonly string[]
  status?: string
  province?: TProvince
  language?: string
  practiceArea?: string
  airport?: TAirport
  /** Only these lawyers (those on call now, computed by the service per airport's local time). */
  ids?: readonly string[]
  /** Active lawyers with a place free: offered places less those held by open referrals, when `placesHeldKnown`. */
  hasCapacity: boolean
  /** True for staff who can read referrals (casework.db attached); a viewer's "free" is every place offered. */
  placesHeldKnown?: boolean
}

/** A lawyer's rows together: the main row, memberships in order, declared conflicts in order. */
export type TLawyerRecord = { row: TLawyerRow; memberships: TMembershipRow[]; conflicts: TStoredConflict[] }

/** Reading the roster. */
export class LawyerQueries {
  constructor(protected readonly db: TReadableDb) {}

  get(id: string): TLawyerRecord | undefined {
    const row = this.db.get<TLawyerRow>(sql`SELECT * FROM lawyers WHERE id = ${id}`)
    if (row === undefined) return undefined
    return {
      row,
      memberships: this.db.all<TMembershipRow>(
        sql`SELECT * FROM lawyer_memberships WHERE lawyer_id = ${id} ORDER BY position`,
      ),
      conflicts: JSON.parse(
        this.db.value<string>(sql`SELECT conflicts FROM lawyer_conflict_lists WHERE lawyer_id = ${id}`) ??
          '[]',
      ) as TStoredConflict[],
    }
  }

  /** Every lawyer, one at a time with their memberships and conflicts (exports never hold the roster at once). */
  *iterateAll(): Generator<TLawyerRecord> {
    const ids = this.db.column<string>(sql`SELECT id FROM lawyers ORDER BY last_name, first_name, id`)
    for (const id of ids) {
      const record = this.get(id)
      if (record !== undefined) yield record
    }
  }

  private where(filter: TLawyerFilter): TSql {
    const conditions: TSql[] = [hasWords(sql`search_text`, filter.words)]
    if (filter.status !== undefined) conditions.push(sql`status = ${filter.status}`)
    if (filter.province !== undefined)
      conditions.push(
        sql`(province = ${filter.province} OR ${hasKey(sql`licence_provinces`, filter.province)})`,
      )
    if (filter.language !== undefined) conditions.push(hasKey(sql`language_keys`, filter.language))
    if (filter.practiceArea !== undefined) conditions.push(hasKey(sql`practice_keys`, filter.practiceArea))
    if (filter.airport !== undefined) conditions.push(hasKey(sql`airport_keys`, filter.airport))
    if (filter.ids !== undefined)
      conditions.push(sql`id IN (SELECT value FROM json_each(${JSON.stringify(filter.ids)}))`)
    // As the dashboard counts places free: active lawyers only, less the places open referrals hold.
    if (filter.hasCapacity)
      conditions.push(
        sql`status = 'active' AND max_active > ${filter.placesHeldKnown === true ? placesHeldBy(sql`lawyers.id`) : 0}`,
      )
    return sqlAnd(conditions)
  }

  list(filter: TLawyerFilter, offset: number, limit: number): { rows: TLawyerRow[]; total: number } {
    const where = this.where(filter)
    return {
      rows: this.db.all<TLawyerRow>(
        sql`SELECT * FROM lawyers WHERE ${where} ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id
            LIMIT ${limit} OFFSET ${offset}`,
      ),
      total: this.db.value<number>(sql`SELECT count(*) FROM lawyers WHERE ${where}`) ?? 0,
    }
  }

  /** Active lawyers on call at `airport` on local weekday `day` at local minute `minute`. */
  onCallAt(airport: TAirport, day: TWeekday, minute: number): TLawyerRow[] {
    return this.db.all<TLawyerRow>(sql`
      SELECT * FROM lawyers WHERE status = 'active' AND id IN (
        SELECT lawyer_id FROM lawyer_on_call
        WHERE airport = ${airport} AND day = ${day} AND start_minute <= ${minute} AND end_minute > ${minute})
      ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id`)
  }

  /** Licence province + key ('ON:LSO12345') → lawyer id, over the whole roster (for an import's duplicate check). */
  licenceIndex(): Map<string, string> {
    const rows = this.db.all<{ province: string; licence_key: string; lawyer_id: string }>(
      sql`SELECT province, licence_key, lawyer_id FROM lawyer_memberships`,
    )
    return new Map(rows.map((row) => [`${row.province}:${row.licence_key}`, row.lawyer_id]))
  }

  /** The lawyer holding this licence in this law society, if any. */
  licenceHolder(province: string, licenceNumber: string): string | undefined {
    return this.db.value<string>(
      sql`SELECT lawyer_id FROM lawyer_memberships
          WHERE province = ${province} AND licence_key = ${licenceKeyOf(licenceNumber)}`,
    )
  }

  /** Lower-cased email → lawyer id. */
  emailIndex(): Map<string, string> {
    const rows = this.db.all<{ email: string; id: string }>(
      sql`SELECT lower(email) AS email, id FROM lawyers WHERE email <> ''`,
    )
    return new Map(rows.map((row) => [row.email, row.id]))
  }

  displayNames(ids: readonly string[]): Map<string, string> {
    if (ids.length === 0) return new Map()
    const rows = this.db.all<{ id: string; first_name: string; last_name: string }>(
      sql`SELECT id, first_name, last_name FROM lawyers WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
    )
    return new Map(rows.map((row) => [row.id, [row.first_name, row.last_name].filter(Boolean).join(' ')]))
  }

  count(): number {
    return this.db.value<number>(sql`SELECT count(*) FROM lawyers`) ?? 0
  }
}

/** Rows per bound JSON array: one cached statement whatever the count, and a bounded text per call. */
const ROWS_PER_STATEMENT = 1_000

/** Reading and writing the roster. A lawyer's rows are written together by the caller's transaction. */
export class LawyerRepository extends LawyerQueries {
  constructor(protected override readonly db: TWritableDb) {
    super(db)
  }

  insert(id: string, fields: TLawyerFields, at: string, createdBy: string | null): void {
    this.insertMany([{ id, fields }], at, createdBy)
  }

  /**
   * New lawyers with their memberships, on-call slices and conflicts, a table at a time: each table's rows go in as
   * JSON arrays through one prepared INSERT … SELECT FROM json_each (an import of 10,000 lawyers is a few hundred
   * statements), and each lawyer's declared conflicts as one list (200,000 names are 10,000 rows).
   */
  insertMany(
    lawyers: readonly { id: string; fields: TLawyerFields }[],
    at: string,
    createdBy: string | null,
  ): void {
    const children = noChildRows()
    const rows = lawyers.map(({ id, fields }) => {
      addLawyerChildRows(children, id, fields)
      return [id, ...lawyerFieldValues(fields), at, createdBy, at]
    })
    this.inBatches(
      rows,
      (json) => sql`
        INSERT INTO lawyers (id, first_name, last_name, search_text, email, phone, firm, city, province, practice_keys,
          language_keys, licence_provinces, airport_keys, experience_types, experience_countries, on_call_windows,
          max_active, status, notes, created_at, created_by, updated_at)
        SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8,
          value->>9, value->>10, value->>11, value->>12, value->>13, value->>14, value->>15, value->>16, value->>17,
          value->>18, value->>19, value->>20, value->>21
        FROM json_each(${json})`,
    )
    this.writeChildren(children)
  }

  /** Every field replaced; memberships, on-call slices and conflicts rewritten. False when there is no such lawyer. */
  replace(id: string, fields: TLawyerFields, at: string): boolean {
    const { changes } = this.db.run(sql`
      UPDATE lawyers SET (first_name, last_name, search_text, email, phone, firm, city, province, practice_keys,
          language_keys, licence_provinces, airport_keys, experience_types, experience_countries, on_call_windows,
          max_active, status, notes) =
        (SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8,
          value->>9, value->>10, value->>11, value->>12, value->>13, value->>14, value->>15, value->>16, value->>17
         FROM json_each(${JSON.stringify([lawyerFieldValues(fields)])})),
        updated_at = ${at}
      WHERE id = ${id}`)
    if (changes !== 1) return false
    this.db.run(sql`DELETE FROM lawyer_memberships WHERE lawyer_id = ${id}`)
    this.db.run(sql`DELETE FROM lawyer_on_call WHERE lawyer_id = ${id}`)
    this.db.run(sql`DELETE FROM lawyer_conflict_lists WHERE lawyer_id = ${id}`)
    const children = noChildRows()
    addLawyerChildRows(children, id, fields)
    this.writeChildren(children)
    return true
  }

  setStatus(id: string, status: string, at: string): boolean {
    return (
      this.db.run(sql`UPDATE lawyers SET status = ${status}, updated_at = ${at} WHERE id = ${id}`).changes ===
      1
    )
  }

  private writeChildren(children: TLawyerChildRows): void {
    markRosterChanged(this.db)
    this.inBatches(
      children.memberships,
      (json) => sql`
        INSERT INTO lawyer_memberships (lawyer_id, province, licence_number, licence_key, status, verified_on, position)
        SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6 FROM json_each(${json})`,
    )
    this.inBatches(
      children.onCall,
      (json) => sql`
        INSERT INTO lawyer_on_call (lawyer_id, airport, day, start_minute, end_minute)
        SELECT value->>0, value->>1, value->>2, value->>3, value->>4 FROM json_each(${json})`,
    )
    // One prepared statement, one row per lawyer: the list is already JSON, so no JSON array around it.
    for (const [lawyerId, conflicts] of children.conflictLists)
      this.db.run(
        sql`INSERT INTO lawyer_conflict_lists (lawyer_id, conflicts) VALUES (${lawyerId}, ${conflicts})`,
      )
  }

  private inBatches(rows: readonly TTableRow[], insert: (json: string) => TSql): void {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT)
      this.db.run(insert(JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT))))
  }
}
