/**
 * `node --expose-gc --import tsx bench/measure-index-heap.ts [--lawyers N] [--conflicts-each N] [--rankings N]
 * [--show N] [--seed N] [--gc-after-build] [--root DIR] [--profile-first FILE]`: what the declared-conflict index costs the first rankings
 * after it is built, as `npm run bench`'s matching module meets it (issue 11): the same synthetic roster and names
 * (10,000 lawyers × 20 = 200,000 names, seed 42 as the bench's), the index built with nothing forced, then rankings
 * each preceded by a `findConflicts`, as the bench times them. Prints the build's wall and CPU time, every GC event
 * (PerformanceObserver 'gc': kind and duration) in time order interleaved with the first `--show` (5) rankings' and
 * conflict checks' wall and CPU time, the p50/p95 of all `--rankings` (100), the first `--show` survivors ranked again at the end (what was theirs and what was first), the first
 * survivor over a new array of the same profiles and over copies of them (the roster's columns and facts made again,
 * the code warm), then the heap the index holds: used heap
 * after a forced collection with the index alive minus the same once it is dropped, per distinct name and per
 * declared name. `--gc-after-build` forces a collection right after the build (what the rankings pay without the
 * build's garbage; not what the bench does). `--root DIR` reads the matching code from another checkout's `src`
 * (e.g. an archive of main) with the same synthetic data, for alternated pairs.
 * `--profile-first FILE` writes a V8 CPU profile of the first `--show` rankings (`bench/support/profile-top.ts`).
 * What it leaves out of the bench's heap: the 100,000-case caseload the bench holds alive beside the index.
 */
import { writeFileSync } from 'node:fs'
import { Session as Inspector } from 'node:inspector/promises'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { matchContext } from '#test-support/matching-profiles'
import { seededRandom, syntheticRoster, syntheticSurvivors } from '#test-support/synthetic'
import type * as Matching from '../src/main/core/matching'
import { rosterConflictNames, withIntakeParties } from './support/bench-ranking-inputs'
import { median, ms, percentile, Series } from './support/measure'

const { values: options } = parseArgs({
  options: {
    lawyers: { type: 'string', default: '10000' },
    'conflicts-each': { type: 'string', default: '20' },
    rankings: { type: 'string', default: '100' },
    show: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    'gc-after-build': { type: 'boolean', default: false },
    root: { type: 'string' },
    // A V8 CPU profile of the first `--show` rankings and checks (sampling every 200 µs), to this file.
    'profile-first': { type: 'string' },
  },
})

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) {
  process.stderr.write('run with node --expose-gc --import tsx bench/measure-index-heap.ts\n')
  process.exit(2)
}

const root = options.root === undefined ? resolve(import.meta.dirname, '..') : resolve(options.root)
const matching = (await import(
  pathToFileURL(join(root, 'src/main/core/matching/index.ts')).href
)) as typeof Matching
const lawyerCount = Number(options.lawyers)
const each = Number(options['conflicts-each'])
const seed = Number(options.seed)

// The bench's data (bench/matching.bench.ts): the import screen's roster names, the imported intakes' parties.
const { lawyers } = syntheticRoster(seededRandom(seed + 11), lawyerCount, each)
const conflictNames = rosterConflictNames(lawyerCount, seed + 13, each)
const survivors = withIntakeParties(syntheticSurvivors(seededRandom(seed + 12), 1_000), seed + 14)
const context = matchContext()
const noReviews = new Map()

type TEvent = { at: number; line: string }
const events: TEvent[] = []
const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weakcb' }
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as Array<PerformanceEntry & { detail?: { kind?: number } }>) {
    const kind = GC_KINDS[entry.detail?.kind ?? 0] ?? String(entry.detail?.kind)
    events.push({ at: entry.startTime, line: `  gc ${kind} ${ms(entry.duration)} ms` })
  }
})

observer.observe({ entryTypes: ['gc'] })
const started = performance.now()
const build = new Series()
// Held through an object so that dropping it (below, to weigh it) is a write the linter sees read.
const holder: { index: Matching.ConflictNameIndex | null } = {
  index: build.time(() => new matching.ConflictNameIndex(conflictNames)),
}
const size = holder.index?.size ?? { names: 0, entries: 0 }
events.push({
  at: started,
  line: `build ${ms(build.wall[0] ?? 0)} ms wall, ${ms(build.cpu[0] ?? 0)} ms CPU (${size.names.toLocaleString('en-CA')} distinct names, ${size.entries.toLocaleString('en-CA')} declared)`,
})
if (options['gc-after-build']) {
  gc()
  events.push({ at: performance.now(), line: 'forced gc after build' })
}

