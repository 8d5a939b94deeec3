/**
 * `npx tsx bench/dump-search.ts FOLDER OUT [N]`: every answer of the bench's searches over a vault `measure-search.ts`
 * seeded in FOLDER, written to OUT (one JSON line per search and page) with a fingerprint on stdout, so a change to
 * the search can be shown to give the same results in the same order (run it on copies of one vault with the base
 * and the branch, then `cmp` the files). Each of the 240 bench searches (`SEARCHES`) is read at offsets 0 and 100,
 * with no filter and with two filters; then a few words whose last part is one or two letters ("Al-S"). Rows are
 * dumped with their reasons. Synthetic data only; delete OUT when done. OUT must lie under the temp folder or the
 * bench folder (bench/support/dump-path.ts): the run stops before opening the vault otherwise.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { TCaseListQuery } from '../src/shared/contract/cases'
import { sql } from '../src/main/core/db/sql'
import { syntheticCaseload } from '#test-support/synthetic'
import { ADMIN_PASSPHRASE, newVaultServices } from '#test-support/vault-fixtures'
import { BENCH_TODAY, type TCaseSample } from './support/caseload'
import { checkedDumpPath, writeDump } from './support/dump-path'
import { searchesFrom } from './support/workloads'

const [folder = '', out = ''] = process.argv.slice(2)
if (folder === '' || out === '' || !existsSync(join(folder, 'vault')))
  throw new Error('usage: npx tsx bench/dump-search.ts FOLDER OUT [N] (a vault seeded by measure-search.ts)')
const outPath = checkedDumpPath(out)
const wanted = Number(process.argv[4] ?? 100_000)
const services = newVaultServices(folder, { now: () => BENCH_TODAY.getTime() })
if (services.vault.currentStaff() === null) await services.vault.unlock('alex.example', ADMIN_PASSPHRASE)
else services.recovery.confirm()
const db = () => services.vault.session().db
const count = db().value<number>(sql`SELECT count(*) FROM cases`) ?? 0

// The samples measure-search.ts takes: every n-th case of the import order.
const every = Math.max(1, Math.floor(count / 300))
const samples: TCaseSample[] = []
for (const batch of syntheticCaseload({
  count: wanted,
  seed: 42,
  today: BENCH_TODAY,
  batchSize: 2_000,
  caseworkers: 0,
})) {
  for (const { line, intake } of batch) {
    const index = line - 2
    if (index >= count || index % every !== 0 || samples.length >= 300) continue
    const reference = db().value<string>(sql`SELECT reference FROM cases WHERE rowid = ${index + 1}`) ?? ''
    samples.push({ reference, caseId: '', plainCaseId: '', intake })
  }
}
const texts = [
  ...searchesFrom(samples, Number(process.env['SEARCHES'] ?? 240)).map((search) => search.text),
  'Al-S',
  'Al-H',
  'Al-Sa',
  'El-M',
  'Abu-K',
]
const filters: Partial<TCaseListQuery>[] = [
  {},
  { province: 'ON' },
  { urgency: 'urgent', statuses: ['new', 'screening'] },
]
const hash = createHash('sha256')
const lines: string[] = []
for (const text of texts) {
  for (const filter of filters) {
    for (const offset of [0, 100]) {
      const page = services.caseList.list({ ...filter, search: text, offset, limit: 100 })
      const line = JSON.stringify({
        text,
        filter,
        offset,
        total: page.total,
        capped: page.totalCapped ?? false,
        rows: page.rows.map((row) => [row.reference, row.whyMatched]),
      })
      hash.update(line)
      lines.push(line)
    }
  }
}
writeDump(outPath, `${lines.join('\n')}\n`)
process.stdout.write(
  `${lines.length} pages, ${lines.reduce((n, l) => n + (JSON.parse(l) as { rows: unknown[] }).rows.length, 0)} rows, sha256 ${hash.digest('hex')}\n`,
)
services.vault.lock()
