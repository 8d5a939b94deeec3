/**
 * Sound-alike keys for one normalized Latin token: Double Metaphone (for Latin spellings of the same
 * sound) and a consonant skeleton (for names that arrive without vowels, as Arabic script does).
 */
import { doubleMetaphone } from 'double-metaphone'

/** Double Metaphone primary and alternate keys, without duplicates or empties. */
export const phoneticKeys = (token: string): string[] => {
  if (token.length === 0) return []
  const [primary, alternate] = doubleMetaphone(token)
  const keys = primary === '' ? [] : [primary]
  if (alternate !== '' && alternate !== primary) keys.push(alternate)
  return keys
}

/**
 * Letter groups that romanizations of the same sound disagree on, rewritten to one letter. Order matters:
 * longer groups first. Chosen for the names CCIJ sees most (Arabic, Persian, Russian, Ethiopian):
 * sh/sch → s (not zh: Arabic z+h, as in Zahra, is more common than Persian ژ); kh/ch/ck/q/c/x → k (خ, х, ق; "ch" read as in Michael, not as in Charles);
 * dh (ذ ظ) and z → s; th (ث) → t; ph/v → f; gh/g → j (Gamal/Jamal, ج); p → b (Arabic has neither
 * p nor v).
 */
const EQUIVALENTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/sch|sh/g, 's'],
  [/kh|ch|ck|q|c|x/g, 'k'],
  [/dh|z/g, 's'],
  [/th/g, 't'],
  [/ph|v/g, 'f'],
  [/gh|g/g, 'j'],
  [/p/g, 'b'],
]
/** Vowels and the letters that Arabic uses as vowels (و ي become w y; Latin writes u/o and i/e). */
const VOWELS = /[aeiouyw]/g
const DOUBLED = /(.)\1+/g

/**
 * Consonant skeleton: equivalents folded, vowels (and w, y) dropped, doubled letters collapsed, a final
 * h dropped (ة, -ah/-a endings): "mohammed" → "mhmd", "mhmd" → "mhmd", "yousef" → "sf", "fatimah" → "ftm".
 */
export const consonantSkeleton = (token: string): string => {
  let skeleton = token
  for (const [pattern, replacement] of EQUIVALENTS) skeleton = skeleton.replace(pattern, replacement)
  skeleton = skeleton.replace(VOWELS, '').replace(DOUBLED, '$1')
  return skeleton.length > 1 && skeleton.endsWith('h') ? skeleton.slice(0, -1) : skeleton
}
