import type { App, BrowserWindow, Dialog } from 'electron'
import { NativeBindingError, nativeBindingRemedy } from './native-binding'
import { desktopText } from '../../shared/i18n/desktop-messages'

/**
 * The database module's option for the vault: Electron's own build (see scripts/electron-native.ts), none under plain
 * Node, or the NativeBindingError that must stop the app (a missing or wrong-ABI file) instead of failing at the
 * first unlock. `resolve` is electronNativeBindingPath for the app's folder.
 */
export function nativeBindingOption(
  resolve: () => string | undefined,
): { nativeBinding?: string } | NativeBindingError {
  try {
    const nativeBinding = resolve()
    return nativeBinding === undefined ? {} : { nativeBinding }
  } catch (error) {
    if (error instanceof NativeBindingError) return error
    throw error
  }
}

/** Says why the app cannot start, with the versions named, on stderr and in a dialog, then exits with code 1. */
export function refuseToStart(
  app: Pick<App, 'getLocale' | 'isPackaged' | 'exit'>,
  dialog: Pick<Dialog, 'showErrorBox'>,
  error: NativeBindingError,
): void {
  const locale = app.getLocale().startsWith('fr') ? 'fr' : 'en'
  const remedy = nativeBindingRemedy(app.isPackaged)
  process.stderr.write(`${error.message} ${remedy}\n`)
  dialog.showErrorBox(
    desktopText(locale, 'dialog.startFailed.title'),
    `${desktopText(locale, 'dialog.startFailed.message')}\n\n${error.message} ${remedy}`,
  )
  app.exit(1)
}

/**
 * One app per person: a second start quits at once (the first gets its window back); otherwise the app quits when its
 * window closes, and `start` runs.
 */
export function startSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  appWindow: () => BrowserWindow | null,
  start: () => Promise<void>,
): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.on('second-instance', () => {
    const window = appWindow()
    if (window === null) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => app.quit())
  void start()
}
