/**
 * One number for "how likely are these two records the same survivor", from names, birth date and
 * contacts. Thresholds and their reasons are in docs/person-matching.md.
 */
import { compareBirthDates, sharesAny } from './evidence'
import {
  nameSimilarity,
  nameSimilarityAtLeast,
  nameSimilarityValue,
  type NameSimilarity,
  type TokenMemo,
  type TokenPairMemo,
} from './name-similarity'
import { preparePerson, type PreparedPerson } from './prepare'
import type { MatchReason, Person, PersonMatch } from './types'

export const MATCH_THRESHOLDS = {
  /** At or above this overall score (and the name floor) a record is offered as likely the same person. */
  likelySame: 0.8,
  /** Shared contacts or dates never make a likely match on their own: families share phones. */
  nameFloor: 0.65,
} as const

/** How each piece of evidence moves the score s (0..1). */
export const EVIDENCE_EFFECTS = {
  /** s + (1 − s) × 0.5: same full date of birth. */
  dobExact: 0.5,
  /** s + (1 − s) × 0.2: same year (one side knows only the year), or day and month swapped. */
  dobPartial: 0.2,
  /** s × 0.5: dates or years (more than one apart) that contradict each other. */
  dobConflictFactor: 0.5,
  /** s + (1 − s) × 0.6: a phone number (last 9 digits) or an email in common. */
  contact: 0.6,
} as const

const clamp = (value: number): number => (value < 0 ? 0 : value > 1 ? 1 : value)

/** The evidence of dates and contacts between two people, and the score it makes of a name score. */
const withEvidence = (
  nameScore: number,
  a: PreparedPerson,
  b: PreparedPerson,
): { score: number; birth: MatchReason | null; sharesPhone: boolean; sharesEmail: boolean } => {
  let score = nameScore
  const birth = compareBirthDates(a.birth, b.birth)
  if (birth === 'dob.exact') score += (1 - score) * EVIDENCE_EFFECTS.dobExact
  else if (birth === 'dob.year' || birth === 'dob.transposed')
    score += (1 - score) * EVIDENCE_EFFECTS.dobPartial
  else if (birth === 'dob.conflict') score *= EVIDENCE_EFFECTS.dobConflictFactor
  const sharesPhone = sharesAny(a.phones, b.phones)
  const sharesEmail = sharesAny(a.emails, b.emails)
  if (sharesPhone || sharesEmail) score += (1 - score) * EVIDENCE_EFFECTS.contact
  return { score: clamp(score), birth, sharesPhone, sharesEmail }
}

const hasBirth = (person: PreparedPerson): boolean => person.birth.year !== null || person.birth.iso !== null

/**
 * Whether dates or contacts may count between two people (`compareBirthDates` needs a date or year on both sides,
 * a shared contact one on both): when not, `withEvidence` gives the name score as it is.
 */
const evidenceMayCount = (a: PreparedPerson, b: PreparedPerson): boolean =>
  (hasBirth(a) && hasBirth(b)) ||
  (a.phones.length > 0 && b.phones.length > 0) ||
  (a.emails.length > 0 && b.emails.length > 0)

const matchOf = (
  nameScore: number,
  nameReasons: readonly MatchReason[],
  bestPair: [string, string],
  evidence: ReturnType<typeof withEvidence>,
): PersonMatch => {
  const reasons: MatchReason[] = [...nameReasons]
  if (evidence.birth !== null) reasons.push(evidence.birth)
  if (evidence.sharesPhone) reasons.push('phone.exact')
  if (evidence.sharesEmail) reasons.push('email.exact')
  const score = evidence.score
  return {
    score,
    isLikelySame: score >= MATCH_THRESHOLDS.likelySame && nameScore >= MATCH_THRESHOLDS.nameFloor,
    nameScore: clamp(nameScore),
    reasons,
    bestPair,
  }
}

