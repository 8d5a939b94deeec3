import en from './locales/en.json'
import enVocab from './locales/en/vocab.json'
import enIntake from './locales/en/intake.json'
import enCaseList from './locales/en/caseList.json'
import enCasePage from './locales/en/casePage.json'
import enImportExport from './locales/en/importExport.json'
import fr from './locales/fr.json'
import frVocab from './locales/fr/vocab.json'
import frIntake from './locales/fr/intake.json'
import frCaseList from './locales/fr/caseList.json'
import frCasePage from './locales/fr/casePage.json'
import frImportExport from './locales/fr/importExport.json'

/**
 * The interface texts. The shell's texts live in `locales/<lang>.json`; each larger feature keeps its own file in
 * `locales/<lang>/<feature>.json`, mounted under a top-level key of the same name, so features never edit each
 * other's catalog. catalogs.test.ts keeps English and French in step.
 */
export const catalogs = {
  en: {
    ...en,
    vocab: enVocab,
    intake: enIntake,
    caseList: enCaseList,
    casePage: enCasePage,
    importExport: enImportExport,
  },
  fr: {
    ...fr,
    vocab: frVocab,
    intake: frIntake,
    caseList: frCaseList,
    casePage: frCasePage,
    importExport: frImportExport,
  },
} as const