const inspector = options['profile-first'] === undefined ? null : new Inspector()
if (inspector !== null) {
  inspector.connect()
  await inspector.post('Profiler.enable')
  await inspector.post('Profiler.setSamplingInterval', { interval: 200 })
  await inspector.post('Profiler.start')
}
const ranks = new Series()
const checks = new Series()
const rankings = Number(options.rankings)
const show = Number(options.show)
for (let run = 0; run < rankings; run++) {
  const survivor = survivors[run % survivors.length]
  const held = holder.index
  if (survivor === undefined || held === null) continue
  const checkAt = performance.now()
  checks.time(() => matching.findConflicts(survivor.caseId, survivor.parties, held, noReviews))
  const rankAt = performance.now()
  // rankLawyers as it is written (rank.ts), with the conflict check inside it timed apart.
  let inner = 0
  ranks.time(() => {
    const innerAt = performance.now()
    const findings = matching.findConflicts(survivor.caseId, survivor.parties, held, noReviews)
    inner = performance.now() - innerAt
    return matching.rankWithConflicts(survivor, lawyers, findings, context)
  })
  if (run < show) {
    events.push({
      at: checkAt,
      line: `findConflicts #${run + 1} ${ms(checks.wall[run] ?? 0)} ms wall, ${ms(checks.cpu[run] ?? 0)} ms CPU`,
    })
    events.push({
      at: rankAt,
      line: `rankLawyers #${run + 1} ${ms(ranks.wall[run] ?? 0)} ms wall, ${ms(ranks.cpu[run] ?? 0)} ms CPU (its conflict check ${ms(inner)} ms wall)`,
    })
  }
  if (run === show - 1) {
    events.push({ at: performance.now(), line: `(rankings ${show + 1}..${rankings})` })
    if (inspector !== null) {
      const { profile } = await inspector.post('Profiler.stop')
      writeFileSync(options['profile-first'] ?? '', JSON.stringify(profile))
      inspector.disconnect()
    }
  }
}
// The first survivors once more, warm: what of their first times was theirs (a heavy survivor) and what was first.
const again = new Series()
const checksAgain = new Series()
for (let run = 0; run < show; run++) {
  const survivor = survivors[run % survivors.length]
  const held = holder.index
  if (survivor === undefined || held === null) continue
  checksAgain.time(() => matching.findConflicts(survivor.caseId, survivor.parties, held, noReviews))
  again.time(() => matching.rankLawyers(survivor, lawyers, held, noReviews, context))
}
// The first survivor once more over a new array of the same profiles (what a ranking keeps per roster array made
// again, the code warm), then over copies of the profiles (what it keeps per profile made again too): what of the
// first ranking was the roster's, not the code's first runs.
const newRoster = new Series()
const first = survivors[0]
if (first !== undefined && holder.index !== null) {
  const held = holder.index
  newRoster.time(() => matching.rankLawyers(first, [...lawyers], held, noReviews, context))
  const copies = lawyers.map((lawyer) => ({ ...lawyer }))
  newRoster.time(() => matching.rankLawyers(first, copies, held, noReviews, context))
}
const end = performance.now()
// Let the observer deliver the last entries, then the heap the index holds (the rankings' garbage collected).
await new Promise((done) => setTimeout(done, 50))
observer.disconnect()
gc()
const heapWith = process.memoryUsage().heapUsed
holder.index = null
gc()
const heapWithout = process.memoryUsage().heapUsed

let gcTotal = 0
for (const event of events.sort((left, right) => left.at - right.at)) {
  if (event.at > end) continue
  const line = `${ms(event.at - started)
    .toFixed(1)
    .padStart(9)} ${event.line}`
  process.stdout.write(`${line}\n`)
  const duration = /^ {2}gc \w+ ([\d.]+) ms$/.exec(event.line)
  if (duration !== null) gcTotal += Number(duration[1])
}
const held = heapWith - heapWithout
const summary = (series: Series): string =>
  `p50 ${ms(median(series.wall))} / p95 ${ms(percentile(series.wall, 0.95))} ms wall, CPU p50 ${ms(median(series.cpu))} / p95 ${ms(percentile(series.cpu, 0.95))} ms`
process.stdout.write(
  [
    `root ${root}`,
    `rankings (${ranks.wall.length}): ${summary(ranks)}; first 3 ${ranks.wall
      .slice(0, 3)
      .map((value) => ms(value))
      .join(', ')} ms`,
    `findConflicts: ${summary(checks)}`,
    `the first survivor over a new roster array: ${newRoster.wall.map((value) => ms(value)).join(' ms wall, over copies of its profiles: ')} ms wall (CPU ${newRoster.cpu.map((value) => ms(value)).join(', ')} ms)`,
    `the first ${show} again after the others: rankLawyers ${again.wall.map((value) => ms(value)).join(', ')} ms wall, findConflicts ${checksAgain.wall.map((value) => ms(value)).join(', ')} ms wall`,
    `gc during build and rankings ${ms(gcTotal)} ms`,
    `heap held by the index ${(held / 2 ** 20).toFixed(1)} MB (${Math.round(held / size.names)} B per distinct name, ${Math.round(held / size.entries)} B per declared name); heap used with it ${(heapWith / 2 ** 20).toFixed(1)} MB`,
    `load ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  ].join('\n') + '\n',
)
