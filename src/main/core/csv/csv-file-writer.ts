import { stringify } from 'csv-stringify/sync'
import { writeChunksAtomic } from '../fs/atomic-stream'
import { neutralize } from './cells'

/** Rows turned into text and written together: a few hundred kilobytes at a time, whatever the file's size. */
const ROWS_PER_WRITE = 500

/** How every CSV file the app writes looks: BOM (Excel reads UTF-8), CRLF, every cell quoted, formulas neutralized. */
export const formatCsvRows = (rows: readonly (readonly string[])[], withBom: boolean): string =>
  stringify(
    rows.map((row) => row.map(neutralize)),
    { bom: withBom, record_delimiter: 'windows', quoted: true, quoted_empty: true },
  )

/**
 * Streams a CSV file to `target` through a temp file created 0600 beside it (same folder, so the rename is atomic):
 * rows are written in batches, never held whole; the file is fsynced, renamed over `target`, and the folder fsynced.
 * Any failure (a row that throws, a full disk, the vault locking mid-export) removes the temp file, so an
 * interrupted export leaves no plaintext behind. Returns how many rows (not counting the header) were written.
 */
export function writeCsvFileAtomic(
  target: string,
  header: readonly string[],
  rows: Iterable<readonly string[]>,
): number {
  let count = 0
  function* chunks(): Generator<string> {
    yield formatCsvRows([header], true)
    let batch: (readonly string[])[] = []
    for (const row of rows) {
      batch.push(row)
      count += 1
      if (batch.length === ROWS_PER_WRITE) {
        yield formatCsvRows(batch, false)
        batch = []
      }
    }
    if (batch.length > 0) yield formatCsvRows(batch, false)
  }
  writeChunksAtomic(target, chunks())
  return count
}
