import type { intakeChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const intakeHandlers = ({ cases }: TServices): THandlersFor<typeof intakeChannels> => ({
  'intake:listDrafts': () => cases.listDrafts(),
  'intake:getDraft': ({ id }) => cases.getDraft(id),
  'intake:saveDraft': (request) => cases.saveDraft(request),
  'intake:discardDraft': ({ id }) => cases.discardDraft(id),
  'intake:findDuplicates': ({ intake }) => cases.findDuplicates(intake),
  'intake:submit': (request) => cases.submitIntake(request),
})
