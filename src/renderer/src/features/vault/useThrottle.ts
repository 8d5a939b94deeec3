import type { TIpcError } from '../../../../shared/result'
import { retryAfterSeconds } from './refusals'
import { useCountdown } from './useCountdown'

export type TThrottle = {
  /** Seconds until main accepts another attempt; 0 when it does. */
  secondsLeft: number
  isWaiting: boolean
  /** Before each attempt: a new answer decides. */
  reset: () => void
  /** Whether a refusal was "too many attempts" (THROTTLED); if so, the countdown starts. */
  isThrottled: (error: TIpcError) => boolean
}

/** Main's delay after wrong passphrases or recovery keys, counted down on screen (unlock, recovery, change). */
export function useThrottle(): TThrottle {
  const { secondsLeft, start, stop } = useCountdown()
  return {
    secondsLeft,
    isWaiting: secondsLeft > 0,
    reset: stop,
    isThrottled: (error) => {
      const wait = retryAfterSeconds(error)
      if (wait !== null) start(wait)
      return wait !== null
    },
  }
}
