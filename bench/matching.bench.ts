/**
 * Matching at roster scale: ranking one survivor over the roster's lawyers and their declared conflict names
 * (indexed by blocking keys once, as the vault's match_keys table holds them), and the batch assignment of
 * survivors over the same roster (ranking every survivor, then the proven-optimal solve). The engine's own calls on
 * a roster built in memory: the roster's import into the vault is measured by its own module.
 */
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
import type { TBenchModule } from './module'
import { median, ms, percentile, Series, time } from './support/measure'

export const matchingBench: TBenchModule = {
  name: 'matching',
  figures: ['rank_p50_ms', 'rank_p95_ms', 'batch_assign_ms'],
  async run(bench) {
    const { scale } = bench
    const conflictsPerLawyer = Math.max(1, Math.round(scale.conflictNames / scale.lawyers))
    const { lawyers, conflictNames } = syntheticRoster(
      seededRandom(bench.seed + 11),
      scale.lawyers,
      conflictsPerLawyer,
    )
    let index: ConflictNameIndex | undefined
    const indexMs = time(() => {
      index = new ConflictNameIndex(conflictNames)
    })
    if (index === undefined) throw new Error('the conflict index was not built')
    const conflicts = index
    const context = matchContext()
    const noReviews = new Map()
    const survivors = syntheticSurvivors(seededRandom(bench.seed + 12), scale.runs.batchSurvivors)

    const ranks = new Series()
    const checks = new Series()
    for (let run = 0; run < scale.runs.rank; run++) {
      const survivor = survivors[run % survivors.length]
      if (survivor === undefined) continue
      checks.time(() => findConflicts(survivor.caseId, survivor.parties, conflicts, noReviews))
      ranks.time(() => rankLawyers(survivor, lawyers, conflicts, noReviews, context))
    }
    const roster = `${lawyers.length.toLocaleString('en-CA')} lawyers, ${conflictNames.length.toLocaleString('en-CA')} declared conflict names (indexed in ${ms(indexMs)} ms)`
    bench.note(
      'rank_p95_ms',
      `${ranks.wall.length} survivors each ranked over ${roster}; of which the conflict check p95 ${ms(percentile(checks.wall, 0.95))} ms (${ranks.cpuSummary()})`,
    )

    const lawyerIndex = new Map(lawyers.map((lawyer, position) => [lawyer.id, position]))
    let batch: TBatchSurvivor[] = []
    const rankedMs = time(() => {
      batch = survivors.map((survivor) => ({
        urgent: survivor.urgent,
        options: rankLawyers(survivor, lawyers, conflicts, noReviews, context).ranked.map((entry) => ({
          lawyer: lawyerIndex.get(entry.lawyer.id) ?? 0,
          score: entry.score,
        })),
      }))
    })
    let result: ReturnType<typeof assignBatch> | undefined
    const solvedMs = time(() => {
      result = assignBatch({ survivors: batch, capacities: lawyers.map(placesFree) })
    })
    if (result === undefined || !result.proven) throw new Error('the batch assignment was not proven optimal')
    bench.note(
      'batch_assign_ms',
      `${survivors.length.toLocaleString('en-CA')} survivors over ${lawyers.length.toLocaleString('en-CA')} lawyers: ranking ${ms(rankedMs)} ms, solve ${ms(solvedMs)} ms (${result.rounds} rounds, ${result.pairsUsed.toLocaleString('en-CA')} of ${result.pairsEligible.toLocaleString('en-CA')} pairs); ${result.objective.assigned} assigned, ${result.objective.urgentAssigned} urgent`,
    )
    return {
      rank_p50_ms: ms(median(ranks.wall)),
      rank_p95_ms: ms(percentile(ranks.wall, 0.95)),
      batch_assign_ms: ms(rankedMs + solvedMs),
    }
  },
}
