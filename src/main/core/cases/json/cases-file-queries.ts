import type { TWritableDb } from '../../db/connection'
import { sql } from '../../db/sql'
import { jsonList } from '../case-repository'
import type { TConsentRow, TEventRow, TIntakeRow, TTaskRow } from '../case-rows'

/** The tables whose ids a cases file carries, so an import can refuse ids the vault already holds. */
const ID_TABLES = {
  case: sql`cases`,
  intake: sql`case_intakes`,
  event: sql`case_events`,
  task: sql`case_tasks`,
  consent: sql`case_consents`,
} as const
export type TCasesFileIdKind = keyof typeof ID_TABLES

/**
 * What `ccij-cases-v1` reads beyond the case repository: everything hanging off one case in a fixed order (oldest
 * first; ties in insertion order, which an import keeps), so export → import → export gives the same file.
 */
export class CasesFileQueries {
  constructor(private readonly db: TWritableDb) {}

  intakesOf(caseId: string): TIntakeRow[] {
    return this.db.all<TIntakeRow>(
      sql`SELECT * FROM case_intakes WHERE case_id = ${caseId} ORDER BY intake_date, recorded_at, rowid`,
    )
  }

  consentsOf(caseId: string): TConsentRow[] {
    return this.db.all<TConsentRow>(
      sql`SELECT * FROM case_consents WHERE case_id = ${caseId} ORDER BY recorded_at, rowid`,
    )
  }

  eventsOf(caseId: string): TEventRow[] {
    return this.db.all<TEventRow>(
      sql`SELECT * FROM case_events WHERE case_id = ${caseId} ORDER BY occurred_at, recorded_at, rowid`,
    )
  }

  tasksOf(caseId: string): TTaskRow[] {
    return this.db.all<TTaskRow>(
      sql`SELECT * FROM case_tasks WHERE case_id = ${caseId} ORDER BY due_on, created_at, rowid`,
    )
  }

  /** Which of `ids` the vault already holds as `kind`. */
  existingIds(kind: TCasesFileIdKind, ids: readonly string[]): Set<string> {
    if (ids.length === 0) return new Set()
    return new Set(
      this.db.column<string>(
        sql`SELECT id FROM ${ID_TABLES[kind]} WHERE id IN (SELECT value FROM json_each(${jsonList(ids)}))`,
      ),
    )
  }

  /** Which of `references` the vault already holds. */
  existingReferences(references: readonly string[]): Set<string> {
    if (references.length === 0) return new Set()
    return new Set(
      this.db.column<string>(
        sql`SELECT reference FROM cases WHERE reference IN (SELECT value FROM json_each(${jsonList(references)}))`,
      ),
    )
  }
}
