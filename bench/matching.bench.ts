/**
 * Matching at roster scale: ranking one survivor over the roster's lawyers and their declared conflict names
 * (indexed by blocking keys once, as the vault's match_keys table holds them), and the batch assignment of
 * survivors over the same roster (each survivor's scores, the proven-optimal solves with the proposed pairs' conflict
 * checks between them, the chosen pairs' reasons). The engine's own calls on a roster built in memory: the roster's import into the vault is
 * measured by its own module. The declared names are the imported roster's (`syntheticRosterLawyers`: half units,
 * organizations and states) and each survivor's parties an imported intake's, as issue 11's target names them.
 * What this does not measure of the case page's path (`bench/measure-ranking.ts`): reading the roster, the
 * referrals and the case from the vault for each ranking.
 */
import { loadavg } from 'node:os'
import { matchContext } from '#test-support/matching-profiles'
import { assignColumnsAvoiding } from '../src/main/core/matching/batch-lazy-assignment'
import { PairConflictChecker } from '../src/main/core/matching/batch-pair-conflicts'
import type { TConflictFindings } from '../src/main/core/matching/conflicts'
import {
  batchRosterOf,
  ConflictNameIndex,
  findConflicts,
  placesFree,
  prepareRoster,
  rankLawyers,
  rankWithConflicts,
  scoreSurvivor,
  type TLawyerPartyName,
} from '../src/main/core/matching'
import type { TBenchModule } from './module'
import { benchRankingInputs } from './support/bench-ranking-inputs'
import { median, ms, percentile, Series, time } from './support/measure'

