/**
 * `npx tsx bench/measure-ranking.ts [--lawyers N] [--conflicts-each N] [--survivors N] [--runs N]
 * [--distinct-others N] [--memory] [--split] [--profile FILE] [--profile-first FILE] [--dump FILE]`: one survivor's
 * ranking as the case page asks for it (`MatchingService.rank`, reading the roster, the referrals and the conflict
 * keys from the vault), over N lawyers (10,000 by default) holding 20 declared conflict names each (200,000), for
 * 100 synthetic survivors imported as cases. Builds a fresh test vault first (not timed); the first ranking (which
 * reads and indexes the declared conflicts) is reported apart from the others. Prints p50/p95 wall and CPU time of
 * every timed ranking, then the same without the first three timed rankings (and those three), and the load average, one line;
 * run with `node --expose-gc --import tsx` for memory after a collection, and add --memory for memory after each step
 * on stderr (BENCHMARKS.md, "Where a ranking's RSS goes"). --split ranks every survivor once more through the service's
 * parts and prints each part's CPU p50/p95 on a second line: reading the case (the case file, intakes, declines,
 * reviews, the kept roster), the conflict check (`findConflicts`), the loop as the case page runs it
 * (`rankViewWithConflicts`: eligibility, soft factors, the sort, the shown lawyers' reasons), the whole ranking with
 * every lawyer's reasons (`rankWithConflicts`, as the CLI reads it), and the whole `MatchingService.rank` call again
 * (its audit entry and the answer's shape are what it spends beyond the parts). --profile writes a V8 CPU profile of the timed rankings (not the
 * first) to FILE, for Chrome's DevTools or `node bench/support/profile-top.ts`  (sampling every 100 µs); --profile-first
 * writes one of the first ranking (every 1 ms). --dump
 * writes every survivor's ranking to FILE, one JSON line each (the case page's answer, then the whole ranking as
 * the CLI reads it, lawyers by id), after staff cleared one conflict hit and confirmed another for each of the first
 * ten survivors that have two (a case's id written as its reference): two runs' files are the same byte for byte
 * when their rankings are.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Session as Inspector } from 'node:inspector/promises'
import { getHeapSpaceStatistics } from 'node:v8'
import { syntheticImportRows, syntheticRosterLawyers } from '#test-support/synthetic'
import { createTestVault } from '#test-support/vault-fixtures'
import { CaseRepository } from '../src/main/core/cases/case-repository'
import { readRoster, survivorOfCase } from '../src/main/core/matching/case-ranking'
import { findConflicts } from '../src/main/core/matching/conflicts'
import { rankViewWithConflicts, rankWithConflicts } from '../src/main/core/matching/rank'
import { RANKING_LIST_MAX } from '../src/shared/contract/referrals'
import { ReferralQueries } from '../src/main/core/referrals/referral-repository'
import { LawyerRepository } from '../src/main/core/roster/lawyer-repository'
import { median, ms, percentile, Series } from './support/measure'

const { values: options } = parseArgs({
  options: {
    lawyers: { type: 'string', default: '10000' },
    'conflicts-each': { type: 'string', default: '20' },
    survivors: { type: 'string', default: '100' },
    runs: { type: 'string', default: '1' },
    // Units, organizations and states drawn from this many distinct names (0: every one distinct, the generator's).
    'distinct-others': { type: 'string', default: '0' },
    // Memory after each step on stderr (RSS, heap spaces, external): where the RSS goes (BENCHMARKS.md).
    memory: { type: 'boolean', default: false },
    // A second line: each part of a ranking timed on its own (see above).
    split: { type: 'boolean', default: false },
    // A CPU profile of the timed rankings, written to this file.
    profile: { type: 'string' },
    // A CPU profile of the first ranking (reading the roster, indexing the declared names), to this file.
    'profile-first': { type: 'string' },
    // Every ranking, one JSON line per survivor, to this file.
    dump: { type: 'string' },
  },
})

const mb = (bytes: number): number => Math.round(bytes / 1e6)
const collect = (): void => (globalThis as { gc?: () => void }).gc?.()

/** RSS split as Linux counts it (anonymous memory: heaps, malloc; file: the binary and libraries), in MB. */
const rssParts = (): string => {
  try {
    const status = readFileSync('/proc/self/status', 'utf8')
    const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
    return `anon ${Math.round(kb('RssAnon') / 1e3)}, file ${Math.round(kb('RssFile') / 1e3)}`
  } catch {
    return 'no /proc'
  }
}

/**
 * One line of memory after `step` (--memory, under --expose-gc): RSS before a collection, right after one, and
 * after a second one half a second later (V8 gives freed pages back to the system on a background thread); then
 * the heap by space (used/committed), external memory and array buffers, in MB.
 */
