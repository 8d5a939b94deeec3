/**
 * How alike two written names are, 0..1, with the reasons. Tokens are aligned one-to-one by best match
 * (so order does not matter); the names run together are compared too (so "Alireza" meets "Ali Reza").
 */
import { distance } from 'fastest-levenshtein'
import {
  alignedCeilingBelow,
  editCeiling,
  joinedCeiling,
  sharesPhonetic,
  skeletonCeiling,
} from './name-ceiling'
import type { PreparedName, PreparedToken } from './prepare'
import { SINGLE_TOKEN_FACTOR, TOKEN_WEIGHTS, UNMATCHED_FLOOR } from './token-weights'
import type { MatchReason } from './types'

export { TOKEN_WEIGHTS }

type Similarity = { value: number; reason: MatchReason }

export const editSimilarity = (a: string, b: string): number => {
  const longest = Math.max(a.length, b.length)
  return longest === 0 ? 0 : 1 - distance(a, b) / longest
}

/** Upper bound of editSimilarity from lengths alone, to skip distances that cannot win. */
const editBound = (a: string, b: string): number => {
  const longest = Math.max(a.length, b.length)
  return longest === 0 ? 0 : 1 - Math.abs(a.length - b.length) / longest
}

/**
 * A ceiling (name-ceiling.ts) is never below its value in exact arithmetic; its own rounding could put it an ulp
 * under the value computed the other way, so it rules a value out only by more than this.
 */
const CEILING_MARGIN = 1e-9

/**
 * The reason of the last `formValue` or `tokenValue` answer. The token comparisons return their value alone and
 * leave the reason here (this module runs to completion, never re-entered): a conflict check compares a hundred
 * thousand pairs of tokens per survivor, and an object per answer was much of its time in garbage collection.
 */
let lastReason: MatchReason = 'name.spelling'

/** Whether two tokens share a sound key (a few keys each: no closure, no set). */
/** How alike two forms of tokens are (the reason in `lastReason`). */
const formValue = (a: PreparedToken, b: PreparedToken, isFromAbjad: boolean): number => {
  if (a.text === b.text) {
    lastReason = 'name.exact'
    return TOKEN_WEIGHTS.exact
  }
  if (a.text.length === 1 || b.text.length === 1) {
    const isInitial = a.text.length !== b.text.length && a.text[0] === b.text[0]
    lastReason = isInitial ? 'name.initial' : 'name.spelling'
    return isInitial ? TOKEN_WEIGHTS.initial : 0
  }
  let best = 0
  let reason: MatchReason = 'name.spelling'
  if (Math.min(a.text.length, b.text.length) >= 3 && sharesPhonetic(a.phonetic, b.phonetic)) {
    best = TOKEN_WEIGHTS.phonetic
    reason = 'name.phonetic'
  }
  if (a.skeleton === b.skeleton && a.skeleton.length > 0) {
    const value = !isFromAbjad
      ? a.skeleton.length >= 2
        ? TOKEN_WEIGHTS.skeleton
        : 0
      : a.skeleton.length >= 2
        ? TOKEN_WEIGHTS.skeletonFromAbjad
        : TOKEN_WEIGHTS.shortSkeletonFromAbjad
    if (value > best) {
      best = value
      reason = 'name.skeleton'
    }
  }
  if (editCeiling(a, b) + CEILING_MARGIN > best) {
    const value = editSimilarity(a.text, b.text)
    if (value > best) {
      best = value
      reason = 'name.spelling'
    }
  }
  const hasLongSkeletons = a.skeleton.length >= 2 && b.skeleton.length >= 2
  if (
    isFromAbjad &&
    hasLongSkeletons &&
    TOKEN_WEIGHTS.skeletonSpelling * skeletonCeiling(a, b) + CEILING_MARGIN > best
  ) {
    const value = TOKEN_WEIGHTS.skeletonSpelling * editSimilarity(a.skeleton, b.skeleton)
    if (value > best) {
      best = value
      reason = 'name.skeleton'
    }
  }
  lastReason = reason
  return best
}

/** `tokenSimilarity(a, b, isFromAbjad).value`, its reason left in `lastReason`. */
const tokenValue = (a: PreparedToken, b: PreparedToken, isFromAbjad: boolean): number => {
  let best = formValue(a, b, isFromAbjad)
  if (best === 1) return best
  let reason = lastReason
  // The forms without an attached article, in this order: a's with b, a with b's, a's with b's.
  for (let variant = 0; variant < 3; variant++) {
    const left = variant === 1 ? a : a.variant
    const right = variant === 0 ? b : b.variant
    if (left === null || right === null) continue
    const value = formValue(left, right, isFromAbjad)
    if (value > best) {
      best = value
      reason = lastReason
    }
  }
  lastReason = reason
  return best
}

