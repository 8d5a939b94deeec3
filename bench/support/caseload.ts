/**
 * The caseload every module measures: `scale.cases` synthetic survivors imported through the production services
 * into a new encrypted vault (production KDF), and the same cases, through the same service classes, into the plain
 * twin. Both are filled batch by batch in alternation, so load from other work on a shared machine falls on both
 * alike: the import figure, and the writes half of encrypted-vs-plain, come from that.
 *
 * Nothing is cached between runs: every run imports its caseload and measures it.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { TIntake } from '../../src/shared/cases/intake-schema'
import { sql } from '../../src/main/core/db/sql'
import { createVaultServices, type TVaultServices } from '../../src/main/core/services'
import type { TWritableDb } from '../../src/main/core/db/connection'
import { syntheticCaseload, type TCaseHistory } from '#test-support/synthetic'
import type { TFigureKey, TFigureValues } from '../figures'
import type { TScale } from '../scale'
import { ms, ratio, sum } from './measure'
import { createPlainTwin, type TCaseServices, type TPlainTwin } from './plain-twin'

export const BENCH_ADMIN = {
  username: 'bench.admin',
  displayName: 'Bench Admin',
  passphrase: 'quiet lantern ferry orbit 92',
} as const
const CASEWORKER_PASSPHRASE = 'amber trellis canyon whistle 47'

/** Synthetic dates are relative to this day, and the services' clock starts on it, so urgency is the same every run. */
export const BENCH_TODAY = new Date('2026-11-27T12:00:00Z')

/** How many cases the workloads take their searches and re-entered intakes from. */
const SAMPLES = 300
/** Cases whose status and caseworker change in one transaction while seeding. */
const HISTORY_BATCH = 500

export type TCaseSample = {
  reference: string
  /** The case's id in the vault and in the plain twin. */
  caseId: string
  plainCaseId: string
  intake: TIntake
}

export type TCaseload = {
  readonly count: number
  readonly today: Date
  readonly vault: {
    /** The vault folder (keyring and database), for hosts that open it themselves (the renderer's bridge). */
    readonly directory: string
    /** Every service, as every host builds them; unlocked as `BENCH_ADMIN`. */
    readonly services: TVaultServices
    readonly caseworkerIds: readonly string[]
  }
  readonly plain: TPlainTwin
  /** Cases spread over the caseload, with the intake each was created from. */
  readonly samples: readonly TCaseSample[]
}

type TSide = { services: TCaseServices; db: () => TWritableDb; caseworkerIds: readonly string[] }

/** A clock that starts at BENCH_TODAY and moves with real time (audit entries and timelines need time to pass). */
const benchClock = (): (() => number) => {
  const started = performance.now()
  return () => BENCH_TODAY.getTime() + Math.round(performance.now() - started)
}

/** Both sides in turn, the encrypted one first on even turns: neither always meets the colder cache or the busier moment. */
function inTurn(turn: number, run: (side: 'encrypted' | 'plain') => void): void {
  const order = turn % 2 === 0 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const)
  for (const side of order) run(side)
}

/** Every case's id by reference, read through the case list as a scrolling client would. */
function caseIdsByReference(services: TCaseServices): Map<string, string> {
  const ids = new Map<string, string>()
  for (let offset = 0; ; offset += 500) {
    const page = services.caseList.list({ offset, limit: 500 })
    for (const row of page.rows) ids.set(row.reference, row.id)
    if (page.rows.length < 500) return ids
  }
}

