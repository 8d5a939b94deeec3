/**
 * How a name on either side of the conflict check is prepared and keyed. People are compared as written; units,
 * organizations and states without the words that only say what kind of body they are (generic-party-words.ts).
 * Between two people a hit needs 0.75, which takes two tokens meeting (person matching's keys, two tokens or a
 * whole-name key); when either side is a unit, organization or state a hit needs 0.5, which one token can reach
 * ("Assad Brigade" ~ "Bashar al-Assad" 0.68), so one shared token key is enough to be scored.
 */
import type { TAdversePartyKind } from '../../../shared/cases/vocabulary'
import { consonantSkeleton, preparePerson, type PreparedPerson } from '../person-matching'
import type { PreparedToken } from '../person-matching/prepare'
import {
  eachOwnTokenKey,
  eachTokenSearchKey,
  eachWholeNameKey,
  keysInto,
  type TKeyVisit,
} from '../person-matching/search-keys'
import { GENERIC_PARTY_WORDS } from './generic-party-words'

const FOR_OTHERS = { dropTokens: GENERIC_PARTY_WORDS } as const

/** A party's names prepared for the conflict check: a unit, organization or state without its generic words. */
export const preparePartyNames = (kind: TAdversePartyKind, names: readonly string[]): PreparedPerson =>
  preparePerson({ names }, kind === 'person' ? {} : FOR_OTHERS)

/**
 * Tokens shorter than this give only their exact form and skeleton as keys: the sound of a two-letter token ("st",
 * "wu") would fetch thousands of names.
 */
const SHORT_TOKEN = 3
/** "Syria" and "Syrian", "Iraq" and "Iraqi": one letter apart at the end, no sound or skeleton in common. */
const PREFIX_LENGTH = 4

/**
 * Cyrillic "х" comes out as "kh" where Latin spellings of the same Arabic name write "h" (Хасан ~ Hassan, Хомс ~
 * Homs, Мухаммед ~ Muhammad): the skeleton with "kh" read as "h" is a key too ('sk:').
 */
const cyrillicKhSkeleton = (token: PreparedToken): string | null => {
  if (!token.text.includes('kh')) return null
  const skeleton = consonantSkeleton(token.text.replaceAll('kh', 'h'))
  return skeleton.length >= 2 ? skeleton : null
}

/**
 * The first four letters' key ("pre:syri" for "Syria" and "Syrian") and the Cyrillic "kh" skeleton's of one form of
 * a token.
 */
const eachExtraKey = (token: PreparedToken, visit: TKeyVisit): void => {
  if (token.text.length >= PREFIX_LENGTH) visit('pre:', token.text.slice(0, PREFIX_LENGTH))
  const skeleton = cyrillicKhSkeleton(token)
  if (skeleton !== null) visit('sk:', skeleton)
}

/**
 * One token's keys for the two-token rule between people (`personTokenKeys`), each as its prefix and text, maybe
 * more than once.
 */
export const eachPersonTokenKey = (token: PreparedToken, visit: TKeyVisit): void => {
  eachTokenSearchKey(token, visit)
  eachExtraKey(token, visit)
  if (token.variant !== null) eachExtraKey(token.variant, visit)
}

/**
 * One token's keys for the two-token rule between people: person matching's, and the first four letters ("Syria"
 * ~ "Syrian" 0.79 as names run together, and no sound or skeleton in common).
 */
export const personTokenKeys = (token: PreparedToken): string[] => {
  const keys = new Set<string>()
  eachPersonTokenKey(token, keysInto(keys))
  return [...keys]
}

/**
 * The keys one shared token is enough for (`singleTokenKeys`), each as its prefix and text, maybe more than once:
 * a short token's exact form and skeleton; a longer one's normalized, sound and skeleton keys, first four letters
 * and Cyrillic "kh" skeleton; then its article-free variant's, the same way.
 */
export const eachSingleTokenKey = (token: PreparedToken, visit: TKeyVisit): void => {
  if (token.text.length < SHORT_TOKEN) {
    if (token.text.length >= 2) visit('tok:', token.text)
    // Two consonants from an abjad ("أسد" → "sd") are a skeleton that vowelled spellings share ("Assad").
    if (token.skeleton.length >= 2) visit('sk:', token.skeleton)
  } else {
    eachOwnTokenKey(token, visit)
    eachExtraKey(token, visit)
  }
  if (token.variant !== null) eachSingleTokenKey(token.variant, visit)
}

/**
 * The keys one shared token (or the whole name run together) is enough for: every token's normalized, sound and
 * skeleton keys (person matching's, from the same transliterated Latin form), its first four letters and its
 * skeleton with a Cyrillic "kh" read as "h", and the whole-name keys. A unit, organization or state is keyed without its generic words, as it is compared.
 */
export const singleTokenKeys = (person: PreparedPerson): string[] => {
  const keys = new Set<string>()
  const visit = keysInto(keys)
  for (const name of person.names) {
    for (const token of name.tokens) eachSingleTokenKey(token, visit)
    eachWholeNameKey(name, visit)
  }
  return [...keys]
}
