import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { CSV_MAX_CHARS } from '../../../../shared/contract/intake-csv'
import { ADMIN_ONLY } from '../../../../shared/roles'
import type { TCsvStreamOptions, TCsvStreamResult } from '../../csv/csv-stream'
import type { TCsvUploadReader } from '../../csv/csv-uploads'
import { checkedIntakesInMemory, type TCheckedIntakeSink, type TLineReference } from './checked-intake-rows'
import { intakeAnswerOf, localToday } from './intake-csv-transfer'
import type {
  TFromIntakeWorker,
  TIntakeWorkerAnswer,
  TIntakeWorkerSetup,
  TToIntakeWorker,
} from './intake-csv-worker-messages'
import type { TParseIntakesResult } from './parse-intakes-csv'

/**
 * The worker's own heap: one slice, one batch of rows and their garbage fit many times over. A file that somehow
 * needs more ends the worker (ERR_WORKER_OUT_OF_MEMORY, the import fails) instead of main.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 }

/** electron-vite's name for the worker's entry (electron.vite.config.ts): the build writes `<name>.js`. */
export const INTAKE_WORKER_ENTRY = 'intake-csv-worker'

/**
 * The built worker, beside the main bundle that starts it (`out/main/`). In a packaged app that is inside app.asar
 * (`resources/app.asar/out/main/intake-csv-worker.js`), where the asar integrity fuse covers it: Electron reads
 * worker scripts from the archive since 17.3 (electron/electron#33216), so it is not unpacked (packaging.test.ts
 * checks the packaging config agrees).
 */
export function builtWorkerUrl(bundleUrl: string): URL {
  return new URL(`./${INTAKE_WORKER_ENTRY}.js`, bundleUrl)
}

/**
 * The worker entry beside this file: `intake-csv-worker.js` next to the bundle in a build (electron-vite builds it
 * as the main process's second entry, out/main/), `intake-csv-worker.ts` when running from source under tsx,
 * vitest or Playwright (the bridge, the admin CLI, tests, the bench): a worker thread does not inherit its parent's
 * TypeScript loader, so a two-line bootstrap registers tsx in the worker first.
 */
function startWorker(setup: TIntakeWorkerSetup): Worker {
  const worker = spawn(setup)
  running += 1
  worker.once('exit', () => {
    running -= 1
  })
  return worker
}

let running = 0

/** Intakes worker threads alive now (tests: a cancel or a lock ends them; none is left behind). */
export const runningIntakeWorkers = (): number => running

function spawn(setup: TIntakeWorkerSetup): Worker {
  const options = { workerData: setup, resourceLimits: WORKER_HEAP, stdout: true, stderr: true }
  if (!import.meta.url.endsWith('.ts')) return new Worker(builtWorkerUrl(import.meta.url), options)
  // tsx's ES module API (the CommonJS one registers a path that does not exist under Node 20).
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs')
  const tsx = pathToFileURL(tsxApi).href
  const entry = new URL('./intake-csv-worker.ts', import.meta.url).href
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(bootstrap, { ...options, eval: true })
}

/**
 * Reads an intakes file in a worker thread: main posts each slice, the worker parses and checks it (the same
 * csv-stream.ts and IntakeCsvRows as intakeCsvReader, so the same rows and the same problems, by line and column)
 * and posts the checked rows back, which main puts in `sink` (the vault's staging) as they come. Main's thread only
 * stages; the parse, the checks and their garbage stay in the worker's heap. A cancel (another file, the screen
 * left, the vault locking: CsvUploads.cancelAll) terminates the worker at once.
 */
export function intakeCsvWorkerReader(
  options: { sink?: TCheckedIntakeSink; today?: string; maxErrors?: number } = {},
): TCsvUploadReader<TParseIntakesResult> {
  const sink = options.sink ?? checkedIntakesInMemory()
  let answer: TIntakeWorkerAnswer | null = null
  const rows = {
    abandon: () => sink.discard(),
    finish: (): TParseIntakesResult => {
      if (answer === null) return { errors: [{ line: 0, field: '', code: 'empty' }], rowCount: 0 }
      return 'accepted' in answer ? { rows: sink.checked() } : answer
    },
  }
  const setup: TIntakeWorkerSetup = {
    today: options.today ?? localToday(),
    maxBytes: CSV_MAX_CHARS,
    ...(options.maxErrors === undefined ? {} : { maxErrors: options.maxErrors }),
    // A sink that keeps only a preview whole (a dry run) is sent the rest as lines and references only.
    ...(sink.wholeRows === undefined || sink.addReference === undefined ? {} : { wholeRows: sink.wholeRows }),
  }
  return {
    kind: 'intakes',
    roles: ADMIN_ONLY,
    maxBytes: CSV_MAX_CHARS,
    read: async (source, streamOptions) => {
      const read = await readInWorker(setup, source, streamOptions, sink)
      answer = read.answer
      return read.end
    },
    discard: () => sink.discard(),
    finish: (result) => intakeAnswerOf(result, rows),
  }
}

