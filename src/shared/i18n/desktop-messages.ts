import type { TLocale } from '../contract/app'

/**
 * Texts the main process shows itself (menus, native dialogs). The renderer has its own catalogs;
 * these live here because main has no i18next. The French object is typed by the English one,
 * so a missing translation is a compile error.
 */
const en = {
  'menu.file': 'File',
  'menu.lock': 'Lock',
  'menu.quit': 'Quit',
  'menu.edit': 'Edit',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.selectAll': 'Select all',
  'menu.view': 'View',
  'menu.reload': 'Reload',
  'menu.toggleDevTools': 'Developer tools',
  'menu.zoomIn': 'Zoom in',
  'menu.zoomOut': 'Zoom out',
  'menu.resetZoom': 'Actual size',
  'menu.fullScreen': 'Full screen',
  'menu.window': 'Window',
  'menu.minimize': 'Minimize',
  'menu.close': 'Close window',
  'menu.help': 'Help',
  'menu.about': 'About CCIJ Caseworker',
  'dialog.openLink.title': 'Open link in your browser?',
  'dialog.openLink.message': 'This link leaves CCIJ Caseworker and opens in your web browser:',
  'dialog.openLink.open': 'Open in browser',
  'dialog.openLink.cancel': 'Stay here',
  'dialog.about.message': 'CCIJ Caseworker {version}',
  'dialog.about.detail':
    'Encrypted, offline case management for the Canadian Centre for International Justice. Nothing in this app is legal advice.',
  'dialog.ok': 'OK',
  'dialog.backup.saveTitle': 'Save vault backup',
  'dialog.backup.openTitle': 'Choose a vault backup to restore',
  'dialog.backup.fileType': 'CCIJ vault backup',
  'dialog.export.saveTitle': 'Export intakes (unencrypted CSV)',
  'dialog.export.fileType': 'CSV file',
  'dialog.casesFile.saveTitle': 'Export every case whole (unencrypted JSON)',
  'dialog.casesFile.fileType': 'CCIJ cases file (JSON)',
  'dialog.packet.saveTitle': 'Save packet as PDF (not encrypted)',
  'dialog.packet.fileType': 'PDF document',
  'dialog.template.saveTitle': 'Save the lawyer sign-up template',
  'dialog.startFailed.title': 'CCIJ Caseworker cannot start',
  'dialog.startFailed.message':
    'The database module that came with this copy of CCIJ Caseworker is missing or was built for another version. Your vault was not opened or changed.',
} as const

export type TDesktopMessageKey = keyof typeof en

const fr: Record<TDesktopMessageKey, string> = {
  'menu.file': 'Fichier',
  'menu.lock': 'Verrouiller',
  'menu.quit': 'Quitter',
  'menu.edit': 'Édition',
  'menu.undo': 'Annuler',
  'menu.redo': 'Rétablir',
  'menu.cut': 'Couper',
  'menu.copy': 'Copier',
  'menu.paste': 'Coller',
  'menu.selectAll': 'Tout sélectionner',
  'menu.view': 'Affichage',
  'menu.reload': 'Recharger',
  'menu.toggleDevTools': 'Outils de développement',
  'menu.zoomIn': 'Zoom avant',
  'menu.zoomOut': 'Zoom arrière',
  'menu.resetZoom': 'Taille réelle',
  'menu.fullScreen': 'Plein écran',
  'menu.window': 'Fenêtre',
  'menu.minimize': 'Réduire',
  'menu.close': 'Fermer la fenêtre',
  'menu.help': 'Aide',
  'menu.about': 'À propos de CCIJ Caseworker',
  'dialog.openLink.title': 'Ouvrir le lien dans votre navigateur\u202f?',
  'dialog.openLink.message': 'Ce lien quitte CCIJ Caseworker et s’ouvre dans votre navigateur Web\u00a0:',
  'dialog.openLink.open': 'Ouvrir dans le navigateur',
  'dialog.openLink.cancel': 'Rester ici',
  'dialog.about.message': 'CCIJ Caseworker {version}',
  'dialog.about.detail':
    'Gestion de dossiers chiffrée et hors ligne pour le Centre canadien pour la justice internationale. Rien dans cette application ne constitue un avis juridique.',
  'dialog.ok': 'OK',
  'dialog.backup.saveTitle': 'Enregistrer une sauvegarde du coffre',
  'dialog.backup.openTitle': 'Choisir une sauvegarde du coffre à restaurer',
  'dialog.backup.fileType': 'Sauvegarde de coffre CCJI',
  'dialog.export.saveTitle': 'Exporter les accueils (CSV non chiffré)',
  'dialog.export.fileType': 'Fichier CSV',
  'dialog.casesFile.saveTitle': 'Exporter tous les dossiers en entier (JSON non chiffré)',
  'dialog.casesFile.fileType': 'Fichier de dossiers CCJI (JSON)',
  'dialog.packet.saveTitle': 'Enregistrer la trousse en PDF (non chiffré)',
  'dialog.packet.fileType': 'Document PDF',
  'dialog.template.saveTitle': 'Enregistrer le modèle d’inscription des avocat·es',
  'dialog.startFailed.title': 'CCIJ Caseworker ne peut pas démarrer',
  'dialog.startFailed.message':
    'Le module de base de données fourni avec cette copie de CCIJ Caseworker est absent ou a été compilé pour une autre version. Votre coffre n’a été ni ouvert ni modifié.',
}

/** Both languages, for the French typography test. */
export const desktopCatalogs: Record<TLocale, Record<TDesktopMessageKey, string>> = { en, fr }

/** Looks up a desktop text in the given language, filling `{name}` placeholders. */
export function desktopText(
  locale: TLocale,
  key: TDesktopMessageKey,
  values: Record<string, string> = {},
): string {
  return desktopCatalogs[locale][key].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match)
}
