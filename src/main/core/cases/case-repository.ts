import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { TDatabase } from '../db/open-database'
import type { TSearchDocument } from './case-records'

/** A cases row as stored. */
export type TCaseRow = {
  rowid: number
  id: string
  reference: string
  status: string
  status_reason: string
  assigned_account_id: string | null
  display_name: string
  city: string
  province: string
  preferred_language: string
  language_keys: string
  need_keys: string
  detained: number
  at_airport: number
  urgent_flag: number
  removal_date: string | null
  hearing_date: string | null
  opened_on: string
  created_at: string
  created_by: string | null
  updated_at: string
}

/** The JSON part of a case file, in case_files. */
export type TCaseFileRow = { profile: string; contact: string; needs: string }
export type TCaseWithFile = TCaseRow & TCaseFileRow

export type TCaseListRecord = Pick<
  TCaseRow,
  | 'id'
  | 'reference'
  | 'display_name'
  | 'status'
  | 'city'
  | 'need_keys'
  | 'province'
  | 'preferred_language'
  | 'detained'
  | 'at_airport'
  | 'urgent_flag'
  | 'removal_date'
  | 'hearing_date'
  | 'assigned_account_id'
  | 'opened_on'
  | 'updated_at'
> & { assignee_name: string | null }

export type TIntakeRow = {
  id: string
  case_id: string
  intake_date: string
  method: string
  staff_account_id: string | null
  data: string
  recorded_at: string
}
export type TEventRow = {
  id: string
  case_id: string
  kind: string
  occurred_at: string
  body: string
  details: string
  author_account_id: string | null
  recorded_at: string
}
export type TTaskRow = {
  id: string
  case_id: string
  title: string
  due_on: string
  origin: string
  done_at: string | null
  done_by: string | null
  created_by: string | null
  created_at: string
}
export type TConsentRow = {
  id: string
  case_id: string
  purpose: string
  granted: number
  method: string
  given_on: string
  expires_on: string
  notes: string
  recorded_by: string | null
  recorded_at: string
}
export type TDraftRow = {
  id: string
  account_id: string
  step: string
  display_name: string
  data: string
  created_at: string
  updated_at: string
}

/** The list's filters, already validated; SQL is built from fixed fragments and every value is bound. */
export type TListFilters = {
  statuses: readonly string[]
  province?: string | undefined
  language?: string | undefined
  need?: string | undefined
  /** An account id, or 'unassigned'. */
  assignee?: string | undefined
  urgency?: 'urgent' | 'not_urgent' | undefined
}

const LIST_COLUMNS = `c.rowid, c.id, c.reference, c.display_name, c.status, c.city, c.province, c.preferred_language,
  c.need_keys, c.detained, c.at_airport, c.urgent_flag, c.removal_date, c.hearing_date, c.assigned_account_id,
  c.opened_on, c.updated_at,
  (SELECT display_name FROM staff_accounts s WHERE s.id = c.assigned_account_id) AS assignee_name`

/** An open case that is detained, at an airport, or facing removal by the cutoff date. */
const URGENT = `(c.status <> 'closed' AND (c.urgent_flag = 1 OR (c.removal_date IS NOT NULL AND c.removal_date <= @cutoff)))`

type TParams = Record<string, string | number>

/** Storage of cases and everything hanging off them. SQL lives here and only here. */
export class CaseRepository {
  private readonly statements = new Map<string, Statement>()
  /**
   * Counts of list and search queries, valid while nothing in the database changed: a scrolling list asks for many
   * pages of the same query, and only the first should pay for counting 100,000 rows.
   */
  private readonly counts = new Map<string, number>()
  private countsVersion = ''

  constructor(private readonly db: TDatabase) {}

  /** Prepared once per connection and shape: list queries vary with the filters in use. */
  private statement<R = unknown>(sql: string): Statement<unknown[], R> {
    let prepared = this.statements.get(sql)
    if (prepared === undefined) {
      prepared = this.db.prepare(sql)
      this.statements.set(sql, prepared)
    }
    return prepared as Statement<unknown[], R>
  }

