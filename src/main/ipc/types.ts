import type { z } from 'zod'
import type { TChannelName, TContract } from '../../shared/contract'
import type { TStaffIdentity } from '../core/accounts/staff-identity'

/** What every handler learns about its caller. */
export type THandlerContext = {
  staff: TStaffIdentity | null
}

export type THandler<C extends TChannelName> = (
  request: z.output<TContract[C]['request']>,
  context: THandlerContext,
) => Promise<z.input<TContract[C]['response']>> | z.input<TContract[C]['response']>

/** One handler per contract channel; a missing or extra entry is a compile error. */
export type THandlerTable = { readonly [C in TChannelName]: THandler<C> }

/** A slice of the table for one feature's channels. */
export type THandlersFor<Channels> = { readonly [C in keyof Channels & TChannelName]: THandler<C> }
