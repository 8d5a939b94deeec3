import type { settingsChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const settingsHandlers = (services: TServices): THandlersFor<typeof settingsChannels> => ({
  'settings:get': () => services.settings.get(),
  'settings:setLocale': ({ locale }) => services.settings.update({ locale }),
  'settings:setIdleLock': ({ minutes }, context) => {
    const from = services.settings.get().idleLockMinutes
    const updated = services.settings.update({ idleLockMinutes: minutes })
    // A security setting: who changed it, and from what to what, goes in the audit trail.
    if (from !== minutes && context.staff !== null && services.currentStaff() !== null) {
      services.vault.session().audit.record('settings.changed', null, {
        setting: 'idleLockMinutes',
        from,
        to: minutes,
      })
    }
    return updated
  },
})
