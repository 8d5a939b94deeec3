import type { backupChannels } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

const notAvailable = (): AppError =>
  new AppError('CANCELLED', 'Choosing a backup file is not available here.')

/** The file path never comes from the renderer: main asks the person through a native dialog. */
export const backupHandlers = ({ vault, options }: TServices): THandlersFor<typeof backupChannels> => ({
  'backup:create': async () => {
    if (options.desktop.chooseBackupDestination === undefined) throw notAvailable()
    const destination = await options.desktop.chooseBackupDestination()
    if (destination === null) return { created: false, bytes: null }
    const { bytes } = await vault.createBackup(destination)
    return { created: true, bytes }
  },
  'backup:restore': async ({ username, passphrase }, context) => {
    if (options.desktop.chooseBackupSource === undefined) throw notAvailable()
    const source = await options.desktop.chooseBackupSource()
    if (source === null) return { restored: false }
    await vault.restoreBackup(source, username ?? context.staff?.username ?? '', passphrase)
    return { restored: true }
  },
})
