import { z } from 'zod'
import { defineChannel } from './channel'
import { ANY_STAFF } from '../roles'

export const ZLocaleSchema = z.enum(['en', 'fr'])
export type TLocale = z.infer<typeof ZLocaleSchema>

export const ZAppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** 'electron' in the desktop app; 'bridge' when served to a browser by dev:browser or the tests. */
  runtime: z.enum(['electron', 'bridge']),
})
export type TAppInfo = z.infer<typeof ZAppInfoSchema>

/** Only https links leave the app, and only after the person confirms in a native dialog. */
export const ZExternalUrlSchema = z
  .url({ protocol: /^https$/, error: 'Only https links can be opened' })
  .max(2048)

export const appChannels = {
  /** Name, version and runtime, for the About box and diagnostics. */
  'app:info': defineChannel({
    request: z.strictObject({}),
    response: ZAppInfoSchema,
    access: 'public',
    countsAsActivity: false,
  }),
  /** Ask the person, then open an https link in the system browser. */
  'app:openExternal': defineChannel({
    request: z.strictObject({ url: ZExternalUrlSchema }),
    response: z.object({ opened: z.boolean() }),
    access: 'public',
  }),
  /** "Still here": the renderer sends this (throttled) while the person types or moves the pointer, so the idle lock waits. */
  'app:activity': defineChannel({
    request: z.strictObject({}),
    response: z.object({}),
    access: ANY_STAFF,
    isOpenBeforeOwnPassphrase: true,
  }),
}
