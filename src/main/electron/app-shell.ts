import type { BrowserWindow, Dialog } from 'electron'
import { serveRendererFile } from '../security/static-files'
import { APP_HOST } from '../security/origin'
import { desktopText } from '../../shared/i18n/desktop-messages'
import type { TLocale } from '../../shared/contract/app'

/**
 * The app protocol's handler: the renderer's own files (see static-files.ts), and only on the app's host; anything
 * else is not found.
 */
export function appProtocolHandler(
  rendererDirectory: string,
): (request: Request) => Promise<Response> | Response {
  return (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 })
    return serveRendererFile(rendererDirectory, url.pathname)
  }
}

/** Help › About: the version, in the person's language, over the app window when there is one. */
export function showAboutDialog(
  dialog: Pick<Dialog, 'showMessageBox'>,
  window: BrowserWindow | null,
  locale: TLocale,
  version: string,
): void {
  const options = {
    type: 'info' as const,
    message: desktopText(locale, 'dialog.about.message', { version }),
    detail: desktopText(locale, 'dialog.about.detail'),
    buttons: [desktopText(locale, 'dialog.ok')],
  }
  void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options))
}
