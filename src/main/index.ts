import { join } from 'node:path'
import {
  app,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  session,
  type BrowserWindow,
  type IpcMainInvokeEvent,
} from 'electron'
import { createServices } from './core/services'
import { createHandlerTable } from './ipc/handler-table'
import { registerIpc } from './electron/ipc'
import { denyAllPermissions, lockDownWebContents } from './electron/hardening'
import { createElectronDesktop } from './electron/desktop'
import { buildApplicationMenu } from './electron/menu'
import { createMainWindow } from './electron/window'
import { electronNativeBindingPath, NativeBindingError, nativeBindingRemedy } from './electron/native-binding'
import { adminModeArguments, runAdminMode } from './electron/admin-mode'
import { IdleLock } from './core/vault/idle-lock'
import { serveRendererFile } from './security/static-files'
import { APP_HOST, APP_SCHEME, isAppUrl } from './security/origin'
import { desktopText } from '../shared/i18n/desktop-messages'
import type { TLockReason } from '../shared/contract/vault'

/**
 * Renderer storage lives in an in-memory partition (no "persist:" prefix): no HTTP cache,
 * no localStorage, no service worker files ever reach the disk.
 */
const RENDERER_PARTITION = 'ccij-renderer'

// Only `npm run dev` sets this; a packaged build never loads anything but the app protocol.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])
app.enableSandbox()

let mainWindow: BrowserWindow | null = null

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  if (mainWindow === null || frame === null) return false
  if (event.sender !== mainWindow.webContents) return false
  if (frame !== event.sender.mainFrame) return false
  return isAppUrl(frame.url, devServerUrl)
}

/**
 * Electron's own build of the database module (see scripts/electron-native.ts). A missing or wrong-ABI
 * file stops the app here, with the versions named, instead of failing at the first unlock.
 */
function nativeBindingOption(): { nativeBinding?: string } | NativeBindingError {
  try {
    const nativeBinding = electronNativeBindingPath(app.getAppPath())
    return nativeBinding === undefined ? {} : { nativeBinding }
  } catch (error) {
    if (error instanceof NativeBindingError) return error
    throw error
  }
}

function refuseToStart(error: NativeBindingError): void {
  const locale = app.getLocale().startsWith('fr') ? 'fr' : 'en'
  const remedy = nativeBindingRemedy(app.isPackaged)
  process.stderr.write(`${error.message} ${remedy}\n`)
  dialog.showErrorBox(
    desktopText(locale, 'dialog.startFailed.title'),
    `${desktopText(locale, 'dialog.startFailed.message')}\n\n${error.message} ${remedy}`,
  )
  app.exit(1)
}

async function start(): Promise<void> {
  await app.whenReady()

  const vaultOptions = nativeBindingOption()
  if (vaultOptions instanceof NativeBindingError) return refuseToStart(vaultOptions)
  const services = createServices({
    dataDirectory: app.getPath('userData'),
    runtime: 'electron',
    appVersion: app.getVersion(),
    vault: vaultOptions,
    desktop: createElectronDesktop(
      () => mainWindow,
      () => services.settings.get().locale,
    ),
  })
  const { desktop } = services.options
  const table = createHandlerTable(services)
  const rendererSession = session.fromPartition(RENDERER_PARTITION)

  // Every way of locking (button, Ctrl/Cmd+L, idle, suspend, screen lock) ends here: the vault drops
  // its key, then the renderer's storage is wiped and the page reloaded, taking state, DOM and caches with it.
  let isQuitting = false
  services.vault.onLockChange((state) => {
    if (state !== 'locked' || isQuitting) return
    void rendererSession.clearStorageData().catch(() => undefined)
    void rendererSession.clearCache().catch(() => undefined)
    mainWindow?.webContents.reload()
  })
  // lock() does nothing while already locked.
  const lockNow = (reason: TLockReason): void => services.vault.lock(reason)
  const idleLock = new IdleLock(
    () => services.settings.get().idleLockMinutes * 60_000,
    () => lockNow('idle'),
    () => services.currentStaff() !== null,
  )
  idleLock.start()
  powerMonitor.on('suspend', () => lockNow('suspend'))
  powerMonitor.on('lock-screen', () => lockNow('screen-lock'))
  // Close the database cleanly (and say so in the audit trail) when the app quits unlocked.
  app.on('before-quit', () => {
    isQuitting = true
    lockNow('quit')
  })

  registerIpc(ipcMain, {
    table,
    isTrustedSender,
    context: () => ({ staff: services.currentStaff() }),
    onActivity: () => idleLock.recordActivity(),
  })

  const rendererDirectory = join(import.meta.dirname, '../renderer')
  rendererSession.protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 })
    return serveRendererFile(rendererDirectory, url.pathname)
  })
  denyAllPermissions(rendererSession)
  denyAllPermissions(session.defaultSession)

  app.on('web-contents-created', (_event, contents) => {
    lockDownWebContents(contents, (url) => void desktop.openExternalAfterConfirm(url), devServerUrl)
  })

  const refreshMenu = (): void => {
    Menu.setApplicationMenu(
      buildApplicationMenu(services.settings.get().locale, app.isPackaged, {
        lock: () => lockNow('shortcut'),
        about: () => {
          const locale = services.settings.get().locale
          const options = {
            type: 'info' as const,
            message: desktopText(locale, 'dialog.about.message', { version: app.getVersion() }),
            detail: desktopText(locale, 'dialog.about.detail'),
            buttons: [desktopText(locale, 'dialog.ok')],
          }
          void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options))
        },
      }),
    )
  }
  refreshMenu()
  services.settings.onChange(refreshMenu)

  mainWindow = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    partition: RENDERER_PARTITION,
    isPackaged: app.isPackaged,
    ...(devServerUrl === undefined ? {} : { devServerUrl }),
  })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

const adminArguments = adminModeArguments(process.argv, process.defaultApp === true)
if (adminArguments !== undefined) {
  // `--admin`: the admin CLI, no window, and no single-instance lock, so it runs beside an open app.
  runAdminMode(app, adminArguments)
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => app.quit())
  void start()
}
