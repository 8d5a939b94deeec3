import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readCsvStream, type TCsvStreamResult } from './csv-stream'
import { splitCsvText, type TCsvRecord } from './csv-text'

/** The bytes of `text` cut at the given offsets (anywhere: inside a character, a quote, a CRLF). */
async function* chunksOf(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let start = 0
  for (const cut of [...new Set(cuts)].filter((at) => at > 0 && at < bytes.length).sort((a, b) => a - b)) {
    yield bytes.subarray(start, cut)
    start = cut
  }
  yield bytes.subarray(start)
}

async function readAll(
  bytes: Uint8Array,
  cuts: readonly number[] = [],
  maxBytes = 1_000_000,
): Promise<{ records: TCsvRecord[]; result: TCsvStreamResult }> {
  const records: TCsvRecord[] = []
  const result = await readCsvStream(
    chunksOf(bytes, cuts),
    (record) => {
      records.push(record)
      return undefined
    },
    { maxBytes },
  )
  return { records, result }
}

/** What splitCsvText answers, in the stream reader's terms. */
async function sameAsText(text: string, cuts: readonly number[]) {
  const expected = splitCsvText(text)
  const { records, result } = await readAll(Buffer.from(text, 'utf8'), cuts)
  if ('errors' in expected) {
    expect('errors' in result && result.errors).toEqual(expected.errors)
  } else {
    expect('done' in result).toBe(true)
    expect(records).toEqual(expected.records)
  }
}

const encoder = new TextEncoder()

