import type { z } from 'zod'
import type { TAccess } from '../roles'

/** One IPC channel: what the renderer may send, what main answers, and who may call it. */
export type TChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> = {
  /** Validated in main before the handler runs; unknown keys are refused. */
  request: Req
  /** Parsed in main before the answer leaves, so a handler cannot leak fields the contract does not name. */
  response: Res
  access: TAccess
  /** Lock the idle timer? false for polling-style calls that should not count as activity. */
  countsAsActivity?: boolean
  /**
   * Open to someone who signed in with a passphrase an admin chose, before they choose their own (changing it,
   * locking, staying awake). Every other staff channel refuses them with PASSPHRASE_CHANGE_REQUIRED.
   */
  isOpenBeforeOwnPassphrase?: true
}

export const defineChannel = <Req extends z.ZodType, Res extends z.ZodType>(
  def: TChannelDef<Req, Res>,
): TChannelDef<Req, Res> => def

/** Channel names are `feature:verb`, both lower camel case. */
export const CHANNEL_NAME_PATTERN = /^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/
