import type { TCsvUploadKind, TCsvUploadProgress } from '../../../shared/contract/csv-upload'
import type { TIpcError } from '../../../shared/result'
import { api, callApi } from '../api'

/** The upload to name in the import call; main's refusal; or the file could not be read here. */
export type TUploadResult =
  { ok: true; uploadId: string } | { ok: false; error: TIpcError | null } | { ok: false; unreadable: true }

/**
 * Bytes read from the file per slice: 512 KiB of UTF-8 is at most 512 Ki characters, inside the contract's
 * CSV_UPLOAD_CHUNK_CHARS, and a 50 MB file is about a hundred slices (a hundred progress steps).
 */
const SLICE_BYTES = 512 * 1024

/**
 * Sends the person's chosen file to main a slice at a time (the renderer never holds it whole), in order, each once
 * the previous is parsed, and reports progress after each. Bytes that are not UTF-8 become U+FFFD, which main
 * reports as "not UTF-8" with its line. Stops sending as soon as main says the read ended early (a cap, a syntax
 * error). Answers the upload's id for the import call, or the failure (the upload is then cancelled).
 */
export async function uploadCsv(
  file: Blob,
  kind: TCsvUploadKind,
  onProgress: (progress: TCsvUploadProgress) => void,
  /** Intakes: read for a dry run only (main keeps none of the rows, so the import sends the file again). */
  options: { dryRun?: boolean } = {},
): Promise<TUploadResult> {
  const opened = await callApi(() =>
    api.csvUpload.open({ kind, bytes: file.size, ...(options.dryRun === true ? { dryRun: true } : {}) }),
  )
  if (!opened.ok) return opened
  const { uploadId } = opened.value
  const decoder = new TextDecoder('utf-8')
  for (let start = 0; ; start += SLICE_BYTES) {
    const last = start + SLICE_BYTES >= file.size
    let text: string
    try {
      const bytes = new Uint8Array(await file.slice(start, start + SLICE_BYTES).arrayBuffer())
      text = decoder.decode(bytes, { stream: !last })
    } catch {
      void api.csvUpload.cancel({ uploadId })
      return { ok: false, unreadable: true }
    }
    const sent = await callApi(() => api.csvUpload.append({ uploadId, text, last }))
    if (!sent.ok) {
      void api.csvUpload.cancel({ uploadId })
      return sent
    }
    onProgress(sent.value)
    if (last || sent.value.ended) return { ok: true, uploadId }
  }
}
