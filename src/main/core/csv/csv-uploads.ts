import { randomBytes } from 'node:crypto'
import type { TCsvUploadKind, TCsvUploadProgress } from '../../../shared/contract/csv-upload'
import { AppError } from '../../../shared/result'
import type { TRole } from '../../../shared/roles'
import { sessionIn, type TSessionSource } from '../session/session'
import {
  readCsvStream,
  type TCsvRecordHandler,
  type TCsvStreamOptions,
  type TCsvStreamResult,
} from './csv-stream'

/** Reads a whole file's chunks, with the upload's caps, cancel signal and progress callback. */
export type TCsvRead = (
  source: AsyncIterable<Uint8Array | string>,
  options: TCsvStreamOptions,
) => Promise<TCsvStreamResult>

/** The plain way to read: parsed on this thread, each record handed to `take` as it completes. */
export const readingOnThisThread =
  (take: TCsvRecordHandler): TCsvRead =>
  (source, options) =>
    readCsvStream(source, take, options)

/** What one kind of import does with a file's records as they arrive, and the answer it builds at the end. */
export type TCsvUploadReader<T> = {
  kind: TCsvUploadKind
  /** Who may send this kind of file (checked at every step, as the signed-in person may change). */
  roles: readonly TRole[]
  /** The byte cap: the read stops as soon as more arrive. */
  maxBytes: number
  /** Parses the chunks (on this thread, or in a worker thread for the intakes) and hands the records on. */
  read: TCsvRead
  finish(result: TCsvStreamResult): T
  /** The upload was cancelled or abandoned before its answer was asked for: drop whatever the reader staged. */
  discard?(): void
}

/** An upload nobody finished within this time is dropped (a closed window, a crash of the renderer). */
const ABANDONED_AFTER_MS = 10 * 60_000

type TChunk = { text: string; last: boolean; consumed: () => void }

type TUpload = {
  accountId: string
  reader: TCsvUploadReader<unknown>
  queue: TChunk[]
  wake: (() => void) | null
  controller: AbortController
  progress: TCsvUploadProgress
  touchedAt: number
  /** Settles when the read ends: every chunk read, a cap reached, a syntax error, or cancelled. */
  outcome: Promise<unknown>
  ended: boolean
  /** The chunk marked `last` has arrived. */
  complete: boolean
}

/**
 * Files on their way in from the renderer, one chunk (≤ 1 MB of text) per request: each chunk is parsed as it
 * arrives and its records handed to the import's reader, so main never holds the file, only what the reader keeps
 * (checked rows). The renderer reads the chosen file in slices and sends them in order; each answer says how far
 * the read got (its progress bar) and whether it ended early (a cap, a syntax error: the rest need not be sent).
 * An upload belongs to the person who opened it; each person has at most one per kind of import.
 */
export class CsvUploads {
  private readonly uploads = new Map<string, TUpload>()

