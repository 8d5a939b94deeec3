import type { csvUploadChannels } from '../../../shared/contract'
import { intakeCsvWorkerReader } from '../../core/cases/csv/intake-csv-worker-reader'
import { lawyerCsvReader } from '../../core/roster/csv/lawyer-csv-upload'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

/**
 * CSV files arriving in slices (core/csv/csv-uploads.ts). Each kind of import brings its reader, which checks the
 * role that kind needs; the service checks it again at every slice, and an upload answers only to its opener.
 */
export const csvUploadHandlers = ({
  csvUploads,
  lawyerImport,
  caseTransfer,
}: TServices): THandlersFor<typeof csvUploadChannels> => ({
  // Intake rows are parsed and checked in a worker thread and staged in the vault as they arrive (a dry run's are
  // not kept at all): main's memory does not grow with the file and its event loop stays free for the screens.
  'csvUpload:open': ({ kind, bytes, dryRun }) =>
    kind === 'lawyers'
      ? csvUploads.open(lawyerCsvReader(), bytes)
      : csvUploads.open(
          intakeCsvWorkerReader({ sink: caseTransfer.intakeSink({ dryRun: dryRun === true }) }),
          bytes,
        ),
  'csvUpload:append': ({ uploadId, text, last }) => csvUploads.append(uploadId, text, last),
  'csvUpload:cancel': ({ uploadId }) => {
    csvUploads.cancel(uploadId)
    // A lawyer sign-up file stays read between the import screen's steps: leaving the screen drops it too.
    lawyerImport.discardUpload(uploadId)
    return {}
  },
})
