import { useCallback, useEffect, useRef, useState } from 'react'

/** A whole-second countdown for "try again in N seconds": start(seconds), stop(), and the seconds left. */
export function useCountdown(): { secondsLeft: number; start: (seconds: number) => void; stop: () => void } {
  const [secondsLeft, setSecondsLeft] = useState(0)
  const timer = useRef<number | null>(null)

  const clear = () => {
    if (timer.current !== null) window.clearInterval(timer.current)
    timer.current = null
  }
  const stop = useCallback(() => {
    clear()
    setSecondsLeft(0)
  }, [])
  const start = useCallback((seconds: number) => {
    clear()
    const until = Date.now() + seconds * 1000
    setSecondsLeft(seconds)
    timer.current = window.setInterval(() => {
      const left = Math.max(0, Math.ceil((until - Date.now()) / 1000))
      setSecondsLeft(left)
      if (left === 0) clear()
    }, 250)
  }, [])
  useEffect(() => clear, [])
  return { secondsLeft, start, stop }
}