const memoryStep = async (step: string): Promise<void> => {
  if (!options.memory) return
  const before = process.memoryUsage()
  collect()
  const collected = process.memoryUsage().rss
  await new Promise((resolve) => setTimeout(resolve, 500))
  collect()
  const usage = process.memoryUsage()
  const spaces = getHeapSpaceStatistics()
    .filter((space) => space.space_size > 1e6)
    .map((space) => `${space.space_name} ${mb(space.space_used_size)}/${mb(space.space_size)}`)
    .join(', ')
  process.stderr.write(
    `memory ${step}: rss ${mb(before.rss)} MB (heap ${mb(before.heapUsed)}/${mb(before.heapTotal)}), after a collection ${mb(collected)}, after a second ${mb(usage.rss)} (${rssParts()}); heap used ${mb(usage.heapUsed)}/${mb(usage.heapTotal)} (${spaces}); external ${mb(usage.external)} (array buffers ${mb(usage.arrayBuffers)})\n`,
  )
}

const [lawyerCount, conflictsEach, survivorCount, rounds] = [
  options.lawyers,
  options['conflicts-each'],
  options.survivors,
  options.runs,
].map(Number)
if (
  ![lawyerCount, conflictsEach, survivorCount, rounds].every((value) => Number.isInteger(value) && value! > 0)
) {
  process.stderr.write(
    'usage: npx tsx bench/measure-ranking.ts [--lawyers N] [--conflicts-each N] [--survivors N] [--runs N] [--distinct-others N]\n',
  )
  process.exit(2)
}

