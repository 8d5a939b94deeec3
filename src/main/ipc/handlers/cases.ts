import type { casesChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const casesHandlers = ({ caseList, caseFile }: TServices): THandlersFor<typeof casesChannels> => ({
  'cases:list': (query) => caseList.list(query),
  'cases:assignees': () => caseList.assignees(),
  'cases:get': ({ caseId }) => caseFile.get(caseId),
  'cases:reveal': ({ caseId, section }) => caseFile.reveal(caseId, section),
  'cases:edit': (request) => caseFile.edit(request),
  'cases:addTimelineEntry': (request) => caseFile.addTimelineEntry(request),
  'cases:changeStatus': (request) => caseFile.changeStatus(request),
  'cases:assign': (request) => caseFile.assign(request),
  'cases:recordConsent': (request) => caseFile.recordConsent(request),
  'cases:addTask': (request) => caseFile.addTask(request),
  'cases:setTaskDone': (request) => caseFile.setTaskDone(request),
})
