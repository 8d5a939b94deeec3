/**
 * A large synthetic caseload written fast enough to measure the search at 100,000 cases: the cases go through the
 * intakes import service itself (`importIntakes`: the case row, file, intake, consents, timeline, match keys,
 * search document and stored names, exactly as the app writes them), in a few large transactions, with casework.db's
 * page cache raised while seeding so the growing indexes are not decrypted again on every insert.
 *
 * What it leaves out, and why the search figures do not need it: the status workflow's timeline entries and audit
 * entries per case (statuses are stored as a cases-file import stores a past caseload's, see `storeStatuses`) and
 * the plain twin the bench compares against. Resumable: the generator is deterministic, so a stopped seeding goes on
 * from the cases already stored.
 */
import { loadavg } from 'node:os'
import type { TDatabase } from '../../src/main/core/db/open-database'
import { sql } from '../../src/main/core/db/sql'
import type { TVaultServices } from '../../src/main/core/services'
import type { TWritableDb } from '../../src/main/core/db/connection'
import { syntheticCaseload, type TCaseloadCase } from '#test-support/synthetic'

/** Cases per transaction: few commits (each one a full sync of the journal), memory still small. */
export const SEED_TRANSACTION = 10_000
/** casework.db's page cache while seeding, in KiB (SQLite's negative cache_size): 512 MiB of decrypted pages. */
const SEEDING_CACHE_KIB = 524_288

export type TFastSeedOptions = {
  /** Cases the vault should hold when done. */
  count: number
  seed: number
  today: Date
  /** Cases per transaction (SEED_TRANSACTION by default). */
  transaction?: number
  progress?: (line: string) => void
}

export type TFastSeedResult = {
  /** Cases in the vault afterwards; `added` of them by this call. */
  count: number
  added: number
  /** CPU time of this process over the seeding (process.cpuUsage), and wall time, in milliseconds. */
  cpuMs: number
  wallMs: number
}

const casesIn = (db: TWritableDb): number => db.value<number>(sql`SELECT count(*) FROM cases`) ?? 0

/**
 * The status each synthetic case's history gives it, written as the cases-file import writes a past caseload's
 * status (the case counts follow through their triggers). Without timeline entries: the bench's synthetic closing
 * reason would only add one more word to every closed case's notes.
 */
function storeStatuses(
  db: TWritableDb,
  references: readonly string[],
  batch: readonly TCaseloadCase[],
): void {
  batch.forEach(({ history }, index) => {
    const reference = references[index]
    if (reference === undefined || history.status === 'new') return
    db.run(sql`UPDATE cases SET status = ${history.status} WHERE reference = ${reference}`)
  })
}

/**
 * Runs `work` with casework.db's page cache raised, and puts it back as it was. The import service lowers the cache
 * for its own run (`withCaseworkCache`, the app's import stays within memory); while seeding it is told not to.
 */
function withLargeCache<T>(db: TWritableDb, database: TDatabase, work: () => T): T {
  const before = database.pragma('casework.cache_size', { simple: true }) as number
  const lowering = Object.getOwnPropertyDescriptor(db, 'withCaseworkCache')
  database.pragma(`casework.cache_size = -${SEEDING_CACHE_KIB}`)
  Object.defineProperty(db, 'withCaseworkCache', {
    configurable: true,
    value: <R>(_kib: number, seeding: () => R): R => seeding(),
  })
  try {
    return work()
  } finally {
    if (lowering === undefined) Reflect.deleteProperty(db, 'withCaseworkCache')
    else Object.defineProperty(db, 'withCaseworkCache', lowering)
    database.pragma(`casework.cache_size = ${before}`)
  }
}

/** Fills the unlocked vault of `services` (an admin signed in) up to `options.count` synthetic cases. */
export function seedSyntheticCases(services: TVaultServices, options: TFastSeedOptions): TFastSeedResult {
  const session = services.vault.sessions.require()
  const { db } = session
  const database = (db as { database?: TDatabase }).database
  if (database === undefined) throw new Error('the fast seeding needs the vault connection itself')
  const size = options.transaction ?? SEED_TRANSACTION
  const startedCpu = process.cpuUsage()
  const startedWall = performance.now()
  const have = casesIn(db)
  if (have >= options.count) return { count: have, added: 0, cpuMs: 0, wallMs: 0 }
  let seen = 0
  withLargeCache(db, database, () => {
    for (const batch of syntheticCaseload({
      count: options.count,
      seed: options.seed,
      today: options.today,
      batchSize: size,
      caseworkers: 0,
    })) {
      const from = Math.max(0, have - seen)
      seen += batch.length
      if (from >= batch.length) continue
      const rows = batch.slice(from)
      const batchCpu = process.cpuUsage()
      db.transaction(() => {
        const { references } = services.caseTransfer.importIntakes(
          rows.map(({ line, intake }) => ({ line, intake })),
          { dryRun: false },
        )
        storeStatuses(db, references, rows)
      })
      const { user, system } = process.cpuUsage(batchCpu)
      options.progress?.(
        `seeded ${seen.toLocaleString('en-CA')} cases (last ${rows.length.toLocaleString('en-CA')}: ` +
          `${Math.round((user + system) / 1000).toLocaleString('en-CA')} ms CPU), load ${loadavg()[0]?.toFixed(1)}`,
      )
    }
  })
  const cpu = process.cpuUsage(startedCpu)
  const count = casesIn(db)
  return {
    count,
    added: count - have,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs: performance.now() - startedWall,
  }
}