/** A row the worker sent as its line and reference only: only a sink that asked for that (`wholeRows`) takes it. */
function referenceTo(sink: TCheckedIntakeSink, row: TLineReference): void {
  if (sink.addReference === undefined) throw new Error('The CSV worker sent a row without its intake.')
  sink.addReference(row)
}

/** One file through one worker; the worker is always gone when this settles. */
async function readInWorker(
  setup: TIntakeWorkerSetup,
  source: AsyncIterable<Uint8Array | string>,
  options: TCsvStreamOptions,
  sink: TCheckedIntakeSink,
): Promise<{ end: TCsvStreamResult; answer: TIntakeWorkerAnswer | null }> {
  const worker = startWorker({ ...setup, maxBytes: options.maxBytes })
  let bytesRead = 0
  let records = 0
  const cancelled = () => ({
    end: { cancelled: true, progress: { bytesRead, records } } as const,
    answer: null,
  })
  /** Settles when the worker asks for a slice ('next'), ends, fails, or the read is cancelled. */
  let waiting: { resolve: (next: 'next' | 'end') => void; reject: (error: unknown) => void } | null = null
  let ended: { end: TCsvStreamResult; answer: TIntakeWorkerAnswer | null } | null = null
  let failure: unknown = null
  let nextAsked = false
  const fail = (error: unknown) => {
    failure ??= error
    void worker.terminate()
    waiting?.reject(failure)
  }

  worker.on('message', (message: TFromIntakeWorker) => {
    try {
      if ('rows' in message) for (const row of message.rows) sink.add(row)
      else if ('references' in message) for (const row of message.references) referenceTo(sink, row)
      else if ('discard' in message) sink.discard()
      else if ('progress' in message) {
        ;({ bytesRead, records } = message.progress)
        options.onProgress?.(message.progress)
      } else if ('next' in message) {
        nextAsked = true
        waiting?.resolve('next')
      } else {
        ended = { end: message.end, answer: message.answer }
        waiting?.resolve('end')
      }
    } catch (error) {
      // Staging refused the rows (the vault locked, the person signed out): the read ends here.
      fail(error)
    }
  })
  worker.on('error', fail)
  worker.on('exit', () => {
    if (ended === null) fail(new Error('The CSV worker stopped before the file was read.'))
  })
  const onAbort = () => {
    void worker.terminate()
    waiting?.resolve('end')
  }
  options.signal?.addEventListener('abort', onAbort, { once: true })

  /** The worker's next request: 'next' (send a slice) or 'end'. */
  const request = (): Promise<'next' | 'end'> => {
    if (failure !== null) return Promise.reject(failure)
    if (ended !== null || options.signal?.aborted === true) return Promise.resolve('end')
    if (nextAsked) {
      nextAsked = false
      return Promise.resolve('next')
    }
    return new Promise((resolve, reject) => {
      waiting = {
        resolve: (next) => {
          waiting = null
          if (next === 'next') nextAsked = false
          resolve(next)
        },
        reject: (error) => {
          waiting = null
          reject(error)
        },
      }
    })
  }
  const send = (message: TToIntakeWorker) => worker.postMessage(message)

  try {
    if ((await request()) === 'end') return ended ?? cancelled()
    for await (const chunk of source) {
      if (options.signal?.aborted === true) return cancelled()
      send({ chunk })
      if ((await request()) === 'end') return ended ?? cancelled()
    }
    if (options.signal?.aborted === true) return cancelled()
    send({ end: true })
    while ((await request()) !== 'end') {
      // The worker asks once more after the last slice: nothing left to send but the end, already sent.
    }
    return ended ?? cancelled()
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
    await worker.terminate()
  }
}
