/**
 * `npx tsx bench/measure-roster-import.ts [N]`: the roster bench's import alone (N lawyers, 10,000 by default), as
 * the import screen sends it (an upload in slices, then the dry run and the commit of that upload), on a fresh test
 * vault, without building the survivors' caseload the full bench needs first. Prints one line.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { syntheticLawyerCsv } from '#test-support/synthetic'
import { createTestVault } from '#test-support/vault-fixtures'
import { ms } from './support/measure'
import { importSignUpsAsTheScreenDoes } from './support/sign-up-import'

const count = Number(process.argv[2] ?? 10_000)
const folder = mkdtempSync(join(tmpdir(), 'roster-bench-'))
try {
  const services = await createTestVault(folder)
  const csv = syntheticLawyerCsv(count, 7)
  const { dryRun, commit } = await importSignUpsAsTheScreenDoes(services, csv)
  const [checkMs = 0, commitMs = 0] = [dryRun.wall[0], commit.wall[0]]
  const [checkCpuMs = 0, commitCpuMs = 0] = [dryRun.cpu[0], commit.cpu[0]]
  const [load] = loadavg()
  process.stdout.write(
    `${count} lawyers (${(csv.length / 1e6).toFixed(1)} MB): dry run ${ms(checkMs)} ms (CPU ${ms(checkCpuMs)}) + commit ${ms(commitMs)} ms (CPU ${ms(commitCpuMs)}) = ${ms(checkMs + commitMs)} ms wall, ${ms(checkCpuMs + commitCpuMs)} ms CPU; load ${load?.toFixed(1)}; rss ${Math.round(process.memoryUsage().rss / 1e6)} MB\n`,
  )
} finally {
  rmSync(folder, { recursive: true, force: true })
}
