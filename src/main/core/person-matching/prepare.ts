/**
 * A person reduced once to everything the matcher compares, so that scoring one intake against many
 * stored people does not transliterate and encode the same names again and again.
 */
import { analyzeName, withoutAttachedArticle } from './normalize'
import { consonantSkeleton, phoneticKeys } from './phonetic'
import { emailKeys, phoneKeys, readBirthDate, type BirthDate } from './evidence'
import { letterMask, letterPlanes, soundMask } from './token-masks'
import type { Person } from './types'

/** Names beyond this many per person are ignored (a guard against hostile input, not a real limit). */
export const MAX_NAMES_PER_PERSON = 20

export type PreparedToken = {
  text: string
  phonetic: string[]
  skeleton: string
  /** The token without an attached article ("alhasan" → "hasan"), compared as an alternative. */
  variant: PreparedToken | null
  /** The letters the text has, as bits (token-masks.ts): bounds its edit similarity to another token. */
  letters: number
  /** One bit per sound-alike key (token-masks.ts): no bit in common, no key in common. */
  sounds: number
  /** The letters the skeleton has, as bits: bounds the skeletons' edit similarity. */
  skeletonLetters: number
}

/** A prepared token from its parts (the masks made here, so every token has them, whoever builds it). */
export const makeToken = (
  text: string,
  phonetic: string[],
  skeleton: string,
  variant: PreparedToken | null,
): PreparedToken => ({
  text,
  phonetic,
  skeleton,
  variant,
  letters: letterMask(text),
  sounds: soundMask(phonetic),
  skeletonLetters: letterMask(skeleton),
})

export type PreparedName = {
  /** The name as written. */
  written: string
  tokens: PreparedToken[]
  /** Token texts run together in written, reversed and sorted order: meets "Alireza" with "Ali Reza". */
  joinedForms: string[]
  isFromAbjad: boolean
  /**
   * The letters of the joined forms (the same letters in three orders), as counted planes (token-masks.ts's
   * `LetterPlanes`), held as the name's own fields rather than an object: 200,000 declared names hold them.
   */
  joinedOnce: number
  joinedTwice: number
  joinedThrice: number
  joinedBeyond: number
}

/** A prepared name from its parts (the joined forms' letters counted here, whoever builds it). */
export const makeName = (
  written: string,
  tokens: PreparedToken[],
  joinedForms: string[],
  isFromAbjad: boolean,
): PreparedName => {
  const planes = letterPlanes(joinedForms[0] ?? '')
  return {
    written,
    tokens,
    joinedForms,
    isFromAbjad,
    joinedOnce: planes.once,
    joinedTwice: planes.twice,
    joinedThrice: planes.thrice,
    joinedBeyond: planes.beyond,
  }
}

export type PreparedPerson = {
  kind: 'prepared-person'
  source: Person
  names: PreparedName[]
  birth: BirthDate
  phones: string[]
  emails: string[]
}

const prepareToken = (text: string): PreparedToken => {
  const stripped = withoutAttachedArticle(text)
  return makeToken(
    text,
    phoneticKeys(text),
    consonantSkeleton(text),
    stripped === null ? null : prepareToken(stripped),
  )
}

/** Options for preparing names that are not people's (units, organizations, states): see `preparePerson`. */
export type PrepareOptions = {
  /**
   * Tokens (normalized Latin, as `analyzeName` gives them) left out of the comparison, unless a name has nothing
   * else: "Army", "Brigade" or "Ministry" say nothing about which army, brigade or ministry.
   */
  dropTokens?: ReadonlySet<string>
}

const prepareName = (written: string, options: PrepareOptions): PreparedName | null => {
  const analyzed = analyzeName(written)
  const drop = options.dropTokens
  const kept = drop === undefined ? analyzed.tokens : analyzed.tokens.filter((token) => !drop.has(token))
  const tokens = kept.length > 0 ? kept : analyzed.tokens
  if (tokens.length === 0) return null
  const sorted = kept.length === analyzed.tokens.length ? analyzed.sorted : [...tokens].sort()
  const joinedForms = new Set([tokens.join(''), [...tokens].reverse().join(''), sorted.join('')])
  return makeName(written, tokens.map(prepareToken), [...joinedForms], analyzed.isFromAbjad)
}

export const isPreparedPerson = (value: Person | PreparedPerson): value is PreparedPerson =>
  typeof value === 'object' && value !== null && (value as Partial<PreparedPerson>).kind === 'prepared-person'

/** Prepares a person for repeated comparison. Accepts anything (never throws); junk is ignored. */
export const preparePerson = (
  person: Person | PreparedPerson,
  options: PrepareOptions = {},
): PreparedPerson => {
  if (isPreparedPerson(person)) return person
  const source: Partial<Person> = typeof person === 'object' && person !== null ? person : {}
  const written = Array.isArray(source.names) ? source.names.slice(0, MAX_NAMES_PER_PERSON) : []
  const names: PreparedName[] = []
  const seen = new Set<string>()
  for (const name of written) {
    if (typeof name !== 'string') continue
    const prepared = prepareName(name, options)
    const identity = prepared?.tokens.map((token) => token.text).join(' ')
    if (prepared === null || identity === undefined || seen.has(identity)) continue
    seen.add(identity)
    names.push(prepared)
  }
  return {
    kind: 'prepared-person',
    source: person,
    names,
    birth: readBirthDate(source.dateOfBirth, source.birthYear),
    phones: phoneKeys(source.phones),
    emails: emailKeys(source.emails),
  }
}