/** Moves each case along the status workflow to where its history says, and gives it its caseworker. */
function applyHistories(side: TSide, cases: readonly { caseId: string; history: TCaseHistory }[]): void {
  const { caseFile } = side.services
  side.db().transaction(() => {
    for (const { caseId, history } of cases) {
      const path = {
        new: [],
        screening: ['screening'],
        awaiting_match: ['screening', 'awaiting_match'],
        referred: ['screening', 'awaiting_match', 'referred'],
        active: ['screening', 'awaiting_match', 'referred', 'active'],
        closed: ['closed'],
      }[history.status] as ('screening' | 'awaiting_match' | 'referred' | 'active' | 'closed')[]
      for (const to of path) {
        // Staff cannot mark a case referred or active by hand without the referral behind it (docs/matching.md);
        // the synthetic caseload has no referrals, so those two steps are stored as a cases-file import stores a
        // past caseload's status. The list, filter and search figures read the status, not the referral.
        if (to === 'referred' || to === 'active') {
          side.db().run(sql`UPDATE cases SET status = ${to} WHERE id = ${caseId}`)
          continue
        }
        caseFile.changeStatus({
          caseId,
          to,
          reason: to === 'closed' ? 'Synthetic: closed after follow-up.' : '',
        })
      }
      const accountId = history.caseworker === null ? null : (side.caseworkerIds[history.caseworker] ?? null)
      if (accountId !== null) caseFile.assign({ caseId, accountId })
    }
  })
}

/** Bytes of the vault's database files (everything in its folder but the keyring). */
function databaseBytes(directory: string): number {
  return sum(
    readdirSync(directory)
      .filter((name) => name !== 'keyring.json')
      .map((name) => statSync(join(directory, name)).size),
  )
}

export type TCaseloadContext = {
  scale: TScale
  seed: number
  progress(line: string): void
  note(key: TFigureKey, text: string): void
  scratchFolder(name: string): string
}

