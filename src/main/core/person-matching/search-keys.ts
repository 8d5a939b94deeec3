/**
 * Blocking keys: a stored person is fetched as a candidate when it shares at least one key with the new
 * intake, then scored in full. Keys are as sensitive as the names they come from: vault only.
 */
import { preparePerson, type PreparedName, type PreparedPerson, type PreparedToken } from './prepare'
import type { Person } from './types'

const tokenKeys = (token: PreparedToken, keys: Set<string>): void => {
  if (token.text.length >= 2) keys.add(`tok:${token.text}`)
  for (const phonetic of token.phonetic) if (phonetic.length >= 2) keys.add(`dm:${phonetic}`)
  if (token.skeleton.length >= 2) keys.add(`sk:${token.skeleton}`)
  if (token.variant !== null) tokenKeys(token.variant, keys)
}

/** One token's keys ('tok:', 'dm:', 'sk:', its article-free variant's too): for blocking that counts tokens met. */
export const tokenSearchKeys = (token: PreparedToken): string[] => {
  const keys = new Set<string>()
  tokenKeys(token, keys)
  return [...keys]
}

/** A name's whole-name keys ('name:' sorted tokens, 'join:' tokens run together). */
export const wholeNameSearchKeys = (name: PreparedName): string[] => [
  `name:${name.tokens
    .map((token) => token.text)
    .sort()
    .join(' ')}`,
  ...name.joinedForms.map((joined) => `join:${joined}`),
]

/**
 * Normalized-token ('tok:'), Double Metaphone ('dm:'), consonant-skeleton ('sk:'), whole-name ('name:'),
 * names-run-together ('join:'), phone ('tel:', last 9 digits) and email ('mail:') keys for one person.
 */
export const buildSearchKeys = (person: Person | PreparedPerson): string[] => {
  const prepared = preparePerson(person)
  const keys = new Set<string>()
  for (const name of prepared.names) {
    for (const token of name.tokens) tokenKeys(token, keys)
    for (const key of wholeNameSearchKeys(name)) keys.add(key)
  }
  for (const phone of prepared.phones) keys.add(`tel:${phone}`)
  for (const email of prepared.emails) keys.add(`mail:${email}`)
  return [...keys]
}
