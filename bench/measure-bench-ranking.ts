/**
 * `npx tsx bench/measure-bench-ranking.ts [--scale full|small|tiny] [--seed N]`: the matching bench's ranking loop
 * (bench/matching.bench.ts, `rank_p50_ms` / `rank_p95_ms`) on its own: the same roster, declared names and survivors
 * from the same seeds (bench/support/bench-ranking-inputs.ts), the conflict index built once, then for each of
 * `scale.runs.rank` survivors the conflict check and the whole ranking (`rankLawyers`, every lawyer with reasons),
 * no warm-up. Prints one line: p50/p95 wall and CPU time of the rankings, the same without the first three and
 * those three (wall, CPU, and the collections that ran during each), the collections over the loop by kind, and the
 * load average. What it does not have of the bench: the heap the earlier modules left (the caseload, the vault).
 *
 * `HEAP=1`: a sampling heap profile of the loop (objects the collector freed included) and its summary: the bytes
 * sampled, and the top allocation sites by bytes (timings then include the profiler's cost: compare them only with
 * other HEAP=1 runs). `HEAP_TOP=N` sites (20). `PROFILE_FIRST=FILE`: a V8 CPU profile (every 100 µs) of the first
 * three timed rankings, and its top functions printed (sources through tsx's maps); `PROFILE_REST=FILE` one of
 * every check and ranking after them. `DUMP=FILE`: every ranking, one JSON line each
 * (lawyers by id), written after each ranking is timed: two runs' files are the same byte for byte when their
 * rankings are (the dump's writing and its garbage move the timings: do not time a dumping run). `PREPARE=0`: the
 * roster's columns and name order left to the first ranking (as before the bench made them with the roster).
 */
import { appendFileSync } from 'node:fs'
import { Session as Inspector } from 'node:inspector/promises'
import { findSourceMap } from 'node:module'
import { loadavg } from 'node:os'
import { constants, performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { matchContext } from '#test-support/matching-profiles'
import { ConflictNameIndex, findConflicts, prepareRoster, rankLawyers } from '../src/main/core/matching'
import { isScaleName, SCALES } from './scale'
import { benchRankingInputs } from './support/bench-ranking-inputs'
import { writeDump } from './support/dump-path'
import { median, ms, percentile, Series, sum, time } from './support/measure'

const { values: options } = parseArgs({
  options: {
    scale: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '42' },
  },
})
if (!isScaleName(options.scale) || !/^\d+$/.test(options.seed)) {
  process.stderr.write('usage: npx tsx bench/measure-bench-ranking.ts [--scale tiny|small|full] [--seed N]\n')
  process.exit(2)
}
const scale = SCALES[options.scale]
const seed = Number(options.seed)
const heap = process.env.HEAP === '1'
const heapTop = Number(process.env.HEAP_TOP ?? 20)
const profileFirst = process.env.PROFILE_FIRST
const profileRest = process.env.PROFILE_REST
const dump = process.env.DUMP
/** The first timed rankings, printed apart as well as in the series (matching.bench.ts's note does the same). */
const WARMING = 3

/** Every collection, from before the index is built to the end: kind, start and duration (ms, performance.now). */
type TGc = { kind: number; start: number; duration: number }
const collections: TGc[] = []
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as Array<PerformanceEntry & { detail?: { kind?: number } }>)
    collections.push({ kind: entry.detail?.kind ?? 0, start: entry.startTime, duration: entry.duration })
})
observer.observe({ entryTypes: ['gc'] })
const KINDS: ReadonlyArray<[number, string]> = [
  [constants.NODE_PERFORMANCE_GC_MINOR, 'scavenge'],
  [constants.NODE_PERFORMANCE_GC_MAJOR, 'mark-compact'],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incremental marking'],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, 'weak callbacks'],
]
/** "3 scavenge 12.1 ms, 1 mark-compact 40.2 ms" for the collections that started within [from, to). */
const collectionsIn = (from: number, to: number): string => {
  const within = collections.filter(({ start }) => start >= from && start < to)
  const parts = KINDS.flatMap(([kind, name]) => {
    const of = within.filter((gc) => gc.kind === kind)
    if (of.length === 0) return []
    return [`${of.length} ${name} ${ms(of.reduce((total, gc) => total + gc.duration, 0))} ms`]
  })
  return parts.length === 0 ? 'no collection' : parts.join(', ')
}

const { lawyers, conflictNames, survivors } = benchRankingInputs(scale, seed)
const PREPARE = process.env['PREPARE'] !== '0'
const indexStarted = performance.now()
let index: ConflictNameIndex | undefined
const indexMs = time(() => {
  index = new ConflictNameIndex(conflictNames)
})
if (index === undefined) throw new Error('the conflict index was not built')
const conflicts = index
// As the bench does: the roster's columns and name order made with the roster, before its first ranking.
const preparedMs = PREPARE ? time(() => prepareRoster(lawyers)) : null
const context = matchContext()
const noReviews = new Map()

