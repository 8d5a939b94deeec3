import type { TCsvReadProgress, TCsvStreamResult } from '../../csv/csv-stream'
import type { TCsvRowError } from '../../../../shared/contract/intake-csv'
import type { TCheckedIntakeText, TLineReference } from './checked-intake-rows'

/** What the intakes worker is started with (its `workerData`). */
/** `wholeRows`: post only this many rows whole, then only lines and references (a dry run: its preview). */
export type TIntakeWorkerSetup = { today: string; maxErrors?: number; maxBytes: number; wholeRows?: number }

/** Main → worker: the next slice of the file (text from the screen, bytes from a file on disk), or its end. */
export type TToIntakeWorker = { chunk: Uint8Array | string } | { end: true }

/**
 * The intakes answer without the rows (they were posted as they were checked): the file's problems, or how many
 * rows were accepted.
 */
export type TIntakeWorkerAnswer =
  { errors: TCsvRowError[]; rowCount: number; errorCount?: number } | { accepted: number }

/**
 * Worker → main, in this order for each slice: checked rows (a batch at a time; past `wholeRows`, only their lines
 * and references) or `discard` (the file is refused:
 * drop what was staged), then `progress`, then `next` when the worker wants the next slice; `end` once the read is
 * over (every slice, a cap, a syntax error), with the stream's result and the answer.
 */
export type TFromIntakeWorker =
  | { rows: TCheckedIntakeText[] }
  | { references: TLineReference[] }
  | { discard: true }
  | { progress: TCsvReadProgress }
  | { next: true }
  | { end: TCsvStreamResult; answer: TIntakeWorkerAnswer | null }
