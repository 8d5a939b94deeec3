import { LAWYER_CSV_MAX_CHARS, LAWYER_CSV_MAX_ROWS } from '../../../../shared/contract/lawyers'
import { STAFF_WHO_HANDLE_CASES } from '../../../../shared/roles'
import type { TCsvTextResult, TCsvRecord } from '../../csv/csv-text'
import { readingOnThisThread, type TCsvUploadReader } from '../../csv/csv-uploads'

/**
 * How the lawyer import reads an upload (core/csv/csv-uploads.ts): the records as they arrive, nothing checked yet,
 * since the person maps the headers after the file is read. The answer is what splitCsvText gives for the same
 * text, so the upload and the CLI's file go through the same dry run and commit. Caseworkers and admins may send.
 */
export function lawyerCsvReader(): TCsvUploadReader<TCsvTextResult> {
  const records: TCsvRecord[] = []
  let dataRows = 0
  return {
    kind: 'lawyers',
    roles: STAFF_WHO_HANDLE_CASES,
    maxBytes: LAWYER_CSV_MAX_CHARS,
    read: readingOnThisThread((record) => {
      records.push(record)
      if (records.length > 1 && record.cells.some((cell) => cell.trim() !== '')) dataRows += 1
      // One row more than allowed is enough for the dry run to say "more than 20,000 rows" (blank lines not counted).
      return dataRows > LAWYER_CSV_MAX_ROWS ? 'stop' : undefined
    }),
    finish(result) {
      if ('errors' in result) return { errors: result.errors }
      return { records }
    },
  }
}
