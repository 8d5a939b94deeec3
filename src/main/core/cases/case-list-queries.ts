import { SEARCH_COUNT_CAP } from '../../../shared/contract/cases'
import type { TReadableDb, TWritableDb } from '../db/connection'
import { sql, sqlAnd, sqlList, type TSql } from '../db/sql'
import { canCount, CaseCounts } from './case-counts'
import { CodeSharers } from './code-sharers'
import { orderPage, pageCandidates, type TCaseOrderFacts, type TRankedHit } from './search-page'
import type { TNamedPerson } from './case-names'
import type { TCaseListRecord } from './case-rows'
import { jsonList } from './case-repository'

/** The list's filters, already validated. */
export type TListFilters = {
  statuses: readonly string[]
  province?: string | undefined
  language?: string | undefined
  need?: string | undefined
  /** An account id, or 'unassigned'. */
  assignee?: string | undefined
  urgency?: 'urgent' | 'not_urgent' | undefined
}

/**
 * What the exact search found, for the similar-name pass to leave out: its FTS5 expression, how many, and their
 * rowids when the page holds every one of them.
 */
export type TExactHits = { match: string; total: number; rowids?: readonly number[] }

/** `capped`: more rows match than `total`, a search's count stopped at SEARCH_COUNT_CAP. */
export type TListPage = { rows: TCaseListRecord[]; total: number; capped?: boolean }

/** An open case that is detained, at an airport, or facing removal by the cutoff date. */
const urgent = (cutoff: string): TSql =>
  sql`(c.status <> 'closed' AND (c.urgent_flag = 1 OR (c.removal_date IS NOT NULL AND c.removal_date <= ${cutoff})))`

/**
 * The narrowest index that holds every column a count needs and starts with a filtered one: language and need
 * keys live only in the wide list index; the others have narrow indexes led by province, assignee or status.
 */
function countIndexFor(filters: TListFilters): TSql {
  if (filters.language !== undefined || filters.need !== undefined) return sql`cases_list`
  if (filters.province !== undefined) return sql`cases_count`
  if (filters.assignee !== undefined) return sql`cases_count_by_assignee`
  if (filters.statuses.length > 0) return sql`cases_count_by_status`
  return sql`cases_count`
}

function filterConditions(filters: TListFilters): TSql[] {
  const where: TSql[] = []
  if (filters.statuses.length > 0) where.push(sql`c.status IN ${sqlList(filters.statuses)}`)
  if (filters.province !== undefined) where.push(sql`c.province = ${filters.province}`)
  if (filters.language !== undefined)
    where.push(sql`instr(c.language_keys, ' ' || ${filters.language} || ' ') > 0`)
  if (filters.need !== undefined) where.push(sql`instr(c.need_keys, ' ' || ${filters.need} || ' ') > 0`)
  if (filters.assignee === 'unassigned') where.push(sql`c.assigned_account_id IS NULL`)
  else if (filters.assignee !== undefined) where.push(sql`c.assigned_account_id = ${filters.assignee}`)
  return where
}

/**
 * The case list and search: read-only, and the hottest queries of the app (see docs/cases.md for the indexes).
 * One per session (`session.scoped`), because it keeps counts between pages.
 */
export class CaseListQueries {
  /**
   * Counts of list and search queries, valid while nothing in the database changed: a scrolling list asks for many
   * pages of the same query, and only the first should pay for counting 100,000 rows.
   */
  private readonly counts = new Map<string, number>()
  private countsVersion = ''
  private readonly db: TReadableDb
  /** Counts per status, province and assignee, kept in step with this connection's writes (case-counts.ts). */
  private readonly caseCounts: CaseCounts
  private readonly sharers = new CodeSharers()

  /** Writable only for the session's TEMP count table: nothing here writes to a vault file. */
  constructor(db: TWritableDb) {
    this.db = db
    this.caseCounts = new CaseCounts(db)
  }

