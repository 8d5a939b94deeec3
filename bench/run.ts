/** Runs every `*.bench.ts` in this folder, one after another, each in its own process. */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const benchFolder = import.meta.dirname
const files = readdirSync(benchFolder)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort()

let failed = 0
for (const file of files) {
  process.stdout.write(`\n# ${file}\n`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(benchFolder, file)], {
    stdio: 'inherit',
  })
  if (result.status !== 0) failed++
}
process.exitCode = failed === 0 ? 0 : 1
