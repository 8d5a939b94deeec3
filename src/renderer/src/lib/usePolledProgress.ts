import { useEffect, useState } from 'react'

const POLL_INTERVAL_MS = 250

export type TPolledProgress = { done: number; total: number }

/**
 * While a long request runs, asks main how far it has got (`read` answers null when it has nothing to say yet), so
 * the bar shows real progress; nothing once it stops running.
 */
export function usePolledProgress(
  isRunning: boolean,
  read: () => Promise<TPolledProgress | null>,
): TPolledProgress | null {
  const [progress, setProgress] = useState<TPolledProgress | null>(null)
  useEffect(() => {
    if (!isRunning) return
    let isCurrent = true
    const poll = async () => {
      const value = await read()
      if (isCurrent && value !== null) setProgress(value)
    }
    const timer = window.setInterval(() => void poll(), POLL_INTERVAL_MS)
    return () => {
      isCurrent = false
      window.clearInterval(timer)
      setProgress(null)
    }
  }, [isRunning, read])
  return isRunning ? progress : null
}
