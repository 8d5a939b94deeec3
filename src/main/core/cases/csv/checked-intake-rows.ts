import type { TIntake } from '../../../../shared/cases/intake-schema'

/** One valid row, ready for the case transfer service's `importIntakes`. */
export type TCsvImportRow = { line: number; reference?: string; intake: TIntake }

/** A row's line and the reference number it gives. */
export type TLineReference = { line: number; reference: string }

/**
 * A staged row as the import writes it: `intake` without its long texts (the experiences, the adverse parties and
 * the intake's notes are blank), which stay in the staging table row `stagedSeq` and are copied from there in SQL
 * (the intake's JSON, the search document's notes), so the commit never holds them in JS.
 */
export type TStagedImportRow = TCsvImportRow & { stagedSeq: number }

/** A checked row as the reader keeps it: the intake as the JSON text of the checked object. */
export type TCheckedIntakeText = { line: number; reference: string; json: string }

/**
 * Every checked row of an accepted file, in file order, readable more than once (the import looks up references
 * first, then stores): held in memory for a small text, or staged in the vault for an upload. `release` drops them
 * once the import or the dry run is over.
 */
export type TCheckedIntakes = Iterable<TCsvImportRow> & {
  readonly length: number
  release?(): void
  /**
   * Each row's line and reference number, for rows that give one, in file order, without reading the intakes:
   * the vault's check of references already in use reads only these.
   */
  references?(): Iterable<TLineReference>
  /** Read for a dry run only (checkedForDryRun): every intake past the preview was dropped, nothing can import. */
  readonly dryRunOnly?: boolean
  /**
   * The rows as the import writes them when they are staged in the vault (IntakeImportStaging): a page at a time,
   * each without its long texts, which SQL copies from the staging table into the case.
   */
  staged?(): Iterable<TStagedImportRow>
}

/**
 * Where the intakes reader puts each checked row as it arrives. Once a row is refused, everything added is
 * discarded and nothing more is added: a refused file answers with its problems only.
 */
export type TCheckedIntakeSink = {
  add(row: TCheckedIntakeText): void
  /**
   * A sink that keeps only its first `wholeRows` rows whole (a dry run's preview) and, of the others, only the line
   * and reference number: a reader in another thread sends those rows that way (`addReference`), never their
   * intakes, so they are not copied to main only to be dropped.
   */
  readonly wholeRows?: number
  addReference?(row: TLineReference): void
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

/**
 * A dry run's rows, never written anywhere: the first `keepWhole` rows whole (the preview) and, of the others, only
 * the line and reference number (the vault's own check: a reference already in use); the intakes past the preview
 * are dropped as they arrive. So a dry run writes nothing to the vault and holds a few bytes per row. Its rows
 * cannot be imported (`dryRunOnly`): the import sends the file again, staged (IntakeImportStaging).
 */
export function checkedForDryRun(keepWhole: number): TCheckedIntakeSink {
  let whole: TCheckedIntakeText[] = []
  let references: TLineReference[] = []
  let count = 0
  const addReference = ({ line, reference }: TLineReference) => {
    count += 1
    if (reference !== '') references.push({ line, reference })
  }
  return {
    wholeRows: keepWhole,
    add: (row) => {
      if (whole.length >= keepWhole) return addReference(row)
      count += 1
      whole.push(row)
    },
    addReference,
    discard: () => {
      whole = []
      references = []
      count = 0
    },
    checked: () => ({
      length: count,
      dryRunOnly: true,
      references: () => [
        ...whole.filter((row) => row.reference !== '').map(({ line, reference }) => ({ line, reference })),
        ...references,
      ],
      *[Symbol.iterator]() {
        for (const row of whole) yield rowFromText(row)
        for (const { line, reference } of references) yield referenceOnly(line, reference)
      },
    }),
  }
}

/** A dry run's row past the preview: its intake was not kept, and reading it is a bug, said loudly. */
function referenceOnly(line: number, reference: string): TCsvImportRow {
  return Object.defineProperty({ line, reference }, 'intake', {
    enumerable: true,
    get: (): TIntake => {
      throw new Error(`row ${line} was read for a dry run only: its intake was not kept`)
    },
  }) as TCsvImportRow
}
