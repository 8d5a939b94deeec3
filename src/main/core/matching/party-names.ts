/**
 * How a name on either side of the conflict check is prepared and keyed. People are compared as written; units,
 * organizations and states without the words that only say what kind of body they are (generic-party-words.ts).
 * Between two people a hit needs 0.75, which takes two tokens meeting (person matching's keys, two tokens or a
 * whole-name key); when either side is a unit, organization or state a hit needs 0.5, which one token can reach
 * ("Assad Brigade" ~ "Bashar al-Assad" 0.68), so one shared token key is enough to be scored.
 */
import type { TAdversePartyKind } from '../../../shared/cases/vocabulary'
import {
  consonantSkeleton,
  preparePerson,
  tokenSearchKeys,
  wholeNameSearchKeys,
  type PreparedPerson,
} from '../person-matching'
import type { PreparedToken } from '../person-matching/prepare'
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
 * Homs, Мухаммед ~ Muhammad): the skeleton with "kh" read as "h" is a key too.
 */
const cyrillicKhSkeleton = (token: PreparedToken): string | null => {
  if (!token.text.includes('kh')) return null
  const skeleton = consonantSkeleton(token.text.replaceAll('kh', 'h'))
  return skeleton.length >= 2 ? `sk:${skeleton}` : null
}

/** The first letters of a token, as a key: "pre:syri" for "Syria" and "Syrian". */
export const prefixKey = (token: PreparedToken): string | null =>
  token.text.length >= PREFIX_LENGTH ? `pre:${token.text.slice(0, PREFIX_LENGTH)}` : null

/**
 * One token's keys for the two-token rule between people: person matching's, and the first four letters ("Syria"
 * ~ "Syrian" 0.79 as names run together, and no sound or skeleton in common).
 */
export const personTokenKeys = (token: PreparedToken): string[] => {
  const keys = tokenSearchKeys(token)
  for (const form of [token, token.variant]) {
    if (form === null) continue
    for (const key of [prefixKey(form), cyrillicKhSkeleton(form)])
      if (key !== null && !keys.includes(key)) keys.push(key)
  }
  return keys
}

const addTokenKeys = (token: PreparedToken, keys: Set<string>): void => {
  if (token.text.length < SHORT_TOKEN) {
    if (token.text.length >= 2) keys.add(`tok:${token.text}`)
    // Two consonants from an abjad ("أسد" → "sd") are a skeleton that vowelled spellings share ("Assad").
    if (token.skeleton.length >= 2) keys.add(`sk:${token.skeleton}`)
  } else {
    for (const key of tokenSearchKeys({ ...token, variant: null })) keys.add(key)
    for (const key of [prefixKey(token), cyrillicKhSkeleton(token)]) if (key !== null) keys.add(key)
  }
  if (token.variant !== null) addTokenKeys(token.variant, keys)
}

/**
 * The keys one shared token (or the whole name run together) is enough for: every token's normalized, sound and
 * skeleton keys (person matching's, from the same transliterated Latin form), its first four letters and its
 * skeleton with a Cyrillic "kh" read as "h", and the whole-name keys. A unit, organization or state is keyed without its generic words, as it is compared.
 */
export const singleTokenKeys = (person: PreparedPerson): string[] => {
  const keys = new Set<string>()
  for (const name of person.names) {
    for (const token of name.tokens) addTokenKeys(token, keys)
    for (const key of wholeNameSearchKeys(name)) keys.add(key)
  }
  return [...keys]
}