  /**
   * The default list: urgent cases first (detained or at an airport, then by removal date), then the rest, most
   * recently updated first. Each part is chosen and counted inside its own covering index (no table row is read
   * until the page is known), and the two are glued by offset arithmetic.
   */
  listByUrgency(filters: TListFilters, cutoff: string, offset: number, limit: number): TListPage {
    const conditions = filterConditions(filters)
    const wantUrgent = filters.urgency !== 'not_urgent'
    const wantCalm = filters.urgency !== 'urgent'
    const urgentWhere = sql`WHERE (c.urgent_flag = 1 OR c.removal_date IS NOT NULL) AND ${sqlAnd([urgent(cutoff), ...conditions])}`
    const calmWhere = sql`WHERE ${sqlAnd([sql`NOT ${urgent(cutoff)}`, ...conditions])}`
    const { urgentCount, calmCount } = this.countByUrgency(filters, cutoff, conditions, {
      urgentWhere: wantUrgent ? urgentWhere : null,
      calmWhere: wantCalm ? calmWhere : null,
    })
    const rowids: number[] = []
    if (wantUrgent && offset < urgentCount) {
      rowids.push(
        ...this.db.column<number>(
          sql`SELECT c.rowid FROM cases c INDEXED BY cases_attention ${urgentWhere}
              ORDER BY c.urgent_flag DESC, c.removal_date IS NULL, c.removal_date, c.updated_at DESC
              LIMIT ${limit} OFFSET ${offset}`,
        ),
      )
    }
    const remaining = limit - rowids.length
    if (wantCalm && remaining > 0) {
      rowids.push(
        ...this.db.column<number>(
          sql`SELECT c.rowid FROM cases c INDEXED BY cases_list ${calmWhere}
              ORDER BY c.updated_at DESC LIMIT ${remaining} OFFSET ${Math.max(0, offset - urgentCount)}`,
        ),
      )
    }
    return { rows: this.listRows(rowids), total: urgentCount + calmCount }
  }

  /**
   * The two halves' counts. They come from the count tables (a language or a need from the one counting each case
   * under each of its keys): all matching cases and the open flagged ones, plus the few facing removal by the cutoff
   * (a range of the attention index); the calm half is the rest. A language and a need at once (rare) walk an
   * index instead (cached until the next write).
   */
  private countByUrgency(
    filters: TListFilters,
    cutoff: string,
    conditions: TSql[],
    /** The halves' WHERE clauses, null for a half the urgency filter leaves out. */
    halves: { urgentWhere: TSql | null; calmWhere: TSql | null },
  ): { urgentCount: number; calmCount: number } {
    const { urgentWhere, calmWhere } = halves
    if (!canCount(filters)) {
      return {
        urgentCount:
          urgentWhere === null
            ? 0
            : this.cachedCount(sql`SELECT count(*) FROM cases c INDEXED BY cases_attention ${urgentWhere}`),
        calmCount:
          calmWhere === null
            ? 0
            : this.cachedCount(
                sql`SELECT count(*) FROM cases c INDEXED BY ${countIndexFor(filters)} ${calmWhere}`,
              ),
      }
    }
    const { total, flaggedOpen } = this.caseCounts.count(filters)
    const removalSoon = this.cachedCount(
      sql`SELECT count(*) FROM cases c INDEXED BY cases_attention
          WHERE (c.urgent_flag = 1 OR c.removal_date IS NOT NULL) AND c.urgent_flag = 0
            AND c.removal_date <= ${cutoff} AND c.status <> 'closed' AND ${sqlAnd(conditions)}`,
    )
    const urgentCount = flaggedOpen + removalSoon
    return {
      urgentCount: urgentWhere === null ? 0 : urgentCount,
      calmCount: calmWhere === null ? 0 : total - urgentCount,
    }
  }

