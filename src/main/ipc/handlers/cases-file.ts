import type { casesFileChannels } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import { exportCasesFile, importCasesFile } from '../../core/cases/json/cases-file-transfer'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

/**
 * Every case whole as `ccij-cases-v1` (admins only; the case store checks the role again and audits both). As for
 * the intakes CSV, the export's path comes from main's save dialog and the answer names the file, never its folder.
 */
export const casesFileHandlers = ({
  caseTransfer,
  options,
}: TServices): THandlersFor<typeof casesFileChannels> => ({
  'casesFile:import': ({ json, dryRun }) => importCasesFile(caseTransfer, json, { dryRun }),
  'casesFile:export': async () => {
    if (options.desktop.chooseCasesFileDestination === undefined) {
      throw new AppError('CANCELLED', 'Choosing where to save an export is not available here.')
    }
    const destination = await options.desktop.chooseCasesFileDestination()
    if (destination === null) return { exported: false, count: 0, fileName: null }
    const { count, fileName } = exportCasesFile(caseTransfer, destination)
    return { exported: true, count, fileName }
  },
})
