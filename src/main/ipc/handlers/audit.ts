import type { auditChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const auditHandlers = ({ audit }: TServices): THandlersFor<typeof auditChannels> => ({
  'audit:list': (query) => audit.list(query),
  'audit:verify': () => audit.verify(),
})
