import type { intakeCsvChannels } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import { exportIntakesCsv, importIntakeRows } from '../../core/cases/csv/intake-csv-transfer'
import type { TParseIntakesResult } from '../../core/cases/csv/parse-intakes-csv'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

/**
 * Intakes CSV import and export (admins only; the case store checks the role again and audits both). The file to
 * import arrives in slices the renderer read from the person's chosen file (csvUpload:*), each row checked as it
 * came; the import names the upload. The export's path never comes from the
 * renderer: main asks through a native save dialog and answers with the base file name only.
 */
export const intakeCsvHandlers = ({
  caseTransfer,
  csvUploads,
  options,
}: TServices): THandlersFor<typeof intakeCsvChannels> => ({
  'intakeCsv:import': async ({ uploadId, dryRun }) =>
    importIntakeRows(caseTransfer, await csvUploads.result<TParseIntakesResult>(uploadId, 'intakes'), {
      dryRun,
    }),
  'intakeCsv:template': ({ language }) => caseTransfer.template(language),
  'intakeCsv:export': async () => {
    if (options.desktop.chooseExportDestination === undefined) {
      throw new AppError('CANCELLED', 'Choosing where to save an export is not available here.')
    }
    const destination = await options.desktop.chooseExportDestination()
    if (destination === null) return { exported: false, count: 0, fileName: null }
    const { count, fileName } = exportIntakesCsv(caseTransfer, destination)
    return { exported: true, count, fileName }
  },
})
