/**
 * `npx tsx bench/measure-batch.ts [SURVIVORS] [LAWYERS]`: the batch proposal alone through the service the screen
 * calls (`BatchMatchingService.propose`), on a fresh test vault holding LAWYERS lawyers (10,000 by default, ~20
 * declared conflict names each, imported as the import screen sends them) and SURVIVORS cases awaiting a match
 * (1,000 by default, imported as a cases file would bring them). Prints the setup, then the proposal's wall and CPU
 * time split into load (roster and cases read), score (every survivor × lawyer pair, conflicts aside) and solve (the
 * solves, of which the conflict checks of the pairs they proposed, and the chosen pairs' reasons), then how many
 * solves it took and how many pairs were checked. Run under `node --cpu-prof --import tsx`
 * to see inside.
 *
 * Setting up 10,000 lawyers takes minutes (mostly their conflict names' blocking keys): with BATCH_BENCH_VAULT=DIR
 * the vault is built in DIR once and reopened by later runs; BATCH_BENCH_AWAITING=K leaves only the first K cases
 * awaiting a match (the others in screening), to time the slow path on fewer cases.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { syntheticCaseload, syntheticLawyerCsv } from '#test-support/synthetic'
import { ADMIN_PASSPHRASE, createTestVault, newVaultServices } from '#test-support/vault-fixtures'
import { sql } from '../src/main/core/db/sql'
import type { TBatchChecks, TBatchPhaseTimes } from '../src/main/core/matching/batch-service'
import { BENCH_TODAY } from './support/caseload'
import { writeDump } from './support/dump-path'
import { ms, Series } from './support/measure'
import { importSignUpsAsTheScreenDoes } from './support/sign-up-import'

const survivors = Number(process.argv[2] ?? 1_000)
const lawyerCount = Number(process.argv[3] ?? 10_000)
const kept = process.env['BATCH_BENCH_VAULT']
const awaiting = process.env['BATCH_BENCH_AWAITING']
const folder = kept ?? mkdtempSync(join(tmpdir(), 'batch-bench-'))
const line = (text: string): void => {
  process.stdout.write(`${text}\n`)
}

async function freshVault() {
  mkdirSync(folder, { recursive: true })
  const services = await createTestVault(folder, { now: () => BENCH_TODAY.getTime() })
  const setup = new Series()
  await setup.timeAsync(() => importSignUpsAsTheScreenDoes(services, syntheticLawyerCsv(lawyerCount, 7)))
  setup.time(() => {
    for (const rows of syntheticCaseload({
      count: survivors,
      seed: 5,
      today: BENCH_TODAY,
      batchSize: 500,
      caseworkers: 0,
    })) {
      const { caseIds } = services.caseTransfer.importIntakes(
        rows.map(({ line: at, intake }) => ({ line: at, intake })),
        { dryRun: false },
      )
      const db = services.vault.session().db
      db.transaction(() => {
        for (const caseId of caseIds)
          db.run(sql`UPDATE cases SET status = 'awaiting_match' WHERE id = ${caseId}`)
      })
    }
  })
  // The conflict names' blocking keys are built in memory by the first check that needs them (the batch's load).
  const [importMs = 0, casesMs = 0] = setup.wall
  line(
    `setup: ${lawyerCount} lawyers imported in ${ms(importMs)} ms, ${survivors} cases in ${ms(casesMs)} ms`,
  )
  return services
}

async function keptVault() {
  const services = newVaultServices(folder, { now: () => BENCH_TODAY.getTime() })
  await services.vault.unlock('alex.example', ADMIN_PASSPHRASE)
  return services
}

try {
  const services =
    kept !== undefined && existsSync(join(folder, 'vault')) ? await keptVault() : await freshVault()
  if (awaiting !== undefined) {
    const db = services.vault.session().db
    db.run(sql`UPDATE cases SET status = 'screening' WHERE status = 'awaiting_match'`)
    db.run(sql`UPDATE cases SET status = 'awaiting_match' WHERE id IN
                 (SELECT id FROM cases ORDER BY reference LIMIT ${Number(awaiting)})`)
  }
  const times: TBatchPhaseTimes = {
    load: { wallMs: 0, cpuMs: 0 },
    score: { wallMs: 0, cpuMs: 0 },
    conflicts: { wallMs: 0, cpuMs: 0 },
    solve: { wallMs: 0, cpuMs: 0 },
  }
  const checks: TBatchChecks = { rounds: 0, pairsChecked: 0, pairsConflicted: 0, lawyersRead: 0 }
  const total = new Series()
  const proposal = total.time(() => services.batchMatching.propose(times, checks))
  const [wall = 0] = total.wall
  const [cpu = 0] = total.cpu
  const phase = (name: keyof TBatchPhaseTimes): string =>
    `${name} ${ms(times[name].wallMs)} ms (CPU ${ms(times[name].cpuMs)})`
  const phases = `${phase('load')}, ${phase('score')}, ${phase('solve')} of which ${phase('conflicts')}`
  // The pairs proposed, as one fingerprint (no reference or name printed), to hold two versions to the same proposal.
  const pairs = createHash('sha256')
    .update(
      proposal.cases
        .map((each) => `${each.reference}>${each.proposal?.lawyerId ?? ''}`)
        .sort()
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 16)
  // BATCH_BENCH_DUMP=FILE: the whole proposal (reasons included, the time taken left out), to compare two versions.
  const dump = process.env['BATCH_BENCH_DUMP']
  if (dump !== undefined) writeDump(dump, JSON.stringify({ ...proposal, elapsedMs: 0 }))
  const [load] = loadavg()
  const lawyers = services.vault.session().db.column<number>(sql`SELECT count(*) FROM lawyers`)[0]
  line(
    `${proposal.cases.length} survivors over ${lawyers} lawyers: ${ms(wall)} ms wall, ${ms(cpu)} ms CPU = ${phases}; ${proposal.assigned} assigned (${proposal.urgentAssigned} urgent), ${proposal.pairsUsed} of ${proposal.pairsEligible} pairs, proven ${proposal.proven}, total score ${proposal.totalScore}, pairs ${pairs}; ${checks.rounds} solves, ${checks.pairsChecked} pairs checked for conflicts (${checks.pairsConflicted} conflicted in the solves) over ${checks.lawyersRead} lawyers' lists; load ${load?.toFixed(1)}; rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
  )
  services.vault.lock()
} finally {
  if (kept === undefined) rmSync(folder, { recursive: true, force: true })
}
