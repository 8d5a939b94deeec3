import { dialog, shell, type BrowserWindow } from 'electron'
import type { TDesktopPort } from '../core/services'
import { desktopText, type TDesktopMessageKey } from '../../shared/i18n/desktop-messages'
import type { TLocale } from '../../shared/contract'
import { isExternalHttpsUrl } from '../security/origin'
import { printPacket, printPacketToPdf } from './packet-printing'

/** The Electron side of the desktop port: native dialogs and the OS browser. */
export function createElectronDesktop(
  window: () => BrowserWindow | null,
  locale: () => TLocale,
): TDesktopPort {
  /** A native save dialog offering `defaultPath` (a file name), for one file type; null when the person cancels. */
  const askSavePath = async (file: {
    title: TDesktopMessageKey
    fileType: TDesktopMessageKey
    defaultPath: string
    extension: string
  }): Promise<string | null> => {
    const options = {
      title: desktopText(locale(), file.title),
      defaultPath: file.defaultPath,
      filters: [{ name: desktopText(locale(), file.fileType), extensions: [file.extension] }],
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    }
    const owner = window()
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
    return choice.canceled || choice.filePath === undefined ? null : choice.filePath
  }
  /** A native save dialog offering `<name>-<today>.<extension>`; null when the person cancels. */
  const chooseSavePath = (file: {
    title: TDesktopMessageKey
    fileType: TDesktopMessageKey
    name: string
    extension: string
  }): Promise<string | null> => {
    const stamp = new Date().toISOString().slice(0, 10)
    return askSavePath({ ...file, defaultPath: `${file.name}-${stamp}.${file.extension}` })
  }

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
    chooseBackupDestination: () =>
      chooseSavePath({
        title: 'dialog.backup.saveTitle',
        fileType: 'dialog.backup.fileType',
        name: 'ccij-vault',
        extension: 'ccijbackup',
      }),
    printPacketToPdf,
    printPacket,
    choosePacketDestination: (suggestedName) =>
      askSavePath({
        title: 'dialog.packet.saveTitle',
        fileType: 'dialog.packet.fileType',
        defaultPath: suggestedName,
        extension: 'pdf',
      }),
    chooseExportDestination: () =>
      chooseSavePath({
        title: 'dialog.export.saveTitle',
        fileType: 'dialog.export.fileType',
        name: 'ccij-intakes',
        extension: 'csv',
      }),
    chooseCasesFileDestination: () =>
      chooseSavePath({
        title: 'dialog.casesFile.saveTitle',
        fileType: 'dialog.casesFile.fileType',
        name: 'ccij-cases',
        extension: 'json',
      }),
    chooseTemplateDestination: (suggestedName) =>
      askSavePath({
        title: 'dialog.template.saveTitle',
        fileType: 'dialog.export.fileType',
        defaultPath: suggestedName,
        extension: 'csv',
      }),
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
