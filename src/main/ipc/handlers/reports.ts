import type { reportsChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const reportsHandlers = ({ reports }: TServices): THandlersFor<typeof reportsChannels> => ({
  'reports:caseload': (query) => reports.caseload(query),
})
