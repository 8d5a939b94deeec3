/**
 * Locks the vault after a stretch with no activity in the app. Activity is any request the person
 * makes, plus the renderer's throttled "still here" signal while they type or move the pointer.
 * The host calls check() on a timer; the clock is injectable for tests.
 */
export class IdleLock {
  private lastActivity: number

  constructor(
    private timeoutMs: () => number,
    private readonly lock: () => void,
    private readonly isUnlocked: () => boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.lastActivity = now()
  }

  recordActivity(): void {
    this.lastActivity = this.now()
  }

  /** Locks when the timeout has passed; returns whether it locked. */
  check(): boolean {
    if (!this.isUnlocked()) {
      this.lastActivity = this.now()
      return false
    }
    if (this.now() - this.lastActivity < this.timeoutMs()) return false
    this.lock()
    return true
  }

  /** Runs check() every intervalMs; returns a function that stops it. The timer never keeps a process alive. */
  start(intervalMs = 15_000): () => void {
    const timer = setInterval(() => this.check(), intervalMs)
    timer.unref()
    return () => clearInterval(timer)
  }
}
