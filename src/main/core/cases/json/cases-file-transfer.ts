import { basename } from 'node:path'
import type { TCasesFileCase } from '../../../../shared/cases/cases-file-schema'
import {
  CASES_FILE_MAX_REPORTED_ERRORS,
  type TCasesFileError,
  type TCasesFileImportResult,
} from '../../../../shared/contract/cases-file'
import { AppError } from '../../../../shared/result'
import { writeChunksAtomic } from '../../fs/atomic-stream'
import { casesFileChunks } from './cases-file-export'
import { readCasesFile } from './cases-file-import'

/** What the cases file needs from the case store (CaseTransferService), which checks for an admin and audits. */
export type TCasesFileStore = {
  caseRecords(): Iterable<TCasesFileCase>
  /** All or nothing; a clash with the vault is BAD_REQUEST with `{ errors }` in its details. */
  importCaseRecords(
    cases: readonly TCasesFileCase[],
    options: { dryRun: boolean },
  ): { createdCases: { caseId: string; reference: string }[] }
  auditCasesFileExport(details: { count: number; fileName: string }): void
  nowIso(): string
}

function refused(
  errors: readonly TCasesFileError[],
  cases: number,
  options: { dryRun: boolean; maxErrors?: number },
): TCasesFileImportResult {
  return {
    accepted: false,
    dryRun: options.dryRun,
    cases,
    created: 0,
    errors: errors.slice(0, options.maxErrors ?? CASES_FILE_MAX_REPORTED_ERRORS),
    errorCount: errors.length,
    createdCases: [],
  }
}

/** The store's refusal as the file's problems, or null for any other error. */
function storeErrors(error: unknown): TCasesFileError[] | null {
  if (!(error instanceof AppError) || error.code !== 'BAD_REQUEST') return null
  const details = error.details as { errors?: unknown } | undefined
  return Array.isArray(details?.errors) ? (details.errors as TCasesFileError[]) : null
}

/** Check a `ccij-cases-v1` file and, unless a dry run, add every case in it; a refused file changes nothing. */
export function importCasesFile(
  store: TCasesFileStore,
  text: string,
  options: { dryRun: boolean; maxErrors?: number },
): TCasesFileImportResult {
  const read = readCasesFile(text)
  if ('errors' in read) return refused(read.errors, read.caseCount, options)
  try {
    const { createdCases } = store.importCaseRecords(read.cases, options)
    return {
      accepted: true,
      dryRun: options.dryRun,
      cases: read.cases.length,
      created: createdCases.length,
      errors: [],
      errorCount: 0,
      createdCases,
    }
  } catch (error) {
    const errors = storeErrors(error)
    if (errors === null) throw error
    return refused(errors, read.cases.length, options)
  }
}

/**
 * Every case whole to `destination` (0600, atomically: an interrupted export leaves nothing behind), then the
 * export audited with its count and the file's base name — never the folders, which can name a person or a place.
 */
export function exportCasesFile(
  store: TCasesFileStore,
  destination: string,
): { count: number; fileName: string } {
  let count = 0
  writeChunksAtomic(
    destination,
    casesFileChunks(store.nowIso(), store.caseRecords(), () => (count += 1)),
  )
  const fileName = basename(destination)
  store.auditCasesFileExport({ count, fileName })
  return { count, fileName }
}
