/**
 * Why the exact search found a case, word by word, for the row to say ("alias “Abu Sami”", "name in Arabic
 * script", "city: Montréal", "in a note"). The index is contentless, so it cannot tell which column a word met:
 * each word is checked here against what the case shows (reference, names, city) the way the index compares
 * (beginning of a word, accents ignored, Latin letters); a word none of them meets is asked of the index's notes
 * column (one query per such word for the whole page), and failing that was a normalized name token. A note's text
 * is never read or shown.
 */
import {
  SEARCH_REASON_KINDS,
  type TSearchReason,
  type TSearchReasonKind,
} from '../../../shared/contract/cases'
import { intakeNames } from '../../../shared/cases/intake-schema'
import { scriptOfName } from '../../../shared/cases/name-scripts'
import type { CaseListQueries } from './case-list-queries'
import { nameKindOf, type TNamedPerson } from './case-names'
import type { TCaseListRecord } from './case-rows'
import { exactKeysOf, isWholeWordOnly, latinOf, notesQueryOf, wordsOf } from './case-search'
import { toLatin } from '../person-matching'

/** Lower case, accents off, split into words: unicode61 with remove_diacritics, as the index tokenizes. */
const tokensOf = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '')

/**
 * What the checks derive from a word or a text (its tokens, Latin letters, normalized keys), kept for one page: its
 * 100 cases are checked against the same words, and share many names and cities.
 */
export class ReasonMemo {
  private readonly tokens = new Map<string, string[]>()
  private readonly latinWords = new Map<string, string>()
  private readonly latinNames = new Map<string, string>()
  private readonly keys = new Map<string, string[]>()

  private static cached<T>(cache: Map<string, T>, text: string, make: (text: string) => T): T {
    let value = cache.get(text)
    if (value === undefined) {
      value = make(text)
      cache.set(text, value)
    }
    return value
  }

  tokensOf(text: string): string[] {
    return ReasonMemo.cached(this.tokens, text, tokensOf)
  }

  /** A search word in Latin letters, as the index's latin column is queried (`latinOf`). */
  latinOfWord(word: string): string {
    return ReasonMemo.cached(this.latinWords, word, latinOf)
  }

  /** A name in Latin letters, as the index's latin column holds it. */
  latinOfName(name: string): string {
    return ReasonMemo.cached(this.latinNames, name, toLatin)
  }

  keysOf(text: string): string[] {
    return ReasonMemo.cached(this.keys, text, exactKeysOf)
  }
}

/**
 * FTS5's `"word"*`: the word's tokens in a row, the last one begun, somewhere in the text; `isWhole` (a word the
 * search asks for whole, see `isWholeWordOnly`), `"word"`: the last one whole too.
 */
function beginsWithin(
  memo: ReasonMemo,
  word: string,
  text: string,
  isWhole = isWholeWordOnly(word),
): boolean {
  const wanted = memo.tokensOf(word)
  const tokens = memo.tokensOf(text)
  if (wanted.length === 0) return false
  const last = wanted.length - 1
  for (let start = 0; start + last < tokens.length; start += 1) {
    let isMet = true
    for (let index = 0; index <= last && isMet; index += 1) {
      const token = tokens[start + index] ?? ''
      const part = wanted[index] ?? ''
      isMet = index === last && !isWhole ? token.startsWith(part) : token === part
    }
    if (isMet) return true
  }
  return false
}

/** A name meets a word in Latin letters, as the index's latin column would. */
function latinMeets(memo: ReasonMemo, word: string, name: string): boolean {
  const latin = memo.latinOfWord(word)
  return latin !== '' && beginsWithin(memo, latin, memo.latinOfName(name))
}

/** A name shares a normalized token with a word, as the index's keys column would. */
function keysMeet(memo: ReasonMemo, word: string, name: string): boolean {
  const keys = memo.keysOf(word)
  if (keys.length === 0) return false
  const nameKeys = new Set(memo.keysOf(name))
  return keys.some((key) => nameKeys.has(key))
}

/** What the row says about a case found under one of its names (or a name spelled otherwise). */
export const nameReason = (person: TNamedPerson, name: string, spelledOtherwise: boolean): TSearchReason =>
  reasonForName(nameKindOf(person, name), name, spelledOtherwise)

/** The same, when which of the person's names it is (`kind`) is already known. */
export const reasonForName = (
  kind: TSearchReasonKind,
  name: string,
  spelledOtherwise: boolean,
): TSearchReason => ({
  kind,
  text: kind === 'originalScript' ? '' : name,
  script: scriptOfName(name),
  spelledOtherwise,
})

/** What an exact hit needs to be explained. */
export type TExactHit = { reference: string; city: string; person: TNamedPerson }

/** Every word's reason, one per kind (the first word's), in the order of SEARCH_REASON_KINDS. */
export function exactReasons(
  search: string,
  hit: TExactHit,
  isInNotes: (word: string) => boolean,
  memo = new ReasonMemo(),
): TSearchReason[] {
  const found = new Map<TSearchReasonKind, TSearchReason>()
  const add = (reason: TSearchReason): void => {
    if (!found.has(reason.kind)) found.set(reason.kind, reason)
  }
  const names = intakeNames(hit.person)
  for (const word of wordsOf(search)) {
    if (beginsWithin(memo, word, hit.reference)) {
      add({ kind: 'reference', text: '', script: 'Latn', spelledOtherwise: false })
      continue
    }
    // As typed first ("رانية" is the name in Arabic script, though its Latin letters meet the legal name too).
    const name =
      names.find((candidate) => beginsWithin(memo, word, candidate)) ??
      names.find((candidate) => latinMeets(memo, word, candidate))
    if (name !== undefined) {
      add(nameReason(hit.person, name, false))
      continue
    }
    if (hit.city !== '' && beginsWithin(memo, word, hit.city)) {
      add({ kind: 'city', text: hit.city, script: scriptOfName(hit.city), spelledOtherwise: false })
      continue
    }
    if (isInNotes(word)) {
      add({ kind: 'note', text: '', script: 'Latn', spelledOtherwise: false })
      continue
    }
    // Not in the notes, so a normalized name token met it ("alhasan" ~ "Al-Hassan"): the costliest check, last.
    add(
      nameReason(
        hit.person,
        names.find((candidate) => keysMeet(memo, word, candidate)) ?? names[0] ?? '',
        false,
      ),
    )
  }
  return SEARCH_REASON_KINDS.flatMap((kind) => found.get(kind) ?? [])
}

/** The reasons for a page of exact hits, by rowid: one read of their names, one notes query per word at most. */
export function explainExactHits(
  queries: CaseListQueries,
  search: string,
  rows: readonly TCaseListRecord[],
): Map<number, TSearchReason[]> {
  const rowids = rows.map((row) => row.rowid)
  const people = queries.namedPeopleOf(rowids)
  const found = new Map<string, Set<number>>()
  /** The page's cases the index finds for this part of the search: asked once per word and part. */
  const holding = (match: string): Set<number> => {
    let holders = found.get(match)
    if (holders === undefined) {
      holders = queries.withNotesMatching(match, rowids)
      found.set(match, holders)
    }
    return holders
  }
  const reasons = new Map<number, TSearchReason[]>()
  const memo = new ReasonMemo()
  for (const row of rows) {
    const person = people.get(row.rowid)
    if (person === undefined) continue
    const hit = { reference: row.reference, city: row.city, person }
    reasons.set(
      row.rowid,
      exactReasons(search, hit, (word) => holding(notesQueryOf(word)).has(row.rowid), memo),
    )
  }
  return reasons
}
