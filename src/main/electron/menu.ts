import { Menu, type MenuItemConstructorOptions } from 'electron'
import { desktopText, type TDesktopMessageKey } from '../../shared/i18n/desktop-messages'
import type { TLocale } from '../../shared/contract'

export type TMenuActions = {
  lock(): void
  about(): void
}

/** The application menu with the usual shortcuts, in the interface language. */
export function buildApplicationMenu(locale: TLocale, isPackaged: boolean, actions: TMenuActions): Menu {
  const text = (key: TDesktopMessageKey): string => desktopText(locale, key)
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: text('menu.file'),
      submenu: [
        { label: text('menu.lock'), accelerator: 'CmdOrCtrl+L', click: () => actions.lock() },
        { type: 'separator' },
        isMac ? { role: 'close', label: text('menu.close') } : { role: 'quit', label: text('menu.quit') },
      ],
    },
    {
      label: text('menu.edit'),
      submenu: [
        { role: 'undo', label: text('menu.undo') },
        { role: 'redo', label: text('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: text('menu.cut') },
        { role: 'copy', label: text('menu.copy') },
        { role: 'paste', label: text('menu.paste') },
        { role: 'selectAll', label: text('menu.selectAll') },
      ],
    },
    {
      label: text('menu.view'),
      submenu: [
        ...(isPackaged
          ? []
          : [
              { role: 'reload' as const, label: text('menu.reload') },
              { role: 'toggleDevTools' as const, label: text('menu.toggleDevTools') },
              { type: 'separator' as const },
            ]),
        { role: 'resetZoom', label: text('menu.resetZoom') },
        { role: 'zoomIn', label: text('menu.zoomIn') },
        { role: 'zoomOut', label: text('menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: text('menu.fullScreen') },
      ],
    },
    {
      label: text('menu.window'),
      submenu: [
        { role: 'minimize', label: text('menu.minimize') },
        { role: 'close', label: text('menu.close') },
      ],
    },
    {
      role: 'help',
      label: text('menu.help'),
      submenu: [{ label: text('menu.about'), click: () => actions.about() }],
    },
  ]
  return Menu.buildFromTemplate(template)
}
