/**
 * Turns what a person typed into the search box into FTS5 queries over case_search. The exact query: every word
 * must match (AND; a word of one or two letters as a whole word), by beginning a name as written (any script, accents ignored), the same name in Latin letters,
 * a normalized name token, a reference number part, or a word of the notes. The similar-name query: the words'
 * sound-alike and skeleton codes, whose candidates person matching checks (see similar-names.ts). Input is never
 * spliced into a query unquoted.
 */
import { isParticleWord, toLatin, undoubledLatin } from '../person-matching'
import { searchKeysOfNames } from './case-records'

/** Words beyond this many are ignored: a guard against pasted paragraphs. */
const MAX_WORDS = 8

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`

/** FTS5 barewords: only letters and digits, safe unquoted. */
const BAREWORD = /^[\p{L}\p{N}]+$/u

/** Sound-alike ('dm…') and skeleton ('sk…') codes, as `searchKeysOfNames` writes them. */
const isCode = (key: string): boolean => key.startsWith('dm') || key.startsWith('sk')

/** True when a word has letters or digits in it (a lone "-" or "'" would match everything or nothing). */
const hasContent = (word: string): boolean => /[\p{L}\p{N}]/u.test(word)

/** The words of a search, as both queries (and the reasons a case matched) take them. */
export const wordsOf = (search: string): string[] =>
  search
    .normalize('NFC')
    .split(/[\s,;]+/u)
    .map((word) => word.trim())
    .filter(hasContent)
    .slice(0, MAX_WORDS)

/**
 * Words this short are matched whole, never begun: as a prefix "a" or "li" meets most of the caseload's names and
 * notes (every hit counted and ranked), while a caseworker typing two letters means a name that short ("Li", "Ng",
 * "Xu") or a particle ("al", "de").
 */
export const WHOLE_WORD_BELOW = 3

/**
 * Scripts whose one or two characters are a syllable or a whole name, often written without spaces ("李明" is one
 * word to the index): there a short word is still begun, or "李" would not find 李明.
 */
const SYLLABIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Ethiopic}]/u

/** True when a search word is matched as a whole word only (its Latin form is judged on its own: "李" is begun, its "li" whole). */
export const isWholeWordOnly = (word: string): boolean =>
  [...word].length < WHOLE_WORD_BELOW && !SYLLABIC.test(word)

/** FTS5's prefix mark for a word, or none when it is matched whole. */
const begun = (word: string): string => (isWholeWordOnly(word) ? '' : '*')

/** A word in Latin letters as the 'latin' column holds names, or '' when it has none. */
export const latinOf = (word: string): string => {
  const latin = toLatin(word).toLowerCase().trim()
  return hasContent(latin) ? latin : ''
}

/**
 * A word's normalized name tokens, as the 'keys' column holds them. Only those: its sound-alike and skeleton codes
 * are the similar-name search's, where person matching checks every candidate they bring ("ydyfno" shares the
 * skeleton "dfn" with real names).
 */
export const exactKeysOf = (word: string): string[] =>
  searchKeysOfNames([word])
    .split(' ')
    .filter((key) => key !== '' && BAREWORD.test(key) && !isCode(key))

/** The FTS5 expression for a word begun in a case's notes (and city): to tell a note hit from a name hit. */
export const notesQueryOf = (word: string): string =>
  `notes : ${quote(word.toLocaleLowerCase())}${begun(word)}`

/** The FTS5 expression for a word met in a case's names: as written, in Latin letters, or as a normalized token. */
export function namesQueryOf(word: string): string {
  const alternatives = [`names : ${quote(word.toLocaleLowerCase())}${begun(word)}`]
  const latin = latinOf(word)
  if (latin !== '') alternatives.push(`latin : ${quote(latin)}${begun(latin)}`)
  const keys = exactKeysOf(word)
  if (keys.length > 0) alternatives.push(`keys : (${keys.map(quote).join(' OR ')})`)
  return alternatives.join(' OR ')
}

/** A whole reference, or one begun past its year ("CCIJ-2026-004"), in any letter case. */
const REFERENCE_SHAPE = /^ccij-\d{4}-\d+$/iu

/**
 * The reference a search begins when it is one reference-shaped word (upper case, as references are stored), else
 * null. Such a search is looked up in `cases.reference`'s index: as an FTS5 phrase its "ccij" and year parts read
 * doclists holding every case of the caseload. It then finds only cases by reference, not a note that quotes one.
 */
export function referencePrefixOf(search: string): string | null {
  const words = wordsOf(search)
  const [word] = words
  return words.length === 1 && word !== undefined && REFERENCE_SHAPE.test(word) ? word.toUpperCase() : null
}

/** How many words a search has (what the audit trail keeps of it). */
export const countWords = (search: string): number => wordsOf(search).length

/** The FTS5 MATCH expression for a search, or null when the search has nothing to look for. */
export function buildSearchQuery(search: string): string | null {
  const words = wordsOf(search)
  if (words.length === 0) return null
  const clauses = words.map(
    (word) =>
      `(reference : ${quote(word.toLocaleLowerCase())}${begun(word)} OR ${notesQueryOf(word)} OR ${namesQueryOf(word)})`,
  )
  return clauses.join(' AND ')
}

/**
 * The exact query without the notes (and city) column: every word met in a reference or a name. A search matching
 * more cases than SEARCH_COUNT_CAP lists these first, ranked, and the rest newest first: ranking every hit of a word
 * in 16,000 notes by bm25 is the costliest query of the list, and a note hit's rank says little.
 */
export function buildNamesOnlyQuery(search: string): string | null {
  const words = wordsOf(search)
  if (words.length === 0) return null
  return words
    .map((word) => `(reference : ${quote(word.toLocaleLowerCase())}${begun(word)} OR ${namesQueryOf(word)})`)
    .join(' AND ')
}

/**
 * The codes behind "names spelled otherwise", each as its own FTS5 expression over the keys column: every word's
 * sound-alike and skeleton codes, the short ones included ("Ranya" is only 'dmrn'), each once. They find candidates,
 * never results: each is checked by person matching (`scoreSearch`) before it is shown, so the codes many names share
 * cannot turn into nonsense matches. Words with a digit are left out. Empty when no word has such a code (a
 * reference, a lone letter): then only the exact search applies. Every word counts, not all at once: a dropped letter
 * can change a word's codes ("Ose" for "Hose"), and the candidates that share the codes of more words come first
 * (see `CaseListQueries.similarNameCandidates`).
 */
export function similarNameCodes(search: string): string[] {
  const codes = new Set<string>()
  for (const word of wordsOf(search)) {
    // A word with a digit is a reference, a date or a number: no spelling of a name. Its codes ('CCIJ' sounds like
    // many names) would bring 150 candidates to score for nothing.
    if (/\p{N}/u.test(word)) continue
    const keys = searchKeysOfNames([word]).split(' ')
    for (const key of keys) {
      if (isCode(key) ? key.length < 4 : key.length < 2 || isParticleWord(key)) continue
      // The word's own tokens too: a case with one word typed right (often the given name) weighs more than the
      // hundreds that only sound like it, or its family name spelled otherwise loses the pool to them.
      if (BAREWORD.test(key)) codes.add(`keys : ${quote(key)}`)
      // A word beginning with a vowel may have lost its first "h" ("Oodin" for Hoodin, "al-Ithis"): every code
      // changes with it, so the codes of the word with it too.
      if (!isCode(key) && key.length >= 3 && /^[aeiou]/.test(key))
        for (const code of searchKeysOfNames([`h${key}`]).split(' '))
          if (isCode(code) && code.length >= 4 && BAREWORD.test(code)) codes.add(`keys : ${quote(code)}`)
    }
    // A letter typed twice ("lli" for Li, "Haddad" for Hadad): the word typed once, its normalized token too (a
    // two-letter name has no code long enough), as person matching scores it (`prepareSearch`). Not when it is
    // then a particle ("ell"): names are stored without their articles.
    const lower = word.toLocaleLowerCase()
    const single = undoubledLatin(lower)
    if (single === lower || isParticleWord(single)) continue
    for (const key of searchKeysOfNames([single]).split(' '))
      if ((isCode(key) ? key.length >= 4 : key.length >= 2) && BAREWORD.test(key))
        codes.add(`keys : ${quote(key)}`)
  }
  return [...codes]
}
