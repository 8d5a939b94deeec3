import { basename } from 'node:path'
import { intakeNames, type TIntake } from '../../../../shared/cases/intake-schema'
import {
  CSV_ERROR_CODES,
  CSV_MAX_CHARS,
  CSV_MAX_REPORTED_ERRORS,
  CSV_PREVIEW_ROWS,
  type TCsvPreviewRow,
  type TCsvErrorCode,
  type TCsvRowError,
  type TIntakeCsvImportResult,
} from '../../../../shared/contract/intake-csv'
import { AppError } from '../../../../shared/result'
import { writeCsvFileAtomic } from '../../csv/csv-file-writer'
import { CSV_COLUMNS } from './columns'
import {
  IntakeCsvRows,
  parseIntakesCsv,
  type TCsvImportRow,
  type TParseIntakesResult,
} from './parse-intakes-csv'
import type { TCheckedIntakeSink, TCheckedIntakes } from './checked-intake-rows'
import { ADMIN_ONLY } from '../../../../shared/roles'
import { readingOnThisThread, type TCsvUploadReader } from '../../csv/csv-uploads'
import type { TCsvStreamResult } from '../../csv/csv-stream'
import { intakeCells } from './serialize-intakes-csv'

/** What import and export need from the case store (CaseTransferService); both check the caller is an admin and audit. */
export type TIntakeCsvStore = {
  importIntakes(
    rows: Iterable<TCsvImportRow> & Pick<TCheckedIntakes, 'references' | 'staged'>,
    options: { dryRun: boolean },
  ): { created: number; references: string[]; caseIds: string[] }
  exportCases(): Iterable<{ reference: string; intake: TIntake; notes: string[] }>
  auditExport(details: { count: number; fileName: string }): void
}

/** Today's date where the app runs, 'YYYY-MM-DD': the intake date of rows that give none. */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A row as the preview shows it: every name it gives, its dates and places, never contact details or stories. */
const previewOf = ({ line, reference, intake }: TCsvImportRow): TCsvPreviewRow => ({
  line,
  reference: reference ?? '',
  name: intakeNames(intake.person).join(' · ').slice(0, 400),
  dateOfBirth: intake.person.dateOfBirth,
  province: intake.location.province,
  countryOfOrigin: intake.location.countryOfOrigin,
  intakeDate: intake.meta.intakeDate,
  legalNeeds: intake.needs.needs,
})

const STORE_CODES: Readonly<Record<string, TCsvErrorCode>> = { reference_exists: 'referenceExists' }

/**
 * The store's refusal ({ errors: [{ line, field, code, value }], errorCount } in its details) as row errors, else
 * null.
 */
function storeErrors(error: unknown): { errors: TCsvRowError[]; errorCount: number } | null {
  if (!(error instanceof AppError) || error.code !== 'BAD_REQUEST') return null
  const details = error.details as { errors?: unknown; errorCount?: unknown } | undefined
  if (!Array.isArray(details?.errors)) return null
  const errors = details.errors.map(
    (item: { line?: unknown; field?: unknown; code?: unknown; value?: unknown }) => {
      const code =
        STORE_CODES[String(item.code)] ??
        ((CSV_ERROR_CODES as readonly string[]).includes(String(item.code))
          ? (item.code as TCsvErrorCode)
          : 'invalid')
      const row: TCsvRowError = {
        line: typeof item.line === 'number' ? item.line : 0,
        field: typeof item.field === 'string' ? item.field.slice(0, 80) : '',
        code,
      }
      // Only reference numbers come back as values: they are not survivor data.
      if (row.field === 'reference' && typeof item.value === 'string') row.value = item.value.slice(0, 80)
      return row
    },
  )
  const errorCount = typeof details.errorCount === 'number' ? details.errorCount : errors.length
  return { errors, errorCount }
}

function refused(
  errors: readonly TCsvRowError[],
  rows: number,
  options: { dryRun: boolean; maxErrors?: number },
  errorCount = errors.length,
): TIntakeCsvImportResult {
  return {
    accepted: false,
    dryRun: options.dryRun,
    rows,
    created: 0,
    errors: errors.slice(0, options.maxErrors ?? CSV_MAX_REPORTED_ERRORS),
    errorCount,
    preview: [],
    createdCases: [],
  }
}

/**
 * The intakes answer once the read ended: the stream's own refusal (a byte cap, a syntax error) or a cancel drops
 * what was staged (`abandon`); otherwise the rows' answer (`finish`: problems, or the checked rows).
 */
