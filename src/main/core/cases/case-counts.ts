import type { TWritableDb } from '../db/connection'
import { sql, sqlAnd, sqlList, type TSql } from '../db/sql'

/** The filters a count table can answer: the ones on a column of `cases` with few distinct values. */
export type TCountFilters = {
  statuses: readonly string[]
  province?: string | undefined
  /** An account id, or 'unassigned'. */
  assignee?: string | undefined
}

/**
 * How many cases there are per status, province, assignee and urgent flag, kept in step with every write to
 * `cases` by this connection (so counting a first page is summing a few dozen rows, not walking 100,000 index
 * entries, and an audit entry or a saved draft no longer throws the count away).
 *
 * A TEMP table with TEMP triggers, built on the first count a session asks for: the counts are the session's own
 * cache, in its memory, never in a vault file, and need no schema change. The triggers run inside the statement
 * that changes a case, so a rolled-back transaction rolls them back too. A commit by another connection (the admin
 * command line, another window) bumps the database's data_version and the next count rebuilds the table.
 */
export class CaseCounts {
  private builtAt: number | null = null
  private dataVersion: TSql | null = null

  constructor(private readonly db: TWritableDb) {}

  /** Cases matching `filters`, and of those the ones flagged urgent (detained, at an airport) and still open. */
  count(filters: TCountFilters): { total: number; flaggedOpen: number } {
    this.ensureBuilt()
    const where = sqlAnd(countConditions(filters))
    const row = this.db.get<{ total: number | null; flaggedOpen: number | null }>(
      sql`SELECT sum(n) AS total, sum(CASE WHEN urgent_flag = 1 AND status <> 'closed' THEN n END) AS flaggedOpen
          FROM temp.case_counts WHERE ${where}`,
    )
    return { total: row?.total ?? 0, flaggedOpen: row?.flaggedOpen ?? 0 }
  }

  private ensureBuilt(): void {
    const version = this.db.value<number>((this.dataVersion ??= this.dataVersionQuery())) ?? 0
    if (this.builtAt === version) return
    this.db.transaction(() => {
      for (const statement of COUNT_TABLE) this.db.run(statement)
    })
    this.builtAt = version
  }

  /**
   * The data_version of the database holding `cases`: casework.db attached in a session, the one file elsewhere.
   * It changes when another connection commits to that file (this connection's writes go through the triggers).
   */
  private dataVersionQuery(): TSql {
    const schema = this.db.value<string>(
      sql`SELECT schema FROM pragma_table_list WHERE name = 'cases' AND type = 'table' AND schema <> 'temp'`,
    )
    // The PRAGMA statement: its table-valued form ignores the schema and reads main's.
    if (schema === 'casework') return sql`PRAGMA casework.data_version`
    if (schema === 'main') return sql`PRAGMA main.data_version`
    throw new Error('no cases table to count')
  }
}

function countConditions(filters: TCountFilters): TSql[] {
  const where: TSql[] = []
  if (filters.statuses.length > 0) where.push(sql`status IN ${sqlList(filters.statuses)}`)
  if (filters.province !== undefined) where.push(sql`province = ${filters.province}`)
  if (filters.assignee === 'unassigned') where.push(sql`assignee = ''`)
  else if (filters.assignee !== undefined) where.push(sql`assignee = ${filters.assignee}`)
  return where
}

/**
 * Drop and rebuild the table from `cases`, and (re)create the TEMP triggers that keep it in step (a TEMP trigger may
 * watch a table of an attached database; unqualified, `cases` is found there).
 */
const COUNT_TABLE: readonly TSql[] = [
  sql`DROP TRIGGER IF EXISTS temp.case_counts_insert`,
  sql`DROP TRIGGER IF EXISTS temp.case_counts_delete`,
  sql`DROP TRIGGER IF EXISTS temp.case_counts_update`,
  sql`DROP TABLE IF EXISTS temp.case_counts`,
  sql`CREATE TEMP TABLE case_counts (
        status TEXT NOT NULL, province TEXT NOT NULL, assignee TEXT NOT NULL, urgent_flag INTEGER NOT NULL,
        n INTEGER NOT NULL, PRIMARY KEY (status, province, assignee, urgent_flag)) WITHOUT ROWID`,
  sql`INSERT INTO temp.case_counts (status, province, assignee, urgent_flag, n)
        SELECT status, province, coalesce(assigned_account_id, ''), urgent_flag, count(*) FROM cases GROUP BY 1, 2, 3, 4`,
  sql`CREATE TEMP TRIGGER case_counts_insert AFTER INSERT ON cases BEGIN
        INSERT INTO temp.case_counts (status, province, assignee, urgent_flag, n)
          VALUES (NEW.status, NEW.province, coalesce(NEW.assigned_account_id, ''), NEW.urgent_flag, 1)
          ON CONFLICT (status, province, assignee, urgent_flag) DO UPDATE SET n = n + 1;
      END`,
  sql`CREATE TEMP TRIGGER case_counts_delete AFTER DELETE ON cases BEGIN
        UPDATE temp.case_counts SET n = n - 1 WHERE status = OLD.status AND province = OLD.province
          AND assignee = coalesce(OLD.assigned_account_id, '') AND urgent_flag = OLD.urgent_flag;
      END`,
  sql`CREATE TEMP TRIGGER case_counts_update
        AFTER UPDATE OF status, province, assigned_account_id, urgent_flag ON cases BEGIN
        UPDATE temp.case_counts SET n = n - 1 WHERE status = OLD.status AND province = OLD.province
          AND assignee = coalesce(OLD.assigned_account_id, '') AND urgent_flag = OLD.urgent_flag;
        INSERT INTO temp.case_counts (status, province, assignee, urgent_flag, n)
          VALUES (NEW.status, NEW.province, coalesce(NEW.assigned_account_id, ''), NEW.urgent_flag, 1)
          ON CONFLICT (status, province, assignee, urgent_flag) DO UPDATE SET n = n + 1;
      END`,
]
