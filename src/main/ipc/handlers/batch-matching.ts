import type { batchMatchingChannels } from '../../../shared/contract'
import type { TBatchProgress } from '../../../shared/contract/batch-matching'
import { AppError } from '../../../shared/result'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'
import { createOperationTracker } from './progress'

/**
 * The batch proposal reports "n of N cases ranked" through its own tracker (the vault's long operations have
 * theirs, admins only): the screen polls 'matching:batchProgress' and may stop it with 'matching:batchCancel'.
 */
export const batchMatchingHandlers = ({
  batchMatching,
}: TServices): THandlersFor<typeof batchMatchingChannels> => {
  const progress = createOperationTracker<'batchPropose', TBatchProgress>()
  return {
    'matching:batchPropose': () => {
      batchMatching.requireAccess()
      // One at a time: a second run would share the first's progress bar and cancel button.
      if (progress.isRunning())
        throw new AppError('CONFLICT', 'A batch proposal is already being made: wait for it, or stop it.')
      return progress.track('batchPropose', { casesRanked: 0, cases: 0 }, (onProgress, isCancelled) =>
        batchMatching.proposeInSteps({ onProgress, isCancelled }),
      )
    },
    'matching:batchProgress': () => {
      batchMatching.requireAccess()
      const current = progress.current()
      return current === null ? null : { casesRanked: current.casesRanked, cases: current.cases }
    },
    'matching:batchCancel': () => {
      batchMatching.requireAccess()
      return { cancelled: progress.cancel('batchPropose') }
    },
    'matching:batchApprove': (request) => batchMatching.approve(request),
  }
}
