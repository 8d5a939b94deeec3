import { basename } from 'node:path'
import type { backupChannels } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import type { TServices } from '../../core/services'
import { readBackupMetadata } from '../../core/vault/backup-file'
import type { THandlersFor } from '../types'
import type { TProgressTracker } from './progress'

const notAvailable = (): AppError =>
  new AppError('CANCELLED', 'Choosing a backup file is not available here.')

/** The file path never comes from the renderer: main asks the person through a native dialog. */
export const backupHandlers = (
  { backup, options }: TServices,
  progress: TProgressTracker,
): THandlersFor<typeof backupChannels> => ({
  'backup:create': async () => {
    if (options.desktop.chooseBackupDestination === undefined) throw notAvailable()
    const destination = await options.desktop.chooseBackupDestination()
    if (destination === null) return { created: false, bytes: null, fileName: null }
    const { bytes } = await progress.track('backup', (listener) => backup.create(destination, listener))
    return { created: true, bytes, fileName: basename(destination) }
  },
  'backup:restore': async ({ username, passphrase }, context) => {
    if (options.desktop.chooseBackupSource === undefined) throw notAvailable()
    const source = await options.desktop.chooseBackupSource()
    if (source === null) return { restored: false, backupCreatedAt: null }
    // The header says when the backup was made; restoring then checks the whole file's MAC before trusting it.
    const { createdAt } = await readBackupMetadata(source)
    await progress.track('restore', (listener) =>
      backup.restore(source, username ?? context.staff?.username ?? '', passphrase, listener),
    )
    return { restored: true, backupCreatedAt: createdAt }
  },
  'backup:progress': () => progress.current(),
})
