/**
 * Turns what a person typed into the search box into an FTS5 query over case_search. Every word must match
 * (AND); a word matches when it begins a name as written (any script, accents ignored), the same name in Latin
 * letters, a reference number part, or a word of the notes, or when it sounds like or is spelled like a name
 * (Double Metaphone and consonant-skeleton keys). Input is never spliced into the query unquoted.
 */
import { toLatin } from '../person-matching'
import { searchKeysOfNames } from './case-records'

/** Words beyond this many are ignored: a guard against pasted paragraphs. */
const MAX_WORDS = 8

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`

/** FTS5 barewords: only letters and digits, safe unquoted. */
const BAREWORD = /^[\p{L}\p{N}]+$/u

/**
 * Sound-alike ('dm…') and skeleton ('sk…') codes of one or two letters are shared by a large part of any caseload
 * ("zzzzqqq" has the skeleton "sk"): such a code would turn nonsense into matches, so only longer codes are used.
 */
const isShortCode = (key: string): boolean => (key.startsWith('dm') || key.startsWith('sk')) && key.length < 5

/** True when a word has letters or digits in it (a lone "-" or "'" would match everything or nothing). */
const hasContent = (word: string): boolean => /[\p{L}\p{N}]/u.test(word)

/** The FTS5 MATCH expression for a search, or null when the search has nothing to look for. */
export function buildSearchQuery(search: string): string | null {
  const words = search
    .normalize('NFC')
    .split(/[\s,;]+/u)
    .map((word) => word.trim())
    .filter(hasContent)
    .slice(0, MAX_WORDS)
  if (words.length === 0) return null
  const clauses = words.map((word) => {
    const lower = word.toLocaleLowerCase()
    const alternatives = [
      `reference : ${quote(lower)}*`,
      `names : ${quote(lower)}*`,
      `notes : ${quote(lower)}*`,
    ]
    const latin = toLatin(word).toLowerCase().trim()
    if (latin !== '' && hasContent(latin)) alternatives.push(`latin : ${quote(latin)}*`)
    const keys = searchKeysOfNames([word])
      .split(' ')
      .filter((key) => key !== '' && BAREWORD.test(key) && !isShortCode(key))
    if (keys.length > 0) alternatives.push(`keys : (${keys.map(quote).join(' OR ')})`)
    return `(${alternatives.join(' OR ')})`
  })
  return clauses.join(' AND ')
}
