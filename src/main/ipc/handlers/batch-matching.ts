import type { batchMatchingChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const batchMatchingHandlers = ({
  batchMatching,
}: TServices): THandlersFor<typeof batchMatchingChannels> => ({
  'matching:batchPropose': () => batchMatching.propose(),
  'matching:batchApprove': (request) => batchMatching.approve(request),
})