  constructor(
    private readonly sessions: TSessionSource,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Starts reading a new file of `declaredBytes` with `reader` (a fresh one per file); another unfinished upload of
   * the same kind by this person ends.
   */
  open<T>(reader: TCsvUploadReader<T>, declaredBytes: number): { uploadId: string } {
    const session = sessionIn(this.sessions, reader.roles)
    this.dropAbandoned()
    if (declaredBytes > reader.maxBytes) {
      throw new AppError('BAD_REQUEST', `The file is larger than ${reader.maxBytes / 1_000_000} MB.`)
    }
    for (const [id, upload] of this.uploads) {
      if (upload.accountId === session.staff.accountId && upload.reader.kind === reader.kind) this.cancel(id)
    }
    const uploadId = randomBytes(16).toString('hex')
    const upload: TUpload = {
      accountId: session.staff.accountId,
      reader,
      queue: [],
      wake: null,
      controller: new AbortController(),
      progress: { bytesRead: 0, totalBytes: declaredBytes, records: 0, ended: false },
      touchedAt: this.now(),
      outcome: Promise.resolve(),
      ended: false,
      complete: false,
    }
    upload.outcome = reader
      .read(this.chunksOf(upload), {
        maxBytes: reader.maxBytes,
        signal: upload.controller.signal,
        onProgress: ({ bytesRead, records }) => {
          upload.progress = { ...upload.progress, bytesRead, records }
        },
      })
      .then((result) => {
        upload.ended = true
        upload.progress = {
          ...upload.progress,
          bytesRead: result.progress.bytesRead,
          records: result.progress.records,
          ended: true,
        }
        // Chunks sent after the read ended are answered at once.
        for (const chunk of upload.queue.splice(0)) chunk.consumed()
        return reader.finish(result)
      })
    // Answered by `result`; an upload abandoned half-way must not take main down with an unhandled rejection.
    upload.outcome.catch(() => undefined)
    this.uploads.set(uploadId, upload)
    return { uploadId }
  }

  /** The next slice of the file's text; answers once it is parsed, with how far the read got. */
  async append(uploadId: string, text: string, last: boolean): Promise<TCsvUploadProgress> {
    const upload = this.own(uploadId)
    if (upload.ended) return upload.progress
    if (upload.complete) throw new AppError('BAD_REQUEST', 'The whole file was already sent.')
    if (last) upload.complete = true
    await new Promise<void>((resolve) => {
      upload.queue.push({ text, last, consumed: resolve })
      upload.wake?.()
    })
    // The last slice's answer is the read's final word (a reader in a worker thread ends after its last message,
    // not when the slice is handed over); any other slice that ended the read settles just after it.
    if (last) await upload.outcome.then(noop, noop)
    else await new Promise((resolve) => setImmediate(resolve))
    return upload.progress
  }

  /** The reader's answer once the whole file is read (after the chunk sent with `last`); the upload is then gone. */
  async result<T>(uploadId: string, kind: TCsvUploadKind): Promise<T> {
    const upload = this.own(uploadId)
    if (upload.reader.kind !== kind) throw new AppError('NOT_FOUND', 'No such upload.')
    if (!upload.ended && !upload.complete) {
      throw new AppError('BAD_REQUEST', 'The file has not been sent whole yet.')
    }
    try {
      return (await upload.outcome) as T
    } finally {
      this.uploads.delete(uploadId)
    }
  }

  /** Stops reading (the person chose another file or left the screen). */
  cancel(uploadId: string): void {
    const upload = this.uploads.get(uploadId)
    if (upload === undefined) return
    upload.controller.abort()
    upload.queue.push({ text: '', last: true, consumed: () => undefined })
    upload.wake?.()
    this.uploads.delete(uploadId)
    try {
      upload.reader.discard?.()
    } catch {
      // Signed out or locked meanwhile: what was staged stays in the encrypted vault until the next import clears it.
    }
  }

  /**
   * Every upload stops (the vault is about to lock, or another person's session replaces this one): readers drop
   * what they staged while the vault is still open, and a worker thread reading one is ended.
   */
  cancelAll(): void {
    for (const id of [...this.uploads.keys()]) this.cancel(id)
  }

  /** How many uploads are open (tests: none is left behind). */
  get openCount(): number {
    return this.uploads.size
  }

  private async *chunksOf(upload: TUpload): AsyncGenerator<string> {
    for (;;) {
      const chunk = upload.queue.shift()
      if (chunk === undefined) {
        await new Promise<void>((resolve) => {
          upload.wake = resolve
        })
        upload.wake = null
        continue
      }
      try {
        if (chunk.text !== '') yield chunk.text
      } finally {
        // The reader asks for the next chunk only once this one is parsed: that is when its sender is answered.
        chunk.consumed()
      }
      if (chunk.last) return
    }
  }

  /** The caller's own upload: another person's (or an unknown one) is not found, whoever asks. */
  private own(uploadId: string): TUpload {
    const upload = this.uploads.get(uploadId)
    if (upload === undefined) throw new AppError('NOT_FOUND', 'No such upload.')
    const session = sessionIn(this.sessions, upload.reader.roles)
    if (session.staff.accountId !== upload.accountId) throw new AppError('NOT_FOUND', 'No such upload.')
    upload.touchedAt = this.now()
    return upload
  }

  private dropAbandoned(): void {
    for (const [id, upload] of this.uploads) {
      if (this.now() - upload.touchedAt > ABANDONED_AFTER_MS) this.cancel(id)
    }
  }
}

const noop = (): void => undefined
