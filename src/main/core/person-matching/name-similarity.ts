/**
 * How alike two written names are, 0..1, with the reasons. Tokens are aligned one-to-one by best match
 * (so order does not matter); the names run together are compared too (so "Alireza" meets "Ali Reza").
 */
import { distance } from 'fastest-levenshtein'
import type { PreparedName, PreparedToken } from './prepare'
import type { MatchReason } from './types'

/** Token similarity for each kind of agreement (see docs/person-matching.md). */
export const TOKEN_WEIGHTS = {
  exact: 1,
  phonetic: 0.9,
  /** Same consonant skeleton when one side was written in an abjad (no short vowels): expected, strong. */
  skeletonFromAbjad: 0.88,
  /** The same, with a one-letter skeleton ("علي" → "l" against "Ali"): weaker, many names share it. */
  shortSkeletonFromAbjad: 0.7,
  /** Same consonant skeleton between two vowelled spellings: weaker ("Hassan" ~ "Hussein"). */
  skeleton: 0.75,
  initial: 0.75,
  /** Edit distance between skeletons (abjad only) counts for this much of plain edit similarity. */
  skeletonSpelling: 0.85,
  /** Names run together score slightly below an equally good token alignment. */
  joined: 0.95,
} as const

/** Tokens left unmatched (an extra middle name) cost this much at most: score × (floor + (1−floor)·n/m). */
const UNMATCHED_FLOOR = 0.6
/** A match resting on one token only ("Hassan" ~ "Hussein") is weak evidence on its own. */
const SINGLE_TOKEN_FACTOR = 0.85

type Similarity = { value: number; reason: MatchReason }

const NO_SIMILARITY: Similarity = { value: 0, reason: 'name.spelling' }

export const editSimilarity = (a: string, b: string): number => {
  const longest = Math.max(a.length, b.length)
  return longest === 0 ? 0 : 1 - distance(a, b) / longest
}

/** Upper bound of editSimilarity from lengths alone, to skip distances that cannot win. */
const editBound = (a: string, b: string): number => {
  const longest = Math.max(a.length, b.length)
  return longest === 0 ? 0 : 1 - Math.abs(a.length - b.length) / longest
}

const compareForms = (a: PreparedToken, b: PreparedToken, isFromAbjad: boolean): Similarity => {
  if (a.text === b.text) return { value: TOKEN_WEIGHTS.exact, reason: 'name.exact' }
  if (a.text.length === 1 || b.text.length === 1) {
    const isInitial = a.text.length !== b.text.length && a.text[0] === b.text[0]
    return isInitial ? { value: TOKEN_WEIGHTS.initial, reason: 'name.initial' } : NO_SIMILARITY
  }
  let best: Similarity = NO_SIMILARITY
  if (Math.min(a.text.length, b.text.length) >= 3 && a.phonetic.some((key) => b.phonetic.includes(key))) {
    best = { value: TOKEN_WEIGHTS.phonetic, reason: 'name.phonetic' }
  }
  if (a.skeleton === b.skeleton && a.skeleton.length > 0) {
    const value = !isFromAbjad
      ? a.skeleton.length >= 2
        ? TOKEN_WEIGHTS.skeleton
        : 0
      : a.skeleton.length >= 2
        ? TOKEN_WEIGHTS.skeletonFromAbjad
        : TOKEN_WEIGHTS.shortSkeletonFromAbjad
    if (value > best.value) best = { value, reason: 'name.skeleton' }
  }
  if (editBound(a.text, b.text) > best.value) {
    const value = editSimilarity(a.text, b.text)
    if (value > best.value) best = { value, reason: 'name.spelling' }
  }
  const hasLongSkeletons = a.skeleton.length >= 2 && b.skeleton.length >= 2
  if (
    isFromAbjad &&
    hasLongSkeletons &&
    TOKEN_WEIGHTS.skeletonSpelling * editBound(a.skeleton, b.skeleton) > best.value
  ) {
    const value = TOKEN_WEIGHTS.skeletonSpelling * editSimilarity(a.skeleton, b.skeleton)
    if (value > best.value) best = { value, reason: 'name.skeleton' }
  }
  return best
}

/** Best similarity of two tokens, also trying them without an attached article ("alhasan" ~ "hasan"). */
export const tokenSimilarity = (a: PreparedToken, b: PreparedToken, isFromAbjad: boolean): Similarity => {
  let best = compareForms(a, b, isFromAbjad)
  if (best.value === 1) return best
  for (const [left, right] of [
    [a.variant, b],
    [a, b.variant],
    [a.variant, b.variant],
  ] as const) {
    if (left === null || right === null) continue
    const candidate = compareForms(left, right, isFromAbjad)
    if (candidate.value > best.value) best = candidate
  }
  return best
}

/** Remembers token similarities across many comparisons (names repeat a lot across a caseload). */
export type TokenMemo = Map<string, Similarity>
const MEMO_LIMIT = 500_000

/**
 * The same memory keyed by the token objects themselves, for callers that hold each distinct token once (the
 * conflict index interns its tokens): no key string is built per pair of tokens, which was most of a conflict
 * check over thousands of candidate names.
 */
export class TokenPairMemo {
  private readonly plain = new Map<PreparedToken, Map<PreparedToken, Similarity>>()
  private readonly fromAbjad = new Map<PreparedToken, Map<PreparedToken, Similarity>>()

