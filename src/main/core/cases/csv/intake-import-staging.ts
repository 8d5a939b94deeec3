import { randomBytes } from 'node:crypto'
import type { TIntake } from '../../../../shared/cases/intake-schema'
import type { TWritableDb } from '../../db/connection'
import { CASEWORK_IMPORT_CACHE_KIB } from '../../db/open-database'
import { sql, type TSql } from '../../db/sql'
import {
  rowFromText,
  type TCheckedIntakeSink,
  type TCheckedIntakeText,
  type TCheckedIntakes,
  type TCsvImportRow,
  type TLineReference,
  type TStagedImportRow,
} from './checked-intake-rows'

/** Rows written to the table at a time: a flush is one short transaction; memory holds at most this many rows. */
export const STAGING_BATCH_ROWS = 250
/** ... or this much intake text, whichever comes first (a few long narratives fill a batch sooner). */
const STAGING_BATCH_CHARS = 2_000_000
/**
 * Rows staged longer ago than this belong to nobody any more (a crash, a lock or a closed window mid-upload): the
 * next import removes them. An upload idle for 10 minutes is dropped (csv-uploads.ts), so no live one is this old.
 */
const LEFT_BEHIND_AFTER_MS = 15 * 60_000

/** References read at a time (a few bytes each). */
const REFERENCE_PAGE_ROWS = 5_000

type TStagedRow = { seq: number; line: number; reference: string; intake: string }

/**
 * A staged intake with its long texts blanked, as SQL hands it to the import: what the case's own columns, match
 * keys, names and tasks are made of. The texts themselves stay in the table (see TStagedImportRow).
 */
const WITHOUT_LONG_TEXTS = sql`json_set(intake, '$.experiences', json('{"entries":[],"narrative":""}'),
  '$.adverseParties', json('[]'), '$.meta.notes', '')`

/**
 * The checked rows of one intakes upload, written to casework.db's `intake_import_staging` (migration 0005) as they
 * arrive, a batch at a time, so memory holds one batch however long the file: survivor data stays in the
 * encrypted vault, never in a temp file. The import reads them back a page at a time inside its transaction;
 * nothing else reads this table, so a staged row is never a case until that transaction commits.
 *
 * `database` is asked for at every write: it checks the caller is still a signed-in admin (a lock between two slices
 * of the file ends the import there).
 */
export class IntakeImportStaging implements TCheckedIntakeSink {
  private readonly batch = randomBytes(16).toString('hex')
  private pending: TCheckedIntakeText[] = []
  private pendingChars = 0
  private staged = 0
  /** The most rows this import ever held in memory at once (tests: it does not grow with the file). */
  peakHeldRows = 0

  constructor(
    private readonly database: () => TWritableDb,
    private readonly now: () => number = Date.now,
  ) {
    const before = this.now() - LEFT_BEHIND_AFTER_MS
    this.writing((db) => db.run(sql`DELETE FROM intake_import_staging WHERE staged_at < ${before}`))
  }

  add(row: TCheckedIntakeText): void {
    this.pending.push(row)
    this.pendingChars += row.json.length
    this.peakHeldRows = Math.max(this.peakHeldRows, this.pending.length)
    if (this.pending.length >= STAGING_BATCH_ROWS || this.pendingChars >= STAGING_BATCH_CHARS) this.flush()
  }

  discard(): void {
    this.pending = []
    this.pendingChars = 0
    this.staged = 0
    this.writing((db) => db.run(sql`DELETE FROM intake_import_staging WHERE batch = ${this.batch}`))
  }

  checked(): TCheckedIntakes {
    this.flush()
    const pages = this.pages.bind(this)
    return {
      length: this.staged,
      [Symbol.iterator]: pages,
      references: () => this.references(),
      staged: () => this.withoutLongTexts(),
      release: () => this.discard(),
    }
  }

  /** How many of this import's rows are in the table (tests). */
  stagedRows(): number {
    return (
      this.database().value<number>(
        sql`SELECT count(*) FROM intake_import_staging WHERE batch = ${this.batch}`,
      ) ?? 0
    )
  }

  private flush(): void {
    if (this.pending.length === 0) return
    const rows = this.pending
    const stagedAt = this.now()
    this.writing((db) =>
      db.transaction(() => {
        for (const { line, reference, json } of rows) {
          db.run(
            sql`INSERT INTO intake_import_staging (batch, line, reference, intake, staged_at)
                VALUES (${this.batch}, ${line}, ${reference}, ${json}, ${stagedAt})`,
          )
        }
      }),
    )
    this.staged += rows.length
    this.pending = []
    this.pendingChars = 0
  }

  /**
   * A write to the table with casework.db's small import cache (the whole file passes through it once; the app's
   * large read cache is put back after each write, see open-database.ts).
   */
  private writing<T>(write: (db: TWritableDb) => T): T {
    const db = this.database()
    return db.withCaseworkCache(CASEWORK_IMPORT_CACHE_KIB, () => write(db))
  }

  /**
   * The rows' references without their intakes: the vault's check of references in use reads 45,000 rows' worth
   * of a few bytes instead of 50 MB of JSON (whose strings V8 would promote and keep until a full collection).
   */
  private *references(): Generator<TLineReference> {
    const rows = this.paged<TLineReference & { seq: number }>(
      sql`seq, line, reference`,
      sql`AND reference <> ''`,
      REFERENCE_PAGE_ROWS,
    )
    for (const { line, reference } of rows) yield { line, reference }
  }

  /**
   * The rows as the import writes them, without their long texts: the commit's JS never holds a narrative; SQL
   * copies it from the row `stagedSeq`.
   */
  private *withoutLongTexts(): Generator<TStagedImportRow> {
    const rows = this.paged<TStagedRow>(sql`seq, line, reference, ${WITHOUT_LONG_TEXTS} AS intake`)
    for (const { seq, line, reference, intake } of rows) {
      const parsed = JSON.parse(intake) as TIntake
      yield reference === ''
        ? { line, intake: parsed, stagedSeq: seq }
        : { line, reference, intake: parsed, stagedSeq: seq }
    }
  }

  /** The rows whole, as they were checked. */
  private *pages(): Generator<TCsvImportRow> {
    for (const { line, reference, intake } of this.paged<TStagedRow>(sql`seq, line, reference, intake`)) {
      yield rowFromText({ line, reference, json: intake })
    }
  }

  /**
   * This import's staged rows in order, `columns` of each (`seq` first), one page of `pageRows` per query: never a
   * statement left open while the import writes on the same connection, and memory holds one page. `where` narrows
   * the rows (an `AND ...` fragment).
   */
  private *paged<R extends { seq: number }>(
    columns: TSql,
    where: TSql = sql``,
    pageRows = STAGING_BATCH_ROWS,
  ): Generator<R> {
    let after = 0
    for (;;) {
      const page = this.database().all<R>(
        sql`SELECT ${columns} FROM intake_import_staging
            WHERE batch = ${this.batch} AND seq > ${after} ${where} ORDER BY seq LIMIT ${pageRows}`,
      )
      yield* page
      const last = page.at(-1)
      if (last === undefined || page.length < pageRows) return
      after = last.seq
    }
  }
}
