import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { AppError } from '../../../shared/result'
import { writeFileAtomic } from '../fs/atomic-write'

const MAX_DELAY_SECONDS = 60
const MAX_PENDING_FAILURES = 1000
const MAX_KEYS = 1000

/** Seconds to wait after `failures` consecutive failures: 0, 0, 1, 2, 4, 8 … capped at a minute. */
export function delayAfterFailures(failures: number): number {
  if (failures < 3) return 0
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - 3))
}

/** A failed unlock, to be written to the audit trail at the next successful one (nothing can be written while locked). */
export type TPendingFailure = { at: string; username: string | null; method: 'passphrase' | 'recovery-key' }

const ZThrottleFileSchema = z.strictObject({
  failures: z.record(
    z.string().max(80),
    z.strictObject({ count: z.number().int().min(0).max(1_000_000), notBefore: z.number() }),
  ),
  pending: z
    .array(
      z.strictObject({
        at: z.string().max(64),
        username: z.string().max(64).nullable(),
        method: z.enum(['passphrase', 'recovery-key']),
      }),
    )
    .max(MAX_PENDING_FAILURES),
})
type TThrottleState = z.infer<typeof ZThrottleFileSchema>

/**
 * Slows passphrase guessing by whoever sits at the laptop (the app or the admin CLI), per account name. Kept in a
 * small file beside the keyring (`unlock-throttle.json`) so quitting and restarting does not reset the delay; without
 * a file (no vault yet) it lives in memory. Only names of existing slots are ever stored: anything else typed in the
 * name field (a passphrase typed there by mistake) is counted under one shared key and never written down.
 *
 * Someone who can delete the file can reset it, but they can also copy the vault and guess offline, which is what
 * the KDF's cost and the passphrase policy defend against.
 */
export class UnlockThrottle {
  private state: TThrottleState

  constructor(
    private readonly now: () => number = Date.now,
    private readonly file: string | null = null,
  ) {
    this.state = this.read()
  }

  /** Throws THROTTLED, with the seconds left, while `key` must still wait. */
  assertAllowed(key: string): void {
    this.state = this.read()
    const entry = this.state.failures[key.toLowerCase()]
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
  recordFailure(key: string, pending?: TPendingFailure): number {
    this.state = this.read()
    const normalized = key.toLowerCase()
    const count = (this.state.failures[normalized]?.count ?? 0) + 1
    const delay = delayAfterFailures(count)
    const failures = { ...this.state.failures, [normalized]: { count, notBefore: this.now() + delay * 1000 } }
    const keys = Object.keys(failures)
    if (keys.length > MAX_KEYS) delete failures[keys[0] ?? '']
    const pendingList = pending === undefined ? this.state.pending : [...this.state.pending, pending]
    this.write({ failures, pending: pendingList.slice(-MAX_PENDING_FAILURES) })
    return delay
  }

  recordSuccess(key: string): void {
    this.state = this.read()
    const normalized = key.toLowerCase()
    if (this.state.failures[normalized] === undefined) return
    const failures = { ...this.state.failures }
    delete failures[normalized]
    this.write({ ...this.state, failures })
  }

  /** The failed unlocks not yet in the audit trail, removed from the file (the caller writes them in a transaction). */
  takePending(): TPendingFailure[] {
    this.state = this.read()
    const { pending } = this.state
    if (pending.length > 0) this.write({ ...this.state, pending: [] })
    return pending
  }

  private read(): TThrottleState {
    const empty: TThrottleState = { failures: {}, pending: [] }
    if (this.file === null) return this.state ?? empty
    // No file yet, or one that cannot be written (no vault folder, a read-only one): what this process counted.
    if (!existsSync(this.file)) return this.state ?? empty
    try {
      const parsed = ZThrottleFileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      return parsed.success ? parsed.data : empty
    } catch {
      return empty
    }
  }

  private write(state: TThrottleState): void {
    this.state = state
    if (this.file === null) return
    try {
      writeFileAtomic(this.file, `${JSON.stringify(state)}\n`)
    } catch {
      // No vault folder yet (or a read-only one): the throttle still holds in memory for this process.
    }
  }
}