  /**
   * Search results, best match first (urgent cases first among equals), with the same filters. Past the count's cap
   * (`namesOnly`: the same words met in a reference or a name, see `buildNamesOnlyQuery`), those hits come first,
   * ranked, then the others newest first, without ranking them.
   */
  search(
    match: string,
    filters: TListFilters,
    cutoff: string,
    offset: number,
    limit: number,
    namesOnly: string | null = null,
  ): TListPage {
    const conditions = filterConditions(filters)
    if (filters.urgency === 'urgent') conditions.push(urgent(cutoff))
    if (filters.urgency === 'not_urgent') conditions.push(sql`NOT ${urgent(cutoff)}`)
    const ranked = (
      query: string,
    ): TSql => sql`(SELECT rowid, rank FROM case_search WHERE case_search MATCH ${query}) h
      JOIN cases c ON c.rowid = h.rowid WHERE ${sqlAnd(conditions)}`
    // Counted without the cases when no filter applies: every rowid of case_search is a case's (cases are never
    // deleted), and joining each hit to its case cost about 3 ms of the 4 for a word in 4,000 cases of 100,000.
    const counted = (query: string): TSql =>
      conditions.length === 0 ? sql`case_search WHERE case_search MATCH ${query}` : ranked(query)
    const hits = ranked(match)
    const { total, capped } = this.cappedCount(counted(match))
    const page = (from: TSql, wanted: number, skip: number): number[] =>
      this.db.column<number>(
        sql`SELECT c.rowid FROM ${from}
            ORDER BY h.rank, ${urgent(cutoff)} DESC, c.updated_at DESC LIMIT ${wanted} OFFSET ${skip}`,
      )
    if (!capped || namesOnly === null) {
      const rowids =
        (conditions.length === 0 ? this.unfilteredPage(match, cutoff, offset, limit) : null) ??
        page(hits, limit, offset)
      return { rows: this.listRows(rowids), total, capped }
    }
    // Over the cap: bm25 over every hit of a broad word (a city, a word of the notes) costs tens of milliseconds at
    // 100,000 cases. The hits met in a name or reference are few for such a word: ranked as usual, they come first;
    // the others follow newest first, read in the index's own rowid order and stopped at the page.
    const nameHits = ranked(namesOnly)
    const named = this.cappedCount(counted(namesOnly))
    const rowids = offset < named.total ? page(nameHits, limit, offset) : []
    const rest = limit - rowids.length
    if (rest > 0 && !named.capped) {
      rowids.push(
        ...this.db.column<number>(
          sql`SELECT c.rowid FROM case_search s JOIN cases c ON c.rowid = s.rowid
              WHERE s.case_search MATCH ${match} AND ${sqlAnd(conditions)}
                AND c.rowid NOT IN (SELECT rowid FROM case_search WHERE case_search MATCH ${namesOnly})
              ORDER BY s.rowid DESC LIMIT ${rest} OFFSET ${Math.max(0, offset - named.total)}`,
        ),
      )
    }
    return { rows: this.listRows(rowids), total, capped }
  }

  /**
   * An unfiltered search's page as `search`'s SQL orders it, the cases read only for the hits that can be on it
   * (search-page.ts); null when a hit has no case (then the SQL decides).
   */
  private unfilteredPage(match: string, cutoff: string, offset: number, limit: number): number[] | null {
    const hits = this.db.all<TRankedHit>(
      sql`SELECT rowid, rank FROM case_search WHERE case_search MATCH ${match}`,
    )
    const candidates = pageCandidates(hits, offset, limit)
    if (candidates.length === 0) return []
    const facts = this.db.all<TCaseOrderFacts>(
      sql`SELECT c.rowid, ${urgent(cutoff)} AS urgent, c.updated_at FROM cases c
          WHERE c.rowid IN (SELECT value FROM json_each(${jsonList(candidates.map((hit) => hit.rowid))}))`,
    )
    return orderPage(candidates, facts, offset, limit)
  }

  /**
   * Cases whose reference begins with `prefix` (a reference-shaped search), through the reference's own index:
   * the whole reference first, then longer ones in order, with the same filters.
   */
  searchByReference(
    prefix: string,
    filters: TListFilters,
    cutoff: string,
    offset: number,
    limit: number,
  ): TListPage {
    const conditions = filterConditions(filters)
    if (filters.urgency === 'urgent') conditions.push(urgent(cutoff))
    if (filters.urgency === 'not_urgent') conditions.push(sql`NOT ${urgent(cutoff)}`)
    // References are ASCII: every one that begins with the prefix sorts between it and the prefix + U+FFFF.
    const hits = sql`cases c WHERE c.reference >= ${prefix} AND c.reference < ${`${prefix}\uffff`}
      AND ${sqlAnd(conditions)}`
    const { total, capped } = this.cappedCount(hits)
    const rowids = this.db.column<number>(
      sql`SELECT c.rowid FROM ${hits} ORDER BY c.reference LIMIT ${limit} OFFSET ${offset}`,
    )
    return { rows: this.listRows(rowids), total, capped }
  }

