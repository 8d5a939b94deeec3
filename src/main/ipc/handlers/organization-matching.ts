import type { organizationMatchingChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const organizationMatchingHandlers = ({
  organizationMatching,
}: TServices): THandlersFor<typeof organizationMatchingChannels> => ({
  'matching:rankOrganizations': ({ caseId }) => organizationMatching.rank(caseId),
})
