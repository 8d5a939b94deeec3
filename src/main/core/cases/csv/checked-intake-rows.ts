import type { TIntake } from '../../../../shared/cases/intake-schema'

/** One valid row, ready for the case transfer service's `importIntakes`. */
export type TCsvImportRow = { line: number; reference?: string; intake: TIntake }

/** A checked row as the reader keeps it: the intake as the JSON text of the checked object. */
export type TCheckedIntakeText = { line: number; reference: string; json: string }

/**
 * Every checked row of an accepted file, in file order, readable more than once (the import looks up references
 * first, then stores): held in memory for a small text, or staged in the vault for an upload. `release` drops them
 * once the import or the dry run is over.
 */
export type TCheckedIntakes = Iterable<TCsvImportRow> & { readonly length: number; release?(): void }

/**
 * Where the intakes reader puts each checked row as it arrives. Once a row is refused, everything added is
 * discarded and nothing more is added: a refused file answers with its problems only.
 */
export type TCheckedIntakeSink = {
  add(row: TCheckedIntakeText): void
  discard(): void
  /** The rows added, once the whole file was read and accepted. */
  checked(): TCheckedIntakes
}

/**
 * A row whose intake is parsed from its JSON each time it is read (once, when the import stores it): 50,000
 * intakes as objects take several times the memory of their text (measured by bench/csv-memory.ts).
 */
export function rowFromText({ line, reference, json }: TCheckedIntakeText): TCsvImportRow {
  const row = reference === '' ? { line } : { line, reference }
  return Object.defineProperty(row, 'intake', {
    enumerable: true,
    get: (): TIntake => JSON.parse(json) as TIntake,
  }) as TCsvImportRow
}

/** Checked rows kept in memory: whole texts already in memory (tests, a pasted example), never an upload. */
export function checkedIntakesInMemory(): TCheckedIntakeSink {
  let rows: TCheckedIntakeText[] = []
  return {
    add: (row) => {
      rows.push(row)
    },
    discard: () => {
      rows = []
    },
    checked: () => rows.map(rowFromText),
  }
}
