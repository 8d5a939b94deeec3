/**
 * A person's prepared names (tokens, sound-alike codes, skeletons, attached-article variants) as stored text, so a
 * search scoring 150 candidates reads and compares them instead of transliterating and encoding every name again.
 * Compact JSON arrays: at 100,000 cases every byte is paid 100,000 times. Vault only: as sensitive as the names.
 */
import { makeName, makeToken, type PreparedName, type PreparedToken } from './prepare'

/**
 * Bumped whenever preparing a name changes (normalize, transliterate, phonetic, prepare): text stored under another
 * version is not read (`readStoredNames` returns null) and the reader prepares the names afresh instead.
 */
export const STORED_NAMES_VERSION = 1

/** [text, skeleton, phonetic codes, variant without the attached article or 0]. */
type TStoredToken = [string, string, string[], TStoredToken | 0]
/** [written, 1 when from an abjad, tokens, a caller's tag (which of the person's names this is)]. */
type TStoredName = [string, 0 | 1, TStoredToken[], string]

const storedToken = (token: PreparedToken): TStoredToken => [
  token.text,
  token.skeleton,
  token.phonetic,
  token.variant === null ? 0 : storedToken(token.variant),
]

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')

function readToken(value: unknown): PreparedToken | null {
  if (!Array.isArray(value) || value.length !== 4) return null
  const [text, skeleton, phonetic, variant] = value as unknown[]
  if (typeof text !== 'string' || typeof skeleton !== 'string' || !isStrings(phonetic)) return null
  const readVariant = variant === 0 ? null : readToken(variant)
  if (variant !== 0 && readVariant === null) return null
  return makeToken(text, phonetic, skeleton, readVariant)
}

/** The three run-together forms `prepareName` makes: written order, reversed, sorted. */
const joinedFormsOf = (texts: readonly string[]): string[] => [
  ...new Set([texts.join(''), [...texts].reverse().join(''), [...texts].sort().join('')]),
]

/** A prepared name with the caller's tag (e.g. 'alias'), as the store gives it back. */
export type TaggedName = { name: PreparedName; tag: string }

/** Names as stored text, each with its tag (for the case search: which of the person's names it is). */
export function storeNames(names: readonly TaggedName[]): string {
  const stored: TStoredName[] = names.map(({ name, tag }) => [
    name.written,
    name.isFromAbjad ? 1 : 0,
    name.tokens.map(storedToken),
    tag,
  ])
  return JSON.stringify([STORED_NAMES_VERSION, stored])
}

/**
 * The names `storeNames` wrote, or null when the text is not that (another version, damaged, empty): never throws,
 * so a bad row costs only its own preparing again.
 */
export function readStoredNames(text: string): TaggedName[] | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  if (!Array.isArray(parsed) || parsed[0] !== STORED_NAMES_VERSION || !Array.isArray(parsed[1])) return null
  const names: TaggedName[] = []
  for (const item of parsed[1] as unknown[]) {
    if (!Array.isArray(item) || item.length !== 4) return null
    const [written, abjad, tokens, tag] = item as unknown[]
    if (typeof written !== 'string' || typeof tag !== 'string' || !Array.isArray(tokens)) return null
    const read = tokens.map(readToken)
    if (read.length === 0 || read.some((token) => token === null)) return null
    const prepared = read as PreparedToken[]
    names.push({
      tag,
      name: makeName(written, prepared, joinedFormsOf(prepared.map((token) => token.text)), abjad === 1),
    })
  }
  return names
}
