/**
 * A vault holding N synthetic cases, for the case benchmarks. Seeding 100,000 cases takes a while, so the seeded
 * vault is kept in the system temp folder and reused by later runs (same count, seed and schema version); pass
 * `fresh: true` to rebuild it. Synthetic data only: nothing here is a real person.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createHash } from 'node:crypto'
import { syntheticImportRows, syntheticIntake } from '#test-support/synthetic'
import { CaseWriter } from '../src/main/core/cases/case-writer'
import { MIGRATIONS } from '../src/main/core/db/migrations'
import { sql } from '../src/main/core/db/sql'
import { createVaultServices } from '../src/main/core/services'

export const BENCH_ADMIN = { username: 'bench.admin', passphrase: 'quiet lantern ferry orbit 92' }
/** Cheap key derivation: these benchmarks measure queries, not unlocking. */
export const BENCH_KDF = { name: 'scrypt' as const, N: 2 ** 10, r: 8, p: 1 }
/** Dates in the synthetic data are relative to this day, so urgency is the same on every run. */
export const BENCH_TODAY = new Date('2026-11-27T12:00:00Z')

const BATCH = 5_000

/**
 * Copies a seeded vault of `count` cases into `destination` (a folder that will hold `vault/`) and returns how long
 * seeding took, or null when a cached copy was used.
 */
export async function seededVaultCopy(
  destination: string,
  count: number,
  options: { seed?: number; fresh?: boolean; log?: (line: string) => void } = {},
): Promise<{ seedSeconds: number | null }> {
  const seed = options.seed ?? 42
  // The cache is keyed by the schema, the generator's and the case writer's code too, so changing any reseeds.
  const fingerprint = createHash('sha256')
    .update(MIGRATIONS.map((migration) => migration.up.toString()).join('\n'))
    .update(syntheticIntake.toString())
    .update(CaseWriter.toString())
    .digest('hex')
    .slice(0, 12)
  const cache = join(tmpdir(), `ccij-bench-cases-${fingerprint}-${count}-${seed}`)
  let seedSeconds: number | null = null
  if (options.fresh === true || !existsSync(join(cache, 'ready'))) {
    rmSync(cache, { recursive: true, force: true })
    const building = mkdtempSync(join(tmpdir(), 'ccij-bench-seeding-'))
    const started = performance.now()
    const { vault, caseTransfer } = createVaultServices({
      directory: join(building, 'vault'),
      kdf: BENCH_KDF,
    })
    await vault.create({ organizationName: 'Bench (synthetic)', displayName: 'Bench Admin', ...BENCH_ADMIN })
    const rows = syntheticImportRows(count, seed, BENCH_TODAY)
    for (let start = 0; start < rows.length; start += BATCH) {
      caseTransfer.importIntakes(rows.slice(start, start + BATCH), { dryRun: false })
      options.log?.(`  seeded ${Math.min(start + BATCH, rows.length)} / ${count}\r`)
    }
    const { db } = vault.session()
    db.run(sql`PRAGMA optimize`)
    db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`)
    vault.lock()
    seedSeconds = (performance.now() - started) / 1000
    mkdirSync(cache, { recursive: true })
    cpSync(join(building, 'vault'), join(cache, 'vault'), { recursive: true })
    writeFileSync(join(cache, 'ready'), new Date().toISOString())
    rmSync(building, { recursive: true, force: true })
  }
  cpSync(join(cache, 'vault'), join(destination, 'vault'), { recursive: true })
  return { seedSeconds }
}
