import type { intakeCsvChannels } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import { exportIntakesCsv, importIntakesCsv } from '../../core/cases/csv/intake-csv-transfer'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

/**
 * Intakes CSV import and export (admins only; the case store checks the role again and audits both). The file to
 * import arrives as text the renderer read from the person's chosen file; the export's path never comes from the
 * renderer: main asks through a native save dialog and answers with the base file name only.
 */
export const intakeCsvHandlers = ({
  caseTransfer,
  options,
}: TServices): THandlersFor<typeof intakeCsvChannels> => ({
  'intakeCsv:import': ({ csv, dryRun }) => importIntakesCsv(caseTransfer, csv, { dryRun }),
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
