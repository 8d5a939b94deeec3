import { ByteSearch } from './byte-search'
import { foldAscii, leakForms } from './leak-forms'

/** One value found in one buffer: which value (its field or secret name) and in which encoding. */
export type TLeak = { value: string; form: string }

type TPattern = { value: string; form: string }

/** Looks for every form of every named value in a buffer, in two passes (folded and as-is), whatever their number. */
export class LeakScanner {
  private readonly folded: { search: ByteSearch; patterns: TPattern[] }
  private readonly exact: { search: ByteSearch; patterns: TPattern[] }

  constructor(values: Readonly<Record<string, string | Buffer>>) {
    const folded: [TPattern, Buffer][] = []
    const exact: [TPattern, Buffer][] = []
    for (const [value, content] of Object.entries(values)) {
      for (const form of leakForms(content)) {
        ;(form.folded ? folded : exact).push([{ value, form: form.name }, form.bytes])
      }
    }
    const build = (entries: [TPattern, Buffer][]) => ({
      search: new ByteSearch(entries.map(([, bytes]) => bytes)),
      patterns: entries.map(([pattern]) => pattern),
    })
    this.folded = build(folded)
    this.exact = build(exact)
  }

  /** Every value found in `bytes`, in any of its forms (one entry per value and form). */
  scan(bytes: Uint8Array): TLeak[] {
    const leaks: TLeak[] = []
    for (const [pass, haystack] of [
      [this.folded, foldAscii(bytes)],
      [this.exact, bytes],
    ] as const) {
      for (const index of pass.search.find(haystack).keys()) leaks.push(pass.patterns[index]!)
    }
    return leaks
  }
}
