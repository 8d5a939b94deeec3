/**
 * Name normalization: one spelling-independent token list per written name, whatever the script,
 * case, accents, punctuation, particles or token order.
 */
import { isAbjadText, toLatin } from './transliterate'

/** Longer names are cut: no real name is longer, and the cut keeps matching fast on hostile input. */
export const MAX_NAME_LENGTH = 200
/** Tokens beyond this are ignored for the same reason. */
export const MAX_TOKENS_PER_NAME = 12

/**
 * Articles ("the"): dropped wherever they stand alone, in any position. Sun-letter forms (ad-Din,
 * ar-Rahman, as-Sayed) are included; "an" is not, because An is a Vietnamese given name.
 */
const ARTICLES = new Set([
  'al',
  'el',
  'ul',
  'il',
  'ad',
  'ar',
  'as',
  'ash',
  'at',
  'az',
  'ed',
  'er',
  'es',
  'ez',
])
/** "son/daughter of": dropped, except "ben" as the first token (Ben is also a given name). */
const PATRONYMICS = new Set(['bin', 'ben', 'ibn', 'bint', 'binti', 'ould'])
/** European and other nobiliary or locative particles: dropped. */
const LOCATIVES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'das',
  'dos',
  'do',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'zu',
])
/**
 * Servant-of and father-of prefixes: joined to the following name and spelled one way, so
 * "Abd al-Rahman", "Abdel Rahman" and "Abdulrahman" all become "abdrahman".
 */
const JOINING_PREFIXES = new Map([
  ['abd', 'abd'],
  ['abdul', 'abd'],
  ['abdel', 'abd'],
  ['abdal', 'abd'],
  ['abdol', 'abd'],
  ['abdoul', 'abd'],
  ['abu', 'abu'],
  ['abou', 'abu'],
  ['abo', 'abu'],
])
/** The same prefixes written as part of one word; the rest must be a name of at least three letters. */
const JOINED_PREFIX = /^(?:(abd)(?:ul|el|al|ol|oul|u)?|(abu|abou))([a-z]{3,})$/
/** An article written attached to the name ("Alhasan", "Elsayed"): offered as a variant, never removed. */
const ATTACHED_ARTICLE = /^(?:al|el)([a-z]{3,})$/

/** Marks, format characters (bidi marks, zero-width joiners), symbols, emoji and unpaired surrogates. */
const INVISIBLE_OR_SYMBOL = /[\p{Cf}\p{Cc}\p{Cs}\p{Co}\p{S}\p{Extended_Pictographic}]/gu
const COMBINING_MARK = /\p{M}/gu
const APOSTROPHE = /['`’‘ʼʻʾʿ´]/g
const NOT_LETTER = /[^a-z]+/g

/** A written name reduced to comparable tokens. */
export type AnalyzedName = {
  /** Tokens in written order, particles handled. */
  tokens: string[]
  /** The same tokens sorted, so token order does not matter. */
  sorted: string[]
  /** Written (at least partly) in a script without short vowels, e.g. Arabic or Hebrew. */
  isFromAbjad: boolean
}

/** Lowercase ASCII letters and spaces, from any input string (never throws). */
export const foldToLatin = (text: string): string => {
  const cut = typeof text === 'string' ? text.slice(0, MAX_NAME_LENGTH * 2) : ''
  const visible = cut.normalize('NFKC').replace(INVISIBLE_OR_SYMBOL, ' ')
  return toLatin(visible)
    .normalize('NFD')
    .replace(COMBINING_MARK, '')
    .toLowerCase()
    .replace(APOSTROPHE, '')
    .replace(NOT_LETTER, ' ')
    .trim()
    .slice(0, MAX_NAME_LENGTH)
}

/** True when a lone word is an article, a "son of" or a nobiliary particle: a name's tokens drop it. */
export const isParticleWord = (token: string): boolean =>
  ARTICLES.has(token) || LOCATIVES.has(token) || PATRONYMICS.has(token)

const isParticle = (token: string, position: number): boolean =>
  ARTICLES.has(token) ||
  LOCATIVES.has(token) ||
  (PATRONYMICS.has(token) && !(token === 'ben' && position === 0))

/** Joins "abd"/"abu" to the next real name and spells joined forms one way. */
const joinPrefixes = (tokens: string[]): string[] => {
  const joined: string[] = []
  const spellJoined = (token: string): string => {
    const match = JOINED_PREFIX.exec(token)
    return match === null ? token : `${match[1] ?? 'abu'}${match[3] ?? ''}`
  }
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] ?? ''
    const prefix = JOINING_PREFIXES.get(token)
    if (prefix !== undefined) {
      let next = index + 1
      while (next < tokens.length && ARTICLES.has(tokens[next] ?? '')) next++
      const name = tokens[next]
      if (name !== undefined && !JOINING_PREFIXES.has(name)) {
        // "abd" + "allah" → "abdallah" → "abdlah", the same as "Abdullah".
        joined.push(spellJoined(prefix + name))
        index = next
        continue
      }
    }
    joined.push(spellJoined(token))
  }
  return joined
}

/** Full analysis of one written name: tokens in order and sorted, and whether it came from an abjad. */
export const analyzeName = (text: string): AnalyzedName => {
  const folded = foldToLatin(text)
  const raw = folded === '' ? [] : folded.split(' ').slice(0, MAX_TOKENS_PER_NAME * 2)
  const joined = joinPrefixes(raw)
  const withoutParticles = joined.filter((token, position) => !isParticle(token, position))
  // A name made only of particles ("Al", "Van Der") keeps them rather than vanishing.
  const tokens = (withoutParticles.length > 0 ? withoutParticles : joined).slice(0, MAX_TOKENS_PER_NAME)
  return {
    tokens,
    sorted: [...tokens].sort(),
    isFromAbjad: typeof text === 'string' && isAbjadText(text.slice(0, MAX_NAME_LENGTH * 2)),
  }
}

/**
 * Normalizes a name in any script to sorted lowercase Latin tokens:
 * "Mohammed Al-Hassan" → ["hassan", "mohammed"], "Abd al-Rahman" → ["abdrahman"].
 */
export const normalizeName = (text: string): string[] => analyzeName(text).sorted

/** The name without an attached article ("alhasan" → "hasan"), or null when there is none. */
export const withoutAttachedArticle = (token: string): string | null => {
  const match = ATTACHED_ARTICLE.exec(token)
  return match === null ? null : (match[1] ?? null)
}
