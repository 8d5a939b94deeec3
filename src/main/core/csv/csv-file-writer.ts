import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { fsyncDirectory } from '../fs/atomic-write'
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
  const directory = dirname(target)
  const temporary = join(directory, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  const fd = openSync(temporary, 'wx', 0o600)
  let count = 0
  let closed = false
  try {
    const write = (text: string): void => {
      const bytes = Buffer.from(text, 'utf8')
      let offset = 0
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset)
    }
    write(formatCsvRows([header], true))
    let batch: (readonly string[])[] = []
    for (const row of rows) {
      batch.push(row)
      count += 1
      if (batch.length === ROWS_PER_WRITE) {
        write(formatCsvRows(batch, false))
        batch = []
      }
    }
    if (batch.length > 0) write(formatCsvRows(batch, false))
    fsyncSync(fd)
    closeSync(fd)
    closed = true
    renameSync(temporary, target)
  } catch (error) {
    if (!closed) closeSync(fd)
    rmSync(temporary, { force: true })
    throw error
  }
  fsyncDirectory(directory)
  return count
}
