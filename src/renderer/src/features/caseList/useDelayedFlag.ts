import { useEffect, useState } from 'react'

/**
 * True once `flag` has stayed true for `delayMs`, false as soon as it is false again: a loading indicator that
 * never flashes for an answer that comes quickly.
 */
export function useDelayedFlag(flag: boolean, delayMs: number): boolean {
  const [isLate, setIsLate] = useState(false)
  useEffect(() => {
    if (!flag) return
    const timer = window.setTimeout(() => setIsLate(true), delayMs)
    return () => {
      window.clearTimeout(timer)
      setIsLate(false)
    }
  }, [flag, delayMs])
  return flag && isLate
}