  /** A count, cached until any write on this connection or another one (total_changes, data_version). */
  private cachedCount(sql: string, params: TParams): number {
    const version = this.statement<{ version: string }>(
      "SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version) AS version",
    ).get()?.version
    if (version !== this.countsVersion) {
      this.counts.clear()
      this.countsVersion = version ?? ''
    }
    const key = `${sql}\u0000${JSON.stringify(params)}`
    let count = this.counts.get(key)
    if (count === undefined) {
      count = this.statement<{ n: number }>(sql).get(params)?.n ?? 0
      if (this.counts.size > 200) this.counts.clear()
      this.counts.set(key, count)
    }
    return count
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)()
  }

  // ── references ──────────────────────────────────────────────────────────────────────────────────────────────

  nextReferenceNumber(year: number): number {
    const row = this.statement<{ last_number: number }>(
      `INSERT INTO reference_counters (year, last_number) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
    ).get(year)
    if (row === undefined) throw new Error('reference counter did not return a number')
    return row.last_number
  }

  /** After an import that brought its own reference numbers, never hand those numbers out again. */
  reserveReferenceNumber(year: number, number: number): void {
    this.statement(
      `INSERT INTO reference_counters (year, last_number) VALUES (?, ?)
       ON CONFLICT (year) DO UPDATE SET last_number = max(last_number, excluded.last_number)`,
    ).run(year, number)
  }

  referenceOf(caseId: string): string | null {
    return this.statement<string>('SELECT reference FROM cases WHERE id = ?').pluck().get(caseId) ?? null
  }

  referenceExists(reference: string): boolean {
    return this.statement('SELECT 1 FROM cases WHERE reference = ?').get(reference) !== undefined
  }

  // ── cases ───────────────────────────────────────────────────────────────────────────────────────────────────

  insertCase(row: Omit<TCaseWithFile, 'rowid'>): number {
    const { profile, contact, needs, ...columns } = row
    const result = this.statement(
      `INSERT INTO cases (id, reference, status, status_reason, assigned_account_id, display_name, city, province,
         preferred_language, language_keys, need_keys, detained, at_airport, urgent_flag, removal_date, hearing_date,
         opened_on, created_at, created_by, updated_at)
       VALUES (@id, @reference, @status, @status_reason, @assigned_account_id, @display_name, @city, @province,
         @preferred_language, @language_keys, @need_keys, @detained, @at_airport, @urgent_flag, @removal_date,
         @hearing_date, @opened_on, @created_at, @created_by, @updated_at)`,
    ).run(columns)
    this.statement(
      'INSERT INTO case_files (case_id, profile, contact, needs) VALUES (@id, @profile, @contact, @needs)',
    ).run({ id: row.id, profile, contact, needs })
    return Number(result.lastInsertRowid)
  }

  /** Rewrites the mutable part of a case (everything but id, reference, creation). */
  updateCase(
    row: Omit<TCaseWithFile, 'rowid' | 'reference' | 'opened_on' | 'created_at' | 'created_by'>,
  ): void {
    const { profile, contact, needs, ...columns } = row
    this.statement(
      `UPDATE cases SET status = @status, status_reason = @status_reason, assigned_account_id = @assigned_account_id,
         display_name = @display_name, city = @city, province = @province, preferred_language = @preferred_language,
         language_keys = @language_keys, need_keys = @need_keys, detained = @detained, at_airport = @at_airport,
         urgent_flag = @urgent_flag, removal_date = @removal_date, hearing_date = @hearing_date,
         updated_at = @updated_at
       WHERE id = @id`,
    ).run(columns)
    this.statement(
      'UPDATE case_files SET profile = @profile, contact = @contact, needs = @needs WHERE case_id = @id',
    ).run({ id: row.id, profile, contact, needs })
  }

  touchCase(id: string, updatedAt: string): void {
    this.statement('UPDATE cases SET updated_at = ? WHERE id = ?').run(updatedAt, id)
  }

  findCase(id: string): TCaseWithFile | null {
    return (
      this.statement<TCaseWithFile>(
        'SELECT c.rowid, c.*, f.profile, f.contact, f.needs FROM cases c JOIN case_files f ON f.case_id = c.id WHERE c.id = ?',
      ).get(id) ?? null
    )
  }

  findCases(ids: readonly string[]): TCaseWithFile[] {
    if (ids.length === 0) return []
    return this.statement<TCaseWithFile>(
      `SELECT c.rowid, c.*, f.profile, f.contact, f.needs FROM cases c JOIN case_files f ON f.case_id = c.id
       WHERE c.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids))
  }

  /** Every case, oldest first, one at a time (exports never hold 100,000 cases in memory at once). */
  iterateCases(): IterableIterator<TCaseWithFile> {
    return this.statement<TCaseWithFile>(
      `SELECT c.rowid, c.*, f.profile, f.contact, f.needs FROM cases c JOIN case_files f ON f.case_id = c.id
       ORDER BY c.opened_on, c.reference`,
    ).iterate()
  }

  countCases(): number {
    return (this.statement<{ n: number }>('SELECT count(*) AS n FROM cases').get() ?? { n: 0 }).n
  }

  // ── list and search ─────────────────────────────────────────────────────────────────────────────────────────

  private filterSql(filters: TListFilters, params: TParams): string[] {
    const where: string[] = []
    if (filters.statuses.length > 0) {
      where.push(`c.status IN (${filters.statuses.map((_, index) => `@status${index}`).join(', ')})`)
      filters.statuses.forEach((status, index) => (params[`status${index}`] = status))
    }
    if (filters.province !== undefined) {
      where.push('c.province = @province')
      params['province'] = filters.province
    }
    if (filters.language !== undefined) {
      where.push("instr(c.language_keys, ' ' || @language || ' ') > 0")
      params['language'] = filters.language
    }
    if (filters.need !== undefined) {
      where.push("instr(c.need_keys, ' ' || @need || ' ') > 0")
      params['need'] = filters.need
    }
    if (filters.assignee === 'unassigned') where.push('c.assigned_account_id IS NULL')
    else if (filters.assignee !== undefined) {
      where.push('c.assigned_account_id = @assignee')
      params['assignee'] = filters.assignee
    }
    return where
  }

  /**
   * The narrowest index that holds every column a count needs and starts with a filtered one: language and need
   * keys live only in the wide list index; the others have narrow indexes led by province, assignee or status.
   */
  private static countIndexFor(filters: TListFilters): string {
    if (filters.language !== undefined || filters.need !== undefined) return 'cases_list'
    if (filters.province !== undefined) return 'cases_count'
    if (filters.assignee !== undefined) return 'cases_count_by_assignee'
    if (filters.statuses.length > 0) return 'cases_count_by_status'
    return 'cases_count'
  }

  /** The list columns of these cases, in the order given. */
  private listRows(rowids: readonly number[]): TCaseListRecord[] {
    if (rowids.length === 0) return []
    const rows = this.statement<TCaseListRecord & { rowid: number }>(
      `SELECT ${LIST_COLUMNS} FROM cases c WHERE c.rowid IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(rowids))
    const byRowid = new Map(rows.map((row) => [row.rowid, row]))
    return rowids.flatMap((rowid) => byRowid.get(rowid) ?? [])
  }

  /**
   * The default list: urgent cases first (detained or at an airport, then by removal date), then the rest, most
   * recently updated first. Each part is chosen and counted inside its own covering index (no table row is read
   * until the page is known), and the two are glued by offset arithmetic.
   */
  listByUrgency(
    filters: TListFilters,
    cutoff: string,
    offset: number,
    limit: number,
  ): { rows: TCaseListRecord[]; total: number } {
    const params: TParams = { cutoff }
    const conditions = this.filterSql(filters, params)
    const wantUrgent = filters.urgency !== 'not_urgent'
    const wantCalm = filters.urgency !== 'urgent'
    const urgentWhere = `WHERE (c.urgent_flag = 1 OR c.removal_date IS NOT NULL) AND ${[URGENT, ...conditions].join(' AND ')}`
    const calmWhere = `WHERE ${[`NOT ${URGENT}`, ...conditions].join(' AND ')}`
    const count = (sql: string) => this.cachedCount(sql, params)
    const urgentCount = wantUrgent
      ? count(`SELECT count(*) AS n FROM cases c INDEXED BY cases_attention ${urgentWhere}`)
      : 0
    const countIndex = CaseRepository.countIndexFor(filters)
    const calmCount = wantCalm
      ? count(`SELECT count(*) AS n FROM cases c INDEXED BY ${countIndex} ${calmWhere}`)
      : 0
    const rowids: number[] = []
    if (wantUrgent && offset < urgentCount) {
      rowids.push(
        ...this.statement<number>(
          `SELECT c.rowid FROM cases c INDEXED BY cases_attention ${urgentWhere}
           ORDER BY c.urgent_flag DESC, c.removal_date IS NULL, c.removal_date, c.updated_at DESC
           LIMIT @limit OFFSET @offset`,
        )
          .pluck()
          .all({ ...params, limit, offset }),
      )
    }
    const remaining = limit - rowids.length
    if (wantCalm && remaining > 0) {
      rowids.push(
        ...this.statement<number>(
          `SELECT c.rowid FROM cases c INDEXED BY cases_list ${calmWhere}
           ORDER BY c.updated_at DESC LIMIT @limit OFFSET @offset`,
        )
          .pluck()
          .all({ ...params, limit: remaining, offset: Math.max(0, offset - urgentCount) }),
      )
    }
    return { rows: this.listRows(rowids), total: urgentCount + calmCount }
  }

  /** Search results, best match first (urgent cases first among equals), with the same filters. */
  search(
    match: string,
    filters: TListFilters,
    cutoff: string,
    offset: number,
    limit: number,
  ): { rows: TCaseListRecord[]; total: number } {
    const params: TParams = { cutoff, match }
    const conditions = this.filterSql(filters, params)
    if (filters.urgency === 'urgent') conditions.push(URGENT)
    if (filters.urgency === 'not_urgent') conditions.push(`NOT ${URGENT}`)
    const where = conditions.length === 0 ? '' : `AND ${conditions.join(' AND ')}`
    const hits = `SELECT rowid, rank FROM case_search WHERE case_search MATCH @match`
    const total = this.cachedCount(
      `SELECT count(*) AS n FROM (${hits}) h JOIN cases c ON c.rowid = h.rowid WHERE 1 ${where}`,
      params,
    )
    const rowids = this.statement<number>(
      `SELECT c.rowid FROM (${hits}) h JOIN cases c ON c.rowid = h.rowid WHERE 1 ${where}
       ORDER BY h.rank, ${URGENT} DESC, c.updated_at DESC LIMIT @limit OFFSET @offset`,
    )
      .pluck()
      .all({ ...params, limit, offset })
    return { rows: this.listRows(rowids), total }
  }

  writeSearchDocument(rowid: number, document: TSearchDocument): void {
    this.statement('DELETE FROM case_search WHERE rowid = ?').run(rowid)
    this.statement(
      `INSERT INTO case_search (rowid, reference, names, latin, keys, notes)
       VALUES (@rowid, @reference, @names, @latin, @keys, @notes)`,
    ).run({ rowid, ...document })
  }

  // ── duplicate check ─────────────────────────────────────────────────────────────────────────────────────────

  replaceMatchKeys(ownerType: string, ownerId: string, keys: readonly string[]): void {
    this.statement('DELETE FROM match_keys WHERE owner_type = ? AND owner_id = ?').run(ownerType, ownerId)
    const insert = this.statement(
      'INSERT OR IGNORE INTO match_keys (key, owner_type, owner_id) VALUES (?, ?, ?)',
    )
    for (const key of keys) insert.run(key, ownerType, ownerId)
  }

  /** Owners sharing the most keys with `keys`, most first. */
  ownersSharingKeys(ownerType: string, keys: readonly string[], limit: number): string[] {
    if (keys.length === 0) return []
    return this.statement<{ owner_id: string }>(
      `SELECT owner_id FROM match_keys WHERE owner_type = ? AND key IN (SELECT value FROM json_each(?))
       GROUP BY owner_id ORDER BY count(*) DESC LIMIT ?`,
    )
      .all(ownerType, JSON.stringify(keys), limit)
      .map((row) => row.owner_id)
  }

  // ── intakes, timeline, tasks, consent ───────────────────────────────────────────────────────────────────────

  insertIntake(row: TIntakeRow): void {
    this.statement(
      `INSERT INTO case_intakes (id, case_id, intake_date, method, staff_account_id, data, recorded_at)
       VALUES (@id, @case_id, @intake_date, @method, @staff_account_id, @data, @recorded_at)`,
    ).run(row)
  }

  intakesOf(caseId: string): TIntakeRow[] {
    return this.statement<TIntakeRow>(
      'SELECT * FROM case_intakes WHERE case_id = ? ORDER BY intake_date, recorded_at',
    ).all(caseId)
  }

  countIntakes(caseId: string): number {
    return (
      this.statement<{ n: number }>('SELECT count(*) AS n FROM case_intakes WHERE case_id = ?').get(caseId)
        ?.n ?? 0
    )
  }

  insertEvent(row: TEventRow): void {
    this.statement(
      `INSERT INTO case_events (id, case_id, kind, occurred_at, body, details, author_account_id, recorded_at)
       VALUES (@id, @case_id, @kind, @occurred_at, @body, @details, @author_account_id, @recorded_at)`,
    ).run(row)
  }

  eventsOf(caseId: string, limit: number): TEventRow[] {
    return this.statement<TEventRow>(
      'SELECT * FROM case_events WHERE case_id = ? ORDER BY occurred_at DESC, recorded_at DESC, rowid DESC LIMIT ?',
    ).all(caseId, limit)
  }

  /** The text of staff-written entries (notes, calls, meetings), for the search index. */
  eventTextsOf(caseId: string): string[] {
    return this.statement<{ body: string }>(
      "SELECT body FROM case_events WHERE case_id = ? AND body <> '' ORDER BY occurred_at",
    )
      .all(caseId)
      .map((row) => row.body)
  }

  insertTask(row: TTaskRow): void {
    this.statement(
      `INSERT INTO case_tasks (id, case_id, title, due_on, origin, done_at, done_by, created_by, created_at)
       VALUES (@id, @case_id, @title, @due_on, @origin, @done_at, @done_by, @created_by, @created_at)`,
    ).run(row)
  }

  tasksOf(caseId: string): TTaskRow[] {
    return this.statement<TTaskRow>(
      'SELECT * FROM case_tasks WHERE case_id = ? ORDER BY done_at IS NOT NULL, due_on, created_at',
    ).all(caseId)
  }

  findTask(caseId: string, taskId: string): TTaskRow | null {
    return (
      this.statement<TTaskRow>('SELECT * FROM case_tasks WHERE case_id = ? AND id = ?').get(caseId, taskId) ??
      null
    )
  }

  /** An open task of this origin due that day already exists (so re-entering a hearing date adds no twin). */
  hasOpenTask(caseId: string, origin: string, dueOn: string): boolean {
    return (
      this.statement(
        'SELECT 1 FROM case_tasks WHERE case_id = ? AND origin = ? AND due_on = ? AND done_at IS NULL',
      ).get(caseId, origin, dueOn) !== undefined
    )
  }

  setTaskDone(taskId: string, doneAt: string | null, doneBy: string | null): void {
    this.statement('UPDATE case_tasks SET done_at = ?, done_by = ? WHERE id = ?').run(doneAt, doneBy, taskId)
  }

  insertConsent(row: TConsentRow): void {
    this.statement(
      `INSERT INTO case_consents (id, case_id, purpose, granted, method, given_on, expires_on, notes, recorded_by,
         recorded_at)
       VALUES (@id, @case_id, @purpose, @granted, @method, @given_on, @expires_on, @notes, @recorded_by,
         @recorded_at)`,
    ).run(row)
  }

  /** Newest first. */
  consentsOf(caseId: string): TConsentRow[] {
    return this.statement<TConsentRow>(
      'SELECT * FROM case_consents WHERE case_id = ? ORDER BY recorded_at DESC, rowid DESC',
    ).all(caseId)
  }

  // ── staff names ─────────────────────────────────────────────────────────────────────────────────────────────

  staffNames(): Map<string, string> {
    return new Map(
      this.statement<{ id: string; display_name: string }>('SELECT id, display_name FROM staff_accounts')
        .all()
        .map((row) => [row.id, row.display_name]),
    )
  }

  assignableStaff(): { id: string; display_name: string }[] {
    return this.statement<{ id: string; display_name: string }>(
      `SELECT id, display_name FROM staff_accounts
       WHERE status = 'active' AND role IN ('admin', 'caseworker') ORDER BY display_name COLLATE NOCASE`,
    ).all()
  }

  // ── drafts ──────────────────────────────────────────────────────────────────────────────────────────────────

  draftsOf(accountId: string): Omit<TDraftRow, 'data'>[] {
    return this.statement<Omit<TDraftRow, 'data'>>(
      `SELECT id, account_id, step, display_name, created_at, updated_at FROM intake_drafts
       WHERE account_id = ? ORDER BY updated_at DESC`,
    ).all(accountId)
  }

  findDraft(accountId: string, id: string): TDraftRow | null {
    return (
      this.statement<TDraftRow>('SELECT * FROM intake_drafts WHERE account_id = ? AND id = ?').get(
        accountId,
        id,
      ) ?? null
    )
  }

  upsertDraft(row: TDraftRow): void {
    this.statement(
      `INSERT INTO intake_drafts (id, account_id, step, display_name, data, created_at, updated_at)
       VALUES (@id, @account_id, @step, @display_name, @data, @created_at, @updated_at)
       ON CONFLICT (id) DO UPDATE SET step = excluded.step, display_name = excluded.display_name,
         data = excluded.data, updated_at = excluded.updated_at
       WHERE intake_drafts.account_id = excluded.account_id`,
    ).run(row)
  }

  deleteDraft(accountId: string, id: string): boolean {
    return (
      this.statement('DELETE FROM intake_drafts WHERE account_id = ? AND id = ?').run(accountId, id).changes >
      0
    )
  }
}
