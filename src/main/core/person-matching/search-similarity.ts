/**
 * How well words typed into the case list's search box name a person. The duplicate check compares two whole
 * people; a search names part of one ("Ranya", "Hadad Rania", "رانية"), so here only the words typed must each
 * meet a token of one of the person's names, by the same token comparison the duplicate check uses (spelling,
 * sound, consonant skeleton, transliteration, attached articles). Extra tokens of the stored name cost nothing.
 */
import {
  editSimilarity,
  nameSimilarity,
  tokenSimilarity,
  TOKEN_WEIGHTS,
  type TokenMemo,
} from './name-similarity'
import { preparePerson, type PreparedName, type PreparedPerson, type PreparedToken } from './prepare'

export const SEARCH_THRESHOLDS = {
  /**
   * Every word typed must meet a name token at least this well: 0.7 is the duplicate check's own floor for a
   * token to count as a reason (a skeleton match between two vowelled spellings is 0.75; "Zorb" ~ "Rania" is 0).
   */
  word: 0.7,
  /** And the words on average this well: a phonetic or abjad-skeleton match (0.88–0.9) passes, two weak ones do not. */
  match: 0.8,
  /**
   * A word typed in Latin letters must also be spelled at least this much like the token it meets: sound-alike
   * codes keep only the first few consonants, so "Wmycoi" sounds like "Miqe" to them, and a search is often one
   * word with nothing else to outweigh such a coincidence. Words typed in an abjad are exempt (their vowels are
   * guessed, so spelling says little).
   */
  spelling: 0.5,
  /**
   * What was typed with each doubled letter typed once (`prepareSearch`) scores this much of its match: a little
   * below the same match as typed, as the names run together do.
   */
  undoubled: 0.95,
} as const

/** A Latin letter typed twice or more in a row: a pair is typed once, a longer run left as it is ("Qaaaa"). */
const REPEATED_LATIN = /(\p{Script=Latin})\1+/gu
export const undoubledLatin = (text: string): string =>
  text.replace(REPEATED_LATIN, (run: string, letter: string) => (run.length === 2 ? letter : run))

/**
 * Words up to this long are undoubled for scoring: there one letter too many is a third of the word, under the word
 * floor ("lli" ~ "li" 0.67), while a longer word keeps two thirds and more of its spelling and meets its token as
 * typed. Undoubled, a longer random word came closer to real names ("nwwpyso" met "Nepus", 11 cases of 100,000).
 */
const SHORT_WORD = 3
const LETTERS = /\p{L}+/gu

/**
 * What was typed, prepared for `scoreSearch`: its names as typed, and `undoubled`, the same with every doubled
 * Latin letter of a short word typed once (empty when none is doubled). A letter typed twice is the commonest slip the duplicate
 * check forgives in a whole name but a search, word by word, would not: "Gang lli" (Li: "lli" meets "li" at 0.67,
 * under the word floor) or an article typed with its letter doubled, "Hasan ell zajouzad", where "ell" is no
 * article and meets no token of "Hasan El-Zajouzad" (undoubled, "el" is dropped as the article it is).
 */
export type PreparedSearch = Pick<PreparedPerson, 'names'> & { undoubled: PreparedName[] }

export const prepareSearch = (search: string): PreparedSearch => {
  const typed = preparePerson({ names: [search] })
  const lower = search.toLocaleLowerCase()
  const single = lower.replace(LETTERS, (word) => (word.length <= SHORT_WORD ? undoubledLatin(word) : word))
  return { names: typed.names, undoubled: single === lower ? [] : preparePerson({ names: [single] }).names }
}

/** How alike two tokens are spelled, with or without an attached article ("alhasan" ~ "hasan"). */
const spelledAlike = (a: PreparedToken, b: PreparedToken): number => {
  let best = 0
  for (const left of [a, a.variant]) {
    for (const right of [b, b.variant]) {
      if (left !== null && right !== null) best = Math.max(best, editSimilarity(left.text, right.text))
    }
  }
  return best
}

