/**
 * Matching at roster scale: ranking one survivor over 10,000 lawyers holding 200,000 declared conflict names
 * (conflict names indexed by blocking keys once, as the vault's match_keys table holds them), and the batch
 * assignment of 1,000 survivors over the same roster (ranking every survivor, then the proven-optimal solve).
 */
import { performance } from 'node:perf_hooks'
import { matchContext } from '#test-support/matching-profiles'
import { seededRandom, syntheticRoster, syntheticSurvivors } from '#test-support/synthetic'
import {
  assignBatch,
  ConflictNameIndex,
  findConflicts,
  placesFree,
  rankLawyers,
  type TBatchSurvivor,
} from '../src/main/core/matching'

const LAWYERS = 10_000
const CONFLICTS_PER_LAWYER = 20
const RANK_RUNS = 100
const BATCH_SURVIVORS = 1_000

const percentile = (values: number[], share: number): number => {
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN
}
const figure = (name: string, value: number, note = ''): void => {
  process.stdout.write(
    `${name.padEnd(28)} ${value.toFixed(1).padStart(10)}${note === '' ? '' : `   (${note})`}\n`,
  )
}

const random = seededRandom(11)
const { lawyers, conflictNames } = syntheticRoster(random, LAWYERS, CONFLICTS_PER_LAWYER)
let started = performance.now()
const index = new ConflictNameIndex(conflictNames)
figure(
  'conflict_index_build_ms',
  performance.now() - started,
  `${conflictNames.length.toLocaleString('en')} names`,
)

const context = matchContext()
const noReviews = new Map()
const survivors = syntheticSurvivors(seededRandom(12), BATCH_SURVIVORS)
const times: number[] = []
const conflictTimes: number[] = []
let excludedForConflict = 0
for (let run = 0; run < RANK_RUNS; run++) {
  const survivor = survivors[run % survivors.length]
  if (survivor === undefined) continue
  started = performance.now()
  findConflicts(survivor.caseId, survivor.parties, index, noReviews)
  conflictTimes.push(performance.now() - started)
  started = performance.now()
  const ranking = rankLawyers(survivor, lawyers, index, noReviews, context)
  times.push(performance.now() - started)
  excludedForConflict += ranking.excluded.filter((entry) =>
    entry.reasons.some((reason) => reason.key === 'excluded.conflict'),
  ).length
}
figure('rank_p50_ms', percentile(times, 0.5), `${RANK_RUNS} survivors, 1 vs ${LAWYERS.toLocaleString('en')}`)
figure('rank_p95_ms', percentile(times, 0.95), 'target ≤ 50')
figure('rank_conflict_check_p95_ms', percentile(conflictTimes, 0.95), 'of which the conflict check')
figure('rank_conflicts_per_survivor', excludedForConflict / RANK_RUNS)

started = performance.now()
const lawyerIndex = new Map(lawyers.map((lawyer, position) => [lawyer.id, position]))
const batch: TBatchSurvivor[] = survivors.map((survivor) => ({
  urgent: survivor.urgent,
  options: rankLawyers(survivor, lawyers, index, noReviews, context).ranked.map((entry) => ({
    lawyer: lawyerIndex.get(entry.lawyer.id) ?? 0,
    score: entry.score,
  })),
}))
const ranked = performance.now() - started
started = performance.now()
const result = assignBatch({ survivors: batch, capacities: lawyers.map(placesFree) })
const solved = performance.now() - started
figure('batch_rank_ms', ranked, `${BATCH_SURVIVORS.toLocaleString('en')} survivors ranked`)
figure(
  'batch_solve_ms',
  solved,
  `${result.rounds} rounds, ${result.pairsUsed.toLocaleString('en')} of ${result.pairsEligible.toLocaleString('en')} pairs, proven ${String(result.proven)}`,
)
figure(
  'batch_assign_ms',
  ranked + solved,
  `target ≤ 5000; ${result.objective.assigned} assigned, ${result.objective.urgentAssigned} urgent`,
)
if (!result.proven) process.exitCode = 1
