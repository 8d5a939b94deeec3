import { api } from '../../../api'
import { usePolledProgress, type TPolledProgress } from '../../../lib/usePolledProgress'

const readBackupProgress = async (): Promise<TPolledProgress | null> => {
  const result = await api.backup.progress()
  return result.ok && result.value !== null
    ? { done: result.value.bytesDone, total: result.value.bytesTotal }
    : null
}

/**
 * While a backup, a restore or a rekey (new keys after a disable, a lower role or a new recovery key) runs, asks main
 * how many bytes are done so large vaults show real progress.
 */
export function useBackupProgress(isRunning: boolean): TPolledProgress | null {
  return usePolledProgress(isRunning, readBackupProgress)
}
