import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron'
import { isAppUrl, isExternalHttpsUrl } from '../security/origin'

/** webPreferences for every window: Electron's security checklist, with nothing relaxed. */
export function secureWebPreferences(
  preloadPath: string,
  partition: string,
  isPackaged: boolean,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    partition,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Linux spellcheckers download dictionaries; survivors' words must not leave the machine.
    spellcheck: false,
    devTools: !isPackaged,
  }
}

/** Denies every permission (camera, microphone, geolocation, notifications, USB, HID, serial …). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

export type TExternalLinkOpener = (url: string) => void

/**
 * Navigation stays inside the app; new windows are never created. An https link the person
 * follows is offered to the OS browser after confirmation; anything else is dropped.
 */
export function lockDownWebContents(
  contents: WebContents,
  openExternal: TExternalLinkOpener,
  devServerUrl?: string,
): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, devServerUrl)) return
    event.preventDefault()
    if (isExternalHttpsUrl(url)) openExternal(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalHttpsUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
}
