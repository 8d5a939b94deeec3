import { CsvError, parse } from 'csv-parse/sync'
import type { TCsvRowError } from '../../../shared/contract/intake-csv'

/** One record of the file: its cells as written and the physical line it starts on (the header is line 1). */
export type TCsvRecord = { line: number; cells: string[] }

export type TCsvTextResult = { records: TCsvRecord[] } | { errors: TCsvRowError[] }

const REPLACEMENT_CHARACTER = '\uFFFD'

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line += 1
  }
  return line
}

/**
 * Comma-separated, unless the header line has semicolons and no comma (what Excel writes in French locales),
 * or tabs and neither.
 */
export function delimiterOf(headerLine: string): string {
  if (headerLine.includes(',')) return ','
  if (headerLine.includes(';')) return ';'
  if (headerLine.includes('\t')) return '\t'
  return ','
}

/**
 * Splits CSV text into records (RFC 4180 quoting), each with the physical line it starts on, so a cell that spans
 * several lines inside quotes still leaves the next row's number right. A leading BOM is dropped and CRLF or CR
 * line ends count as one line end. Bad syntax is reported with its line; nothing else is interpreted here.
 */
export function splitCsvText(input: string): TCsvTextResult {
  const text = (input.startsWith('\uFEFF') ? input.slice(1) : input).replace(/\r\n?/g, '\n')
  const replacement = text.indexOf(REPLACEMENT_CHARACTER)
  if (replacement !== -1) {
    return { errors: [{ line: lineAt(text, replacement), field: '', code: 'notUtf8' }] }
  }
  if (text.trim() === '') return { errors: [{ line: 0, field: '', code: 'empty' }] }

  const bytes = Buffer.from(text, 'utf8')
  // Byte offsets of every line end, to turn a record's start offset into its line by binary search.
  const lineEnds: number[] = []
  for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, index + 1))
    lineEnds.push(index)
  const lineOfByte = (offset: number): number => {
    let low = 0
    let high = lineEnds.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((lineEnds[middle] ?? Infinity) < offset) low = middle + 1
      else high = middle
    }
    return low + 1
  }

  const records: TCsvRecord[] = []
  let recordStart = 0
  try {
    parse(bytes, {
      delimiter: delimiterOf(text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'))),
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        records.push({ line: lineOfByte(recordStart), cells: record })
        recordStart = context.bytes
        return null
      },
    })
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    // A quote left open swallows the rest of the file: point at the row it opened in, not at the file's end.
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      return { errors: [{ line: lineOfByte(recordStart), field: '', code: 'unclosedQuote' }] }
    }
    const line = typeof error['lines'] === 'number' ? error['lines'] : lineOfByte(recordStart)
    const code =
      error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'INVALID_OPENING_QUOTE'
        ? 'badQuote'
        : 'csvSyntax'
    return { errors: [{ line, field: '', code }] }
  }
  return { records }
}
