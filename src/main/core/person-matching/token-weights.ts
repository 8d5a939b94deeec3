/** The token similarities of name-similarity.ts, apart so that name-ceiling.ts bounds them without a cycle. */

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
export const UNMATCHED_FLOOR = 0.6
/** A match resting on one token only ("Hassan" ~ "Hussein") is weak evidence on its own. */
export const SINGLE_TOKEN_FACTOR = 0.85
