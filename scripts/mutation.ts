/**
 * `npm run test:mutation [-- area …]`: runs Stryker over each area of stryker.areas.mjs in turn (each against its
 * own tests, see there why), then merges the areas' reports into reports/mutation/mutation.json and prints the
 * score as the issue defines it: killed and timed out over every covered and uncovered mutant.
 * `npm run test:mutation -- --merge` runs nothing and only merges (after part runs, see docs/testing.md).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MUTATION_AREAS } from '../stryker.areas.mjs'

const ROOT = join(import.meta.dirname, '..')
const REPORTS = join(ROOT, 'reports/mutation')

type TMutant = { status: string }
type TReport = {
  files: Record<string, { mutants: TMutant[] }>
  testFiles?: Record<string, unknown>
  [key: string]: unknown
}

// `--merge` runs nothing: it only merges the reports already there (whole areas and part runs) and prints the score.
const mergeOnly = process.argv.includes('--merge')
const requested = process.argv.slice(2).filter((argument) => argument !== '--merge')
const areas = mergeOnly ? [] : requested.length > 0 ? requested : Object.keys(MUTATION_AREAS)
for (const area of areas) {
  if (!(area in MUTATION_AREAS)) throw new Error(`unknown mutation area "${area}"`)
}

const started = Date.now()
for (const area of areas) {
  console.log(`\n== mutation area ${area}`)
  const run = spawnSync('npx', ['stryker', 'run'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CCIJ_MUTATION_AREA: area },
  })
  if (run.status !== 0) process.exit(run.status ?? 1)
}

/**
 * An area's reports, oldest first: the whole area's and those of its part runs (CCIJ_MUTATION_PART, one folder
 * each), so a file measured again in a later part run counts with its latest result.
 */
function reportsOf(area: string): string[] {
  const folder = join(REPORTS, area)
  if (!existsSync(folder)) return []
  const parts = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(folder, entry.name, 'mutation.json'))
  return [join(folder, 'mutation.json'), ...parts]
    .filter((file) => existsSync(file))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
}

// Every area's last reports, run now or earlier, so one area can be re-run alone and the total stays whole.
let merged: TReport | undefined
for (const file of Object.keys(MUTATION_AREAS).flatMap((area) => {
  const found = reportsOf(area)
  if (found.length === 0) console.log(`(no report yet for area ${area})`)
  return found
})) {
  const report = JSON.parse(readFileSync(file, 'utf8')) as TReport
  merged =
    merged === undefined
      ? report
      : {
          ...merged,
          files: { ...merged.files, ...report.files },
          testFiles: { ...merged.testFiles, ...report.testFiles },
        }
}
if (merged === undefined) throw new Error('no mutation report to merge')
writeFileSync(join(REPORTS, 'mutation.json'), JSON.stringify(merged))

const counts = new Map<string, number>()
for (const [name, file] of Object.entries(merged.files).sort(([a], [b]) => a.localeCompare(b))) {
  for (const mutant of file.mutants) counts.set(mutant.status, (counts.get(mutant.status) ?? 0) + 1)
  // Per file, so a partly measured area says which of its files have a figure.
  const found = file.mutants.filter(
    (mutant) => mutant.status === 'Killed' || mutant.status === 'Timeout',
  ).length
  const missed = file.mutants.filter(
    (mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage',
  ).length
  console.log(`${name}: ${found} of ${found + missed} killed or timed out`)
}
const count = (status: string) => counts.get(status) ?? 0
const detected = count('Killed') + count('Timeout')
const valid = detected + count('Survived') + count('NoCoverage')
console.log(`\nmutants by status: ${JSON.stringify(Object.fromEntries(counts))}`)
console.log(
  `score: ${((100 * detected) / valid).toFixed(2)} % (${detected} of ${valid} killed or timed out), ` +
    `this run ${Math.round((Date.now() - started) / 1000)} s; report: reports/mutation/mutation.json`,
)