/** Best similarity of two tokens, also trying them without an attached article ("alhasan" ~ "hasan"). */
export const tokenSimilarity = (a: PreparedToken, b: PreparedToken, isFromAbjad: boolean): Similarity => {
  const value = tokenValue(a, b, isFromAbjad)
  return { value, reason: lastReason }
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

/** The similarity of two tokens, from the memo when one is given; the reason left in `lastReason`. */
const memoized = (
  a: PreparedToken,
  b: PreparedToken,
  isFromAbjad: boolean,
  memo: TokenMemo | TokenPairMemo | undefined,
): number => {
  if (memo === undefined) return tokenValue(a, b, isFromAbjad)
  let similarity: Similarity
  if (memo instanceof TokenPairMemo) similarity = memo.similarity(a, b, isFromAbjad)
  else {
    const key = isFromAbjad ? `${a.text}|${b.text}|1` : `${a.text}|${b.text}`
    const known = memo.get(key)
    if (known !== undefined) similarity = known
    else {
      similarity = tokenSimilarity(a, b, isFromAbjad)
      if (memo.size >= MEMO_LIMIT) memo.clear()
      memo.set(key, similarity)
    }
  }
  lastReason = similarity.reason
  return similarity.value
}

export type NameSimilarity = { value: number; reasons: MatchReason[] }

/**
 * Scratch of one alignment, reused by every comparison (this module runs to completion, never re-entered): the
 * token pairs' similarities and the reasons met, in the order first met. A conflict check aligns thousands of
 * names per survivor; an array of pairs and a Set per name was a quarter of its time in garbage collection.
 */
let cellValues = new Float64Array(0)
const cellReasons: MatchReason[] = []
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
  floor: number,
): number => {
  metReasons.length = 0
  if (a.tokens.length === 0 || b.tokens.length === 0) return 0
  // Asked only whether the value reaches `floor`: a part whose ceiling (name-ceiling.ts) is below it cannot be the
  // answer when the answer reaches it, and when neither part can the value is below it whatever it is.
  const joinedAtMost = joinedCeiling(a, b)
  const skipsJoined = floor > 0 && joinedAtMost + CEILING_MARGIN < floor
  const skipsAligned = floor > 0 && alignedCeilingBelow(a, b, floor, CEILING_MARGIN)
  if (skipsAligned && skipsJoined) return 0
  const aligned = skipsAligned ? 0 : alignTokens(a, b, memo, withReasons)

  let joined = 0
  // The joined forms of a name are the same letters: one ceiling for the nine pairs, before any distance.
  if (!skipsJoined && joinedAtMost + CEILING_MARGIN > aligned) {
    for (const left of a.joinedForms) {
      for (const right of b.joinedForms) {
        if (TOKEN_WEIGHTS.joined * editBound(left, right) <= Math.max(aligned, joined)) continue
        joined = Math.max(joined, TOKEN_WEIGHTS.joined * editSimilarity(left, right))
      }
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

/** The greedy one-to-one alignment of two names' tokens (both have some), its reasons in `metReasons`. */
const alignTokens = (
  a: PreparedName,
  b: PreparedName,
  memo: TokenMemo | TokenPairMemo | undefined,
  withReasons: boolean,
): number => {
  const isFromAbjad = a.isFromAbjad || b.isFromAbjad

  // Greedy one-to-one alignment: take the best remaining pair until the shorter name is used up. The best
  // remaining pair is the first of the highest value in left-then-right order (what a stable sort of every pair by
  // value, then a walk skipping used tokens, would take), found by scanning the few pairs again: no list to sort.
  const rows = a.tokens.length
  const columns = b.tokens.length
  const count = rows * columns
  if (cellValues.length < count) cellValues = new Float64Array(count)
  for (let left = 0, cell = 0; left < rows; left++) {
    const leftToken = a.tokens[left]
    for (let right = 0; right < columns; right++, cell++) {
      const rightToken = b.tokens[right]
      if (leftToken === undefined || rightToken === undefined) {
        cellValues[cell] = 0
        cellReasons[cell] = 'name.spelling'
      } else {
        cellValues[cell] = memoized(leftToken, rightToken, isFromAbjad, memo)
        cellReasons[cell] = lastReason
      }
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
        const value = cellValues[cell] ?? 0
        if (best === -1 || value > bestValue) {
          best = cell
          bestValue = value
        }
      }
    }
    if (best === -1) break
    usedLeft |= 1 << Math.floor(best / columns)
    usedRight |= 1 << (best % columns)
    total += bestValue
    const reason = cellReasons[best] ?? 'name.spelling'
    if (withReasons && bestValue >= 0.7 && !metReasons.includes(reason)) metReasons.push(reason)
  }
  if (withReasons && shorter < longer && !metReasons.includes('name.partial')) metReasons.push('name.partial')
  const coverage = UNMATCHED_FLOOR + ((1 - UNMATCHED_FLOOR) * shorter) / longer
  return (total / shorter) * coverage * (shorter === 1 ? SINGLE_TOKEN_FACTOR : 1)
}

/** Similarity of two names: the better of token alignment and names-run-together comparison. */
export const nameSimilarity = (
  a: PreparedName,
  b: PreparedName,
  memo?: TokenMemo | TokenPairMemo,
): NameSimilarity => {
  const value = align(a, b, memo, true, 0)
  return { value, reasons: [...metReasons] }
}

/**
 * `nameSimilarity(a, b, memo).value`, exactly, without building its reasons; with a `floor`, exactly when it is
 * at least `floor`, and otherwise some value below `floor` (the pair may not be compared at all).
 */
export const nameSimilarityValue = (
  a: PreparedName,
  b: PreparedName,
  memo?: TokenMemo | TokenPairMemo,
  floor = 0,
): number => align(a, b, memo, false, floor)

/**
 * `nameSimilarity(a, b, memo)` when its value is at least `floor`, else null: one floored alignment, with the reasons
 * kept. Whichever part a ceiling skipped could not have won, so the value and the reasons are the full comparison's
 * (name-ceiling.property.test.ts). A conflict hit needs both; aligning its best pair a second time for the reasons
 * was a fifth of its alignments.
 */
export const nameSimilarityAtLeast = (
  a: PreparedName,
  b: PreparedName,
  memo: TokenMemo | TokenPairMemo | undefined,
  floor: number,
): NameSimilarity | null => {
  const value = align(a, b, memo, true, floor)
  return value >= floor ? { value, reasons: [...metReasons] } : null
}
