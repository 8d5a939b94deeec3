import type { TWritableDb } from '../db/connection'
import { sql, sqlAnd, sqlList, type TSql } from '../db/sql'

/**
 * The filters a count table can answer: the ones on a column of `cases` with few distinct values, and one language
 * or one legal need (a key of the case's key lists). Both a language and a need at once: see `canCount`.
 */
export type TCountFilters = {
  statuses: readonly string[]
  province?: string | undefined
  /** An account id, or 'unassigned'. */
  assignee?: string | undefined
  language?: string | undefined
  need?: string | undefined
}

/**
 * True when the count tables hold the answer: at most one of language and need (a case counted under each of its
 * keys; two keys at once would need a row per pair of keys, for a filter rarely set).
 */
export const canCount = (filters: TCountFilters): boolean =>
  filters.language === undefined || filters.need === undefined

/** The key a language or legal need is counted under in `case_key_counts`: 'language:ar', 'need:refugee_claim'. */
function countedKey(filters: TCountFilters): string | null {
  if (filters.language !== undefined) return `language:${filters.language}`
  if (filters.need !== undefined) return `need:${filters.need}`
  return null
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
  /** The language and need counts are built apart, on the first such filter: most sessions never set one. */
  private keysBuiltAt: number | null = null
  private dataVersion: TSql | null = null

  constructor(private readonly db: TWritableDb) {}

  /**
   * Cases matching `filters`, and of those the ones flagged urgent (detained, at an airport) and still open. Throws
   * when `canCount(filters)` is false.
   */
  count(filters: TCountFilters): { total: number; flaggedOpen: number } {
    if (!canCount(filters)) throw new Error('a language and a need at once are counted by the list, not here')
    const key = countedKey(filters)
    this.ensureBuilt(key !== null)
    const conditions = countConditions(filters)
    const table = key === null ? sql`temp.case_counts` : sql`temp.case_key_counts`
    if (key !== null) conditions.push(sql`key = ${key}`)
    const row = this.db.get<{ total: number | null; flaggedOpen: number | null }>(
      sql`SELECT sum(n) AS total, sum(CASE WHEN urgent_flag = 1 AND status <> 'closed' THEN n END) AS flaggedOpen
          FROM ${table} WHERE ${sqlAnd(conditions)}`,
    )
    return { total: row?.total ?? 0, flaggedOpen: row?.flaggedOpen ?? 0 }
  }

  private ensureBuilt(withKeys: boolean): void {
    const version = this.db.value<number>((this.dataVersion ??= this.dataVersionQuery())) ?? 0
    if (this.builtAt !== version) {
      this.db.transaction(() => {
        for (const statement of COUNT_TABLE) this.db.run(statement)
      })
      this.builtAt = version
    }
    if (withKeys && this.keysBuiltAt !== version) {
      this.db.transaction(() => {
        for (const statement of KEY_COUNT_TABLE) this.db.run(statement)
      })
      this.keysBuiltAt = version
    }
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

/** A JSON array of a key list's keys ('["ar","fr"]'), or '[]' when the list would not make valid JSON. */
function keyArray(column: TSql): TSql {
  const array = sql`'["' || replace(trim(${column}), ' ', '","') || '"]'`
  return sql`(CASE WHEN json_valid(${array}) THEN ${array} ELSE '[]' END)`
}

/** A case's counted keys as a table of one column, `key`: 'language:…' for each language, 'need:…' for each need. */
function keysOf(row: TSql): TSql {
  return sql`(SELECT 'language:' || value AS key FROM json_each(${keyArray(sql`${row}.language_keys`)}) WHERE value <> ''
          UNION ALL
          SELECT 'need:' || value FROM json_each(${keyArray(sql`${row}.need_keys`)}) WHERE value <> '')`
}

function addKeys(row: TSql): TSql {
  return sql`INSERT INTO temp.case_key_counts (key, status, province, assignee, urgent_flag, n)
          SELECT k.key, ${row}.status, ${row}.province, coalesce(${row}.assigned_account_id, ''), ${row}.urgent_flag, 1
            FROM ${keysOf(row)} k WHERE true
          ON CONFLICT (key, status, province, assignee, urgent_flag) DO UPDATE SET n = n + 1`
}

function removeKeys(row: TSql): TSql {
  return sql`UPDATE temp.case_key_counts SET n = n - 1
          WHERE key IN ${keysOf(row)} AND status = ${row}.status AND province = ${row}.province
            AND assignee = coalesce(${row}.assigned_account_id, '') AND urgent_flag = ${row}.urgent_flag`
}

/**
 * Drop and rebuild the tables from `cases`, and (re)create the TEMP triggers that keep them in step (a TEMP trigger
 * may watch a table of an attached database; unqualified, `cases` is found there). `case_key_counts` counts a case
 * once under each of its languages and legal needs: its space-delimited key lists (' ar fr ', see key-list.ts) are
 * split by json_each over a JSON array made of them (keys are codes and vocabulary keys: no quote, no backslash,
 * no space; a list that still does not make valid JSON is counted under no key rather than failing the write).
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

/** The same for languages and needs: `case_key_counts`, built on the first language or need filter. */
const KEY_COUNT_TABLE: readonly TSql[] = [
  sql`DROP TRIGGER IF EXISTS temp.case_key_counts_insert`,
  sql`DROP TRIGGER IF EXISTS temp.case_key_counts_delete`,
  sql`DROP TRIGGER IF EXISTS temp.case_key_counts_update`,
  sql`DROP TABLE IF EXISTS temp.case_key_counts`,
  sql`CREATE TEMP TABLE case_key_counts (
        key TEXT NOT NULL, status TEXT NOT NULL, province TEXT NOT NULL, assignee TEXT NOT NULL,
        urgent_flag INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (key, status, province, assignee, urgent_flag)) WITHOUT ROWID`,
  ...(['language', 'need'] as const).map(
    (kind) =>
      sql`INSERT INTO temp.case_key_counts (key, status, province, assignee, urgent_flag, n)
            SELECT ${kind} || ':' || j.value, c.status, c.province, coalesce(c.assigned_account_id, ''), c.urgent_flag,
                   count(*)
              FROM cases c, json_each(${keyArray(kind === 'language' ? sql`c.language_keys` : sql`c.need_keys`)}) j
             WHERE j.value <> '' GROUP BY 1, 2, 3, 4, 5`,
  ),
  sql`CREATE TEMP TRIGGER case_key_counts_insert AFTER INSERT ON cases BEGIN
        ${addKeys(sql`NEW`)};
      END`,
  sql`CREATE TEMP TRIGGER case_key_counts_delete AFTER DELETE ON cases BEGIN
        ${removeKeys(sql`OLD`)};
      END`,
  sql`CREATE TEMP TRIGGER case_key_counts_update
        AFTER UPDATE OF status, province, assigned_account_id, urgent_flag, language_keys, need_keys ON cases BEGIN
        ${removeKeys(sql`OLD`)};
        ${addKeys(sql`NEW`)};
      END`,
]