describe('readCsvStream', () => {
  it('gives each record the line it starts on, however the file is cut into chunks', async () => {
    const text = 'a,b\r\n"1\r\n2\n3",x\r\n\r\nlast,"é\n"'
    const bytes = encoder.encode(text)
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const { records } = await readAll(bytes, [cut])
      expect(records.map((record) => record.line)).toEqual([1, 2, 5, 6])
      expect(records[1]?.cells).toEqual(['1\n2\n3', 'x'])
      expect(records[3]?.cells).toEqual(['last', 'é\n'])
    }
  })

  it('keeps a multi-byte character whole when a chunk ends inside it', async () => {
    const text = 'nom;ville\n"Zoë ✓ 😀";Montréal\n'
    const bytes = encoder.encode(text)
    const emoji = bytes.indexOf(0xf0)
    for (const cut of [emoji + 1, emoji + 2, emoji + 3]) {
      const { records } = await readAll(bytes, [cut])
      expect(records[1]?.cells).toEqual(['Zoë ✓ 😀', 'Montréal'])
    }
  })

  it('answers as splitCsvText does for any text cut anywhere', async () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('', '"', '""', '"a\nb"', '"x""y"', 'a"b', ' ', 'é', '😀', '\r', '\r\n', ';', '\t'),
    )
    const line = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','))
    const text = fc
      .tuple(
        fc.boolean(),
        fc.array(line, { minLength: 0, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n', '\r'),
      )
      .map(([bom, lines, end]) => (bom ? '\uFEFF' : '') + lines.join(end))
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(200), { maxLength: 6 }), async (input, cuts) => {
        await sameAsText(input, cuts)
      }),
      { numRuns: 300 },
    )
  })

  it('reports a byte that is not UTF-8 before a syntax error that comes earlier, wherever the chunks end', async () => {
    // A bad quote on line 2, then (a chunk later) a byte that is not UTF-8 on line 3: splitCsvText checks the
    // encoding first, and the stream must too, even though it has parsed the bad quote by then.
    const bytes = Buffer.concat([
      Buffer.from('a,b\nx"y,1\n', 'utf8'),
      Buffer.from([0xff]),
      Buffer.from(',2\n'),
    ])
    for (const cuts of [[], [6], [8], [9], [10]]) {
      const { result } = await readAll(bytes, cuts)
      expect('errors' in result && result.errors).toEqual([{ line: 3, field: '', code: 'notUtf8' }])
    }
    // Without the bad byte the bad quote is what is reported, on its line.
    const { result } = await readAll(Buffer.from('a,b\nx"y,1\nz,2\n'), [6])
    expect('errors' in result && result.errors).toEqual([{ line: 2, field: '', code: 'badQuote' }])
  })

  it('reads text chunks exactly as it reads their UTF-8 bytes, a chunk ending inside a surrogate pair too', async () => {
    /** Each piece handed over as text, or as that text's UTF-8 (how the reader took text before it read it as is). */
    const read = async (pieces: readonly string[], asBytes: boolean) => {
      const records: TCsvRecord[] = []
      const result = await readCsvStream(
        (async function* () {
          for (const piece of pieces) yield asBytes ? Buffer.from(piece, 'utf8') : piece
        })(),
        (record) => {
          records.push(record)
          return undefined
        },
        { maxBytes: 1_000_000 },
      )
      return { records, result }
    }
    const cutText = (text: string, cuts: readonly number[]): string[] => {
      const at = [...new Set(cuts)].filter((cut) => cut > 0 && cut < text.length).sort((a, b) => a - b)
      return [0, ...at].map((start, index) => text.slice(start, at[index]))
    }
    // A pair cut in two is a lone surrogate in each chunk: not UTF-8, on its line, as before.
    const emoji = 'a,b\n"x",😀\n'
    const split = await read(cutText(emoji, [emoji.indexOf('😀') + 1]), false)
    expect(split.result).toMatchObject({ errors: [{ line: 2, field: '', code: 'notUtf8' }] })
    expect(split).toEqual(await read(cutText(emoji, [emoji.indexOf('😀') + 1]), true))
    const cell = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('', '"', '""', '"a\nb"', 'a"b', 'é', '😀', '\r', '\r\n', '\uFEFF', '\uFFFD'),
    )
    const text = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 })
      .map((lines) => lines.map((cells) => cells.join(',')).join('\n'))
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(120), { maxLength: 6 }), async (input, cuts) => {
        const pieces = cutText(input, cuts)
        expect(await read(pieces, false)).toEqual(await read(pieces, true))
      }),
      { numRuns: 300 },
    )
  })

  it('reports bytes that are not UTF-8 with their line', async () => {
    const bytes = Buffer.concat([
      encoder.encode('a,b\n1,2\nx,'),
      Buffer.from([0xc3, 0x28]),
      encoder.encode('\n'),
    ])
    const { result } = await readAll(bytes, [9, 10])
    expect('errors' in result && result.errors).toEqual([{ line: 3, field: '', code: 'notUtf8' }])
  })

  it('refuses a file larger than the cap as soon as the bytes arrive, reading no further', async () => {
    const bytes = encoder.encode(`a,b\n${'1,2\n'.repeat(10_000)}`)
    const cuts = Array.from({ length: 100 }, (_, index) => (index + 1) * 400)
    const { result } = await readAll(bytes, cuts, 2_000)
    expect('errors' in result && result.errors).toEqual([
      { line: 0, field: '', code: 'tooLarge', limit: 2_000 },
    ])
    expect(result.progress.bytesRead).toBeLessThanOrEqual(2_400)
  })

  it('stops parsing at the record the handler refuses: the rest of the file is never read', async () => {
    const bytes = encoder.encode(`a,b\n${'1,2\n'.repeat(100_000)}`)
    let chunksRead = 0
    async function* counted(): AsyncGenerator<Uint8Array> {
      for (let start = 0; start < bytes.length; start += 1_000) {
        chunksRead += 1
        yield bytes.subarray(start, start + 1_000)
      }
    }
    let seen = 0
    const result = await readCsvStream(counted(), () => ((seen += 1) > 100 ? 'stop' : undefined), {
      maxBytes: 10_000_000,
    })
    expect('stopped' in result).toBe(true)
    expect(seen).toBeLessThanOrEqual(101 + 250)
    expect(chunksRead).toBeLessThan(5)
    expect(result.progress.bytesRead).toBeLessThan(5_000)
  })

  it('stops between chunks when cancelled', async () => {
    const controller = new AbortController()
    const bytes = encoder.encode(`a,b\n${'1,2\n'.repeat(1_000)}`)
    const result = await readCsvStream(
      chunksOf(bytes, [100, 200, 300]),
      () => {
        controller.abort()
        return undefined
      },
      { maxBytes: 1_000_000, signal: controller.signal },
    )
    expect('cancelled' in result).toBe(true)
    expect(result.progress.bytesRead).toBe(100)
  })

  it('reports an unclosed quote on the line its record starts', async () => {
    const { result } = await readAll(encoder.encode('a,b\n1,2\n3,"open\nmore\n'), [5, 12])
    expect('errors' in result && result.errors).toEqual([{ line: 3, field: '', code: 'unclosedQuote' }])
  })

  it('finds nothing to read in an empty or blank file', async () => {
    for (const text of ['', '\uFEFF', ' \r\n\n']) {
      const { result } = await readAll(encoder.encode(text))
      expect('errors' in result && result.errors).toEqual([{ line: 0, field: '', code: 'empty' }])
    }
  })
})
