import { z } from 'zod'
import { defineChannel } from './channel'
import { ZLocaleSchema } from './app'
import { ADMIN_ONLY } from '../roles'

/** Device preferences that hold no survivor data, kept outside the vault so they apply before unlock. */
export const IDLE_LOCK_MINUTES = { min: 1, max: 240, default: 10 } as const

export const ZIdleLockMinutesSchema = z.number().int().min(IDLE_LOCK_MINUTES.min).max(IDLE_LOCK_MINUTES.max)

export const ZDeviceSettingsSchema = z.object({
  locale: ZLocaleSchema,
  /** Lock the vault after this many minutes without activity in the app. */
  idleLockMinutes: ZIdleLockMinutesSchema,
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
  /** How long the vault may sit unattended before it locks itself (admins decide for the device). */
  'settings:setIdleLock': defineChannel({
    request: z.strictObject({ minutes: ZIdleLockMinutesSchema }),
    response: ZDeviceSettingsSchema,
    access: ADMIN_ONLY,
  }),
}