export const matchingBench: TBenchModule = {
  name: 'matching',
  figures: ['rank_p50_ms', 'rank_p95_ms', 'batch_assign_ms'],
  async run(bench) {
    const { scale } = bench
    const { lawyers, conflictNames, survivors } = benchRankingInputs(scale, bench.seed)
    let index: ConflictNameIndex | undefined
    const indexMs = time(() => {
      index = new ConflictNameIndex(conflictNames)
    })
    if (index === undefined) throw new Error('the conflict index was not built')
    const conflicts = index
    // What the app makes with a roster it reads (case-ranking.ts), before its first ranking: the columns and name order.
    const preparedMs = time(() => prepareRoster(lawyers))
    const context = matchContext()
    const noReviews = new Map()

    const ranks = new Series()
    const checks = new Series()
    for (let run = 0; run < scale.runs.rank; run++) {
      const survivor = survivors[run % survivors.length]
      if (survivor === undefined) continue
      checks.time(() => findConflicts(survivor.caseId, survivor.parties, conflicts, noReviews))
      ranks.time(() => rankLawyers(survivor, lawyers, conflicts, noReviews, context))
    }
    const roster = `${lawyers.length.toLocaleString('en-CA')} lawyers, ${conflictNames.length.toLocaleString('en-CA')} declared conflict names (indexed in ${ms(indexMs)} ms, the roster's columns and name order made in ${ms(preparedMs)} ms)`
    // The figure is over every ranking; the note also gives it without the first three (JIT, the index's garbage).
    const warm = ranks.wall.slice(3)
    const warmCpu = ranks.cpu.slice(3)
    const withoutFirst =
      warm.length === 0
        ? ''
        : `; without the first 3 rankings p50 ${ms(median(warm))} ms, p95 ${ms(percentile(warm, 0.95))} ms (CPU p50 ${ms(median(warmCpu))} ms, p95 ${ms(percentile(warmCpu, 0.95))} ms), the first 3 ${ranks.wall
            .slice(0, 3)
            .map((value) => ms(value))
            .join(', ')} ms`
    bench.note(
      'rank_p95_ms',
      `${ranks.wall.length} survivors each ranked over ${roster}; of which the conflict check p95 ${ms(percentile(checks.wall, 0.95))} ms (${ranks.cpuSummary()})${withoutFirst}`,
    )

    // The batch as the service runs it (batch-service.ts): the roster's facts once, each survivor's scores over
    // every lawyer without the conflicts (numbers only), then the solves, each proposed pair's conflict check
    // (each lawyer's declared names keyed when first needed, not the whole roster's index) and a solve again
    // without the conflicted pairs, every eligible lawyer of a case left without one checked, the chosen pairs'
    // reasons. `conflicts` runs inside `solve`: the solve's figure below is without them.
    const batchSeries = new Series()
    const phases: Record<'facts' | 'score' | 'solve' | 'conflicts' | 'reasons', number> = {
      facts: 0,
      score: 0,
      solve: 0,
      conflicts: 0,
      reasons: 0,
    }
    const phaseCpu: Record<keyof typeof phases, number> = {
      facts: 0,
      score: 0,
      solve: 0,
      conflicts: 0,
      reasons: 0,
    }
    const timedPhase = <T>(phase: keyof typeof phases, work: () => T): T => {
      let value: T | undefined
      const cpu = process.cpuUsage()
      phases[phase] += time(() => {
        value = work()
      })
      const used = process.cpuUsage(cpu)
      phaseCpu[phase] += (used.user + used.system) / 1000
      return value as T
    }
    const declaredByLawyer = new Map<string, TLawyerPartyName[]>()
    for (const name of conflictNames) {
      const own = declaredByLawyer.get(name.lawyerId)
      if (own === undefined) declaredByLawyer.set(name.lawyerId, [name])
      else own.push(name)
    }
    const noFindings: TConflictFindings = { blocking: new Map(), cleared: new Map() }
    let checker: PairConflictChecker | undefined
    let rounds = 0
    const result = batchSeries.time(() => {
      const pairs = new PairConflictChecker(
        (lawyerId) => declaredByLawyer.get(lawyerId) ?? [],
        new ConflictNameIndex([]),
      )
      checker = pairs
      const facts = timedPhase('facts', () => batchRosterOf(lawyers, context))
      const scored = survivors.map((survivor) => ({
        survivor,
        found: { blocking: new Map(), cleared: new Map() } as TConflictFindings,
        scores: timedPhase('score', () => scoreSurvivor(facts, survivor, noFindings)),
      }))
      const check = (position: number, lawyerPositions: readonly number[]): Set<string> => {
        const each = scored[position]
        if (each === undefined) return new Set()
        const lawyerIds = lawyerPositions.map((lawyer) => lawyers[lawyer]?.id ?? '')
        const found = timedPhase('conflicts', () =>
          pairs.check(each.survivor.caseId, each.survivor.parties, lawyerIds, noReviews),
        )
        for (const [lawyerId, hits] of found.blocking) each.found.blocking.set(lawyerId, hits)
        for (const [lawyerId, hits] of found.cleared) each.found.cleared.set(lawyerId, hits)
        return new Set(found.blocking.keys())
      }
      const solved = timedPhase('solve', () => {
        const lazy = assignColumnsAvoiding(
          scored.map(({ survivor, scores }) => ({
            urgent: survivor.urgent,
            lawyers: scores.lawyers,
            scores: scores.scores,
          })),
          lawyers.map(placesFree),
          (questions) =>
            questions.map(({ survivor, lawyers: positions }) => {
              const blocked = check(survivor, positions)
              return new Set(positions.filter((position) => blocked.has(lawyers[position]?.id ?? '')))
            }),
        )
        // A case left without a lawyer: every eligible lawyer of it checked, as the service does for its count.
        lazy.assignment.forEach((chosen, position) => {
          const options = scored[position]?.scores.lawyers
          if (chosen === null && options !== undefined && options.length > 0)
            check(position, Array.from(options))
        })
        return lazy
      })
      rounds = solved.rounds
      timedPhase('reasons', () =>
        solved.assignment.forEach((chosen, index) => {
          const each = scored[index]
          const lawyer = chosen === null ? undefined : lawyers[chosen]
          if (each !== undefined && lawyer !== undefined)
            rankWithConflicts(each.survivor, [lawyer], each.found, context)
        }),
      )
      return solved
    })
    if (!result.proven) throw new Error('the batch assignment was not proven optimal')
    const [batchMs = 0] = batchSeries.wall
    const [batchCpuMs = 0] = batchSeries.cpu
    const solveOnly = {
      wall: phases.solve - phases.conflicts,
      cpu: phaseCpu.solve - phaseCpu.conflicts,
    }
    const split = (Object.keys(phases) as Array<keyof typeof phases>)
      .map((phase) =>
        phase === 'solve'
          ? `solve ${ms(solveOnly.wall)} ms (CPU ${ms(solveOnly.cpu)}) in ${rounds} rounds`
          : `${phase} ${ms(phases[phase])} ms (CPU ${ms(phaseCpu[phase])})`,
      )
      .join(', ')
    const checked = `${(checker?.pairsChecked ?? 0).toLocaleString('en-CA')} pairs checked for conflicts, ${(checker?.lawyersRead ?? 0).toLocaleString('en-CA')} lawyers' lists keyed`
    bench.note(
      'batch_assign_ms',
      `${survivors.length.toLocaleString('en-CA')} survivors over ${lawyers.length.toLocaleString('en-CA')} lawyers: ${split}; CPU ${ms(batchCpuMs)} ms, load ${loadavg()[0]?.toFixed(1)} (${result.pairsUsed.toLocaleString('en-CA')} of ${result.pairsEligible.toLocaleString('en-CA')} pairs, ${checked}); ${result.objective.assigned} assigned, ${result.objective.urgentAssigned} urgent`,
    )
    return {
      rank_p50_ms: ms(median(ranks.wall)),
      rank_p95_ms: ms(percentile(ranks.wall, 0.95)),
      batch_assign_ms: ms(batchMs),
    }
  },
}