export function intakeAnswerOf(
  result: TCsvStreamResult,
  rows: { abandon(): void; finish(): TParseIntakesResult },
): TParseIntakesResult {
  if ('errors' in result) {
    rows.abandon()
    const errors = result.errors.map((error) =>
      // Said in megabytes: "larger than 50 MB".
      error.code === 'tooLarge' ? { ...error, limit: Math.floor(CSV_MAX_CHARS / 1_000_000) } : error,
    )
    return { errors, rowCount: 0 }
  }
  if ('cancelled' in result) {
    rows.abandon()
    return { errors: [], rowCount: 0 }
  }
  return rows.finish()
}

/**
 * How an intakes file is read as it streams in, on this thread (tests, and the reference the worker thread's read
 * is compared with; the app and the CLI read in a worker: intake-csv-worker-reader.ts): admins only, at most
 * CSV_MAX_CHARS bytes, each record checked as it arrives and put in `sink` (the store's staging, so memory does
 * not grow with the file); the file is refused at the first byte past the cap or the first row past CSV_MAX_ROWS,
 * without reading further. A refused or cancelled file's staged rows are dropped at once.
 */
export function intakeCsvReader(
  options: { sink?: TCheckedIntakeSink; today?: string; maxErrors?: number } = {},
): TCsvUploadReader<TParseIntakesResult> {
  const rows = new IntakeCsvRows({
    today: options.today ?? localToday(),
    ...(options.sink === undefined ? {} : { sink: options.sink }),
    ...(options.maxErrors === undefined ? {} : { maxErrors: options.maxErrors }),
  })
  return {
    kind: 'intakes',
    roles: ADMIN_ONLY,
    maxBytes: CSV_MAX_CHARS,
    read: readingOnThisThread((record) => rows.take(record)),
    discard: () => rows.abandon(),
    finish: (result) => intakeAnswerOf(result, rows),
  }
}

/**
 * Check a CSV file of intakes and, unless it is a dry run, create every row's case in one transaction (the store
 * audits the import with counts only). A refused file is an answer listing every problem, never a partial import.
 * `parsed` is the file as read by intakeCsvReader (streamed) or parseIntakesCsv (text).
 */
export function importIntakeRows(
  store: TIntakeCsvStore,
  parsed: TParseIntakesResult,
  /** `maxErrors`: how many problems to list (the app's answer is capped; the CLI prints them all). */
  options: { dryRun: boolean; maxErrors?: number },
): TIntakeCsvImportResult {
  if ('errors' in parsed) return refused(parsed.errors, parsed.rowCount, options, parsed.errorCount)
  const { rows } = parsed
  if (!options.dryRun && rows.dryRunOnly === true) {
    rows.release?.()
    throw new AppError('BAD_REQUEST', 'This file was read for a dry run only: send it again to import it.')
  }
  try {
    const { created, references, caseIds } = store.importIntakes(rows, { dryRun: options.dryRun })
    return {
      accepted: true,
      dryRun: options.dryRun,
      rows: rows.length,
      created,
      errors: [],
      errorCount: 0,
      preview: firstOf(rows, CSV_PREVIEW_ROWS).map(previewOf),
      createdCases: references.map((reference, index) => ({ reference, caseId: caseIds[index] ?? '' })),
    }
  } catch (error) {
    const refusal = storeErrors(error)
    if (refusal === null) throw error
    return refused(refusal.errors, rows.length, options, refusal.errorCount)
  } finally {
    // Staged rows leave the vault whatever happened: the import holds them as cases now, or nothing was stored.
    rows.release?.()
  }
}

/** The first `count` rows, read without reading the rest. */
function firstOf<T>(rows: Iterable<T>, count: number): T[] {
  const first: T[] = []
  if (count <= 0) return first
  for (const row of rows) {
    first.push(row)
    if (first.length >= count) break
  }
  return first
}

/** The same from a whole text (tests, small files): importIntakeRows over parseIntakesCsv. */
export function importIntakesCsv(
  store: TIntakeCsvStore,
  text: string,
  options: { dryRun: boolean; today?: string; maxErrors?: number },
): TIntakeCsvImportResult {
  return importIntakeRows(store, parseIntakesCsv(text, { today: options.today ?? localToday() }), options)
}

/**
 * Write every case to `destination` as CSV, row by row (a vault of long narratives is never one string), through a
 * temp file 0600 beside it renamed at the end: a crash or a failure mid-export leaves no half-written file and no
 * temp file. Then audit the export with its count and file name. The file is plaintext survivor data by nature.
 */
export function exportIntakesCsv(
  store: TIntakeCsvStore,
  destination: string,
): { count: number; fileName: string } {
  const rows = function* () {
    for (const exported of store.exportCases()) {
      const cells = intakeCells(exported)
      yield CSV_COLUMNS.map((column) => cells[column])
    }
  }
  const count = writeCsvFileAtomic(destination, CSV_COLUMNS, rows())
  const fileName = basename(destination)
  store.auditExport({ count, fileName })
  return { count, fileName }
}
