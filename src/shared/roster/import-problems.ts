import type { TCsvProblem } from '../contract/csv'
import { LAWYER_CSV_MAX_CHARS } from '../contract/lawyers'

/*
 * The lawyer import's problems in words, English and French, for the admin CLI (English) and the import screen
 * (the interface's language): "row 4: practice_areas “astronaut law” is not a practice area". One wording, two hosts.
 */

type TLanguage = 'en' | 'fr'
type TWords = (problem: TCsvProblem, value: string) => string

/** The cell's text, quoted as each language quotes: “x” in English, « x » (no-break spaces inside) in French. */
const value = (problem: TCsvProblem, language: TLanguage): string => {
  const raw = problem.params?.['value']
  if (raw === undefined) return ''
  return language === 'fr' ? ` «\u00a0${String(raw)}\u00a0»` : ` “${String(raw)}”`
}

// prettier-ignore
const PROBLEM_WORDS: Readonly<Record<string, Readonly<Record<TLanguage, TWords>>>> = {
  empty: { en: () => 'the file has no header row or no data rows', fr: () => 'le fichier n’a pas de ligne d’en-tête ou de données' },
  notUtf8: { en: () => 'the file is not UTF-8 text (save it as “CSV UTF-8”)', fr: () => 'le fichier n’est pas en UTF-8 (enregistrez-le en «\u00a0CSV UTF-8\u00a0»)' },
  unclosedQuote: { en: () => 'a quoted cell on this row is never closed', fr: () => 'une cellule entre guillemets n’est jamais fermée sur cette ligne' },
  badQuote: { en: () => 'a quote is misplaced', fr: () => 'un guillemet est mal placé' },
  csvSyntax: { en: () => 'the line is not valid CSV', fr: () => 'la ligne n’est pas du CSV valide' },
  tooLarge: { en: () => `the file is larger than ${LAWYER_CSV_MAX_CHARS / 1_000_000} MB; split it`, fr: () => `le fichier dépasse ${LAWYER_CSV_MAX_CHARS / 1_000_000}\u00a0Mo\u202f; divisez-le` },
  tooManyRows: { en: (p) => `the file has more than ${String(p.params?.['limit'] ?? '')} rows; split it`, fr: (p) => `le fichier a plus de ${String(p.params?.['limit'] ?? '')} lignes\u202f; divisez-le` },
  mappingMismatch: { en: () => 'the column choices do not match the file’s header', fr: () => 'les choix de colonnes ne correspondent pas à l’en-tête du fichier' },
  fieldMappedTwice: { en: () => 'is chosen for two columns', fr: () => 'est choisi pour deux colonnes' },
  noNameColumn: { en: () => 'no column is chosen for first_name or last_name', fr: () => 'aucune colonne n’est choisie pour first_name ou last_name' },
  nameRequired: { en: () => 'has no first or last name', fr: () => 'n’a ni prénom ni nom' },
  email: { en: () => 'is not an email address', fr: () => 'n’est pas une adresse courriel' },
  phone: { en: () => 'is not a phone number', fr: () => 'n’est pas un numéro de téléphone' },
  province: { en: (p, v) => `${v} is not a Canadian province or territory`, fr: (p, v) => `${v} n’est pas une province ou un territoire du Canada` },
  required: { en: () => 'is needed with a licence number', fr: () => 'est nécessaire avec un numéro de membre' },
  licenceRequired: { en: () => 'needs a licence number', fr: () => 'demande un numéro de membre' },
  provinceTwice: { en: (p, v) => `lists the law society${v} twice`, fr: (p, v) => `indique deux fois le barreau${v}` },
  practiceArea: { en: (p, v) => `${v} is not a practice area`, fr: (p, v) => `${v} n’est pas un domaine de pratique` },
  language: { en: (p, v) => `${v} is not a language name or ISO 639 code`, fr: (p, v) => `${v} n’est pas un nom de langue ou un code ISO 639` },
  country: { en: (p, v) => `${v} is not an ISO 3166 country code`, fr: (p, v) => `${v} n’est pas un code de pays ISO 3166` },
  airport: { en: (p, v) => `${v} is not an airport this app knows (IATA code)`, fr: (p, v) => `${v} n’est pas un aéroport connu de l’application (code IATA)` },
  airportRequired: { en: () => 'on-call hours need at least one airport', fr: () => 'les heures de garde demandent au moins un aéroport' },
  onCallWindow: { en: (p, v) => `${v} is not on-call hours such as “Mon-Fri 18:00-23:00”`, fr: (p, v) => `${v} n’est pas une plage de garde comme «\u00a0lun-ven 18:00-23:00\u00a0»` },
  capacity: { en: (p, v) => `${v} is not a number of referrals from 0 to 200`, fr: (p, v) => `${v} n’est pas un nombre de dossiers de 0 à 200` },
  conflictKind: { en: (p, v) => `${v} is not a kind of party (person, unit, organization, state)`, fr: (p, v) => `${v} n’est pas un type de partie (person, unit, organization, state)` },
  partyName: { en: () => 'a declared conflict has no name', fr: () => 'un conflit déclaré n’a pas de nom' },
  choice: { en: (p, v) => `${v} is not one of the accepted values`, fr: (p, v) => `${v} ne fait pas partie des valeurs acceptées` },
  notADate: { en: (p, v) => `${v} is not a date (YYYY-MM-DD)`, fr: (p, v) => `${v} n’est pas une date (AAAA-MM-JJ)` },
  duplicateLicence: { en: (p) => `the same licence is on row ${String(p.params?.['otherRow'] ?? '')}`, fr: (p) => `le même numéro de membre est à la ligne ${String(p.params?.['otherRow'] ?? '')}` },
  duplicateEmail: { en: (p) => `the same email is on row ${String(p.params?.['otherRow'] ?? '')}`, fr: (p) => `le même courriel est à la ligne ${String(p.params?.['otherRow'] ?? '')}` },
  matchesTwoLawyers: { en: () => 'matches one roster lawyer by licence and another by email', fr: () => 'correspond à un·e avocat·e du répertoire par le numéro de membre et à un·e autre par le courriel' },
  tooLong: { en: () => 'is too long', fr: () => 'est trop long' },
  tooMany: { en: () => 'lists too many items', fr: () => 'contient trop d’éléments' },
  // The directory's import (organizations and resources, CSV or JSON).
  yesNo: { en: (p, v) => `${v} is not yes or no`, fr: (p, v) => `${v} n’est ni oui ni non` },
  entryKind: { en: (p, v) => `${v} is not organization or resource`, fr: (p, v) => `${v} n’est ni organization ni resource` },
  link: { en: (p, v) => `${v} is not a web link (http:// or https://)`, fr: (p, v) => `${v} n’est pas un lien web (http:// ou https://)` },
  blank: { en: () => 'is empty', fr: () => 'est vide' },
  provincesRequired: { en: () => 'is empty and the organization is not national', fr: () => 'est vide et l’organisme n’est pas national' },
  duplicateEntry: { en: (p) => `the same entry is on row ${String(p.params?.['otherRow'] ?? '')}`, fr: (p) => `la même entrée est à la ligne ${String(p.params?.['otherRow'] ?? '')}` },
  unknownColumn: { en: () => 'is not a column of the directory file', fr: () => 'n’est pas une colonne du fichier du répertoire' },
  missingColumn: { en: () => 'column is missing', fr: () => 'la colonne manque' },
  json: { en: () => 'the file is not valid JSON', fr: () => 'le fichier n’est pas du JSON valide' },
  directoryFormat: { en: () => 'the file is not a directory export (format “ccij-directory”, version 1)', fr: () => 'le fichier n’est pas un export du répertoire (format «\u00a0ccij-directory\u00a0», version\u00a01)' },
  notAList: { en: () => 'is not a list', fr: () => 'n’est pas une liste' },
  notAnEntry: { en: () => 'is not an entry (an object)', fr: () => 'n’est pas une entrée (un objet)' },
}

