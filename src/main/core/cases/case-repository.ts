import type { TWritableDb } from '../db/connection'
import { sql, type TSql } from '../db/sql'
import type { TSearchDocument } from './case-records'
import type { TCaseWithFile, TConsentRow, TEventRow, TIntakeRow, TTaskRow } from './case-rows'

const CASE_WITH_FILE = sql`SELECT c.rowid, c.*, f.profile, f.contact, f.needs
  FROM cases c JOIN case_files f ON f.case_id = c.id`

/** How many timeline entries the case page shows and an export carries as notes, newest first. */
export const TIMELINE_LIMIT = 500

/** A list of ids bound as one JSON parameter, for `IN (SELECT value FROM json_each(?))` of any length. */
export const jsonList = (values: readonly (string | number)[]): TSql => sql`${JSON.stringify(values)}`

/**
 * Storage of one case at a time and everything hanging off it: the case row and file, intakes, timeline, tasks,
 * consent, reference numbers, match keys and the search document. The list and search are `CaseListQueries`.
 */
export class CaseRepository {
  constructor(private readonly db: TWritableDb) {}

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)
  }

  // ── references ──────────────────────────────────────────────────────────────────────────────────────────────

  nextReferenceNumber(year: number): number {
    const number = this.db.value<number>(
      sql`INSERT INTO reference_counters (year, last_number) VALUES (${year}, 1)
          ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
    )
    if (number === undefined) throw new Error('reference counter did not return a number')
    return number
  }

  /** After an import that brought its own reference numbers, never hand those numbers out again. */
  reserveReferenceNumber(year: number, number: number): void {
    this.db.run(
      sql`INSERT INTO reference_counters (year, last_number) VALUES (${year}, ${number})
          ON CONFLICT (year) DO UPDATE SET last_number = max(last_number, excluded.last_number)`,
    )
  }

  referenceOf(caseId: string): string | null {
    return this.db.value<string>(sql`SELECT reference FROM cases WHERE id = ${caseId}`) ?? null
  }

  caseIdOf(reference: string): string | null {
    return this.db.value<string>(sql`SELECT id FROM cases WHERE reference = ${reference}`) ?? null
  }

  referenceExists(reference: string): boolean {
    return this.db.get(sql`SELECT 1 FROM cases WHERE reference = ${reference}`) !== undefined
  }

  // ── cases ───────────────────────────────────────────────────────────────────────────────────────────────────

  insertCase(row: Omit<TCaseWithFile, 'rowid'>): number {
    const result = this.db.run(
      sql`INSERT INTO cases (id, reference, status, status_reason, assigned_account_id, display_name, city, province,
            preferred_language, language_keys, need_keys, detained, at_airport, urgent_flag, removal_date,
            hearing_date, opened_on, created_at, created_by, updated_at)
          VALUES (${row.id}, ${row.reference}, ${row.status}, ${row.status_reason}, ${row.assigned_account_id},
            ${row.display_name}, ${row.city}, ${row.province}, ${row.preferred_language}, ${row.language_keys},
            ${row.need_keys}, ${row.detained}, ${row.at_airport}, ${row.urgent_flag}, ${row.removal_date},
            ${row.hearing_date}, ${row.opened_on}, ${row.created_at}, ${row.created_by}, ${row.updated_at})`,
    )
    this.db.run(
      sql`INSERT INTO case_files (case_id, profile, contact, needs)
          VALUES (${row.id}, ${row.profile}, ${row.contact}, ${row.needs})`,
    )
    return result.lastInsertRowid
  }

  /** Rewrites the mutable part of a case (everything but id, reference, creation). */
  updateCase(
    row: Omit<TCaseWithFile, 'rowid' | 'reference' | 'opened_on' | 'created_at' | 'created_by'>,
  ): void {
    this.db.run(
      sql`UPDATE cases SET status = ${row.status}, status_reason = ${row.status_reason},
            assigned_account_id = ${row.assigned_account_id}, display_name = ${row.display_name},
            city = ${row.city}, province = ${row.province}, preferred_language = ${row.preferred_language},
            language_keys = ${row.language_keys}, need_keys = ${row.need_keys}, detained = ${row.detained},
            at_airport = ${row.at_airport}, urgent_flag = ${row.urgent_flag}, removal_date = ${row.removal_date},
            hearing_date = ${row.hearing_date}, updated_at = ${row.updated_at}
          WHERE id = ${row.id}`,
    )
    this.db.run(
      sql`UPDATE case_files SET profile = ${row.profile}, contact = ${row.contact}, needs = ${row.needs}
          WHERE case_id = ${row.id}`,
    )
  }

  touchCase(id: string, updatedAt: string): void {
    this.db.run(sql`UPDATE cases SET updated_at = ${updatedAt} WHERE id = ${id}`)
  }

  findCase(id: string): TCaseWithFile | null {
    return this.db.get<TCaseWithFile>(sql`${CASE_WITH_FILE} WHERE c.id = ${id}`) ?? null
  }

  findCases(ids: readonly string[]): TCaseWithFile[] {
    if (ids.length === 0) return []
    return this.db.all<TCaseWithFile>(
      sql`${CASE_WITH_FILE} WHERE c.id IN (SELECT value FROM json_each(${jsonList(ids)}))`,
    )
  }

  /** Every case, oldest first, one at a time (exports never hold 100,000 cases in memory at once). */
  iterateCases(): IterableIterator<TCaseWithFile> {
    return this.db.iterate<TCaseWithFile>(sql`${CASE_WITH_FILE} ORDER BY c.opened_on, c.reference`)
  }

  writeSearchDocument(rowid: number, document: TSearchDocument): void {
    this.db.run(sql`DELETE FROM case_search WHERE rowid = ${rowid}`)
    this.db.run(
      sql`INSERT INTO case_search (rowid, reference, names, latin, keys, notes)
          VALUES (${rowid}, ${document.reference}, ${document.names}, ${document.latin}, ${document.keys},
            ${document.notes})`,
    )
  }

  /**
   * The search document of a case just imported from the staged row `stagedSeq`: its notes are the city, then
   * the staged intake's narrative and notes (what `reindex` gathers for a case with one intake and no timeline
   * text yet), joined in SQL so the import never holds them. The staged texts were trimmed by the intake's schema,
   * so an empty one is a blank one, left out as `reindex` leaves it out.
   */
  writeStagedSearchDocument(rowid: number, document: TSearchDocument, city: string, stagedSeq: number): void {
    const cityNote = city.trim() === '' ? null : city
    this.db.run(sql`DELETE FROM case_search WHERE rowid = ${rowid}`)
    const { changes } = this.db.run(
      sql`INSERT INTO case_search (rowid, reference, names, latin, keys, notes)
          SELECT ${rowid}, ${document.reference}, ${document.names}, ${document.latin}, ${document.keys},
            concat_ws(char(10), ${cityNote},
              nullif(json_extract(intake, '$.experiences.narrative'), ''),
              nullif(json_extract(intake, '$.meta.notes'), ''))
          FROM intake_import_staging WHERE seq = ${stagedSeq}`,
    )
    if (changes !== 1) throw new Error('the staged intake is gone')
  }

  /** The case's names prepared for the search's similar-name pass (see case-names.ts), replacing any before. */
  writeCaseNames(caseId: string, rowid: number, names: string): void {
    this.db.run(
      sql`INSERT INTO case_names (case_rowid, case_id, names) VALUES (${rowid}, ${caseId}, ${names})
          ON CONFLICT (case_id) DO UPDATE SET names = excluded.names`,
    )
  }

  // ── duplicate check ─────────────────────────────────────────────────────────────────────────────────────────

  replaceMatchKeys(ownerType: string, ownerId: string, keys: readonly string[]): void {
    this.db.run(sql`DELETE FROM match_keys WHERE owner_type = ${ownerType} AND owner_id = ${ownerId}`)
    for (const key of keys) {
      this.db.run(
        sql`INSERT OR IGNORE INTO match_keys (key, owner_type, owner_id) VALUES (${key}, ${ownerType}, ${ownerId})`,
      )
    }
  }

  /**
   * Match keys held for a bulk write (an import): a temporary table in memory (temp_store = MEMORY: never on disk,
   * gone with the connection), ordered by key, so writing them into match_keys walks its B-tree once, in order,
   * and the keys wait in SQLite's memory, not in main's V8 heap (where they would be promoted and kept as garbage
   * until a full collection). Created inside the import's transaction, so a rollback drops it too.
   */
  holdMatchKeysBegin(): void {
    this.db.run(sql`CREATE TEMP TABLE IF NOT EXISTS held_match_keys (
      key TEXT NOT NULL, owner_type TEXT NOT NULL, owner_id TEXT NOT NULL,
      PRIMARY KEY (key, owner_type, owner_id)) WITHOUT ROWID`)
  }

  /** A new owner's keys, held (holdMatchKeysBegin) until `writeHeldMatchKeys`. */
  holdMatchKeys(ownerType: string, ownerId: string, keys: readonly string[]): void {
    for (const key of keys) {
      this.db.run(
        sql`INSERT OR IGNORE INTO temp.held_match_keys (key, owner_type, owner_id) VALUES (${key}, ${ownerType}, ${ownerId})`,
      )
    }
  }

  /** The held keys into match_keys, in key order, and the hold emptied. */
  writeHeldMatchKeys(): void {
    this.db.run(sql`INSERT OR IGNORE INTO match_keys (key, owner_type, owner_id)
                    SELECT key, owner_type, owner_id FROM temp.held_match_keys ORDER BY key, owner_type, owner_id`)
    this.db.run(sql`DELETE FROM temp.held_match_keys`)
  }

  holdMatchKeysEnd(): void {
    this.db.run(sql`DROP TABLE IF EXISTS temp.held_match_keys`)
  }

  /**
   * Owners sharing the most keys with `keys`, most first. CROSS JOIN fixes the loop order: one primary-key search
   * per key. Written as `key IN (…)`, SQLite chose the owner index instead and read every case's keys (1.35 million
   * rows at 100,000 cases: 2 s per save instead of 10 ms).
   */
  ownersSharingKeys(ownerType: string, keys: readonly string[], limit: number): string[] {
    if (keys.length === 0) return []
    return this.db.column<string>(
      sql`SELECT m.owner_id FROM json_each(${jsonList(keys)}) k CROSS JOIN match_keys m
            ON m.key = k.value AND m.owner_type = ${ownerType}
          GROUP BY m.owner_id ORDER BY count(*) DESC LIMIT ${limit}`,
    )
  }

  // ── intakes, timeline, tasks, consent ───────────────────────────────────────────────────────────────────────

  insertIntake(row: TIntakeRow): void {
    this.db.run(
      sql`INSERT INTO case_intakes (id, case_id, intake_date, method, staff_account_id, data, recorded_at)
          VALUES (${row.id}, ${row.case_id}, ${row.intake_date}, ${row.method}, ${row.staff_account_id},
            ${row.data}, ${row.recorded_at})`,
    )
  }

  /**
   * An imported intake whose JSON is the staged row `stagedSeq` of an intakes upload (intake_import_staging),
   * copied by SQL: the import never holds it in JS. The staged text is the checked intake's JSON, what
   * `insertIntake` would store.
   */
  insertStagedIntake(row: Omit<TIntakeRow, 'data'>, stagedSeq: number): void {
    const { changes } = this.db.run(
      sql`INSERT INTO case_intakes (id, case_id, intake_date, method, staff_account_id, data, recorded_at)
          SELECT ${row.id}, ${row.case_id}, ${row.intake_date}, ${row.method}, ${row.staff_account_id}, intake,
            ${row.recorded_at}
          FROM intake_import_staging WHERE seq = ${stagedSeq}`,
    )
    if (changes !== 1) throw new Error('the staged intake is gone')
  }

  intakesOf(caseId: string): TIntakeRow[] {
    return this.db.all<TIntakeRow>(
      sql`SELECT * FROM case_intakes WHERE case_id = ${caseId} ORDER BY intake_date, recorded_at, rowid`,
    )
  }

  /** An intake's account changed on the case page (its date, method and author stay as recorded). */
  updateIntakeData(caseId: string, intakeId: string, data: string): void {
    this.db.run(sql`UPDATE case_intakes SET data = ${data} WHERE id = ${intakeId} AND case_id = ${caseId}`)
  }

  countIntakes(caseId: string): number {
    return this.db.value<number>(sql`SELECT count(*) FROM case_intakes WHERE case_id = ${caseId}`) ?? 0
  }

  insertEvent(row: TEventRow): void {
    this.db.run(
      sql`INSERT INTO case_events (id, case_id, kind, occurred_at, body, details, author_account_id, recorded_at)
          VALUES (${row.id}, ${row.case_id}, ${row.kind}, ${row.occurred_at}, ${row.body}, ${row.details},
            ${row.author_account_id}, ${row.recorded_at})`,
    )
  }

  eventsOf(caseId: string, limit: number): TEventRow[] {
    return this.db.all<TEventRow>(
      sql`SELECT * FROM case_events WHERE case_id = ${caseId}
          ORDER BY occurred_at DESC, recorded_at DESC, rowid DESC LIMIT ${limit}`,
    )
  }

  /** The text of staff-written entries (notes, calls, meetings), for the search index. */
  eventTextsOf(caseId: string): string[] {
    return this.db.column<string>(
      sql`SELECT body FROM case_events WHERE case_id = ${caseId} AND body <> '' ORDER BY occurred_at`,
    )
  }

  insertTask(row: TTaskRow): void {
    this.db.run(
      sql`INSERT INTO case_tasks (id, case_id, title, due_on, origin, done_at, done_by, created_by, created_at)
          VALUES (${row.id}, ${row.case_id}, ${row.title}, ${row.due_on}, ${row.origin}, ${row.done_at},
            ${row.done_by}, ${row.created_by}, ${row.created_at})`,
    )
  }

  tasksOf(caseId: string): TTaskRow[] {
    return this.db.all<TTaskRow>(
      sql`SELECT * FROM case_tasks WHERE case_id = ${caseId} ORDER BY done_at IS NOT NULL, due_on, created_at`,
    )
  }

  findTask(caseId: string, taskId: string): TTaskRow | null {
    return (
      this.db.get<TTaskRow>(sql`SELECT * FROM case_tasks WHERE case_id = ${caseId} AND id = ${taskId}`) ??
      null
    )
  }

  /** An open task of this origin due that day already exists (so re-entering a hearing date adds no twin). */
  hasOpenTask(caseId: string, origin: string, dueOn: string): boolean {
    return (
      this.db.get(
        sql`SELECT 1 FROM case_tasks
            WHERE case_id = ${caseId} AND origin = ${origin} AND due_on = ${dueOn} AND done_at IS NULL`,
      ) !== undefined
    )
  }

  setTaskDone(taskId: string, doneAt: string | null, doneBy: string | null): void {
    this.db.run(sql`UPDATE case_tasks SET done_at = ${doneAt}, done_by = ${doneBy} WHERE id = ${taskId}`)
  }

  insertConsent(row: TConsentRow): void {
    this.db.run(
      sql`INSERT INTO case_consents (id, case_id, purpose, granted, method, given_on, expires_on, notes,
            recorded_by, recorded_at)
          VALUES (${row.id}, ${row.case_id}, ${row.purpose}, ${row.granted}, ${row.method}, ${row.given_on},
            ${row.expires_on}, ${row.notes}, ${row.recorded_by}, ${row.recorded_at})`,
    )
  }

  /** Newest first. */
  consentsOf(caseId: string): TConsentRow[] {
    return this.db.all<TConsentRow>(
      sql`SELECT * FROM case_consents WHERE case_id = ${caseId} ORDER BY recorded_at DESC, rowid DESC`,
    )
  }
}
