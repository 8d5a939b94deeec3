import type { TProgress, TProgressListener } from '../../core/vault/progress'

export type TLongOperation = 'backup' | 'restore' | 'rekey'

/**
 * One operation of a kind running at a time, for the renderer's progress bar (it polls a progress channel): what
 * the operation last reported, and a request to stop it, which the work reads at its own safe points.
 */
export type TOperationTracker<TOperation extends string, TValue extends object> = {
  current(): ({ operation: TOperation } & TValue) | null
  /**
   * Run `work` from `start`: it reports through `report` and asks `isCancelled` where it can stop cleanly. Cleared
   * when it ends, however it ends. One run at a time: a caller that can be started twice checks `isRunning` first.
   */
  track<T>(
    operation: TOperation,
    start: TValue,
    work: (report: (value: TValue) => void, isCancelled: () => boolean) => Promise<T>,
  ): Promise<T>
  /** Ask the running `operation` to stop; false when it is not the one running. */
  cancel(operation: TOperation): boolean
  isRunning(): boolean
}

export function createOperationTracker<TOperation extends string, TValue extends object>(): TOperationTracker<
  TOperation,
  TValue
> {
  let progress: ({ operation: TOperation } & TValue) | null = null
  let cancelled = false
  return {
    current: () => progress,
    isRunning: () => progress !== null,
    cancel(operation) {
      if (progress?.operation !== operation) return false
      cancelled = true
      return true
    },
    async track(operation, start, work) {
      progress = { operation, ...start }
      cancelled = false
      try {
        return await work(
          (value) => {
            progress = { operation, ...value }
          },
          () => cancelled,
        )
      } finally {
        progress = null
        cancelled = false
      }
    },
  }
}

/**
 * The one long vault operation running (the vault serializes them), for the renderer's progress bar: it polls
 * 'backup:progress'. Backup, restore and rekey (after a disable, a demotion or a new recovery key) report here.
 */
export type TProgressTracker = {
  current(): ({ operation: TLongOperation } & TProgress) | null
  /** Run `work` with a listener that reports as `operation`; cleared when it ends, however it ends. */
  track<T>(operation: TLongOperation, work: (listener: TProgressListener) => Promise<T>): Promise<T>
}

export function createProgressTracker(): TProgressTracker {
  const tracker = createOperationTracker<TLongOperation, TProgress>()
  return {
    current: tracker.current,
    track: (operation, work) => tracker.track(operation, { bytesDone: 0, bytesTotal: 0 }, work),
  }
}
