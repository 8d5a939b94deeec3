import type { casesChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const casesHandlers = ({ cases }: TServices): THandlersFor<typeof casesChannels> => ({
  'cases:list': (query) => cases.list(query),
  'cases:get': ({ caseId }) => cases.get(caseId),
  'cases:reveal': ({ caseId, section }) => cases.reveal(caseId, section),
  'cases:addTimelineEntry': (request) => cases.addTimelineEntry(request),
  'cases:changeStatus': (request) => cases.changeStatus(request),
  'cases:assign': (request) => cases.assign(request),
  'cases:recordConsent': (request) => cases.recordConsent(request),
  'cases:addTask': (request) => cases.addTask(request),
  'cases:setTaskDone': (request) => cases.setTaskDone(request),
  'cases:assignees': () => cases.assignees(),
})
