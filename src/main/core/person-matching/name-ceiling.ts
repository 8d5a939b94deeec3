/**
 * Ceilings: numbers never below what name-similarity.ts would compute for the same pair, worked out without an
 * edit distance or a sound key compared. The conflict check asks only whether a name reaches a threshold, and most
 * (party, name) pairs it scores are two unrelated names (a name fetched by one party's keys is scored against every
 * party): a pair whose ceiling is below the threshold is not aligned at all (`nameSimilarityValue` with a floor).
 * `name-ceiling.property.test.ts` holds every ceiling to the value it bounds.
 *
 * Each rests on one fact about the Levenshtein distance d between strings of lengths m and n: an alignment matches
 * some characters (each to an equal one) and pays one edit for every other character of the longer string, so
 * d ≥ max(m, n) − matches, and the edit similarity 1 − d / max(m, n) ≤ matches / max(m, n). A character can only be
 * matched to an equal one, so matches ≤ the letters the two have in common (as a multiset), and a string has at
 * least one character for each distinct letter the other lacks.
 */
import { bitCount } from '../../../shared/bit-count'
import type { PreparedName, PreparedToken } from './prepare'
import { SINGLE_TOKEN_FACTOR, TOKEN_WEIGHTS, UNMATCHED_FLOOR } from './token-weights'

/**
 * ≥ `editSimilarity(a.text, b.text)`: each distinct letter one token has and the other lacks is at least one of its
 * characters left unmatched.
 */
export const editCeiling = (a: PreparedToken, b: PreparedToken): number =>
  lettersCeiling(a.text.length, a.letters, b.text.length, b.letters)

/** ≥ `editSimilarity(a.skeleton, b.skeleton)`, the same way. */
export const skeletonCeiling = (a: PreparedToken, b: PreparedToken): number =>
  lettersCeiling(a.skeleton.length, a.skeletonLetters, b.skeleton.length, b.skeletonLetters)

/** ≥ the edit similarity of two strings of these lengths having these letters (masks as token-masks.ts makes). */
const lettersCeiling = (left: number, leftLetters: number, right: number, rightLetters: number): number => {
  const longest = left > right ? left : right
  if (longest === 0) return 0
  const leftMatches = left - bitCount(leftLetters & ~rightLetters)
  const rightMatches = right - bitCount(rightLetters & ~leftLetters)
  return (leftMatches < rightMatches ? leftMatches : rightMatches) / longest
}

/** Whether two tokens share a sound key (asked only when their masks say they may). */
/** Whether two tokens share a sound-alike code (name-similarity.ts's phonetic agreement). */
export const sharesPhonetic = (a: readonly string[], b: readonly string[]): boolean => {
  for (const key of a) if (b.includes(key)) return true
  return false
}

/** ≥ `formValue(a, b, isFromAbjad)`, each of its kinds of agreement bounded in turn (see formValue). */
const formCeiling = (a: PreparedToken, b: PreparedToken, isFromAbjad: boolean): number => {
  if (a.text === b.text) return TOKEN_WEIGHTS.exact
  if (a.text.length === 1 || b.text.length === 1) {
    return a.text.length !== b.text.length && a.text[0] === b.text[0] ? TOKEN_WEIGHTS.initial : 0
  }
  let best = editCeiling(a, b)
  // A sound key in common sets a bit in common (token-masks.ts).
  if (
    best < TOKEN_WEIGHTS.phonetic &&
    (a.sounds & b.sounds) !== 0 &&
    Math.min(a.text.length, b.text.length) >= 3 &&
    sharesPhonetic(a.phonetic, b.phonetic)
  )
    best = TOKEN_WEIGHTS.phonetic
  if (best < TOKEN_WEIGHTS.skeletonFromAbjad && a.skeleton.length > 0 && a.skeleton === b.skeleton) {
    const value = !isFromAbjad
      ? a.skeleton.length >= 2
        ? TOKEN_WEIGHTS.skeleton
        : 0
      : a.skeleton.length >= 2
        ? TOKEN_WEIGHTS.skeletonFromAbjad
        : TOKEN_WEIGHTS.shortSkeletonFromAbjad
    if (value > best) best = value
  }
  if (isFromAbjad && a.skeleton.length >= 2 && b.skeleton.length >= 2) {
    const value = TOKEN_WEIGHTS.skeletonSpelling * skeletonCeiling(a, b)
    if (value > best) best = value
  }
  return best
}

/** ≥ `tokenValue(a, b, isFromAbjad)`: the best ceiling of the forms it compares (with and without an article). */
export const tokenCeiling = (a: PreparedToken, b: PreparedToken, isFromAbjad: boolean): number => {
  let best = formCeiling(a, b, isFromAbjad)
  if (best >= 1) return best
  if (a.variant !== null) {
    const value = formCeiling(a.variant, b, isFromAbjad)
    if (value > best) best = value
  }
  if (b.variant !== null) {
    const value = formCeiling(a, b.variant, isFromAbjad)
    if (value > best) best = value
    if (a.variant !== null) {
      const both = formCeiling(a.variant, b.variant, isFromAbjad)
      if (both > best) best = both
    }
  }
  return best
}