/** Scores two prepared people; findCandidates passes a memo shared across a whole caseload. */
export const scorePrepared = (
  a: PreparedPerson,
  b: PreparedPerson,
  memo?: TokenMemo | TokenPairMemo,
): PersonMatch => {
  let nameScore = 0
  let nameReasons: MatchReason[] = []
  let bestPair: [string, string] = ['', '']
  for (const left of a.names) {
    for (const right of b.names) {
      const similarity = nameSimilarity(left, right, memo)
      if (similarity.value > nameScore) {
        nameScore = similarity.value
        nameReasons = similarity.reasons
        bestPair = [left.written, right.written]
      }
    }
  }
  return matchOf(nameScore, nameReasons, bestPair, withEvidence(nameScore, a, b))
}

/**
 * `scorePrepared(a, b, memo)` when its score is at least `threshold`, else null: with a date or contact on both
 * sides the names are compared by value alone, and only the best pair of a match again with its reasons. A conflict check scores thousands of names
 * that are not hits (the same arithmetic: the same score, reasons and pair as `scorePrepared`).
 */
export const scorePreparedAtLeast = (
  a: PreparedPerson,
  b: PreparedPerson,
  threshold: number,
  memo?: TokenMemo | TokenPairMemo,
): PersonMatch | null => {
  // Without a date or contact that could raise it, the score is the name score: a pair of names below the
  // threshold cannot be the best of a match, and need not be compared exactly (`nameSimilarityValue`'s floor).
  if (!evidenceMayCount(a, b)) return namesAtLeast(a, b, threshold, memo)
  let nameScore = 0
  let bestLeft = -1
  let bestRight = -1
  for (let left = 0; left < a.names.length; left++) {
    const leftName = a.names[left]
    if (leftName === undefined) continue
    for (let right = 0; right < b.names.length; right++) {
      const rightName = b.names[right]
      if (rightName === undefined) continue
      const value = nameSimilarityValue(leftName, rightName, memo)
      if (value > nameScore) {
        nameScore = value
        bestLeft = left
        bestRight = right
      }
    }
  }
  const evidence = withEvidence(nameScore, a, b)
  if (!(evidence.score >= threshold)) return null
  const leftName = a.names[bestLeft]
  const rightName = b.names[bestRight]
  if (leftName === undefined || rightName === undefined) return matchOf(nameScore, [], ['', ''], evidence)
  const best = nameSimilarity(leftName, rightName, memo)
  return matchOf(best.value, best.reasons, [leftName.written, rightName.written], evidence)
}

/**
 * `scorePreparedAtLeast` when the score is the name score (no date or contact on both sides): each pair of names
 * compared once with its floor, the reasons of the best pair kept from that comparison (`nameSimilarityAtLeast`);
 * the best pair is the first of the highest value, as in `scorePrepared`.
 */
const namesAtLeast = (
  a: PreparedPerson,
  b: PreparedPerson,
  threshold: number,
  memo: TokenMemo | TokenPairMemo | undefined,
): PersonMatch | null => {
  let nameScore = 0
  let best: NameSimilarity | null = null
  let bestPair: [string, string] = ['', '']
  for (const left of a.names) {
    for (const right of b.names) {
      const similarity = nameSimilarityAtLeast(left, right, memo, threshold)
      if (similarity !== null && similarity.value > nameScore) {
        nameScore = similarity.value
        best = similarity
        bestPair = [left.written, right.written]
      }
    }
  }
  if (!(clamp(nameScore) >= threshold)) return null
  const evidence = withEvidence(nameScore, a, b)
  if (!(evidence.score >= threshold)) return null
  return matchOf(nameScore, best?.reasons ?? [], bestPair, evidence)
}

/** How alike two people are: score 0..1, whether to offer them as the same person, and why. */
export const scorePersonMatch = (a: Person | PreparedPerson, b: Person | PreparedPerson): PersonMatch =>
  scorePrepared(preparePerson(a), preparePerson(b))
