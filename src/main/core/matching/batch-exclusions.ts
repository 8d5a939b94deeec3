/**
 * Why no lawyer can take a case of the batch: the commonest reasons the lawyers were left out, counted over the
 * whole roster. The ranking's excluded list holds those reasons (`rankWithConflicts`), but building it for one case
 * means an entry and a reason list for each of 10,000 lawyers, all garbage once three keys are counted: a batch of
 * 1,000 cases leaves 84 without a lawyer, and ranking each of them over the roster was most of what followed the
 * solves. Here the same rules (`eligibilityOfFactsFor`, over the same kept facts) are run lawyer by lawyer into one
 * reused list and only the keys are counted; a property test holds the count to the ranking's
 * (batch-exclusions.test.ts).
 */
import type { TBatchCase } from '../../../shared/contract/batch-matching'
import type { TExclusionReason, TScoreReason } from '../../../shared/matching/reasons'
import type { TConflictFindings } from './conflicts'
import { eligibilityOfFactsFor } from './eligibility'
import { factsOf, type TLawyerFacts } from './lawyer-facts'
import type { TLawyerProfile, TSurvivorProfile } from './types'

/** How many exclusion reasons explain a case nobody can take. */
export const EXCLUSION_REASONS_SHOWN = 3

/** Reason key → how many lawyers it left out, as the case shows them: commonest first, then by key. */
const commonest = (counts: ReadonlyMap<string, number>): TBatchCase['excludedBy'] =>
  [...counts]
    .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
    .slice(0, EXCLUSION_REASONS_SHOWN)
    .map(([key, lawyers]) => ({ key, lawyers }))

/** The reasons the ranking's excluded lawyers were left out for (`rankWithConflicts(…).excluded`), commonest first. */
export const commonestExclusions = (
  excluded: ReadonlyArray<{ reasons: readonly TExclusionReason[] }>,
): TBatchCase['excludedBy'] => {
  const counts = new Map<string, number>()
  for (const { reasons } of excluded) {
    for (const key of new Set(reasons.map((reason) => reason.key)))
      counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return commonest(counts)
}

/**
 * The same count as `commonestExclusions(rankWithConflicts(survivor, lawyers, conflicts, …).excluded)`, without the
 * ranking: each lawyer's hard constraints and blocking conflict hits, each key counted once per lawyer.
 */
/** A roster array's facts in its own order, made once per array (a batch counts for many cases over one roster). */
const factsInOrder = new WeakMap<readonly TLawyerProfile[], readonly TLawyerFacts[]>()
const factsOfRoster = (lawyers: readonly TLawyerProfile[]): readonly TLawyerFacts[] => {
  let facts = factsInOrder.get(lawyers)
  if (facts === undefined) {
    facts = lawyers.map(factsOf)
    factsInOrder.set(lawyers, facts)
  }
  return facts
}

export const exclusionsOver = (
  survivor: TSurvivorProfile,
  lawyers: readonly TLawyerProfile[],
  conflicts: TConflictFindings,
): TBatchCase['excludedBy'] => {
  const eligibilityOf = eligibilityOfFactsFor(survivor)
  const declined = survivor.declinedBy
  const anyDeclined = declined !== undefined && declined.size > 0
  const anyBlocking = conflicts.blocking.size > 0
  const counts = new Map<string, number>()
  const reasons: TExclusionReason[] = []
  const because: TScoreReason[] = []
  // A lawyer's keys, each once: a few at most, so looked for in a short list rather than a set.
  const keys: string[] = []
  const count = (key: string): void => {
    if (keys.includes(key)) return
    keys.push(key)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  for (const facts of factsOfRoster(lawyers)) {
    const lawyer = facts.lawyer
    reasons.length = 0
    because.length = 0
    keys.length = 0
    eligibilityOf(facts, anyDeclined && declined.has(lawyer.id), reasons, because)
    for (const reason of reasons) count(reason.key)
    if (anyBlocking)
      for (const { confirmed } of conflicts.blocking.get(lawyer.id) ?? [])
        count(confirmed ? 'excluded.conflict_confirmed' : 'excluded.conflict')
  }
  return commonest(counts)
}
