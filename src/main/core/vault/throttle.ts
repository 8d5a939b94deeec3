import { AppError } from '../../../shared/result'

const MAX_DELAY_SECONDS = 60

/** Seconds to wait after `failures` consecutive failures: 0, 0, 1, 2, 4, 8 … capped at a minute. */
export function delayAfterFailures(failures: number): number {
  if (failures < 3) return 0
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - 3))
}

/**
 * Slows passphrase guessing by whoever sits at the laptop. Kept in memory per account name: the
 * database cannot be written while locked, and an attacker with the files attacks the KDF offline anyway.
 */
export class UnlockThrottle {
  private readonly failures = new Map<string, { count: number; notBefore: number }>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws THROTTLED, with the seconds left, while `key` must still wait. */
  assertAllowed(key: string): void {
    const entry = this.failures.get(key.toLowerCase())
    if (entry === undefined) return
    const remainingMs = entry.notBefore - this.now()
    if (remainingMs > 0) {
      const seconds = Math.ceil(remainingMs / 1000)
      throw new AppError('THROTTLED', `Too many wrong attempts. Try again in ${seconds} seconds.`, {
        retryAfterSeconds: seconds,
      })
    }
  }

  /** Returns the delay, in seconds, before the next attempt is allowed. */
  recordFailure(key: string): number {
    const normalized = key.toLowerCase()
    const count = (this.failures.get(normalized)?.count ?? 0) + 1
    const delay = delayAfterFailures(count)
    this.failures.set(normalized, { count, notBefore: this.now() + delay * 1000 })
    return delay
  }

  recordSuccess(key: string): void {
    this.failures.delete(key.toLowerCase())
  }
}
