import type { lawyersChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const lawyersHandlers = ({
  roster,
  lawyerImport,
}: TServices): THandlersFor<typeof lawyersChannels> => ({
  'lawyers:list': (query) => roster.list(query),
  'lawyers:get': ({ id }) => roster.get(id),
  'lawyers:onCallNow': () => roster.onCallNow(),
  'lawyers:capacity': () => roster.capacity(),
  'lawyers:create': ({ lawyer }) => roster.create(lawyer),
  'lawyers:update': ({ id, lawyer }) => roster.update(id, lawyer),
  'lawyers:setStatus': ({ id, status }) => roster.setStatus(id, status),
  'lawyerImport:inspect': ({ uploadId }) => lawyerImport.inspectUpload(uploadId),
  'lawyerImport:check': ({ uploadId, mapping }) => lawyerImport.checkUpload(uploadId, mapping),
  'lawyerImport:commit': ({ uploadId, mapping, duplicates, decisions }) =>
    lawyerImport.commitUpload(uploadId, mapping, duplicates, decisions),
})