const inspector = heap || profileFirst !== undefined || profileRest !== undefined ? new Inspector() : null
inspector?.connect()
if (heap) {
  await inspector!.post('HeapProfiler.enable')
  await inspector!.post('HeapProfiler.startSampling', {
    samplingInterval: 32_768,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  })
}
if (profileFirst !== undefined) {
  await inspector!.post('Profiler.enable')
  await inspector!.post('Profiler.setSamplingInterval', { interval: 100 })
  await inspector!.post('Profiler.start')
}
if (dump !== undefined) writeDump(dump, '')

type TSampledNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children: TSampledNode[]
}

/** Where a frame's function starts in the source (tsx's source maps: its output is one line per module). */
const sourceOf = ({ url, lineNumber, columnNumber }: TSampledNode['callFrame']): string => {
  if (url === '') return ''
  const short = (file: string): string => file.replace(/^.*\/(src|bench|node_modules|tests)\//, '$1/')
  try {
    const entry = findSourceMap(url.startsWith('file://') ? fileURLToPath(url) : url)?.findEntry(
      lineNumber,
      columnNumber,
    )
    if (entry !== undefined && 'originalLine' in entry)
      return ` ${short(entry.originalSource)}:${entry.originalLine + 1}`
  } catch {
    // No map: the generated position.
  }
  return ` ${short(url)}:${lineNumber + 1}:${columnNumber + 1}`
}
/** A V8 CPU profile's top functions by self and total time (each counted once per sample), as shares. */
type TCpuProfile = {
  nodes: Array<Omit<TSampledNode, 'children'> & { children?: number[] }>
  samples: number[]
}
const profileTop = (profile: TCpuProfile, top: number): string => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const labels = new Map<number, string>()
  const label = (id: number): string => {
    let known = labels.get(id)
    if (known === undefined) {
      const { callFrame } = byId.get(id)!
      known = `${callFrame.functionName === '' ? '(anonymous)' : callFrame.functionName}${sourceOf(callFrame)}`
      labels.set(id, known)
    }
    return known
  }
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  for (const sample of profile.samples) {
    if (!byId.has(sample)) continue
    self.set(label(sample), (self.get(label(sample)) ?? 0) + 1)
    const counted = new Set<string>()
    for (let at: number | undefined = sample; at !== undefined; at = parent.get(at)) {
      if (counted.has(label(at))) continue
      counted.add(label(at))
      total.set(label(at), (total.get(label(at)) ?? 0) + 1)
    }
  }
  const table = (title: string, counts: Map<string, number>): string =>
    `${title}\n${[...counts]
      .sort((left, right) => right[1] - left[1])
      .slice(0, top)
      .map(([name, n]) => `${((100 * n) / profile.samples.length).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n')}\n`
  return `${table(`self (${profile.samples.length} samples)`, self)}${table('total', total)}`
}

let profileSummary = ''
const ranks = new Series()
const checks = new Series()
const spans: Array<[number, number]> = []
const loopStarted = performance.now()
for (let run = 0; run < scale.runs.rank; run++) {
  const survivor = survivors[run % survivors.length]
  if (survivor === undefined) continue
  checks.time(() => findConflicts(survivor.caseId, survivor.parties, conflicts, noReviews))
  const started = performance.now()
  // As the bench: the ranking is dropped at once (kept only to be dumped, after its timing).
  const ranking =
    dump === undefined
      ? ranks.time(() => void rankLawyers(survivor, lawyers, conflicts, noReviews, context))
      : ranks.time(() => rankLawyers(survivor, lawyers, conflicts, noReviews, context))
  spans.push([started, performance.now()])
  if (run === WARMING - 1 && profileFirst !== undefined) {
    // Stopping the profiler is async: the loop waits for it once, after the third ranking (outside any timing).
    const { profile } = await inspector!.post('Profiler.stop')
    writeDump(profileFirst, JSON.stringify(profile))
    profileSummary = profileTop(profile as unknown as TCpuProfile, heapTop)
  }
  if (run === WARMING - 1 && profileRest !== undefined) {
    await inspector!.post('Profiler.enable')
    await inspector!.post('Profiler.setSamplingInterval', { interval: 100 })
    await inspector!.post('Profiler.start')
  }
  if (dump !== undefined && ranking !== undefined) {
    const whole = {
      survivor: survivor.caseId,
      ranked: ranking.ranked.map(({ lawyer, ...rest }) => ({ lawyer: lawyer.id, ...rest })),
      excluded: ranking.excluded.map(({ lawyer, ...rest }) => ({ lawyer: lawyer.id, ...rest })),
    }
    appendFileSync(dump, `${JSON.stringify(whole)}\n`)
  }
}
const loopEnded = performance.now()
if (profileRest !== undefined) {
  const { profile } = await inspector!.post('Profiler.stop')
  writeDump(profileRest, JSON.stringify(profile))
  profileSummary += profileTop(profile as unknown as TCpuProfile, heapTop)
}

let heapSummary = ''
if (heap) {
  const { profile } = (await inspector!.post('HeapProfiler.stopSampling')) as unknown as {
    profile: { head: TSampledNode; samples: Array<{ size: number; nodeId: number }> }
  }
  const nodes = new Map<number, TSampledNode>()
  const walkNodes = (node: TSampledNode): void => {
    nodes.set(node.id, node)
    for (const child of node.children) walkNodes(child)
  }
  walkNodes(profile.head)
  const parents = new Map<number, TSampledNode>()
  for (const node of nodes.values()) for (const child of node.children) parents.set(child.id, node)
  const frame = (node: TSampledNode): string =>
    `${node.callFrame.functionName === '' ? '(anonymous)' : node.callFrame.functionName}${sourceOf(node.callFrame)}`
  // A built-in (push, Array.from, Map.set) is named with the function that called it.
  const label = (node: TSampledNode): string => {
    if (node.callFrame.url !== '') return frame(node)
    const caller = parents.get(node.id)
    return caller === undefined ? frame(node) : `${frame(node)} ← ${label(caller)}`
  }
  const bySite = new Map<string, number>()
  let total = 0
  for (const { size, nodeId } of profile.samples) {
    total += size
    const node = nodes.get(nodeId)
    const site = node === undefined ? '(unknown)' : label(node)
    bySite.set(site, (bySite.get(site) ?? 0) + size)
  }
  const top = [...bySite]
    .sort((left, right) => right[1] - left[1])
    .slice(0, heapTop)
    .map(([site, bytes]) => `${(bytes / 1e6).toFixed(1).padStart(7)} MB  ${site}`)
    .join('\n')
  heapSummary = `heap sampled over the loop (every 32 KiB, collected objects included): ${(total / 1e6).toFixed(0)} MB, ${ms(total / 1e6 / ranks.wall.length)} MB per ranking and check\n${top}\n`
}
inspector?.disconnect()
// The observer's entries arrive after the loop gives the event loop a turn.
await new Promise((resolve) => setImmediate(resolve))
await new Promise((resolve) => setTimeout(resolve, 10))
observer.disconnect()

const first = Array.from({ length: Math.min(WARMING, spans.length) }, (_, at) => {
  const [from, to] = spans[at]!
  return `${ms(ranks.wall[at]!)} ms (CPU ${ms(ranks.cpu[at]!)}; ${collectionsIn(from, to)})`
}).join(', ')
const warm = { wall: ranks.wall.slice(WARMING), cpu: ranks.cpu.slice(WARMING) }
// The rankings the p95 falls among (the 6th largest of 100 is the p95): which, and what the collector did then.
const slowest = ranks.wall
  .map((wall, at) => ({ wall, at }))
  .sort((left, right) => right.wall - left.wall)
  .slice(0, Math.max(1, ranks.wall.length - Math.ceil(0.95 * ranks.wall.length) + 1))
  .map(
    ({ wall, at }) =>
      `#${at + 1} ${ms(wall)} ms (CPU ${ms(ranks.cpu[at]!)}, its check alone ${ms(checks.wall[at]!)}; ${collectionsIn(...spans[at]!)})`,
  )
  .join(', ')
process.stdout.write(
  `${options.scale} scale, ${ranks.wall.length} survivors each checked then ranked over ${lawyers.length} lawyers with ${conflictNames.length} declared names (indexed in ${ms(indexMs)} ms, ${preparedMs === null ? 'the roster NOT prepared (PREPARE=0)' : `the roster prepared in ${ms(preparedMs)} ms`}; ${collectionsIn(indexStarted, loopStarted)} up to the loop): rank wall p50 ${ms(median(ranks.wall))} ms, p95 ${ms(percentile(ranks.wall, 0.95))} ms, ${ranks.cpuSummary()}, CPU sum ${ms(sum(ranks.cpu))} ms; without the first ${WARMING} wall p50 ${ms(median(warm.wall))} ms, p95 ${ms(percentile(warm.wall, 0.95))} ms, CPU p50 ${ms(median(warm.cpu))} ms, p95 ${ms(percentile(warm.cpu, 0.95))} ms; the first ${WARMING}: ${first}; slowest: ${slowest}; check wall p95 ${ms(percentile(checks.wall, 0.95))} ms; collections over the loop: ${collectionsIn(loopStarted, loopEnded)}; load ${loadavg()
    .map((value) => value.toFixed(1))
    .join(
      ' ',
    )}${heap ? ' (HEAP=1: timings include the heap profiler)' : ''}${dump === undefined ? '' : ' (DUMP: timings include the dump)'}\n${heapSummary}${profileSummary}`,
)
