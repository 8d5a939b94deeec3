import type { referralsChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const referralsHandlers = ({
  matching,
  referrals,
}: TServices): THandlersFor<typeof referralsChannels> => ({
  'matching:rank': ({ caseId }) => matching.rank(caseId),
  'matching:reviewConflict': (request) => matching.reviewConflict(request),
  'referrals:propose': (request) => referrals.propose(request),
  'referrals:act': (request) => referrals.act(request),
  'referrals:list': (query) => referrals.list(query),
})