/** Each query token aligned one-to-one with its best remaining token of `name`; 0 when a word meets none. */
export const coverage = (query: PreparedName, name: PreparedName, memo: TokenMemo | undefined): number => {
  if (query.tokens.length === 0 || query.tokens.length > name.tokens.length) return 0
  const isFromAbjad = query.isFromAbjad || name.isFromAbjad
  const used = new Set<number>()
  let total = 0
  for (const word of query.tokens) {
    let best = 0
    let bestIndex = -1
    name.tokens.forEach((token, index) => {
      if (used.has(index)) return
      const key = `${word.text}|${token.text}|${isFromAbjad ? 1 : 0}`
      let value = memo?.get(key)?.value
      if (value === undefined) {
        const similarity = tokenSimilarity(word, token, isFromAbjad)
        memo?.set(key, similarity)
        value = similarity.value
      }
      if (!query.isFromAbjad && value < 1 && spelledAlike(word, token) < SEARCH_THRESHOLDS.spelling) {
        value = 0
      }
      if (value > best) {
        best = value
        bestIndex = index
      }
    })
    if (best < SEARCH_THRESHOLDS.word) return 0
    used.add(bestIndex)
    total += best
  }
  return total / query.tokens.length
}

export type SearchMatch = {
  /** 0..1; at or above SEARCH_THRESHOLDS.match the person is a result. */
  score: number
  /** The person's name (as written) the search met best, or '' when none. */
  name: string
}

/**
 * Whether the names-run-together comparison could give more than `above` and at least `floor`: `nameSimilarity`'s
 * value when `name.joined` wins is the best of these pairs. A few edit distances of short strings (each skipped when
 * the lengths alone rule it out), where `nameSimilarity` aligns every token pair.
 */
const couldJoin = (a: PreparedName, b: PreparedName, above: number, floor: number): boolean => {
  for (const left of a.joinedForms) {
    for (const right of b.joinedForms) {
      const longest = Math.max(left.length, right.length)
      if (longest === 0) continue
      const bound = TOKEN_WEIGHTS.joined * (1 - Math.abs(left.length - right.length) / longest)
      if (bound <= above || bound < floor) continue
      const value = TOKEN_WEIGHTS.joined * editSimilarity(left, right)
      if (value > above && value >= floor) return true
    }
  }
  return false
}

/** Below `above` and `floor` by this, so a score divided by a weight never rounds a needed comparison away. */
const ROUNDING_MARGIN = 1e-9

/**
 * The best of the person's names for `typed`, each score times `weight`, when better than `best`. The whole-name
 * comparison is aligned only when it could give more than the best so far and reach `floor` (both in `typed`'s
 * own terms, before the weight).
 */
const bestOf = (
  typed: readonly PreparedName[],
  person: Pick<PreparedPerson, 'names'>,
  weight: number,
  best: SearchMatch,
  memo: TokenMemo | undefined,
  floor: number,
): SearchMatch => {
  for (const query of typed) {
    for (const name of person.names) {
      const covered = coverage(query, name, memo)
      // The whole-name comparison catches names run together ("alireza" ~ "Ali Reza"); only as such, since its
      // token alignment forgives a word that meets nothing. Aligned only when it could change the answer.
      let whole = 0
      const above = Math.max(covered, best.score / weight) - (weight === 1 ? 0 : ROUNDING_MARGIN)
      if (couldJoin(query, name, above, floor / weight - (weight === 1 ? 0 : ROUNDING_MARGIN))) {
        const joined = nameSimilarity(query, name, memo)
        whole = joined.reasons.includes('name.joined') ? joined.value : 0
      }
      const score = weight * Math.max(covered, whole)
      if (score > best.score) best = { score, name: name.written }
    }
  }
  return best
}

/**
 * The best of the person's names for what was typed (words in any order, or the whole name run together), or for
 * it undoubled (`prepareSearch`) at SEARCH_THRESHOLDS.undoubled of that when this is better. With `floor`, a score
 * below it may come back lower than it is (the whole-name comparison is skipped where it cannot reach the floor):
 * the answer is the same whenever the score is at least `floor` (the search asks for SEARCH_THRESHOLDS.match).
 * Without one, the answer is always exact.
 */
export const scoreSearch = (
  query: Pick<PreparedPerson, 'names'> & Partial<Pick<PreparedSearch, 'undoubled'>>,
  person: Pick<PreparedPerson, 'names'>,
  memo?: TokenMemo,
  floor = 0,
): SearchMatch => {
  const best = bestOf(query.names, person, 1, { score: 0, name: '' }, memo, floor)
  const undoubled = query.undoubled ?? []
  // Undoubled scores at most SEARCH_THRESHOLDS.undoubled: not worth comparing when the words as typed did as well.
  if (undoubled.length === 0 || best.score >= SEARCH_THRESHOLDS.undoubled) return best
  return bestOf(undoubled, person, SEARCH_THRESHOLDS.undoubled, best, memo, floor)
}

export const isSearchMatch = (match: SearchMatch): boolean => match.score >= SEARCH_THRESHOLDS.match
