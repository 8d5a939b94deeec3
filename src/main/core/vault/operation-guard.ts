import { AppError } from '../../../shared/result'

/** One long operation (unlock, backup, restore, rekey): a lock cancels it; it checks between steps and chunks. */
export type TOperation = {
  readonly cancelled: boolean
  /** The guard's own record of this operation. */
  readonly state: { cancelled: boolean }
  /** CANCELLED when a lock arrived since the operation began. */
  throwIfCancelled(): void
  /** The operation finished (or failed): stop tracking it. */
  end(): void
}

const cancelledError = (): AppError =>
  new AppError('CANCELLED', 'The vault was locked, so the operation was stopped. Nothing was changed.')

/**
 * What a lock cancels. A lock closes the database and zeroes the keys at once; operations between two awaits then
 * find themselves cancelled at their next check, clean up their own files and end without reopening anything: a
 * lock during a restore never leaves the vault unlocked, a lock during a backup leaves no unaudited backup file.
 */
export class OperationGuard {
  private readonly running = new Set<{ cancelled: boolean }>()

  begin(): TOperation {
    const state = { cancelled: false }
    this.running.add(state)
    return {
      state,
      get cancelled() {
        return state.cancelled
      },
      throwIfCancelled: () => {
        if (state.cancelled) throw cancelledError()
      },
      end: () => {
        this.running.delete(state)
      },
    }
  }

  cancelAll(): void {
    for (const state of this.running) state.cancelled = true
  }

  isBusy(): boolean {
    return this.running.size > 0
  }

  /** True when an operation other than `operation` is running. */
  runningBesides(operation: TOperation): boolean {
    return [...this.running].some((state) => state !== operation.state)
  }
}

/** Let timers and I/O callbacks run (a lock request, a progress poll) between two steps of long work. */
export const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
