/**
 * `npx tsx bench/csv-memory.ts [megabytes] [--v8-default] [--built]`: peak memory of a ~50 MB intakes CSV going through the real import
 * (CsvUploads in 512 KiB slices, as the screen sends it, checked rows staged in the vault, then importIntakeRows),
 * on a fresh test vault:
 *   1. a file with more than 50,000 rows: refused by the row cap while parsing;
 *   2. a file of 45,000 long rows: the dry run (its rows are not kept: nothing is written to the vault), then the
 *      file again, staged, and the import (one transaction).
 * Prints the resident set after each step, each step's own peak (VmHWM, reset between steps, Linux), the whole
 * run's peak, the commit's wall and CPU time, and the longest the event loop was
 * held while a file streamed in (how long another request could wait behind the import), seen two ways: Node's
 * event-loop delay histogram and a 10 ms timer's worst lateness (the stall a progress poll or a click would feel),
 * with the CPU time the process used next to the wall time (figures under a loaded machine). Synthetic, obviously
 * invented people only; the files and the vault live in a temp folder removed at the end. Not a timed test.
 *
 * `--built`: the figures of the shipped worker. From source, the worker runs intake-csv-worker.ts under tsx, and tsx
 * adds a module-loader thread to main and another to the worker (tens of MB the built app does not have). With
 * `--built` (after `npm run build`), this bench is bundled with esbuild into out/main/ beside the built main's
 * bundle and run by plain Node, so the reader starts out/main/intake-csv-worker.js exactly as the built main does
 * (`builtWorkerUrl`), and no loader thread exists; the bundle is removed at the end. Main is Node here, not
 * Electron: the worker and the import are the shipped code, the process around them is not.
 */
import { spawnSync } from 'node:child_process'
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { readFileSync, writeFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getHeapStatistics } from 'node:v8'
import { createTestVault } from '#test-support/vault-fixtures'
import { importIntakeRows } from '../src/main/core/cases/csv/intake-csv-transfer'
import { intakeCsvWorkerReader } from '../src/main/core/cases/csv/intake-csv-worker-reader'
import type { TParseIntakesResult } from '../src/main/core/cases/csv/parse-intakes-csv'
import type { TVaultServices } from '../src/main/core/services'

/**
 * V8 sizes its young generation as it goes, and when it collects moves each step's peak by tens of MB from run to
 * run (BENCHMARKS.md). So the bench runs itself again under a fixed young generation (16 MB semi-spaces, the most
 * V8 grows them to by default) unless asked for V8's own sizing (`--v8-default`) or already so started.
 */
