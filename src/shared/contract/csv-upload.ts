import { z } from 'zod'
import { STAFF_WHO_HANDLE_CASES } from '../roles'
import { defineChannel } from './channel'

/**
 * A CSV file on its way from the renderer to main, in slices: the renderer reads the chosen file a slice at a time
 * (never whole) and sends each in order; main parses each slice as it arrives (core/csv/csv-uploads.ts). Each
 * answer is the read's progress, which the screen shows. The import itself (intakeCsv:import, …) then names the
 * upload instead of carrying the file.
 */

/**
 * The imports that read uploads (intakes: admins only; lawyers: caseworkers and admins; checked by the service
 * that reads them).
 */
export const CSV_UPLOAD_KINDS = ['intakes', 'lawyers'] as const
export const ZCsvUploadKindSchema = z.enum(CSV_UPLOAD_KINDS)
export type TCsvUploadKind = z.infer<typeof ZCsvUploadKindSchema>

/** The most text one slice carries: a megabyte or so, a few dozen requests for the largest file. */
export const CSV_UPLOAD_CHUNK_CHARS = 1_048_576

export const ZCsvUploadIdSchema = z.string().regex(/^[0-9a-f]{32}$/)

export const ZCsvUploadProgressSchema = z.object({
  /** Bytes of the file read so far (UTF-8). */
  bytesRead: z.number().int().min(0),
  /** The file's size as the renderer declared it: the progress bar's maximum. */
  totalBytes: z.number().int().min(0),
  /** Records (rows, the header included) parsed so far. */
  records: z.number().int().min(0),
  /** The read is over: the whole file, or it stopped early (a cap, a syntax error); send nothing more. */
  ended: z.boolean(),
})
export type TCsvUploadProgress = z.infer<typeof ZCsvUploadProgressSchema>

export const csvUploadChannels = {
  /** Start reading a file of `bytes` for an import of `kind` (the service checks the role the kind needs). */
  'csvUpload:open': defineChannel({
    request: z.strictObject({
      kind: ZCsvUploadKindSchema,
      bytes: z.number().int().min(0).max(1_000_000_000),
      /**
       * Intakes: the file is read for a dry run only, so its rows are checked and not kept (nothing is written to
       * the vault); such an upload cannot be imported. Lawyer files ignore it.
       */
      dryRun: z.boolean().optional(),
    }),
    response: z.object({ uploadId: ZCsvUploadIdSchema }),
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** The next slice, in order; `last` on the final one. Answers once the slice is parsed. */
  'csvUpload:append': defineChannel({
    request: z.strictObject({
      uploadId: ZCsvUploadIdSchema,
      text: z.string().max(CSV_UPLOAD_CHUNK_CHARS),
      last: z.boolean(),
    }),
    response: ZCsvUploadProgressSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Stop reading (another file chosen, the screen left). Unknown or finished uploads are ignored. */
  'csvUpload:cancel': defineChannel({
    request: z.strictObject({ uploadId: ZCsvUploadIdSchema }),
    response: z.object({}),
    access: STAFF_WHO_HANDLE_CASES,
  }),
}
