/**
 * `npx tsx bench/measure-search.ts FOLDER [N]`: the case list's search and filter figures alone, timed as the case
 * list bench times them, over N synthetic cases (100,000 by default) in a test vault kept in FOLDER between runs.
 * A run first tops the vault up to N cases (the generator is deterministic, so a stopped seeding resumes where it
 * stopped), then measures: a change to the search can be measured at full scale without seeding again. Prints the
 * figures with the load. Delete FOLDER when done: it holds a (synthetic) vault. `PROFILE=FILE` also writes a CPU profile
 * of the searches that make the p95, run again (see the end).
 */
import { existsSync, writeFileSync } from 'node:fs'
import { Session as Inspector } from 'node:inspector/promises'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { sql } from '../src/main/core/db/sql'
import { syntheticCaseload } from '#test-support/synthetic'
import { ADMIN_PASSPHRASE, createTestVault, newVaultServices } from '#test-support/vault-fixtures'
import { BENCH_TODAY, type TCaseSample } from './support/caseload'
import { seedSyntheticCases } from './support/fast-seed'
import { median, ms, percentile, Series } from './support/measure'
import { SearchPhases } from './support/search-phases'
import { forgetCounts, listFilters, searchesFrom } from './support/workloads'

const folder = process.argv[2] ?? ''
if (folder === '') throw new Error('usage: npx tsx bench/measure-search.ts FOLDER [N]')
const wanted = Number(process.argv[3] ?? 100_000)
const now = () => BENCH_TODAY.getTime()
const BATCH = 2_000

const services = existsSync(join(folder, 'vault'))
  ? newVaultServices(folder, { now })
  : await createTestVault(folder, { now })
if (services.vault.currentStaff() === null) await services.vault.unlock('alex.example', ADMIN_PASSPHRASE)
else services.recovery.confirm()
const db = () => services.vault.session().db
const stored = (): number => db().value<number>(sql`SELECT count(*) FROM cases`) ?? 0

// Seed (or resume) through the fast path: the import service in large transactions (bench/support/fast-seed.ts).
const seeding = seedSyntheticCases(services, {
  count: wanted,
  seed: 42,
  today: BENCH_TODAY,
  progress: (line) => process.stderr.write(`${line}\n`),
})
if (seeding.added > 0) {
  process.stderr.write(
    `seeded ${seeding.added} cases: ${ms(seeding.cpuMs / 1000)} s CPU, ${ms(seeding.wallMs / 1000)} s wall\n`,
  )
}
const caseload = () =>
  syntheticCaseload({ count: wanted, seed: 42, today: BENCH_TODAY, batchSize: BATCH, caseworkers: 0 })

// Samples as the bench takes them: every n-th case, its reference from the import order (rowid).
const count = stored()
const every = Math.max(1, Math.floor(count / 300))
const samples: TCaseSample[] = []
for (const batch of caseload()) {
  for (const { line, intake } of batch) {
    const index = line - 2
    if (index >= count || index % every !== 0 || samples.length >= 300) continue
    const reference = db().value<string>(sql`SELECT reference FROM cases WHERE rowid = ${index + 1}`) ?? ''
    samples.push({ reference, caseId: '', plainCaseId: '', intake })
  }
}

const { caseList } = services
const searches = searchesFrom(samples, Number(process.env['SEARCHES'] ?? 240))
for (const search of searches.slice(0, 8)) caseList.list({ search: search.text, limit: 100 })
const searched = new Series()
const byKind = new Map<string, number[]>()
// JOURNAL=TRUNCATE (or another mode) measures the audit entry's commit under that journal mode, for both files of
// this connection only (the app keeps DELETE: see open-database.ts).
const journal = process.env['JOURNAL']
if (journal !== undefined && /^[A-Z]+$/.test(journal)) {
  const { database } = services.vault.session().db as unknown as {
    database: { pragma(text: string): unknown }
  }
  for (const schema of ['main', 'casework']) database.pragma(`${schema}.journal_mode = ${journal}`)
  process.stderr.write(`journal_mode ${journal}\n`)
}
// CACHE_KIB=N: casework.db's page cache at N KiB for this connection (the app keeps CASEWORK_READ_CACHE_KIB): what a
// larger cache would buy the first reads of each search's pages (each one read from disk and decrypted).
const cacheKib = Number(process.env['CACHE_KIB'] ?? 0)
if (Number.isInteger(cacheKib) && cacheKib > 0) {
  const { database } = services.vault.session().db as unknown as {
    database: { pragma(text: string): unknown }
  }
  database.pragma(`casework.cache_size = -${cacheKib}`)
  process.stderr.write(`casework cache ${cacheKib} KiB\n`)
}
// Each search's phases (bench/support/search-phases.ts): which queries make the p95, and what in them.
const phases = SearchPhases.install(services.vault.session())
const tallies: { kind: string; text: string; cpu: number; wall: number; phases: Map<string, number> }[] = []
const auditWall: number[] = []
for (const search of searches) {
  forgetCounts(services)
  phases.begin()
  searched.time(() => caseList.list({ search: search.text, limit: 100 }))
  const cpu = searched.cpu.at(-1) ?? 0
  auditWall.push(phases.wall.get('audit') ?? 0)
  tallies.push({ ...search, cpu, wall: searched.wall.at(-1) ?? 0, phases: phases.end(cpu) })
  byKind.set(search.kind, [...(byKind.get(search.kind) ?? []), cpu])
}
// ROUNDS=N (N > 1): the same searches N - 1 more times, each after a write as above; each search's least CPU of the
// N rounds filters out what other processes and the collector added to one run: for comparing two versions on a
// busy machine (the figures above stay those of the first round, as the bench takes them).
const rounds = Math.max(1, Number(process.env['ROUNDS'] ?? 1))
const leastCpu = tallies.map((tally) => tally.cpu)
for (let round = 1; round < rounds; round++) {
  searches.forEach((search, index) => {
    forgetCounts(services)
    phases.begin() // a fresh tally, dropped: the phases printed are the first round's
    const again = new Series()
    again.time(() => caseList.list({ search: search.text, limit: 100 }))
    leastCpu[index] = Math.min(leastCpu[index] ?? Infinity, again.cpu[0] ?? Infinity)
  })
}
const filtered = new Series()
const byFilter = new Map<string, number[]>()
for (let round = 0; round < 3; round++) {
  for (const filter of listFilters(undefined)) {
    forgetCounts(services)
    filtered.time(() => caseList.list({ ...filter, offset: 0, limit: 100 }))
    const name = Object.entries(filter).join(' ')
    byFilter.set(name, [...(byFilter.get(name) ?? []), filtered.cpu.at(-1) ?? 0])
  }
}
const summary = (series: Map<string, number[]>) =>
  [...series]
    .map(([name, cpu]) => `${name}: CPU p50 ${ms(median(cpu))}, max ${ms(Math.max(...cpu))}`)
    .join('\n  ')