const SEMI_SPACE_MB = 16
const fixedYoung = process.execArgv.some((flag) => flag.startsWith('--max-semi-space-size'))
const fromSource = import.meta.url.endsWith('.ts')
const built = process.argv.includes('--built')
if (fromSource && built) process.exit(await runBuilt())
if (!fixedYoung && !process.argv.includes('--v8-default')) {
  const again = spawnSync(
    process.execPath,
    [
      `--min-semi-space-size=${SEMI_SPACE_MB}`,
      `--max-semi-space-size=${SEMI_SPACE_MB}`,
      ...(fromSource ? ['--import', 'tsx'] : []),
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  )
  process.exit(again.status ?? 1)
}

/**
 * `--built`: this bench bundled into out/main/ (beside the built main and its worker, so the reader starts the
 * built worker) and run by plain Node, without tsx; the bundle is removed when it ends. Answers the exit status.
 */
async function runBuilt(): Promise<number> {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const worker = join(root, 'out', 'main', 'intake-csv-worker.js')
  if (!existsSync(worker)) {
    process.stderr.write(`${worker} is missing: run \`npm run build\` first.\n`)
    return 1
  }
  const bundle = join(root, 'out', 'main', 'csv-memory-bench.mjs')
  const { build } = await import('esbuild')
  await build({
    entryPoints: [fileURLToPath(import.meta.url)],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  })
  try {
    const flags = process.argv.includes('--v8-default')
      ? []
      : [`--min-semi-space-size=${SEMI_SPACE_MB}`, `--max-semi-space-size=${SEMI_SPACE_MB}`]
    const run = spawnSync(process.execPath, [...flags, bundle, ...process.argv.slice(2)], {
      stdio: 'inherit',
    })
    return run.status ?? 1
  } finally {
    rmSync(bundle, { force: true })
  }
}

const targetBytes = Number(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 50) * 1_000_000
const SLICE_BYTES = 512 * 1024
const HEADER = 'family_name,given_names,date_of_birth,province,narrative\r\n'

/** Writes `rows` rows of about `rowBytes` each, a batch at a time (never the whole file in memory). */
function writeFile(path: string, rows: number, rowBytes: number): number {
  const fd = openSync(path, 'wx', 0o600)
  try {
    writeSync(fd, HEADER)
    let batch = ''
    for (let index = 0; index < rows; index += 1) {
      const start = `Invented-Memory${index},Test,1980-01-01,ON,"`
      const story = 'Synthetic narrative, invented for a memory bench. '.repeat(
        Math.max(1, Math.ceil((rowBytes - start.length) / 51)),
      )
      batch += `${start}${story.slice(0, Math.max(1, rowBytes - start.length - 3))}"\r\n`
      if (batch.length > 1_000_000) {
        writeSync(fd, batch)
        batch = ''
      }
    }
    writeSync(fd, batch)
  } finally {
    closeSync(fd)
  }
  return statSync(path).size
}

const megabytes = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`

/**
 * A timer due every 10 ms: how late it fires is how long main was held by anything (a parse, a staging flush, a
 * garbage collection). `stop` answers the worst lateness seen, in ms.
 */
function stallProbe(): { stop: () => number } {
  const everyMs = 10
  let worst = 0
  let due = performance.now() + everyMs
  const timer = setInterval(() => {
    const now = performance.now()
    worst = Math.max(worst, now - due)
    due = now + everyMs
  }, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      return Math.round(worst)
    },
  }
}

/** The kernel's high-water mark of this process's resident set since the last `resetPeak`. */
function peakRss(): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmHWM:'))
  return line === undefined ? Number.NaN : Number(line.replace(/\D/g, '')) * 1024
}

/** Starts a new high-water mark (Linux: writing 5 to clear_refs), so each step's own peak is seen. */
function resetPeak(): void {
  writeFileSync('/proc/self/clear_refs', '5')
}

/** As the renderer does: the file in 512 KiB slices, each sent once the previous is parsed. */
async function upload(services: TVaultServices, path: string, dryRun: boolean): Promise<TParseIntakesResult> {
  const size = statSync(path).size
  const reader = intakeCsvWorkerReader({ sink: services.caseTransfer.intakeSink({ dryRun }) })
  const { uploadId } = services.csvUploads.open(reader, size)
  const decoder = new TextDecoder('utf-8')
  let sent = 0
  for await (const slice of createReadStream(path, { highWaterMark: SLICE_BYTES })) {
    sent += (slice as Buffer).length
    const progress = await services.csvUploads.append(
      uploadId,
      decoder.decode(slice as Buffer, { stream: true }),
      sent >= size,
    )
    if (progress.ended && sent < size) break
  }
  return services.csvUploads.result<TParseIntakesResult>(uploadId, 'intakes')
}

const folder = mkdtempSync(join(tmpdir(), 'csv-memory-bench-'))
try {
  const services = await createTestVault(folder)
  let wholeRunPeak = 0
  const report = (step: string) => {
    const stepPeak = peakRss()
    wholeRunPeak = Math.max(wholeRunPeak, stepPeak)
    process.stdout.write(
      `${step}: rss ${megabytes(process.memoryUsage().rss)}, this step's peak ${megabytes(stepPeak)}, ` +
        `main's V8 heap ${megabytes(getHeapStatistics().total_physical_size)}\n`,
    )
    resetPeak()
  }
  process.stdout.write(
    `V8: ${fixedYoung ? `young generation fixed (${process.execArgv.join(' ')})` : "V8's own sizing"}; ` +
      `worker: ${fromSource ? 'intake-csv-worker.ts under tsx (from source)' : 'out/main/intake-csv-worker.js (built)'}\n`,
  )
  report('vault open')

  const tooMany = join(folder, 'too-many-rows.csv')
  const tooManyBytes = writeFile(tooMany, 60_000, Math.floor(targetBytes / 60_000))
  const refused = await upload(services, tooMany, true)
  const refusedCode = 'errors' in refused ? refused.errors[0]?.code : 'accepted'
  report(`${megabytes(tooManyBytes)}, 60,000 rows: ${refusedCode ?? ''}`)
  rmSync(tooMany)

  const file = join(folder, 'intakes.csv')
  const rows = 45_000
  const bytes = writeFile(file, rows, Math.floor(targetBytes / rows))
  const delay = monitorEventLoopDelay({ resolution: 10 })
  const probe = stallProbe()
  const wallStart = performance.now()
  const cpuStart = process.cpuUsage()
  delay.enable()
  const uploaded = await upload(services, file, true)
  delay.disable()
  const stall = probe.stop()
  const cpu = process.cpuUsage(cpuStart)
  process.stdout.write(
    `event loop held while the file streamed in: max ${Math.round(delay.max / 1e6)} ms, ` +
      `p99 ${Math.round(delay.percentile(99) / 1e6)} ms; 10 ms timer at worst ${stall} ms late\n` +
      `upload: wall ${Math.round(performance.now() - wallStart)} ms, cpu user ${Math.round(cpu.user / 1000)} ms ` +
      `system ${Math.round(cpu.system / 1000)} ms, load average ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')}\n`,
  )
  const checked = importIntakeRows(services.caseTransfer, uploaded, { dryRun: true })
  report(
    `${megabytes(bytes)}, ${rows} rows, dry run: ${checked.accepted ? `${checked.rows} ready` : 'refused'}`,
  )
  const staged = await upload(services, file, false)
  report('the file again, staged for the import')
  const commitWall = performance.now()
  const commitCpu = process.cpuUsage()
  const imported = importIntakeRows(services.caseTransfer, staged, { dryRun: false })
  const commitUsage = process.cpuUsage(commitCpu)
  report(
    `import: ${imported.created} cases created in one transaction (wall ${Math.round(performance.now() - commitWall)} ms, ` +
      `cpu ${Math.round((commitUsage.user + commitUsage.system) / 1000)} ms, load ${loadavg()[0]?.toFixed(1) ?? ''})`,
  )
  process.stdout.write(`csv_import_50mb_peak_rss_bytes ${wholeRunPeak}\n`)
  process.stdout.write(`csv_upload_event_loop_max_delay_ms ${Math.round(delay.max / 1e6)}\n`)
  process.stdout.write(`csv_upload_main_thread_longest_stall_ms ${stall}\n`)
  services.vault.lock()
} finally {
  rmSync(folder, { recursive: true, force: true })
}