const NOW = new Date('2026-11-30T15:00:00Z')
/** The first timed rankings, printed apart as well as in the series. */
const WARMING = 3
const folder = mkdtempSync(join(tmpdir(), 'ranking-bench-'))
try {
  const services = await createTestVault(folder, { now: () => NOW.getTime() })
  const db = services.vault.sessions.require().db
  const roster = new LawyerRepository(db)
  await memoryStep('vault created')
  const at = NOW.toISOString()
  const distinctOthers = Number(options['distinct-others'])
  let drawn = 0
  const fields = syntheticRosterLawyers(lawyerCount!, 7, conflictsEach!).map((lawyer) =>
    distinctOthers > 0
      ? {
          ...lawyer,
          conflicts: lawyer.conflicts.map((conflict) =>
            conflict.kind === 'person'
              ? conflict
              : { ...conflict, name: `Synthetic ${conflict.kind} ${(drawn++ * 7919) % distinctOthers}` },
          ),
        }
      : lawyer,
  )
  db.transaction(() =>
    fields.forEach((lawyer, index) => roster.insert(`bench-lawyer-${index}`, lawyer, at, null)),
  )
  await memoryStep('roster written')
  const { caseIds } = services.caseTransfer.importIntakes(syntheticImportRows(survivorCount!, 11, NOW), {
    dryRun: false,
  })
  // The first ranking reads and indexes the 200,000 conflict names (once per roster change): timed on its own.
  const first = new Series()
  const firstInspector = options['profile-first'] === undefined ? null : new Inspector()
  if (firstInspector !== null) {
    firstInspector.connect()
    await firstInspector.post('Profiler.enable')
    await firstInspector.post('Profiler.setSamplingInterval', { interval: 1000 })
    await firstInspector.post('Profiler.start')
  }
  first.time(() => services.matching.rank(caseIds[0]!))
  if (firstInspector !== null) {
    const { profile } = await firstInspector.post('Profiler.stop')
    writeFileSync(options['profile-first']!, JSON.stringify(profile))
    firstInspector.disconnect()
  }
  await memoryStep('first ranking')

  const inspector = options.profile === undefined ? null : new Inspector()
  if (inspector !== null) {
    inspector.connect()
    await inspector.post('Profiler.enable')
    await inspector.post('Profiler.setSamplingInterval', { interval: 100 })
    await inspector.post('Profiler.start')
  }
  const ranks = new Series()
  let ranked = 0
  let excluded = 0
  for (let round = 0; round < rounds!; round++) {
    for (const caseId of caseIds) {
      const view = ranks.time(() => services.matching.rank(caseId))
      ranked += view.rankedTotal
      excluded += view.excludedTotal
    }
  }
  if (inspector !== null) {
    const { profile } = await inspector.post('Profiler.stop')
    writeFileSync(options.profile!, JSON.stringify(profile))
    inspector.disconnect()
  }
  await memoryStep('rankings')
  // The series without its first rankings (the JIT and the collection of the index's garbage land on them), beside
  // the figure over every ranking: both visible, the figure itself unchanged.
  const warm =
    ranks.wall.length > WARMING ? { wall: ranks.wall.slice(WARMING), cpu: ranks.cpu.slice(WARMING) } : null
  const withoutFirst =
    warm === null
      ? ''
      : `; without the first ${WARMING}: wall p50 ${ms(median(warm.wall))} ms, p95 ${ms(percentile(warm.wall, 0.95))} ms, CPU p50 ${ms(median(warm.cpu))} ms, p95 ${ms(percentile(warm.cpu, 0.95))} ms (the first ${WARMING}: CPU ${ranks.cpu
          .slice(0, WARMING)
          .map((value) => ms(value))
          .join(', ')} ms)`
  const [load] = loadavg()
  // Under `node --expose-gc`: memory with the index held and the rankings' garbage gone, not a high-water mark.
  ;(globalThis as { gc?: () => void }).gc?.()
  const memory = process.memoryUsage()
  process.stdout.write(
    `${ranks.wall.length} rankings of ${caseIds.length} survivors over ${lawyerCount} lawyers with ${lawyerCount! * conflictsEach!} declared conflict names ${distinctOthers > 0 ? ` (units, organizations and states among ${distinctOthers} names)` : ''} (${Math.round(ranked / ranks.wall.length)} ranked, ${Math.round(excluded / ranks.wall.length)} excluded on average): first ranking ${ms(first.wall[0] ?? 0)} ms (CPU ${ms(first.cpu[0] ?? 0)}); then wall p50 ${ms(median(ranks.wall))} ms, p95 ${ms(percentile(ranks.wall, 0.95))} ms; ${ranks.cpuSummary()}${withoutFirst}; load ${load?.toFixed(1)}; rss ${Math.round(memory.rss / 1e6)} MB, heap used ${Math.round(memory.heapUsed / 1e6)} MB\n`,
  )
  if (options.split) {
    const session = services.vault.sessions.require()
    const parts = {
      read: new Series(),
      conflicts: new Series(),
      loop: new Series(),
      all: new Series(),
      whole: new Series(),
    }
    for (let round = 0; round < rounds!; round++) {
      for (const caseId of caseIds) {
        const { survivor, reviews, roster } = parts.read.time(() => {
          const row = new CaseRepository(session.db).findCase(caseId)!
          return {
            survivor: survivorOfCase(session, row),
            reviews: new ReferralQueries(session.db).reviewsOf(row.id),
            roster: readRoster(session),
          }
        })
        const findings = parts.conflicts.time(() =>
          findConflicts(survivor.caseId, survivor.parties, roster.names, reviews),
        )
        const context = { now: session.clock.now() }
        parts.loop.time(() =>
          rankViewWithConflicts(survivor, roster.lawyers, findings, context, RANKING_LIST_MAX),
        )
        parts.all.time(() => rankWithConflicts(survivor, roster.lawyers, findings, context))
        parts.whole.time(() => services.matching.rank(caseId))
      }
    }
    const cpu = (series: Series): string => `${ms(median(series.cpu))} / ${ms(percentile(series.cpu, 0.95))}`
    process.stdout.write(
      `split, CPU p50 / p95 ms over ${parts.whole.cpu.length} rankings: reading the case ${cpu(parts.read)}; conflict check ${cpu(parts.conflicts)}; loop ${cpu(parts.loop)}; every lawyer's reasons (the CLI's) ${cpu(parts.all)}; whole service call ${cpu(parts.whole)}; load ${loadavg()[0]?.toFixed(1)}\n`,
    )
  }
  if (options.dump !== undefined) {
    let reviewed = 0
    for (const caseId of caseIds) {
      if (reviewed >= 10) break
      const hits = services.matching
        .rank(caseId)
        .excluded.flatMap(({ lawyerId, reasons }) =>
          reasons.flatMap((reason) =>
            reason.key === 'excluded.conflict' ? [{ lawyerId, hitKey: String(reason.params.hitKey) }] : [],
          ),
        )
      const [cleared, confirmed] = [hits[0], hits.find((hit) => hit.lawyerId !== hits[0]?.lawyerId)]
      if (cleared === undefined || confirmed === undefined) continue
      services.matching.reviewConflict({ caseId, ...cleared, decision: 'cleared', reason: 'bench: cleared' })
      services.matching.reviewConflict({
        caseId,
        ...confirmed,
        decision: 'confirmed',
        reason: 'bench: confirmed',
      })
      reviewed += 1
    }
    writeFileSync(options.dump, '')
    for (const caseId of caseIds) {
      const view = services.matching.rank(caseId)
      const { ranking } = services.matching.rankForReference(view.reference)
      const whole = {
        ranked: ranking.ranked.map(({ lawyer, ...rest }) => ({ lawyer: lawyer.id, ...rest })),
        excluded: ranking.excluded.map(({ lawyer, ...rest }) => ({ lawyer: lawyer.id, ...rest })),
      }
      // A case's id is drawn afresh by each run: its reference stands for it.
      appendFileSync(
        options.dump,
        `${JSON.stringify({ view: { ...view, caseId: view.reference }, whole })}\n`,
      )
    }
    process.stdout.write(
      `dumped ${caseIds.length} rankings (${reviewed} survivors with a hit cleared and one confirmed)\n`,
    )
  }
  services.vault.lock()
} finally {
  rmSync(folder, { recursive: true, force: true })
}
