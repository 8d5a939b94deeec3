import type { TReadableDb } from '../db/connection'
import { sql, sqlAnd, type TSql } from '../db/sql'
import type { TCount } from '../../../shared/reports/small-counts'

/** Cases opened in a range, inclusive; '' leaves an end open. */
export type TOpenedRange = { from: string; to: string }

type TKeyCount = { key: string | null; count: number }

const openedIn = (range: TOpenedRange): TSql =>
  sqlAnd([
    ...(range.from === '' ? [] : [sql`c.opened_on >= ${range.from}`]),
    ...(range.to === '' ? [] : [sql`c.opened_on <= ${range.to}`]),
  ])

const counts = (rows: readonly TKeyCount[]): TCount[] =>
  rows.map((row) => ({ key: row.key ?? '', count: row.count }))

/**
 * The caseload report's raw counts, straight from casework.db: grouped counts only, never a row of a case. Each
 * breakdown is one grouped scan; the multi-valued ones (needs, experiences) count a case once per value it has.
 */
export class CaseloadCounts {
  constructor(private readonly db: TReadableDb) {}

  total(range: TOpenedRange): number {
    return this.db.value<number>(sql`SELECT count(*) FROM cases c WHERE ${openedIn(range)}`) ?? 0
  }

  byStatus(range: TOpenedRange): TCount[] {
    return counts(
      this.db.all<TKeyCount>(
        sql`SELECT c.status AS key, count(*) AS count FROM cases c WHERE ${openedIn(range)} GROUP BY c.status`,
      ),
    )
  }

  byProvince(range: TOpenedRange): TCount[] {
    return counts(
      this.db.all<TKeyCount>(
        sql`SELECT c.province AS key, count(*) AS count FROM cases c WHERE ${openedIn(range)} GROUP BY c.province`,
      ),
    )
  }

  /** need_keys is ' refugee_claim detention_review ': few distinct combinations, split here. */
  byLegalNeed(range: TOpenedRange): TCount[] {
    const rows = this.db.all<TKeyCount>(
      sql`SELECT c.need_keys AS key, count(*) AS count FROM cases c WHERE ${openedIn(range)} GROUP BY c.need_keys`,
    )
    const byNeed = new Map<string, number>()
    for (const row of rows) {
      for (const need of (row.key ?? '').split(' ').filter(Boolean)) {
        byNeed.set(need, (byNeed.get(need) ?? 0) + row.count)
      }
    }
    return [...byNeed].map(([key, count]) => ({ key, count }))
  }

  byCountryOfOrigin(range: TOpenedRange): TCount[] {
    return counts(
      this.db.all<TKeyCount>(sql`
        SELECT json_extract(f.profile, '$.location.countryOfOrigin') AS key, count(*) AS count
        FROM cases c JOIN case_files f ON f.case_id = c.id
        WHERE ${openedIn(range)} GROUP BY key`),
    )
  }

  /** A case counts once per kind of experience any of its intakes recorded. */
  byExperience(range: TOpenedRange): TCount[] {
    return counts(
      this.db.all<TKeyCount>(sql`
        SELECT kind AS key, count(*) AS count FROM (
          SELECT DISTINCT c.id, json_extract(e.value, '$.kind') AS kind
          FROM cases c JOIN case_intakes i ON i.case_id = c.id, json_each(i.data, '$.experiences.entries') e
          WHERE ${openedIn(range)}
        ) GROUP BY kind`),
    )
  }

  byMonthOpened(range: TOpenedRange): TCount[] {
    return counts(
      this.db.all<TKeyCount>(sql`
        SELECT substr(c.opened_on, 1, 7) AS key, count(*) AS count FROM cases c
        WHERE ${openedIn(range)} GROUP BY key ORDER BY key`),
    )
  }
}
