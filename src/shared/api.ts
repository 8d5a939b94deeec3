import type { z } from 'zod'
import { CHANNEL_NAMES, type TChannelName, type TContract } from './contract'
import type { TIpcResult } from './result'

type TRequestOf<C extends TChannelName> = z.input<TContract[C]['request']>
type TResponseOf<C extends TChannelName> = z.output<TContract[C]['response']>

/** One call: channels whose request has no required field may be called with no argument. */
export type TApiCall<C extends TChannelName> =
  Record<string, never> extends TRequestOf<C>
    ? (request?: TRequestOf<C>) => Promise<TIpcResult<TResponseOf<C>>>
    : (request: TRequestOf<C>) => Promise<TIpcResult<TResponseOf<C>>>

type TFeatureOf<C> = C extends `${infer F}:${string}` ? F : never
type TVerbOf<C, F extends string> = C extends `${F}:${infer V}` ? V : never

/** `window.api`: `api.settings.setLocale({ locale })` for channel `settings:setLocale`. */
export type TCcijApi = {
  readonly [F in TFeatureOf<TChannelName>]: {
    readonly [V in TVerbOf<TChannelName, F>]: `${F}:${V}` extends TChannelName ? TApiCall<`${F}:${V}`> : never
  }
}

/** The transport: Electron's ipcRenderer.invoke in the preload, HTTP in the browser bridge. */
export type TInvoke = (channel: TChannelName, request: unknown) => Promise<unknown>

/** Builds the API object from the contract's channel list over any transport. */
export function createApi(invoke: TInvoke): TCcijApi {
  const api: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {}
  for (const channel of CHANNEL_NAMES) {
    const [feature, verb] = channel.split(':') as [string, string]
    api[feature] ??= {}
    api[feature][verb] = (request?: unknown) => invoke(channel, request ?? {})
  }
  for (const feature of Object.values(api)) Object.freeze(feature)
  return Object.freeze(api) as unknown as TCcijApi
}
