import { BrowserWindow } from 'electron'
import { APP_ENTRY_URL } from '../security/origin'
import { secureWebPreferences } from './hardening'

export type TMainWindowOptions = {
  preloadPath: string
  partition: string
  isPackaged: boolean
  /** electron-vite's dev server, only when running `npm run dev`. */
  devServerUrl?: string
}

/** The one app window: hardened webPreferences, shown once the first paint is ready. */
export function createMainWindow(options: TMainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'CCIJ Caseworker',
    backgroundColor: '#f7f7f4',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(options.preloadPath, options.partition, options.isPackaged),
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.devServerUrl ?? APP_ENTRY_URL)
  return window
}
