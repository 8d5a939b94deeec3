import enAdmin from './locales/en/admin.json'
import enCaseList from './locales/en/caseList.json'
import enCasePage from './locales/en/casePage.json'
import enDashboard from './locales/en/dashboard.json'
import enDirectory from './locales/en/directory.json'
import enImportExport from './locales/en/importExport.json'
import enIntake from './locales/en/intake.json'
import enLawyers from './locales/en/lawyers.json'
import enPackets from './locales/en/packets.json'
import enReferrals from './locales/en/referrals.json'
import enReports from './locales/en/reports.json'
import enShell from './locales/en/shell.json'
import enVault from './locales/en/vault.json'
import enVocab from './locales/en/vocab.json'
import frAdmin from './locales/fr/admin.json'
import frCaseList from './locales/fr/caseList.json'
import frCasePage from './locales/fr/casePage.json'
import frDashboard from './locales/fr/dashboard.json'
import frDirectory from './locales/fr/directory.json'
import frImportExport from './locales/fr/importExport.json'
import frIntake from './locales/fr/intake.json'
import frLawyers from './locales/fr/lawyers.json'
import frPackets from './locales/fr/packets.json'
import frReferrals from './locales/fr/referrals.json'
import frReports from './locales/fr/reports.json'
import frShell from './locales/fr/shell.json'
import frVault from './locales/fr/vault.json'
import frVocab from './locales/fr/vocab.json'

/**
 * The interface texts, one file per feature: `locales/<lang>/<feature>.json` is mounted under a top-level key of
 * the same name (`vault.json` → `t('vault.…')`), so features never edit each other's catalog. `shell.json`
 * holds the frame's own texts (app name, navigation, error pages) at the top level. catalogs.test.ts checks that
 * every file is mounted here and that English and French stay in step.
 */
export const catalogs = {
  en: {
    ...enShell,
    admin: enAdmin,
    caseList: enCaseList,
    casePage: enCasePage,
    dashboard: enDashboard,
    directory: enDirectory,
    importExport: enImportExport,
    intake: enIntake,
    lawyers: enLawyers,
    packets: enPackets,
    referrals: enReferrals,
    reports: enReports,
    vault: enVault,
    vocab: enVocab,
  },
  fr: {
    ...frShell,
    admin: frAdmin,
    caseList: frCaseList,
    casePage: frCasePage,
    dashboard: frDashboard,
    directory: frDirectory,
    importExport: frImportExport,
    intake: frIntake,
    lawyers: frLawyers,
    packets: frPackets,
    referrals: frReferrals,
    reports: frReports,
    vault: frVault,
    vocab: frVocab,
  },
} as const
