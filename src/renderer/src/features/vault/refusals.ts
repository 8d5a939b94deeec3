import type { TIpcError } from '../../../../shared/result'

/** Seconds main asks us to wait after too many wrong attempts (THROTTLED), or null for any other error. */
export function retryAfterSeconds(error: TIpcError): number | null {
  if (error.code !== 'THROTTLED') return null
  const details = error.details
  if (typeof details === 'object' && details !== null && 'retryAfterSeconds' in details) {
    const seconds = Number(details.retryAfterSeconds)
    if (Number.isFinite(seconds) && seconds > 0) return Math.ceil(seconds)
  }
  const fromMessage = /(\d+)\s*second/.exec(error.message)
  return fromMessage ? Number(fromMessage[1]) : 5
}