/** Builds the caseload and measures the writes: `insert_per_s`, `db_bytes`, `encrypted_vs_plain_writes`. */
export async function buildCaseload(
  context: TCaseloadContext,
): Promise<{ caseload: TCaseload; figures: Partial<TFigureValues> }> {
  const { scale } = context
  const directory = join(context.scratchFolder('vault'), 'vault')
  const now = benchClock()
  // No `kdf` option: the production key derivation, whatever it is, so unlock_ms measures what staff wait for.
  const services = createVaultServices({ directory, now })
  context.progress('creating the vault and staff accounts (production key derivation)')
  await services.vault.create({ organizationName: 'Bench (synthetic)', ...BENCH_ADMIN })
  services.recovery.confirm()
  const caseworkerIds: string[] = []
  for (let index = 0; index < scale.caseworkers; index++) {
    const account = await services.accounts.add({
      username: `bench.caseworker${index + 1}`,
      displayName: `Bench Caseworker ${index + 1}`,
      role: 'caseworker',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    caseworkerIds.push(account.id)
  }
  const plain = createPlainTwin(context.scratchFolder('plain'), {
    clock: { now: () => new Date(now()) },
    caseworkers: scale.caseworkers,
  })
  const encrypted: TSide = { services, db: () => services.vault.session().db, caseworkerIds }
  const unencrypted: TSide = {
    services: plain.services,
    db: () => plain.db,
    caseworkerIds: plain.caseworkerIds,
  }

  const importTimes = { encrypted: [] as number[], plain: [] as number[] }
  const references = { encrypted: [] as string[], plain: [] as string[] }
  const histories: TCaseHistory[] = []
  const sampleEvery = Math.max(1, Math.floor(scale.cases / SAMPLES))
  const sampled = new Map<number, TIntake>()
  let batchNumber = 0
  for (const batch of syntheticCaseload({
    count: scale.cases,
    seed: context.seed,
    today: BENCH_TODAY,
    batchSize: scale.importBatch,
    caseworkers: scale.caseworkers,
  })) {
    const rows = batch.map(({ line, intake }) => ({ line, intake }))
    const run = (side: 'encrypted' | 'plain') => {
      const started = performance.now()
      const result = (side === 'encrypted' ? encrypted : unencrypted).services.caseTransfer.importIntakes(
        rows,
        {
          dryRun: false,
        },
      )
      importTimes[side].push(performance.now() - started)
      references[side].push(...result.references)
    }
    inTurn(batchNumber, run)
    for (const { line, intake, history } of batch) {
      histories.push(history)
      if ((line - 2) % sampleEvery === 0 && sampled.size < SAMPLES) sampled.set(line - 2, intake)
    }
    batchNumber++
    const done = histories.length
    if (
      batchNumber % Math.max(1, Math.round(scale.cases / scale.importBatch / 10)) === 0 ||
      done === scale.cases
    ) {
      context.progress(
        `imported ${done.toLocaleString('en-CA')} / ${scale.cases.toLocaleString('en-CA')} cases ` +
          `(encrypted ${Math.round((done / sum(importTimes.encrypted)) * 1000)}/s, plain ${Math.round((done / sum(importTimes.plain)) * 1000)}/s)`,
      )
    }
  }

  context.progress('moving cases along the status workflow and assigning caseworkers')
  const ids = {
    encrypted: caseIdsByReference(encrypted.services),
    plain: caseIdsByReference(unencrypted.services),
  }
  const historyTimes = { encrypted: [] as number[], plain: [] as number[] }
  let changed = 0
  for (let start = 0; start < histories.length; start += HISTORY_BATCH) {
    const end = Math.min(histories.length, start + HISTORY_BATCH)
    const casesOf = (side: 'encrypted' | 'plain') =>
      histories.slice(start, end).flatMap((history, offset) => {
        const caseId = ids[side].get(references[side][start + offset] ?? '')
        return caseId === undefined || (history.status === 'new' && history.caseworker === null)
          ? []
          : [{ caseId, history }]
      })
    const run = (side: 'encrypted' | 'plain') => {
      const cases = casesOf(side)
      if (side === 'encrypted') changed += cases.length
      const started = performance.now()
      applyHistories(side === 'encrypted' ? encrypted : unencrypted, cases)
      historyTimes[side].push(performance.now() - started)
    }
    inTurn(start / HISTORY_BATCH, run)
  }

  const { db } = services.vault.session()
  db.value(sql`PRAGMA wal_checkpoint(TRUNCATE)`)
  plain.db.value(sql`PRAGMA wal_checkpoint(TRUNCATE)`)
  const samples = [...sampled].flatMap(([index, intake]) => {
    const reference = references.encrypted[index] ?? ''
    const caseId = ids.encrypted.get(reference)
    const plainCaseId = ids.plain.get(references.plain[index] ?? '')
    return caseId === undefined || plainCaseId === undefined
      ? []
      : [{ reference, caseId, plainCaseId, intake }]
  })

  const encryptedWrites = sum(importTimes.encrypted) + sum(historyTimes.encrypted)
  const plainWrites = sum(importTimes.plain) + sum(historyTimes.plain)
  context.note(
    'insert_per_s',
    `${scale.cases.toLocaleString('en-CA')} cases imported into a new vault in batches of ${scale.importBatch.toLocaleString('en-CA')} (one transaction each, through the intakes import's service: no duplicate check per row)`,
  )
  context.note(
    'encrypted_vs_plain_writes',
    `the import (${ms(sum(importTimes.encrypted) / 1000)} s vs ${ms(sum(importTimes.plain) / 1000)} s) and the status and caseworker changes of ${changed.toLocaleString('en-CA')} cases in batches of ${HISTORY_BATCH} (${ms(sum(historyTimes.encrypted) / 1000)} s vs ${ms(sum(historyTimes.plain) / 1000)} s)`,
  )
  return {
    caseload: {
      count: scale.cases,
      today: BENCH_TODAY,
      vault: { directory, services, caseworkerIds },
      plain,
      samples,
    },
    figures: {
      insert_per_s: Math.round((scale.cases / sum(importTimes.encrypted)) * 1000),
      db_bytes: databaseBytes(directory),
      encrypted_vs_plain_writes: ratio(encryptedWrites, plainWrites),
    },
  }
}
