import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const TEMP_VARIABLES = ['TMPDIR', 'TMP', 'TEMP'] as const

/**
 * Tools' own caches, not leftovers of a test: the tsx loader (used by the tests that start a child process through
 * tsx, such as the SIGKILL tests) keeps its compile cache of our source in `<tmpdir>/tsx-<uid>`. It holds
 * transpiled code only, never data, and goes with the run's folder.
 */
const TOOL_CACHES = [/^tsx-\d+$/]

/**
 * Vitest global setup: the unit run gets a temp folder of its own (TMPDIR, TMP and TEMP point into it before any
 * worker starts, so every `os.tmpdir()` of the run's processes, and SQLite's temp files, land there), and at the end
 * anything left in it is a leftover of this run: named, removed, and the run fails.
 *
 * Why a folder per run rather than listing `ccij-*` in the shared temp folder before and after: other engineers'
 * runs, benches and e2e tests create and remove `ccij-*` folders there at any moment, so a before/after listing
 * would blame this run for their folders (or miss its own that another run removed). Nothing but this run's
 * processes writes into its own folder, so what is left there is ours, and the check cannot flake on other work.
 */
export default function setup(): () => void {
  const before = Object.fromEntries(TEMP_VARIABLES.map((name) => [name, process.env[name]]))
  const root = mkdtempSync(join(tmpdir(), 'ccij-unit-run-'))
  for (const name of TEMP_VARIABLES) process.env[name] = root
  return () => {
    const left = readdirSync(root).filter((name) => !TOOL_CACHES.some((cache) => cache.test(name)))
    rmSync(root, { recursive: true, force: true })
    for (const name of TEMP_VARIABLES) {
      const value = before[name]
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    if (left.length > 0) {
      const message = `The unit tests left ${left.length} temp folder(s) or file(s) behind (removed now): ${left.join(', ')}`
      process.stderr.write(`\n*** ${message} ***\n\n`)
      // Vitest reports an error thrown here ("error during close") but still exits 0: the exit code says it.
      process.exitCode = 1
    }
  }
}
