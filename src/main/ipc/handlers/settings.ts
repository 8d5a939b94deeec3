import type { settingsChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const settingsHandlers = (services: TServices): THandlersFor<typeof settingsChannels> => ({
  'settings:get': () => services.settings.get(),
  'settings:setLocale': ({ locale }) => services.settings.update({ locale }),
  'settings:setIdleLock': ({ minutes }) => services.idleLock.set(minutes),
})
