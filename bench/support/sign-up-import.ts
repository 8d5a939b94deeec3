import { lawyerCsvReader } from '../../src/main/core/roster/csv/lawyer-csv-upload'
import type { TVaultServices } from '../../src/main/core/services'
import type { TLawyerImportResult } from '../../src/shared/contract/lawyers'
import { Series } from './measure'

/** The slice the import screen sends (src/renderer/src/lib/uploadCsv.ts): 512 KiB. */
const SLICE_CHARS = 512 * 1024

export type TSignUpImportTimes = {
  /** Sending the file in slices (each parsed as it arrives), the headers, the dry run: until the person can choose. */
  dryRun: Series
  /** The all-or-nothing commit of the same upload (the dry run's parsed rows reused). */
  commit: Series
  rows: number
  result: TLawyerImportResult
}

/**
 * A sign-up file through the path the import screen takes: an upload of kind `lawyers` in slices, then
 * lawyerImport inspect → check → commit on that upload, duplicates skipped. Throws when the file is refused.
 */
export async function importSignUpsAsTheScreenDoes(
  services: Pick<TVaultServices, 'csvUploads' | 'lawyerImport'>,
  csv: string,
): Promise<TSignUpImportTimes> {
  const { csvUploads, lawyerImport } = services
  const dryRun = new Series()
  const commit = new Series()
  const { uploadId, mapping, rows } = await dryRun.timeAsync(async () => {
    const { uploadId } = csvUploads.open(lawyerCsvReader(), Buffer.byteLength(csv, 'utf8'))
    for (let start = 0; start < csv.length; start += SLICE_CHARS) {
      const last = start + SLICE_CHARS >= csv.length
      await csvUploads.append(uploadId, csv.slice(start, start + SLICE_CHARS), last)
    }
    const { mapping } = await lawyerImport.inspectUpload(uploadId)
    const check = await lawyerImport.checkUpload(uploadId, mapping)
    if (!check.accepted) throw new Error(`the sign-up file has ${check.problemCount} problems`)
    return { uploadId, mapping, rows: check.rows }
  })
  const outcome = await commit.timeAsync(() => lawyerImport.commitUpload(uploadId, mapping, 'skip', []))
  if (!outcome.imported) throw new Error('the sign-up file was refused at commit')
  return { dryRun, commit, rows, result: outcome.result }
}