  /**
   * Cases sharing sound-alike or skeleton codes (`codes`: FTS5 expressions, see `similarNameCodes`) that the exact
   * search did not find, with their names as prepared when the case was written (null when the case has none
   * stored): at most `limit`, with the same filters. Best first: the cases sharing the most codes, a rare code
   * weighing more than a common one (bm25's inverse document frequency); among equals, the newest. Each code's cases
   * are read as bare rowids: FTS5's own `ORDER BY rank` computed bm25 for every case sharing any code (thousands at
   * 100,000 cases) before keeping the best, and its length normalization put a person recorded with several aliases
   * behind every one-name record sharing the same codes.
   */
  similarNameCandidates(
    codes: readonly string[],
    exact: TExactHits,
    filters: TListFilters,
    cutoff: string,
    limit: number,
  ): { rowid: number; names: string | null }[] {
    const conditions = filterConditions(filters)
    if (filters.urgency === 'urgent') conditions.push(urgent(cutoff))
    if (filters.urgency === 'not_urgent') conditions.push(sql`NOT ${urgent(cutoff)}`)
    let ordered = this.codeSharers(codes)
    // Every exact hit in hand (a first page holding them all): left out here, without running the exact query again.
    const inHand =
      exact.rowids !== undefined && exact.rowids.length === exact.total ? new Set(exact.rowids) : null
    if (inHand === null) {
      conditions.push(
        sql`c.rowid NOT IN (SELECT rowid FROM case_search WHERE case_search MATCH ${exact.match})`,
      )
    } else ordered = ordered.filter((rowid) => !inHand.has(rowid))
    // The exact hits and the filters are applied to the best first, in slices: unfiltered, the first slice (the
    // limit and room for every exact hit) is enough; a filter may need more.
    const found: { rowid: number; names: string | null }[] = []
    let from = 0
    let slice = limit + (inHand === null ? exact.total : 0)
    while (found.length < limit && from < ordered.length) {
      const rowids = jsonList(ordered.slice(from, from + slice))
      const wanted = limit - found.length
      // No filter: the stored names by rowid alone (every rowid of case_search is a case's, and cases are never
      // deleted); a filter reads the case's row too.
      found.push(
        ...this.db.all<{ rowid: number; names: string | null }>(
          conditions.length === 0
            ? sql`SELECT j.value AS rowid, n.names
                  FROM json_each(${rowids}) j LEFT JOIN case_names n ON n.case_rowid = j.value
                  ORDER BY j.key LIMIT ${wanted}`
            : sql`SELECT c.rowid, n.names
                  FROM json_each(${rowids}) j CROSS JOIN cases c ON c.rowid = j.value
                  LEFT JOIN case_names n ON n.case_rowid = c.rowid WHERE ${sqlAnd(conditions)}
                  ORDER BY j.key LIMIT ${wanted}`,
        ),
      )
      from += slice
      slice *= 4
    }
    return found
  }

  /**
   * Every case sharing one of `codes`, best first (see `similarNameCandidates` and code-sharers.ts). Each code's
   * cases come as one JSON array: a column of bare rowids cost a third more for the 2,000-12,000 a search's codes
   * bring.
   */
  private codeSharers(codes: readonly string[]): number[] {
    if (codes.length === 0) return []
    const caseload = this.db.value<number>(sql`SELECT max(rowid) FROM cases`) ?? 0
    const perCode = codes.map(
      (code) =>
        JSON.parse(
          this.db.value<string>(
            sql`SELECT json_group_array(rowid) FROM case_search WHERE case_search MATCH ${code}`,
          ) ?? '[]',
        ) as number[],
    )
    return this.sharers.order(perCode, caseload)
  }

