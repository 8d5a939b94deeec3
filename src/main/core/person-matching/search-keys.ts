/**
 * Blocking keys: a stored person is fetched as a candidate when it shares at least one key with the new
 * intake, then scored in full. Keys are as sensitive as the names they come from: vault only.
 */
import { preparePerson, type PreparedName, type PreparedPerson, type PreparedToken } from './prepare'
import type { Person } from './types'

/**
 * Receives one key as its prefix and the rest (the key is `prefix + text`), so that a caller hashing keys (the
 * conflict index, 3 million keys for 200,000 names) makes no string per key. Keys may come more than once.
 */
export type TKeyVisit = (prefix: string, text: string) => void

/** The token's own 'tok:', 'dm:' and 'sk:' keys, without its article-free variant's. */
export const eachOwnTokenKey = (token: PreparedToken, visit: TKeyVisit): void => {
  if (token.text.length >= 2) visit('tok:', token.text)
  for (const phonetic of token.phonetic) if (phonetic.length >= 2) visit('dm:', phonetic)
  if (token.skeleton.length >= 2) visit('sk:', token.skeleton)
}

/** One token's keys ('tok:', 'dm:', 'sk:'), then its article-free variant's. */
export const eachTokenSearchKey = (token: PreparedToken, visit: TKeyVisit): void => {
  eachOwnTokenKey(token, visit)
  if (token.variant !== null) eachTokenSearchKey(token.variant, visit)
}

/** Keys as strings into a set, in the order visited (the first of each). */
export const keysInto =
  (keys: Set<string>): TKeyVisit =>
  (prefix, text) =>
    keys.add(prefix + text)

/** One token's keys ('tok:', 'dm:', 'sk:', its article-free variant's too): for blocking that counts tokens met. */
export const tokenSearchKeys = (token: PreparedToken): string[] => {
  const keys = new Set<string>()
  eachTokenSearchKey(token, keysInto(keys))
  return [...keys]
}

/** A name's whole-name keys: 'name:' its tokens sorted, then 'join:' each of its tokens run together. */
export const eachWholeNameKey = (name: PreparedName, visit: TKeyVisit): void => {
  visit(
    'name:',
    name.tokens
      .map((token) => token.text)
      .sort()
      .join(' '),
  )
  for (const joined of name.joinedForms) visit('join:', joined)
}

/** A name's whole-name keys ('name:' sorted tokens, 'join:' tokens run together). */
export const wholeNameSearchKeys = (name: PreparedName): string[] => {
  const keys: string[] = []
  eachWholeNameKey(name, (prefix, text) => keys.push(prefix + text))
  return keys
}

/**
 * Normalized-token ('tok:'), Double Metaphone ('dm:'), consonant-skeleton ('sk:'), whole-name ('name:'),
 * names-run-together ('join:'), phone ('tel:', last 9 digits) and email ('mail:') keys for one person.
 */
export const buildSearchKeys = (person: Person | PreparedPerson): string[] => {
  const prepared = preparePerson(person)
  const keys = new Set<string>()
  const visit = keysInto(keys)
  for (const name of prepared.names) {
    for (const token of name.tokens) eachTokenSearchKey(token, visit)
    eachWholeNameKey(name, visit)
  }
  for (const phone of prepared.phones) keys.add(`tel:${phone}`)
  for (const email of prepared.emails) keys.add(`mail:${email}`)
  return [...keys]
}
