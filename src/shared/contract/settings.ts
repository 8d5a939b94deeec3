import { z } from 'zod'
import { defineChannel } from './channel'
import { ZLocaleSchema } from './app'

/** Device preferences that hold no survivor data, kept outside the vault so they apply before unlock. */
export const ZDeviceSettingsSchema = z.object({
  locale: ZLocaleSchema,
})
export type TDeviceSettings = z.infer<typeof ZDeviceSettingsSchema>

export const settingsChannels = {
  /** The device preferences (language). */
  'settings:get': defineChannel({
    request: z.strictObject({}),
    response: ZDeviceSettingsSchema,
    access: 'public',
    countsAsActivity: false,
  }),
  /** Change the interface language; remembered for the next start. */
  'settings:setLocale': defineChannel({
    request: z.strictObject({ locale: ZLocaleSchema }),
    response: ZDeviceSettingsSchema,
    access: 'public',
  }),
}
