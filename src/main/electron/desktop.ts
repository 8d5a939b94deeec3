import { dialog, shell, type BrowserWindow } from 'electron'
import type { TDesktopPort } from '../core/services'
import { desktopText } from '../../shared/i18n/desktop-messages'
import type { TLocale } from '../../shared/contract'
import { isExternalHttpsUrl } from '../security/origin'

/** The Electron side of the desktop port: native dialogs and the OS browser. */
export function createElectronDesktop(
  window: () => BrowserWindow | null,
  locale: () => TLocale,
): TDesktopPort {
  return {
    async openExternalAfterConfirm(url) {
      if (!isExternalHttpsUrl(url)) return false
      const owner = window()
      const options = {
        type: 'question' as const,
        title: desktopText(locale(), 'dialog.openLink.title'),
        message: desktopText(locale(), 'dialog.openLink.title'),
        detail: `${desktopText(locale(), 'dialog.openLink.message')}\n${url}`,
        buttons: [
          desktopText(locale(), 'dialog.openLink.open'),
          desktopText(locale(), 'dialog.openLink.cancel'),
        ],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      }
      const choice = owner
        ? await dialog.showMessageBox(owner, options)
        : await dialog.showMessageBox(options)
      if (choice.response !== 0) return false
      await shell.openExternal(url)
      return true
    },
    async chooseBackupDestination() {
      const stamp = new Date().toISOString().slice(0, 10)
      const options = {
        title: desktopText(locale(), 'dialog.backup.saveTitle'),
        defaultPath: `ccij-vault-${stamp}.ccijbackup`,
        filters: [{ name: desktopText(locale(), 'dialog.backup.fileType'), extensions: ['ccijbackup'] }],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      }
      const owner = window()
      const choice = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options)
      return choice.canceled || choice.filePath === undefined ? null : choice.filePath
    },
    async chooseExportDestination() {
      const stamp = new Date().toISOString().slice(0, 10)
      const options = {
        title: desktopText(locale(), 'dialog.export.saveTitle'),
        defaultPath: `ccij-intakes-${stamp}.csv`,
        filters: [{ name: desktopText(locale(), 'dialog.export.fileType'), extensions: ['csv'] }],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      }
      const owner = window()
      const choice = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options)
      return choice.canceled || choice.filePath === undefined ? null : choice.filePath
    },
    async chooseBackupSource() {
      const options = {
        title: desktopText(locale(), 'dialog.backup.openTitle'),
        filters: [{ name: desktopText(locale(), 'dialog.backup.fileType'), extensions: ['ccijbackup'] }],
        properties: ['openFile' as const],
      }
      const owner = window()
      const choice = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options)
      return choice.canceled ? null : (choice.filePaths[0] ?? null)
    },
  }
}
