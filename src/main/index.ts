import { join } from 'node:path'
import { app, dialog, ipcMain, Menu, powerMonitor, protocol, session, type BrowserWindow } from 'electron'
import { createServices } from './core/services'
import { createHandlerTable } from './ipc/handler-table'
import { registerIpc } from './electron/ipc'
import { denyAllPermissions, lockDownWebContents } from './electron/hardening'
import { createElectronDesktop } from './electron/desktop'
import { buildApplicationMenu } from './electron/menu'
import { createMainWindow } from './electron/window'
import { electronNativeBindingPath, NativeBindingError } from './electron/native-binding'
import { adminModeArguments, runAdminMode } from './electron/admin-mode'
import { createSenderCheck } from './electron/sender-check'
import { wireLocking } from './electron/lock-wiring'
import { nativeBindingOption, refuseToStart, startSingleInstance } from './electron/startup'
import { appProtocolHandler, showAboutDialog } from './electron/app-shell'
import { APP_SCHEME } from './security/origin'

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
const appWindow = (): BrowserWindow | null => mainWindow

async function start(): Promise<void> {
  await app.whenReady()

  const vaultOptions = nativeBindingOption(() => electronNativeBindingPath(app.getAppPath()))
  if (vaultOptions instanceof NativeBindingError) return refuseToStart(app, dialog, vaultOptions)
  const services = createServices({
    dataDirectory: app.getPath('userData'),
    runtime: 'electron',
    appVersion: app.getVersion(),
    vault: vaultOptions,
    desktop: createElectronDesktop(appWindow, () => services.settings.get().locale),
  })
  const { desktop } = services.options
  const table = createHandlerTable(services)
  const rendererSession = session.fromPartition(RENDERER_PARTITION)

  const { lockNow, recordActivity } = wireLocking(services, {
    app,
    powerMonitor,
    rendererSession,
    appWindow,
  })

  registerIpc(ipcMain, {
    table,
    isTrustedSender: createSenderCheck(appWindow, devServerUrl),
    context: () => ({ staff: services.currentStaff() }),
    onActivity: recordActivity,
  })

  const rendererDirectory = join(import.meta.dirname, '../renderer')
  rendererSession.protocol.handle(APP_SCHEME, appProtocolHandler(rendererDirectory))
  denyAllPermissions(rendererSession)
  denyAllPermissions(session.defaultSession)

  app.on('web-contents-created', (_event, contents) => {
    lockDownWebContents(contents, (url) => void desktop.openExternalAfterConfirm(url), devServerUrl)
  })

  const refreshMenu = (): void => {
    Menu.setApplicationMenu(
      buildApplicationMenu(services.settings.get().locale, app.isPackaged, {
        lock: () => lockNow('shortcut'),
        about: () => showAboutDialog(dialog, mainWindow, services.settings.get().locale, app.getVersion()),
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
} else {
  startSingleInstance(app, appWindow, start)
}
