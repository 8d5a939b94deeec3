import { CsvError, parse } from 'csv-parse'
import type { TCsvRowError } from '../../../shared/contract/intake-csv'
import { delimiterOf, type TCsvRecord } from './csv-text'

/** What the reader did before it stopped: shown as progress, and what the cap tests count. */
export type TCsvReadProgress = { bytesRead: number; records: number }

export type TCsvStreamOptions = {
  /** Reading stops (and the file is refused as `tooLarge`) as soon as more bytes than this have arrived. */
  maxBytes: number
  /** Called after each chunk (a few times per megabyte); cheap, so callers may store it for a progress poll. */
  onProgress?: (progress: TCsvReadProgress) => void
  /** Aborting stops the read between chunks; the answer is then `{ cancelled: true }`. */
  signal?: AbortSignal
}

/**
 * `done`: every record was handed over. `stopped`: the record handler asked to stop (a row cap): the rest of the
 * file was never read. `errors`: the file itself is unreadable as CSV (its line, as splitCsvText reports it).
 */
export type TCsvStreamResult =
  | { done: true; progress: TCsvReadProgress }
  | { stopped: true; progress: TCsvReadProgress }
  | { cancelled: true; progress: TCsvReadProgress }
  | { errors: TCsvRowError[]; progress: TCsvReadProgress }

/** The handler returns 'stop' to end the read early: the row cap is enforced while parsing, not after. */
export type TCsvRecordHandler = (record: TCsvRecord) => 'stop' | undefined

const REPLACEMENT_CHARACTER = '\uFFFD'
const BYTE_ORDER_MARK = '\uFEFF'

/** Lets timers and other IPC requests (a progress poll) run between chunks of a long file. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

function syntaxError(error: CsvError, recordStartLine: number): TCsvRowError {
  // A quote left open swallows the rest of the file: point at the row it opened in, not at the file's end.
  if (error.code === 'CSV_QUOTE_NOT_CLOSED')
    return { line: recordStartLine, field: '', code: 'unclosedQuote' }
  const line = typeof error['lines'] === 'number' ? error['lines'] : recordStartLine
  const code =
    error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'INVALID_OPENING_QUOTE'
      ? 'badQuote'
      : 'csvSyntax'
  return { line, field: '', code }
}

/**
 * Reads CSV from a stream of chunks (a file read 64 KiB at a time) and hands each record to `onRecord` as soon as
 * it is complete, so only one chunk and the record being parsed are ever held, never the whole file. Same rules and
 * answers as splitCsvText (BOM dropped, CRLF or CR as one line end, RFC 4180 quotes, each record with the line it
 * starts on, `notUtf8`, `empty`, quote problems with their line) plus the caps: more than `maxBytes` refuses the
 * file as `tooLarge` the moment the bytes arrive, and a handler answering 'stop' ends the read there. A file with
 * a syntax error is still read to its end (within `maxBytes`, parsing no further): as in splitCsvText, a byte that
 * is not UTF-8 anywhere in the file is the error reported, so two chunkings of one file never answer differently.
 *
 * Chunks may end anywhere: inside a quoted cell, between the CR and LF of a line end, or inside a multi-byte UTF-8
 * character (the streaming decoder keeps the partial character for the next chunk). The reader awaits between
 * chunks, so the main process keeps answering while a large file is read.
 */