/**
 * ≥ the token alignment's value (`align` before the names run together). The greedy alignment takes one pair in
 * each token of the shorter side, each in a different token of the longer, so its total is at most the sum, over the
 * shorter side's tokens, of each one's best pair.
 */
export const alignedCeiling = (a: PreparedName, b: PreparedName): number => {
  const rows = a.tokens.length
  const columns = b.tokens.length
  if (rows === 0 || columns === 0) return 0
  const isFromAbjad = a.isFromAbjad || b.isFromAbjad
  const shortSide = rows <= columns ? a.tokens : b.tokens
  const longSide = rows <= columns ? b.tokens : a.tokens
  let total = 0
  for (const token of shortSide) {
    let best = 0
    for (const other of longSide) {
      // Symmetric: every kind of agreement it bounds is, and so is the set of forms it tries.
      const value = tokenCeiling(token, other, isFromAbjad)
      if (value > best) best = value
      if (best >= 1) break
    }
    total += best
  }
  const shorter = shortSide.length
  const coverage = UNMATCHED_FLOOR + ((1 - UNMATCHED_FLOOR) * shorter) / longSide.length
  return (total / shorter) * coverage * (shorter === 1 ? SINGLE_TOKEN_FACTOR : 1)
}

/** Far above a bound's rounding error (an ulp or two of numbers ≤ 1), far below any difference of values. */
const EARLY_SLACK = 1e-12

/**
 * Whether `alignedCeiling(a, b) + margin < floor`, found without always bounding every token: the shorter side's
 * tokens are bounded in turn, and once those left could not lift the ceiling to the floor even at 1 each (no token
 * value is above `TOKEN_WEIGHTS.exact`, 1) the answer is yes. The conflict check asks this of every (party, name)
 * pair it meets, most of them unrelated names; a pair not ruled out early is bounded in full, to the same number
 * as `alignedCeiling`.
 */
export const alignedCeilingBelow = (
  a: PreparedName,
  b: PreparedName,
  floor: number,
  margin: number,
): boolean => {
  const rows = a.tokens.length
  const columns = b.tokens.length
  if (rows === 0 || columns === 0) return 0 + margin < floor
  const isFromAbjad = a.isFromAbjad || b.isFromAbjad
  const shortSide = rows <= columns ? a.tokens : b.tokens
  const longSide = rows <= columns ? b.tokens : a.tokens
  const shorter = shortSide.length
  const coverage = UNMATCHED_FLOOR + ((1 - UNMATCHED_FLOOR) * shorter) / longSide.length
  const factor = shorter === 1 ? SINGLE_TOKEN_FACTOR : 1
  const scale = (coverage * factor) / shorter
  let total = 0
  for (let at = 0; at < shorter; at++) {
    const token = shortSide[at]
    if (token === undefined) continue
    let best = 0
    for (const other of longSide) {
      const value = tokenCeiling(token, other, isFromAbjad)
      if (value > best) best = value
      if (best >= 1) break
    }
    total += best
    const left = shorter - at - 1
    if (left === 0) break
    // Already at the floor: the tokens left only add (float sums of non-negative numbers never go down).
    if (!((total / shorter) * coverage * factor + margin < floor)) return false
    // What the tokens left could add at most; EARLY_SLACK keeps float rounding of this bound on the safe side.
    if ((total + left) * scale + margin + EARLY_SLACK < floor) return true
  }
  return (total / shorter) * coverage * factor + margin < floor
}

/**
 * ≥ the names-run-together value (`TOKEN_WEIGHTS.joined` × the best edit similarity of their joined forms). A
 * name's joined forms are its tokens in three orders: the same letters, the same length (prepare.ts and
 * stored-names.ts make them so), so one count of the letters in common bounds all nine pairs: per letter, the
 * smaller count is the number of planes (once, twice, thrice) both have it in, plus what each has beyond three.
 */
export const joinedCeiling = (a: PreparedName, b: PreparedName): number => {
  const longest = Math.max(a.joinedForms[0]?.length ?? 0, b.joinedForms[0]?.length ?? 0)
  if (longest === 0) return 0
  const common =
    bitCount(a.joinedOnce & b.joinedOnce) +
    bitCount(a.joinedTwice & b.joinedTwice) +
    bitCount(a.joinedThrice & b.joinedThrice) +
    Math.min(a.joinedBeyond, b.joinedBeyond)
  return (TOKEN_WEIGHTS.joined * Math.min(common, longest)) / longest
}

/** ≥ `nameSimilarityValue(a, b)`: the better of the two ceilings. */
export const nameCeiling = (a: PreparedName, b: PreparedName): number =>
  Math.max(alignedCeiling(a, b), joinedCeiling(a, b))
