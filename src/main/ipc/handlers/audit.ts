import type { auditChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const auditHandlers = ({ vault }: TServices): THandlersFor<typeof auditChannels> => ({
  'audit:list': (query) => vault.audit.list(query),
  'audit:verify': () => vault.audit.verify(),
})