  /**
   * The names of these cases' people (the fields `intakeNames` reads), by rowid: to say why a search found them, or
   * to prepare the names of a case with none stored. SQLite picks the five fields out of the profile: parsing each
   * whole profile (languages, location, dates) in JavaScript cost about as much as reading it.
   */
  namedPeopleOf(rowids: readonly number[]): Map<number, TNamedPerson> {
    if (rowids.length === 0) return new Map()
    const rows = this.db.all<{ rowid: number; person: string }>(
      sql`SELECT c.rowid, json_extract(f.profile, '$.person.givenNames', '$.person.familyName',
            '$.person.preferredName', '$.person.aliases', '$.person.originalScriptName') AS person
          FROM cases c JOIN case_files f ON f.case_id = c.id
          WHERE c.rowid IN (SELECT value FROM json_each(${jsonList(rowids)}))`,
    )
    return new Map(
      rows.map(({ rowid, person }) => {
        const [givenNames, familyName, preferredName, aliases, originalScriptName] = JSON.parse(person) as [
          string,
          string,
          string,
          string[],
          string,
        ]
        return [rowid, { givenNames, familyName, preferredName, aliases, originalScriptName }]
      }),
    )
  }

  /**
   * Which of these cases hold `match` (an FTS5 expression over the notes column) in their notes. Asked only for a
   * word no name or city of the page explains. One pass over the word's doclist between the page's lowest and
   * highest rowid, the page picked out here: with `rowid IN (…)` SQLite ran the MATCH once per rowid (plan
   * `INDEX 0:=M5`), 98 ms instead of 3 ms for a word in 16,000 notes of 100,000 cases.
   */
  withNotesMatching(match: string, rowids: readonly number[]): Set<number> {
    if (rowids.length === 0) return new Set()
    const page = new Set(rowids)
    const inRange = this.db.column<number>(
      sql`SELECT rowid FROM case_search WHERE case_search MATCH ${match}
          AND rowid >= ${Math.min(...rowids)} AND rowid <= ${Math.max(...rowids)}`,
    )
    return new Set(inRange.filter((rowid) => page.has(rowid)))
  }

  /** The list columns of these cases, in the order given. */
  listRows(rowids: readonly number[]): TCaseListRecord[] {
    if (rowids.length === 0) return []
    const rows = this.db.all<TCaseListRecord>(
      sql`SELECT c.rowid, c.id, c.reference, c.display_name, c.status, c.city, c.province, c.preferred_language,
            c.need_keys, c.detained, c.at_airport, c.urgent_flag, c.removal_date, c.hearing_date,
            c.assigned_account_id, c.opened_on, c.updated_at
          FROM cases c WHERE c.rowid IN (SELECT value FROM json_each(${jsonList(rowids)}))`,
    )
    const byRowid = new Map(rows.map((row) => [row.rowid, row]))
    return rowids.flatMap((rowid) => byRowid.get(rowid) ?? [])
  }

  /**
   * A search's count, stopped at SEARCH_COUNT_CAP + 1 rows: a word in 16,000 notes is not joined to 16,000 cases
   * just to say how many (`capped`: more than SEARCH_COUNT_CAP, and `total` is the cap).
   */
  private cappedCount(hits: TSql): { total: number; capped: boolean } {
    const counted = this.cachedCount(
      sql`SELECT count(*) FROM (SELECT 1 FROM ${hits} LIMIT ${SEARCH_COUNT_CAP + 1})`,
    )
    return { total: Math.min(counted, SEARCH_COUNT_CAP), capped: counted > SEARCH_COUNT_CAP }
  }

  /** A count, cached until any write on this connection or another one (total_changes, data_version). */
  private cachedCount(query: TSql): number {
    const version = this.db.value<string>(
      sql`SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version)`,
    )
    if (version !== this.countsVersion) {
      this.counts.clear()
      this.countsVersion = version ?? ''
    }
    const key = `${query.text}\u0000${JSON.stringify(query.params)}`
    let count = this.counts.get(key)
    if (count === undefined) {
      count = this.db.value<number>(query) ?? 0
      if (this.counts.size > 200) this.counts.clear()
      this.counts.set(key, count)
    }
    return count
  }
}
