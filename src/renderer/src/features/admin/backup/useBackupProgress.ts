import { useEffect, useState } from 'react'
import { api } from '../../../api'

const POLL_INTERVAL_MS = 250

/**
 * While a backup, a restore or a rekey (new keys after a disable, a lower role or a new recovery key) runs, asks main
 * how many bytes are done so large vaults show real progress.
 */
export function useBackupProgress(isRunning: boolean): { done: number; total: number } | null {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  useEffect(() => {
    if (!isRunning) return
    let isCurrent = true
    const poll = async () => {
      const result = await api.backup.progress()
      if (isCurrent && result.ok && result.value !== null) {
        setProgress({ done: result.value.bytesDone, total: result.value.bytesTotal })
      }
    }
    const timer = window.setInterval(() => void poll(), POLL_INTERVAL_MS)
    return () => {
      isCurrent = false
      window.clearInterval(timer)
      setProgress(null)
    }
  }, [isRunning])
  return isRunning ? progress : null
}