/** Every problem the import words, for the French typography test. */
export const IMPORT_PROBLEM_CODES: readonly string[] = Object.keys(PROBLEM_WORDS)

/** Where: 'row 4' / 'ligne 4', 'the file' / 'le fichier', 'line 1 (header)' / 'ligne 1 (en-tête)'. */
export function problemPlace(problem: TCsvProblem, language: TLanguage): string {
  if (problem.row === 0) return language === 'fr' ? 'fichier' : 'file'
  if (problem.row === 1) return language === 'fr' ? 'ligne 1 (en-tête)' : 'line 1 (header)'
  return language === 'fr' ? `ligne ${problem.row}` : `row ${problem.row}`
}

/** The problem without its place: "practice_areas “astronaut law” is not a practice area". */
export function problemText(problem: TCsvProblem, language: TLanguage): string {
  const words = PROBLEM_WORDS[problem.code]?.[language]
  const what =
    words === undefined
      ? language === 'fr'
        ? 'n’est pas valide'
        : 'is not valid'
      : words(problem, value(problem, language))
  // Plain spaces only: \s would also fold French no-break spaces (before : ; and inside « ») into plain ones.
  return problem.column === '' ? what : `${problem.column} ${what}`.replace(/[ \t\r\n]+/g, ' ')
}

/** "row 4: practice_areas “astronaut law” is not a practice area" (the CLI's stderr line). */
export const formatProblem = (problem: TCsvProblem, language: TLanguage = 'en'): string =>
  `${problemPlace(problem, language)}${language === 'fr' ? '\u00a0: ' : ': '}${problemText(problem, language)}`
