/**
 * `npx tsx bench/measure-ranking.ts [--lawyers N] [--conflicts-each N] [--survivors N] [--runs N]
 * [--distinct-others N] [--memory]`: one survivor's
 * ranking as the case page asks for it (`MatchingService.rank`, reading the roster, the referrals and the conflict
 * keys from the vault), over N lawyers (10,000 by default) holding 20 declared conflict names each (200,000), for
 * 100 synthetic survivors imported as cases. Builds a fresh test vault first (not timed); the first ranking (which
 * reads and indexes the declared conflicts) is reported apart from the others. Prints p50/p95 wall and CPU time and the load average, one line;
 * run with `node --expose-gc --import tsx` for memory after a collection, and add --memory for memory after each step
 * on stderr (BENCHMARKS.md, "Where a ranking's RSS goes").
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { getHeapSpaceStatistics } from 'node:v8'
import { syntheticImportRows, syntheticRosterLawyers } from '#test-support/synthetic'
import { createTestVault } from '#test-support/vault-fixtures'
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
  first.time(() => services.matching.rank(caseIds[0]!))
  await memoryStep('first ranking')

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
  await memoryStep('rankings')
  const [load] = loadavg()
  // Under `node --expose-gc`: memory with the index held and the rankings' garbage gone, not a high-water mark.
  ;(globalThis as { gc?: () => void }).gc?.()
  const memory = process.memoryUsage()
  process.stdout.write(
    `${ranks.wall.length} rankings of ${caseIds.length} survivors over ${lawyerCount} lawyers with ${lawyerCount! * conflictsEach!} declared conflict names ${distinctOthers > 0 ? ` (units, organizations and states among ${distinctOthers} names)` : ''} (${Math.round(ranked / ranks.wall.length)} ranked, ${Math.round(excluded / ranks.wall.length)} excluded on average): first ranking ${ms(first.wall[0] ?? 0)} ms (CPU ${ms(first.cpu[0] ?? 0)}); then wall p50 ${ms(median(ranks.wall))} ms, p95 ${ms(percentile(ranks.wall, 0.95))} ms; ${ranks.cpuSummary()}; load ${load?.toFixed(1)}; rss ${Math.round(memory.rss / 1e6)} MB, heap used ${Math.round(memory.heapUsed / 1e6)} MB\n`,
  )
  services.vault.lock()
} finally {
  rmSync(folder, { recursive: true, force: true })
}
