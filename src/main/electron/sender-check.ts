import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { isAppUrl } from '../security/origin'

/**
 * The check every IPC request passes before dispatch (see ipc.ts): the caller must be the main frame of the app's own
 * window, showing the app's origin (or, under `npm run dev` only, the dev server's). A frame that is gone, another
 * web contents, a sub-frame, or the app window navigated elsewhere are all refused.
 */
export function createSenderCheck(
  appWindow: () => BrowserWindow | null,
  devServerUrl: string | undefined,
): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    const window = appWindow()
    const frame = event.senderFrame
    if (window === null || frame === null) return false
    if (event.sender !== window.webContents) return false
    if (frame !== event.sender.mainFrame) return false
    return isAppUrl(frame.url, devServerUrl)
  }
}
