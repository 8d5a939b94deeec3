import type { TIntake } from '../../../src/shared/cases/intake-schema'
import type { TCaseStatus } from '../../../src/shared/cases/vocabulary'
import { syntheticIntake, syntheticPopulation } from './intakes'
import { chance, seededRandom, subSeed, weighted, type TRandom } from './random'

/**
 * A whole caseload, streamed in batches so 100,000 survivors never sit in memory at once: each case's intake and
 * what happened to it since (status, caseworker), for the bench and for tests that need a realistic mix.
 */

/**
 * Where a case is now: most are new (a centre's intake outruns its follow-up), a tenth closed, few with a lawyer
 * (the status workflow's later steps). Kept lean because seeding walks every case through its steps.
 */
export const CASE_STATUS_WEIGHTS: Readonly<Record<TCaseStatus, number>> = {
  new: 70,
  screening: 10,
  awaiting_match: 5,
  referred: 2,
  active: 3,
  closed: 10,
}

/** What happened to a case after intake: its status now and which caseworker holds it (an index, or none). */
export type TCaseHistory = { status: TCaseStatus; caseworker: number | null }

export function syntheticCaseHistory(random: TRandom, caseworkers: number): TCaseHistory {
  const status = weighted(random, CASE_STATUS_WEIGHTS)
  // New cases are mostly unassigned; cases being worked on mostly have someone.
  const assigned = caseworkers > 0 && chance(random, status === 'new' ? 0.1 : 0.85)
  return { status, caseworker: assigned ? Math.floor(random() * caseworkers) : null }
}

export type TCaseloadCase = { line: number; intake: TIntake; history: TCaseHistory }

/**
 * `count` cases in batches of `batchSize`, the same for the same seed and day. `caseworkers` is how many staff
 * the cases may be assigned to.
 */
export function* syntheticCaseload(options: {
  count: number
  seed: number
  today: Date
  batchSize: number
  caseworkers: number
}): Generator<TCaseloadCase[]> {
  const people = seededRandom(options.seed)
  const population = syntheticPopulation(people)
  const histories = seededRandom(subSeed(options.seed, 1))
  for (let start = 0; start < options.count; start += options.batchSize) {
    const size = Math.min(options.batchSize, options.count - start)
    yield Array.from({ length: size }, (_, index) => ({
      line: start + index + 2,
      intake: syntheticIntake(people, options.today, population),
      history: syntheticCaseHistory(histories, options.caseworkers),
    }))
  }
}
