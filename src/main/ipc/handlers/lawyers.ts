import type { lawyersChannels } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const lawyersHandlers = ({
  roster,
  lawyerImport,
  options,
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
  // The service checks the role before the dialog opens (a viewer is refused without being asked where to save).
  'lawyerImport:saveTemplate': async ({ language }) => {
    const suggestedName = lawyerImport.templateFileName(language)
    if (options.desktop.chooseTemplateDestination === undefined) {
      throw new AppError('CANCELLED', 'Choosing where to save a file is not available here.')
    }
    const destination = await options.desktop.chooseTemplateDestination(suggestedName)
    if (destination === null) return { saved: false, fileName: null }
    return { saved: true, ...lawyerImport.saveTemplate(language, destination) }
  },
})
