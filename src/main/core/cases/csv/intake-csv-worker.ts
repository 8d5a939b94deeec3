/**
 * The intakes CSV worker thread (its own entry in electron.vite.config.ts): parses the slices main posts and checks
 * each row (csv-stream.ts and IntakeCsvRows, exactly as on main's thread), and posts the checked rows back in
 * batches. It never sees the vault, its key or its database: main stages what it posts. Its garbage (csv-parse's
 * records, zod's checks, the JSON of each row) lives and dies in this thread's own bounded heap.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { readCsvStream } from '../../csv/csv-stream'
import type { TCheckedIntakeSink, TCheckedIntakeText, TLineReference } from './checked-intake-rows'
import type { TFromIntakeWorker, TIntakeWorkerSetup, TToIntakeWorker } from './intake-csv-worker-messages'
import { IntakeCsvRows } from './parse-intakes-csv'

/** Rows per message: main stages them as they come (its staging writes 250 at a time). */
const POST_BATCH_ROWS = 250
/** ... or this much intake text, whichever first (a few long narratives fill a batch sooner). */
const POST_BATCH_CHARS = 1_000_000
/** Lines and references per message past a dry run's preview (a few bytes each). */
const POST_BATCH_REFERENCES = 5_000

const port = parentPort
if (port === null) throw new Error('The intakes CSV worker runs only as a worker thread.')
const setup = workerData as TIntakeWorkerSetup
const post = (message: TFromIntakeWorker) => port.postMessage(message)

/**
 * Checked rows go to main in batches; `checked()` counts them (main holds the staged rows themselves). Past
 * `wholeRows` (a dry run's preview), only each row's line and reference go: main would drop the intake.
 */
class PostedRows implements TCheckedIntakeSink {
  private pending: TCheckedIntakeText[] = []
  private pendingReferences: TLineReference[] = []
  private pendingChars = 0
  private added = 0
  private posted = 0

  constructor(private readonly previewRows = Number.POSITIVE_INFINITY) {}

  add(row: TCheckedIntakeText): void {
    this.added += 1
    if (this.added > this.previewRows) {
      this.pendingReferences.push({ line: row.line, reference: row.reference })
      if (this.pendingReferences.length >= POST_BATCH_REFERENCES) this.flush()
      return
    }
    this.pending.push(row)
    this.pendingChars += row.json.length
    if (this.pending.length >= POST_BATCH_ROWS || this.pendingChars >= POST_BATCH_CHARS) this.flush()
  }

  discard(): void {
    this.pending = []
    this.pendingReferences = []
    this.pendingChars = 0
    this.added = 0
    this.posted = 0
    post({ discard: true })
  }

  checked() {
    this.flush()
    return { length: this.posted, [Symbol.iterator]: () => [][Symbol.iterator]() }
  }

  flush(): void {
    if (this.pending.length > 0) {
      post({ rows: this.pending })
      this.posted += this.pending.length
      this.pending = []
      this.pendingChars = 0
    }
    if (this.pendingReferences.length > 0) {
      post({ references: this.pendingReferences })
      this.posted += this.pendingReferences.length
      this.pendingReferences = []
    }
  }
}

const incoming: TToIntakeWorker[] = []
let wake: (() => void) | null = null
port.on('message', (message: TToIntakeWorker) => {
  incoming.push(message)
  wake?.()
})

const sink = new PostedRows(setup.wholeRows)

/** The slices as main posts them; each is asked for (`next`) once the one before is parsed and its rows posted. */
async function* slices(): AsyncGenerator<Uint8Array | string> {
  for (;;) {
    sink.flush()
    post({ next: true })
    while (incoming.length === 0) {
      await new Promise<void>((resolve) => {
        wake = resolve
      })
      wake = null
    }
    const message = incoming.shift()!
    if ('end' in message) return
    yield message.chunk
  }
}

const rows = new IntakeCsvRows({
  today: setup.today,
  sink,
  ...(setup.maxErrors === undefined ? {} : { maxErrors: setup.maxErrors }),
})
const end = await readCsvStream(slices(), (record) => rows.take(record), {
  maxBytes: setup.maxBytes,
  onProgress: (progress) => post({ progress }),
})
// A stream refusal (a byte cap, a syntax error) is answered by main from `end`, as intakeAnswerOf does.
const answer = 'errors' in end || 'cancelled' in end ? null : rows.finish()
post({
  end,
  answer: answer === null ? null : 'rows' in answer ? { accepted: answer.rows.length } : answer,
})
port.close()
