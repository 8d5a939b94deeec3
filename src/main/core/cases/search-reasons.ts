/**
 * Why the exact search found a case, word by word, for the row to say ("alias “Abu Sami”", "name in Arabic
 * script", "city: Montréal", "in a note"). The index is contentless, so it cannot tell which column a word met:
 * each word is checked here against what the case shows (reference, names, city) the way the index compares
 * (beginning of a word, accents ignored, Latin letters, normalized name tokens); a word that meets none of them was
 * met in the notes, which `isInNotes` confirms from the index. A note's text is never read or shown.
 */
import {
  SEARCH_REASON_KINDS,
  type TSearchReason,
  type TSearchReasonKind,
} from '../../../shared/contract/cases'
import { intakeNames } from '../../../shared/cases/intake-schema'
import { scriptOfName } from '../../../shared/cases/name-scripts'
import type { CaseListQueries } from './case-list-queries'
import type { TProfile, TPersonRecord } from './case-records'
import type { TCaseListRecord } from './case-rows'
import { exactKeysOf, latinOf, notesQueryOf, wordsOf } from './case-search'
import { parse } from './case-views'
import { toLatin } from '../person-matching'

/** Lower case, accents off, split into words: unicode61 with remove_diacritics, as the index tokenizes. */
const tokensOf = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '')

/** FTS5's `"word"*`: the word's tokens in a row, the last one begun, somewhere in the text. */
function beginsWithin(word: string, text: string): boolean {
  const wanted = tokensOf(word)
  const tokens = tokensOf(text)
  if (wanted.length === 0) return false
  const last = wanted.length - 1
  for (let start = 0; start + last < tokens.length; start += 1) {
    let isMet = true
    for (let index = 0; index <= last && isMet; index += 1) {
      const token = tokens[start + index] ?? ''
      const part = wanted[index] ?? ''
      isMet = index === last ? token.startsWith(part) : token === part
    }
    if (isMet) return true
  }
  return false
}

/** A name meets a word as the index's names, latin and keys columns would. */
function nameMeets(word: string, name: string): boolean {
  if (beginsWithin(word, name)) return true
  const latin = latinOf(word)
  if (latin !== '' && beginsWithin(latin, toLatin(name))) return true
  const keys = exactKeysOf(word)
  if (keys.length === 0) return false
  const nameKeys = new Set(exactKeysOf(name))
  return keys.some((key) => nameKeys.has(key))
}

/** What the row says about a case found under one of its names (or a name spelled otherwise). */
export function nameReason(person: TPersonRecord, name: string, spelledOtherwise: boolean): TSearchReason {
  const legal = [person.givenNames.trim(), person.familyName.trim()].filter(Boolean).join(' ')
  let kind: TSearchReasonKind = 'name'
  if (name !== legal && name !== person.preferredName.trim()) {
    if (name === person.originalScriptName.trim()) kind = 'originalScript'
    else if (person.aliases.some((alias) => alias.trim() === name)) kind = 'alias'
  }
  return {
    kind,
    text: kind === 'originalScript' ? '' : name,
    script: scriptOfName(name),
    spelledOtherwise,
  }
}

/** What an exact hit needs to be explained. */
export type TExactHit = { reference: string; city: string; person: TPersonRecord }

/** Every word's reason, one per kind (the first word's), in the order of SEARCH_REASON_KINDS. */
export function exactReasons(
  search: string,
  hit: TExactHit,
  isInNotes: (word: string) => boolean,
): TSearchReason[] {
  const found = new Map<TSearchReasonKind, TSearchReason>()
  const add = (reason: TSearchReason): void => {
    if (!found.has(reason.kind)) found.set(reason.kind, reason)
  }
  const names = intakeNames(hit.person)
  for (const word of wordsOf(search)) {
    if (beginsWithin(word, hit.reference)) {
      add({ kind: 'reference', text: '', script: 'Latn', spelledOtherwise: false })
      continue
    }
    // As typed first ("رانية" is the name in Arabic script, though its Latin letters meet the legal name too).
    const name =
      names.find((candidate) => beginsWithin(word, candidate)) ??
      names.find((candidate) => nameMeets(word, candidate))
    if (name !== undefined) {
      add(nameReason(hit.person, name, false))
      continue
    }
    if (hit.city !== '' && beginsWithin(word, hit.city)) {
      add({ kind: 'city', text: hit.city, script: scriptOfName(hit.city), spelledOtherwise: false })
      continue
    }
    // The index met it, and not in the reference, a name or the city: in a note, unless the index tokenizes a
    // name in a way the checks above do not (then the name shown is the honest answer).
    if (isInNotes(word)) add({ kind: 'note', text: '', script: 'Latn', spelledOtherwise: false })
    else add(nameReason(hit.person, names[0] ?? '', false))
  }
  return SEARCH_REASON_KINDS.flatMap((kind) => found.get(kind) ?? [])
}

/** The reasons for a page of exact hits, by rowid: one read of their profiles, one notes query per word at most. */
export function explainExactHits(
  queries: CaseListQueries,
  search: string,
  rows: readonly TCaseListRecord[],
): Map<number, TSearchReason[]> {
  const rowids = rows.map((row) => row.rowid)
  const profiles = queries.profilesOf(rowids)
  const inNotes = new Map<string, Set<number>>()
  const notesHolding = (word: string): Set<number> => {
    let holders = inNotes.get(word)
    if (holders === undefined) {
      holders = queries.withNotesMatching(notesQueryOf(word), rowids)
      inNotes.set(word, holders)
    }
    return holders
  }
  const reasons = new Map<number, TSearchReason[]>()
  for (const row of rows) {
    const profile = profiles.get(row.rowid)
    if (profile === undefined) continue
    const { person } = parse<TProfile>(profile)
    const hit = { reference: row.reference, city: row.city, person }
    reasons.set(
      row.rowid,
      exactReasons(search, hit, (word) => notesHolding(word).has(row.rowid)),
    )
  }
  return reasons
}
