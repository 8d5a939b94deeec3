import type { TCsvProblem } from '../../../../shared/contract/csv'
import { normalizeHeader } from '../../csv/cells'
import { splitCsvText } from '../../csv/csv-text'
import { DIRECTORY_CSV_HEADER, directoryEntryOfRow } from './directory-csv'
import { entryKeyOf, type TDirectoryEntry } from './directory-entry'
import { parseDirectoryJson } from './directory-json'

export type TDirectoryFormat = 'csv' | 'json'

/** An entry with where the file had it (for naming a duplicate's other row). */
export type TLocatedEntry = { entry: TDirectoryEntry; row: number; column: string }

const KNOWN_COLUMNS: ReadonlySet<string> = new Set(DIRECTORY_CSV_HEADER)

function parseDirectoryCsv(text: string): { entries: TLocatedEntry[]; problems: TCsvProblem[] } {
  const split = splitCsvText(text)
  if ('errors' in split)
    return {
      entries: [],
      problems: split.errors.map((error) => ({ row: error.line, column: error.field, code: error.code })),
    }
  const [header, ...records] = split.records
  const columns = (header?.cells ?? []).map(normalizeHeader)
  const problems: TCsvProblem[] = columns.flatMap((column, index) =>
    KNOWN_COLUMNS.has(column) ? [] : [{ row: 1, column: header?.cells[index] ?? '', code: 'unknownColumn' }],
  )
  if (!columns.includes('entry')) problems.push({ row: 1, column: 'entry', code: 'missingColumn' })
  if (problems.length > 0) return { entries: [], problems }
  const indexOf = new Map(columns.map((column, index) => [column, index]))
  const entries: TLocatedEntry[] = []
  for (const record of records) {
    if (record.cells.every((cell) => cell.trim() === '')) continue
    const read = (column: string): string => record.cells[indexOf.get(column) ?? -1] ?? ''
    const outcome = directoryEntryOfRow(record.line, read)
    if ('problems' in outcome) problems.push(...outcome.problems)
    else entries.push({ entry: outcome.entry, row: record.line, column: '' })
  }
  return { entries, problems }
}

/**
 * A directory file's entries, or every problem in it by row and column: the CSV or JSON of `export directory`, or
 * one written by hand. Two entries for the same organization (name) or resource (link, else title) are a problem.
 */
export function parseDirectoryFile(
  text: string,
  format: TDirectoryFormat,
): { entries: TDirectoryEntry[]; problems: TCsvProblem[] } {
  const parsed = format === 'csv' ? parseDirectoryCsv(text) : parseDirectoryJson(text)
  const problems = [...parsed.problems]
  const seen = new Map<string, number>()
  for (const { entry, row, column } of parsed.entries) {
    const key = entryKeyOf(entry)
    const otherRow = seen.get(key)
    if (otherRow === undefined) seen.set(key, row)
    else
      problems.push({
        row,
        column:
          entry.kind === 'organization'
            ? `${column}${column ? '.' : ''}name`
            : `${column}${column ? '.' : ''}${entry.fields.link ? 'link' : 'title'}`,
        code: 'duplicateEntry',
        params: { otherRow },
      })
  }
  if (!parsed.entries.length && !problems.length) problems.push({ row: 0, column: '', code: 'empty' })
  return { entries: problems.length > 0 ? [] : parsed.entries.map(({ entry }) => entry), problems }
}
