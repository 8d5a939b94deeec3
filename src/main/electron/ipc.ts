import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES, contract } from '../../shared/contract'
import { fail } from '../../shared/result'
import { dispatch } from '../ipc/dispatch'
import type { THandlerContext, THandlerTable } from '../ipc/types'

export type TIpcRegistration = {
  table: THandlerTable
  /** The caller must be the main frame of the app's own window, loaded from the app's origin. */
  isTrustedSender(event: IpcMainInvokeEvent): boolean
  context(): THandlerContext
  /** Called for requests that count as the person doing something (resets the idle timer). */
  onActivity(): void
}

/** Registers exactly one handler per contract channel, every one through the same paranoid wrapper. */
export function registerIpc(ipcMain: IpcMain, registration: TIpcRegistration): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, request: unknown) => {
      if (!registration.isTrustedSender(event)) {
        return fail('FORBIDDEN_SENDER', 'This request did not come from the app window.')
      }
      if (contract[channel].countsAsActivity !== false) registration.onActivity()
      return dispatch(registration.table, channel, request, registration.context())
    })
  }
}
