import { createReadStream } from 'node:fs'
import type { TCsvUploadReader } from './csv-uploads'

/** Read 64 KiB at a time: a file of any size is held one slice at a time. */
const SLICE_BYTES = 64 * 1024

/**
 * A CSV file on disk through an import's reader (the admin CLI, the bench): streamed from the file, never read
 * whole, with the same caps and answers as an upload from the app.
 */
export async function readCsvFileWith<T>(path: string, reader: TCsvUploadReader<T>): Promise<T> {
  const stream = createReadStream(path, { highWaterMark: SLICE_BYTES })
  try {
    return reader.finish(await reader.read(stream, { maxBytes: reader.maxBytes }))
  } finally {
    stream.destroy()
  }
}
