import type { intakeChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const intakeHandlers = ({ intake }: TServices): THandlersFor<typeof intakeChannels> => ({
  'intake:listDrafts': () => intake.listDrafts(),
  'intake:getDraft': ({ id }) => intake.getDraft(id),
  'intake:saveDraft': (request) => intake.saveDraft(request),
  'intake:discardDraft': ({ id }) => intake.discardDraft(id),
  'intake:findDuplicates': ({ intake: draft }) => intake.findDuplicates(draft),
  'intake:submit': (request) => intake.submit(request),
})
