import type { TProgress, TProgressListener } from '../../core/vault/progress'

export type TLongOperation = 'backup' | 'restore' | 'rekey'

/**
 * The one long operation running (the vault serializes them), for the renderer's progress bar: it polls
 * 'backup:progress'. Backup, restore and rekey (after a disable, a demotion or a new recovery key) report here.
 */
export type TProgressTracker = {
  current(): ({ operation: TLongOperation } & TProgress) | null
  /** Run `work` with a listener that reports as `operation`; cleared when it ends, however it ends. */
  track<T>(operation: TLongOperation, work: (listener: TProgressListener) => Promise<T>): Promise<T>
}

export function createProgressTracker(): TProgressTracker {
  let progress: ({ operation: TLongOperation } & TProgress) | null = null
  return {
    current: () => progress,
    async track(operation, work) {
      progress = { operation, bytesDone: 0, bytesTotal: 0 }
      try {
        return await work(({ bytesDone, bytesTotal }) => {
          progress = { operation, bytesDone, bytesTotal }
        })
      } finally {
        progress = null
      }
    },
  }
}
