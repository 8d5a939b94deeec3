/**
 * `npx tsx bench/measure-roster-import.ts [N]`: the roster bench's import alone (N lawyers, 10,000 by default) on a
 * fresh test vault, without building the survivors' caseload the full bench needs first. Prints one line.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { syntheticLawyerCsv } from '#test-support/synthetic'
import { createTestVault } from '#test-support/vault-fixtures'
import { ms, time } from './support/measure'

const count = Number(process.argv[2] ?? 10_000)
const folder = mkdtempSync(join(tmpdir(), 'roster-bench-'))
try {
  const services = await createTestVault(folder)
  const csv = syntheticLawyerCsv(count, 7)
  const { mapping } = services.lawyerImport.inspect(csv)
  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(since)
    return (used.user + used.system) / 1000
  }
  const checkCpu = process.cpuUsage()
  const checkMs = time(() => services.lawyerImport.check(csv, mapping))
  const checkCpuMs = cpuMs(checkCpu)
  const commitCpu = process.cpuUsage()
  const commitMs = time(() => services.lawyerImport.commit(csv, mapping, 'skip'))
  const commitCpuMs = cpuMs(commitCpu)
  const [load] = loadavg()
  process.stdout.write(
    `${count} lawyers (${(csv.length / 1e6).toFixed(1)} MB): dry run ${ms(checkMs)} ms (CPU ${ms(checkCpuMs)}) + commit ${ms(commitMs)} ms (CPU ${ms(commitCpuMs)}) = ${ms(checkMs + commitMs)} ms wall, ${ms(checkCpuMs + commitCpuMs)} ms CPU; load ${load?.toFixed(1)}; rss ${Math.round(process.memoryUsage().rss / 1e6)} MB\n`,
  )
} finally {
  rmSync(folder, { recursive: true, force: true })
}