  similarity(a: PreparedToken, b: PreparedToken, isFromAbjad: boolean): Similarity {
    const byLeft = isFromAbjad ? this.fromAbjad : this.plain
    let known = byLeft.get(a)
    if (known === undefined) {
      known = new Map()
      byLeft.set(a, known)
    }
    let similarity = known.get(b)
    if (similarity === undefined) {
      similarity = tokenSimilarity(a, b, isFromAbjad)
      known.set(b, similarity)
    }
    return similarity
  }
}

const memoized = (
  a: PreparedToken,
  b: PreparedToken,
  isFromAbjad: boolean,
  memo: TokenMemo | TokenPairMemo | undefined,
): Similarity => {
  if (memo === undefined) return tokenSimilarity(a, b, isFromAbjad)
  if (memo instanceof TokenPairMemo) return memo.similarity(a, b, isFromAbjad)
  const key = isFromAbjad ? `${a.text}|${b.text}|1` : `${a.text}|${b.text}`
  const known = memo.get(key)
  if (known !== undefined) return known
  const computed = tokenSimilarity(a, b, isFromAbjad)
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(key, computed)
  return computed
}

export type NameSimilarity = { value: number; reasons: MatchReason[] }

/**
 * Scratch of one alignment, reused by every comparison (this module runs to completion, never re-entered): the
 * token pairs' similarities and the reasons met, in the order first met. A conflict check aligns thousands of
 * names per survivor; an array of pairs and a Set per name was a quarter of its time in garbage collection.
 */
let cells: Similarity[] = []
const metReasons: MatchReason[] = []

/**
 * The one alignment behind `nameSimilarity` and `nameSimilarityValue`: the same arithmetic whichever is asked,
 * so the value alone is exactly the value with the reasons. With `withReasons` the reasons are left in
 * `metReasons` (`name.joined` alone when the names run together won).
 */
const align = (
  a: PreparedName,
  b: PreparedName,
  memo: TokenMemo | TokenPairMemo | undefined,
  withReasons: boolean,
): number => {
  metReasons.length = 0
  if (a.tokens.length === 0 || b.tokens.length === 0) return 0
  const isFromAbjad = a.isFromAbjad || b.isFromAbjad

  // Greedy one-to-one alignment: take the best remaining pair until the shorter name is used up. The best
  // remaining pair is the first of the highest value in left-then-right order (what a stable sort of every pair by
  // value, then a walk skipping used tokens, would take), found by scanning the few pairs again: no list to sort.
  const rows = a.tokens.length
  const columns = b.tokens.length
  const count = rows * columns
  if (cells.length < count) cells = new Array<Similarity>(count).fill(NO_SIMILARITY)
  for (let left = 0, cell = 0; left < rows; left++) {
    const leftToken = a.tokens[left]
    for (let right = 0; right < columns; right++, cell++) {
      const rightToken = b.tokens[right]
      cells[cell] =
        leftToken === undefined || rightToken === undefined
          ? NO_SIMILARITY
          : memoized(leftToken, rightToken, isFromAbjad, memo)
    }
  }
  const shorter = Math.min(rows, columns)
  const longer = Math.max(rows, columns)
  // Bit i set: token i of that side is taken (analyzeName keeps at most MAX_TOKENS_PER_NAME, 12).
  let usedLeft = 0
  let usedRight = 0
  let total = 0
  for (let taken = 0; taken < shorter; taken++) {
    let best = -1
    let bestValue = 0
    for (let left = 0, cell = 0; left < rows; left++) {
      if ((usedLeft >>> left) & 1) {
        cell += columns
        continue
      }
      for (let right = 0; right < columns; right++, cell++) {
        if ((usedRight >>> right) & 1) continue
        const value = (cells[cell] ?? NO_SIMILARITY).value
        if (best === -1 || value > bestValue) {
          best = cell
          bestValue = value
        }
      }
    }
    const similarity = cells[best]
    if (best === -1 || similarity === undefined) break
    usedLeft |= 1 << Math.floor(best / columns)
    usedRight |= 1 << (best % columns)
    total += similarity.value
    if (withReasons && similarity.value >= 0.7 && !metReasons.includes(similarity.reason))
      metReasons.push(similarity.reason)
  }
  if (withReasons && shorter < longer && !metReasons.includes('name.partial')) metReasons.push('name.partial')
  const coverage = UNMATCHED_FLOOR + ((1 - UNMATCHED_FLOOR) * shorter) / longer
  const aligned = (total / shorter) * coverage * (shorter === 1 ? SINGLE_TOKEN_FACTOR : 1)

  let joined = 0
  for (const left of a.joinedForms) {
    for (const right of b.joinedForms) {
      if (TOKEN_WEIGHTS.joined * editBound(left, right) <= Math.max(aligned, joined)) continue
      joined = Math.max(joined, TOKEN_WEIGHTS.joined * editSimilarity(left, right))
    }
  }
  if (joined > aligned) {
    if (withReasons) {
      metReasons.length = 0
      metReasons.push('name.joined')
    }
    return joined
  }
  return aligned
}

/** Similarity of two names: the better of token alignment and names-run-together comparison. */
export const nameSimilarity = (
  a: PreparedName,
  b: PreparedName,
  memo?: TokenMemo | TokenPairMemo,
): NameSimilarity => {
  const value = align(a, b, memo, true)
  return { value, reasons: [...metReasons] }
}

/** `nameSimilarity(a, b, memo).value`, exactly, without building its reasons. */
export const nameSimilarityValue = (
  a: PreparedName,
  b: PreparedName,
  memo?: TokenMemo | TokenPairMemo,
): number => align(a, b, memo, false)