process.stdout.write(
  `${count} cases, load ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}\n` +
    `search p50 ${ms(median(searched.wall))} ms, p95 ${ms(percentile(searched.wall, 0.95))} ms (${searched.cpuSummary()})\n  ${summary(byKind)}\n` +
    `filter p95 ${ms(percentile(filtered.wall, 0.95))} ms (${filtered.cpuSummary()})\n  ${summary(byFilter)}\n` +
    (rounds > 1
      ? `search, each one's least CPU of ${rounds} rounds: p50 ${ms(median(leastCpu))} ms, p95 ${ms(percentile(leastCpu, 0.95))} ms, sum ${ms(leastCpu.reduce((a, b) => a + b, 0))} ms\n`
      : ''),
)
// The slowest searches (those above the p95 and a few below), their words (synthetic) and phases, CPU ms.
const phaseText = (tally: Map<string, number>) =>
  [...tally]
    .filter(([, value]) => value >= 0.05)
    .sort((left, right) => right[1] - left[1])
    .map(([name, value]) => `${name} ${ms(value)}`)
    .join(', ')
const slowest = [...tallies]
  .sort((left, right) => right.cpu - left.cpu)
  .slice(0, Number(process.env['SLOWEST'] ?? 16))
process.stdout.write(
  `slowest searches (CPU ms, wall in brackets: phases)\n${slowest
    .map(
      (tally) =>
        `  ${ms(tally.cpu)} (${ms(tally.wall)}) ${tally.kind} "${tally.text}": ${phaseText(tally.phases)}`,
    )
    .join('\n')}\n`,
)
process.stdout.write(
  `audit entry wall: p50 ${ms(median(auditWall))} ms, p95 ${ms(percentile(auditWall, 0.95))} ms\n`,
)
const phaseNames = [...new Set(tallies.flatMap((tally) => [...tally.phases.keys()]))]
process.stdout.write(
  `phases over all searches (CPU ms: p50, p95, sum)\n${phaseNames
    .map((name) => {
      const values = tallies.map((tally) => tally.phases.get(name) ?? 0)
      return `  ${name}: ${ms(median(values))}, ${ms(percentile(values, 0.95))}, ${ms(values.reduce((a, b) => a + b, 0))}`
    })
    .join('\n')}\n`,
)
// PROFILE=FILE: the searches that make the p95 (those between the p90 and the p99, by CPU) run again, counts
// forgotten, under V8's sampling profiler, written to FILE for bench/support/profile-top.ts; the figures above are
// not affected. Above the p99 are a few broad words whose count and page are SQLite's alone.
const profileFile = process.env['PROFILE']
if (profileFile !== undefined && profileFile !== '') {
  const worst = [...tallies]
    .sort((left, right) => right.cpu - left.cpu)
    .slice(Math.ceil(tallies.length / 100), Math.ceil(tallies.length / 10))
  const inspector = new Inspector()
  inspector.connect()
  await inspector.post('Profiler.enable')
  await inspector.post('Profiler.setSamplingInterval', { interval: 100 })
  await inspector.post('Profiler.start')
  for (let round = 0; round < 5; round++) {
    for (const { text } of worst) {
      forgetCounts(services)
      caseList.list({ search: text, limit: 100 })
    }
  }
  const { profile } = await inspector.post('Profiler.stop')
  writeFileSync(profileFile, JSON.stringify(profile))
  inspector.disconnect()
  process.stdout.write(
    `profile of the ${worst.length} searches between the p90 and the p99 (5 rounds) in ${profileFile}\n`,
  )
}
services.vault.lock()
