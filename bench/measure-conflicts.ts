/**
 * `node --import tsx bench/measure-conflicts.ts [--lawyers N] [--conflicts-each N] [--survivors N] [--runs N]
 * [--dump FILE] [--profile FILE]`: the ranking's conflict check alone (`findConflicts` over the roster's declared names and the
 * referral parties, as `rankCase` calls it), for each of N synthetic survivors imported as cases, on the same vault
 * as bench/measure-ranking.ts builds. Prints the check's p50/p95 CPU and the load; --dump writes every survivor's
 * findings (hits, scores, reasons, order) as JSON, to hold a change of the check byte-identical to main's;
 * --profile a V8 CPU profile of the timed checks (sampling every 100 µs) for `node bench/support/profile-top.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { Session as Inspector } from 'node:inspector/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { syntheticImportRows, syntheticRosterLawyers } from '#test-support/synthetic'
import { createTestVault } from '#test-support/vault-fixtures'
import { CaseRepository } from '../src/main/core/cases/case-repository'
import { readRoster, survivorOfCase } from '../src/main/core/matching/case-ranking'
import { findConflicts } from '../src/main/core/matching/conflicts'
import { ReferralQueries } from '../src/main/core/referrals/referral-repository'
import { LawyerRepository } from '../src/main/core/roster/lawyer-repository'
import { ms, Series } from './support/measure'

const { values: options } = parseArgs({
  options: {
    lawyers: { type: 'string', default: '10000' },
    'conflicts-each': { type: 'string', default: '20' },
    survivors: { type: 'string', default: '100' },
    runs: { type: 'string', default: '1' },
    dump: { type: 'string' },
    profile: { type: 'string' },
  },
})
const [lawyerCount, conflictsEach, survivorCount, rounds] = [
  options.lawyers,
  options['conflicts-each'],
  options.survivors,
  options.runs,
].map(Number)

const NOW = new Date('2026-11-30T15:00:00Z')
const folder = mkdtempSync(join(tmpdir(), 'conflicts-bench-'))
try {
  const services = await createTestVault(folder, { now: () => NOW.getTime() })
  const session = services.vault.sessions.require()
  const roster = new LawyerRepository(session.db)
  const at = NOW.toISOString()
  session.db.transaction(() =>
    syntheticRosterLawyers(lawyerCount!, 7, conflictsEach!).forEach((lawyer, index) =>
      roster.insert(`bench-lawyer-${index}`, lawyer, at, null),
    ),
  )
  const { caseIds } = services.caseTransfer.importIntakes(syntheticImportRows(survivorCount!, 11, NOW), {
    dryRun: false,
  })
  const snapshot = readRoster(session)
  const cases = new CaseRepository(session.db)
  const survivors = caseIds.map((caseId) => {
    const row = cases.findCase(caseId)
    if (row === null) throw new Error(`no case ${caseId}`)
    return {
      survivor: survivorOfCase(session, row),
      reviews: new ReferralQueries(session.db).reviewsOf(caseId),
    }
  })
  // The first check builds the declared names' index: not timed with the others.
  const first = survivors[0]!
  findConflicts(first.survivor.caseId, first.survivor.parties, snapshot.names, first.reviews)
  const inspector = options.profile === undefined ? null : new Inspector()
  if (inspector !== null) {
    inspector.connect()
    await inspector.post('Profiler.enable')
    await inspector.post('Profiler.setSamplingInterval', { interval: 100 })
    await inspector.post('Profiler.start')
  }
  const checks = new Series()
  const dump: unknown[] = []
  const perSurvivor: number[] = []
  for (let round = 0; round < rounds!; round++) {
    for (const { survivor, reviews } of survivors) {
      const findings = checks.time(() =>
        findConflicts(survivor.caseId, survivor.parties, snapshot.names, reviews),
      )
      if (round === 0) {
        perSurvivor.push(checks.cpu[checks.cpu.length - 1] ?? 0)
        dump.push({
          caseId: survivor.caseId,
          blocking: [...findings.blocking],
          cleared: [...findings.cleared],
        })
      }
    }
  }
  if (inspector !== null) {
    const { profile } = await inspector.post('Profiler.stop')
    writeFileSync(options.profile!, JSON.stringify(profile))
    inspector.disconnect()
  }
  if (options.dump !== undefined) writeFileSync(options.dump, JSON.stringify(dump, null, 1))
  const hits = dump.reduce<number>(
    (total, each) => total + (each as { blocking: [string, unknown[]][] }).blocking.length,
    0,
  )
  const [load] = loadavg()
  process.stdout.write(
    `${checks.cpu.length} conflict checks of ${survivors.length} survivors over ${lawyerCount} lawyers with ${lawyerCount! * conflictsEach!} declared names (${hits} lawyers blocked in all): ${checks.cpuSummary()}, max ${ms(Math.max(...checks.cpu))} ms; load ${load?.toFixed(1)}\n`,
  )
  services.vault.lock()
} finally {
  rmSync(folder, { recursive: true, force: true })
}