export async function readCsvStream(
  source: AsyncIterable<Uint8Array | string>,
  onRecord: TCsvRecordHandler,
  options: TCsvStreamOptions,
): Promise<TCsvStreamResult> {
  // Not fatal: a byte that is not UTF-8 becomes U+FFFD, reported as `notUtf8` on its line (as the app always did).
  const decoder = new TextDecoder('utf-8')
  const progress: TCsvReadProgress = { bytesRead: 0, records: 0 }
  const snapshot = (): TCsvReadProgress => ({ ...progress })
  /** Physical lines finished so far in the normalized text, to place an invalid byte on its line. */
  let linesSeen = 0
  let started = false
  let pendingCarriageReturn = false
  let headerText = ''
  let parser: ReturnType<typeof parse> | null = null
  let parseError: unknown = null
  /**
   * A syntax error waits for the end of the file: a byte that is not UTF-8 anywhere in the file is reported first,
   * as splitCsvText does, so the answer never depends on where the chunks happen to end.
   */
  let syntaxAnswer: TCsvStreamResult | null = null
  let stopRequested = false
  let sawContent = false
  let recordStartLine = 1

  const startParser = (delimiter: string): ReturnType<typeof parse> => {
    const created = parse({
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (cells: string[], context) => {
        if (stopRequested) return null
        const line = recordStartLine
        recordStartLine = context.lines + 1
        progress.records += 1
        if (onRecord({ line, cells }) === 'stop') stopRequested = true
        return null
      },
    })
    created.on('error', (error) => {
      parseError = error
    })
    parser = created
    return created
  }

  /** Normalized text (no BOM, '\n' line ends) into the parser; the header line first decides the delimiter. */
  const feed = (text: string) => {
    if (text === '') return
    if (!sawContent && text.trim() !== '') sawContent = true
    if (parser === null) {
      headerText += text
      const end = headerText.indexOf('\n')
      if (end === -1) return
      startParser(delimiterOf(headerText.slice(0, end)))
      text = headerText
      headerText = ''
    }
    parser?.write(text)
  }

  /** CRLF and lone CR become '\n'; a CR ending this chunk waits to see whether the next one starts with LF. */
  const normalize = (text: string, last: boolean): string => {
    let value = pendingCarriageReturn ? `\r${text}` : text
    pendingCarriageReturn = !last && value.endsWith('\r')
    if (pendingCarriageReturn) value = value.slice(0, -1)
    return value.replace(/\r\n?/g, '\n')
  }

  const stopParsing = () => parser?.destroy()

  const notUtf8 = (text: string, at: number): TCsvStreamResult => {
    stopParsing()
    let line = linesSeen + 1
    for (let index = text.indexOf('\n'); index !== -1 && index < at; index = text.indexOf('\n', index + 1)) {
      line += 1
    }
    return { errors: [{ line, field: '', code: 'notUtf8' }], progress: snapshot() }
  }

  /** Decoded, normalized text through the parser; an answer when the read must end here. */
  const take = (chunkText: string, last: boolean): TCsvStreamResult | null => {
    let text = chunkText
    if (!started && (text !== '' || last)) {
      if (text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1)
      started = text !== '' || last
    }
    const normalized = normalize(text, last)
    const replacement = normalized.indexOf(REPLACEMENT_CHARACTER)
    if (replacement !== -1) return notUtf8(normalized, replacement)
    if (syntaxAnswer === null) feed(normalized)
    for (let index = normalized.indexOf('\n'); index !== -1; index = normalized.indexOf('\n', index + 1)) {
      linesSeen += 1
    }
    return null
  }

  const checkParser = (): TCsvStreamResult | null => {
    if (parseError === null) {
      return stopRequested ? { stopped: true, progress: snapshot() } : null
    }
    if (!(parseError instanceof CsvError)) throw parseError
    return { errors: [syntaxError(parseError, recordStartLine)], progress: snapshot() }
  }

  /** A chunk of bytes arrived: the decoder may hold part of a character, so every later chunk goes through it. */
  let sawBytes = false
  for await (const chunk of source) {
    if (options.signal?.aborted) return { cancelled: true, progress: snapshot() }
    // Text that is whole UTF-16 (every upload slice: the renderer decodes whole characters) is read as it is; a
    // lone surrogate goes through the UTF-8 round trip as before, which makes it U+FFFD (`notUtf8`).
    const asText = typeof chunk === 'string' && !sawBytes && chunk.isWellFormed()
    const bytes = asText ? null : typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    sawBytes ||= typeof chunk !== 'string'
    progress.bytesRead += bytes === null ? Buffer.byteLength(chunk, 'utf8') : bytes.length
    if (progress.bytesRead > options.maxBytes) {
      return {
        errors: [{ line: 0, field: '', code: 'tooLarge', limit: options.maxBytes }],
        progress: snapshot(),
      }
    }
    const ended = take(bytes === null ? (chunk as string) : decoder.decode(bytes, { stream: true }), false)
    if (ended !== null) return ended
    // csv-parse reports syntax errors on the next tick: let them (and other requests) through.
    await yieldToEventLoop()
    if (syntaxAnswer === null) {
      const parserEnded = checkParser()
      if (parserEnded !== null && 'errors' in parserEnded) {
        // Read on (the caps still apply), only to look for a byte that is not UTF-8: it is reported first.
        syntaxAnswer = parserEnded
        stopParsing()
      } else if (parserEnded !== null) return parserEnded
    }
    options.onProgress?.(snapshot())
  }

  const ended = take(decoder.decode(), true)
  if (ended !== null) return ended
  if (syntaxAnswer !== null) return { ...syntaxAnswer, progress: snapshot() }
  if (!sawContent) return { errors: [{ line: 0, field: '', code: 'empty' }], progress: snapshot() }
  // A file of one line (no line end) never started the parser: that line is the header.
  const finishing = parser ?? startParser(delimiterOf(headerText))
  if (headerText !== '') finishing.write(headerText)
  await new Promise<void>((resolve) => {
    finishing.once('end', resolve)
    finishing.once('error', () => resolve())
    finishing.resume()
    finishing.end()
  })
  const parserEnded = checkParser()
  if (parserEnded !== null) return parserEnded
  options.onProgress?.(snapshot())
  return { done: true, progress: snapshot() }
}
