/**
 * `npm run bench -- [--scale tiny|small|full] [--json] [--seed N] [--plans]`
 *
 * Builds the caseload (a new encrypted vault and its plain twin, imported every run), runs every module of
 * `modules.ts` over it, and prints the figures: a table, or with `--json` exactly one flat JSON object on stdout.
 * Progress, notes and query plans go to stderr. Exits 1 when a module failed (its figures are null).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { FIGURE_KEYS, FIGURES, type TFigure, type TFigureKey, type TFigureValues } from './figures'
import type { TBench } from './module'
import { BENCH_MODULES } from './modules'
import { isScaleName, SCALES } from './scale'
import { buildCaseload, type TCaseload } from './support/caseload'
import { describeMachine, finishMachine } from './support/machine'
import { queryPlans } from './support/query-plans'
import { runAsJson, runAsTable, type TNote } from './support/report'

/** The figures the caseload's own import measures; every other one belongs to one module. */
const CASELOAD_FIGURES: readonly TFigureKey[] = ['insert_per_s', 'db_bytes', 'encrypted_vs_plain_writes']

function figureOwners(): Map<TFigureKey, string> {
  const owners = new Map<TFigureKey, string>(CASELOAD_FIGURES.map((key) => [key, 'caseload']))
  for (const module of BENCH_MODULES) {
    for (const key of module.figures) {
      const owner = owners.get(key)
      if (owner !== undefined) throw new Error(`${key} is reported by both ${owner} and ${module.name}`)
      owners.set(key, module.name)
    }
  }
  return owners
}

const { values: options } = parseArgs({
  options: {
    scale: { type: 'string', default: 'full' },
    json: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    plans: { type: 'boolean', default: false },
  },
})
if (!isScaleName(options.scale) || !/^\d+$/.test(options.seed)) {
  process.stderr.write('usage: npm run bench -- [--scale tiny|small|full] [--json] [--seed N] [--plans]\n')
  process.exit(2)
}
const scale = SCALES[options.scale]
const seed = Number(options.seed)
const owners = figureOwners()

const started = performance.now()
const machine = describeMachine()
const values = Object.fromEntries(FIGURE_KEYS.map((key) => [key, null])) as TFigureValues
const notes: TNote[] = []
const seconds = () => ((performance.now() - started) / 1000).toFixed(0).padStart(4)
const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20).toLocaleString('en-CA')
const progress = (line: string) => process.stderr.write(`[${seconds()} s] ${line}\n`)
const note = (key: TFigureKey, text: string) => {
  notes.push({ key, text })
  if (options.json) process.stderr.write(`         ${key}: ${text}\n`)
}
const root = mkdtempSync(join(tmpdir(), 'ccij-bench-'))
const scratchFolder = (name: string) => mkdtempSync(join(root, `${name}-`))
// A run stopped with Ctrl+C or kill leaves no vault, plain twin or packet behind in the temporary folder.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    rmSync(root, { recursive: true, force: true })
    process.exit(130)
  })
}

progress(
  `${scale.name} scale: ${scale.cases.toLocaleString('en-CA')} cases, seed ${seed}, load ${machine.load_start.join(' ')}`,
)
let failed = false
let caseload: TCaseload | undefined
try {
  const built = await buildCaseload({ scale, seed, progress, note, scratchFolder })
  caseload = built.caseload
  Object.assign(values, built.figures)
  const bench: TBench = { scale, seed, caseload, progress, note, scratchFolder }
  for (const module of BENCH_MODULES) {
    // The heap each module starts on: what earlier modules left live (the caseload) weighs on its collections.
    const { heapUsed, rss } = process.memoryUsage()
    progress(`${module.name} (heap used ${megabytes(heapUsed)} MB, RSS ${megabytes(rss)} MB)`)
    try {
      const figures = await module.run(bench)
      for (const key of module.figures) values[key] = figures[key] ?? null
    } catch (error) {
      failed = true
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
      for (const key of module.figures) note(key, `not measured: the ${module.name} module failed`)
      process.stderr.write(`${module.name} failed: ${message}\n`)
    }
  }
  if (options.plans) process.stderr.write(`\n# Query plans\n\n${queryPlans(caseload)}\n`)
} catch (error) {
  failed = true
  process.stderr.write(
    `the caseload could not be built: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
} finally {
  if (caseload !== undefined) {
    caseload.vault.services.vault.lock()
    caseload.plain.close()
  }
  rmSync(root, { recursive: true, force: true })
}

for (const key of FIGURE_KEYS) {
  const figure: TFigure = FIGURES[key]
  if (values[key] === null && !owners.has(key) && figure.pending !== undefined) {
    note(key, `not measured yet: ${figure.pending} has not landed`)
  }
}
const run = {
  scale,
  seed,
  machine: finishMachine(machine),
  values,
  notes,
  seconds: (performance.now() - started) / 1000,
}
progress(`done in ${run.seconds.toFixed(0)} s`)
process.stdout.write(options.json ? `${JSON.stringify(runAsJson(run))}\n` : runAsTable(run))
process.exitCode = failed ? 1 : 0
