import type { appChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const appHandlers = (services: TServices): THandlersFor<typeof appChannels> => ({
  'app:info': () => ({
    name: 'CCIJ Caseworker',
    version: services.options.appVersion,
    platform: process.platform,
    runtime: services.options.runtime,
  }),
  'app:openExternal': async ({ url }) => ({
    opened: await services.options.desktop.openExternalAfterConfirm(url),
  }),
  // The dispatcher's host records activity for every request that counts; nothing else to do.
  'app:activity': () => ({}),
})
