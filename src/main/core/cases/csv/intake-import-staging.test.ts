import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CASEWORKER_PASSPHRASE, addTestCaseworker, createTestVault } from '#test-support/vault-fixtures'
import { tempFolderPerTest } from '#test-support/per-test'
import { CSV_MAX_REPORTED_ERRORS } from '../../../../shared/contract/intake-csv'
import type { Connection } from '../../db/connection'
import { CASEWORK_IMPORT_CACHE_KIB, CASEWORK_READ_CACHE_KIB } from '../../db/open-database'
import { sql, type TSql } from '../../db/sql'
import type { TVaultServices } from '../../services'
import { importIntakeRows, importIntakesCsv, intakeCsvReader } from './intake-csv-transfer'
import { STAGING_BATCH_ROWS, type IntakeImportStaging } from './intake-import-staging'
import type { TParseIntakesResult } from './parse-intakes-csv'

/* Synthetic, obviously invented people only. */

const HEADER = 'family_name,given_names,date_of_birth,province,narrative\n'
const goodRow = (index: number) =>
  `Stagedperson${index}-Example,Sample,1980-01-0${(index % 9) + 1},ON,"Invented story ${index}, for a test."\n`
const SLICE = 16 * 1024

describe('intake import staging: checked rows wait in the vault, not in memory', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices

  beforeEach(async () => {
    services = await createTestVault(root())
  })
  afterEach(() => services.vault.lock())

  const stagedInVault = (): number =>
    services.vault.session().db.value<number>(sql`SELECT count(*) FROM intake_import_staging`) ?? 0
  const caseCount = () => services.caseList.list({}).total

  /**
   * Opens an upload whose rows go to a fresh staging and sends `text` in slices, as the screen does; unless
   * `finish`, the last slice is kept back (`rest` sends it).
   */
  async function send(text: string, finish = true) {
    const staging = services.caseTransfer.intakeStaging()
    const reader = intakeCsvReader({ sink: staging, today: '2026-01-01' })
    const { uploadId } = services.csvUploads.open(reader, text.length)
    let at = 0
    for (; at + SLICE < text.length; at += SLICE) {
      if ((await services.csvUploads.append(uploadId, text.slice(at, at + SLICE), false)).ended) break
    }
    const rest = () => services.csvUploads.append(uploadId, text.slice(at), true)
    if (finish) await rest()
    return { staging, uploadId, rest }
  }
  const resultOf = (uploadId: string) => services.csvUploads.result<TParseIntakesResult>(uploadId, 'intakes')

  it('writes rows to the vault a batch at a time while the file streams in, holding one batch at most', async () => {
    const rows = 2_000
    const text = HEADER + Array.from({ length: rows }, (_, index) => goodRow(index)).join('')
    const { staging, uploadId, rest } = await send(text, false)
    // Mid-file: most rows are already in the vault, and memory never held more than one batch.
    expect(stagedInVault()).toBeGreaterThan(rows / 2)
    expect(staging.peakHeldRows).toBeLessThanOrEqual(STAGING_BATCH_ROWS)
    await rest()
    const parsed = await resultOf(uploadId)
    expect(staging.peakHeldRows).toBeLessThanOrEqual(STAGING_BATCH_ROWS)
    const result = importIntakeRows(services.caseTransfer, parsed, { dryRun: false })
    expect(result).toMatchObject({ accepted: true, rows, created: rows })
    expect(result.preview.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(caseCount()).toBe(rows)
    // The staged copies are gone once they are cases.
    expect(stagedInVault()).toBe(0)
  }, 120_000)

  it('the commit copies each staged intake and its search notes in SQL: the same cases as from memory, no narrative read into JS', async () => {
    const RICH_HEADER = 'family_name,given_names,city,province,experiences,adverse_parties,narrative,notes\n'
    const richRow = (index: number) =>
      [
        `Stagedcopy${index}-Example`,
        'Sample',
        index % 3 === 0 ? '' : 'Winnipeg',
        'MB',
        index % 2 === 0 ? 'torture;war_crimes' : '',
        index % 2 === 0 ? '"unit:99th Fictional Brigade;person:Colonel Invented"' : '',
        index % 4 === 0 ? '' : `"NarrativeMarker ${index}, invented.\nIts second line."`,
        index % 5 === 0 ? `NotesMarker ${index}` : '',
      ].join(',') + '\n'
    const text = RICH_HEADER + Array.from({ length: 40 }, (_, index) => richRow(index)).join('')
    // The same file from memory first (the intake's JSON made in JS), then staged (copied by SQL).
    const fromMemory = importIntakesCsv(services.caseTransfer, text, { dryRun: false, today: '2026-01-01' })
    const { uploadId } = await send(text)
    const parsed = await resultOf(uploadId)
    const db = services.vault.session().db
    // Every answer the database gives JS while the store writes the cases (the commit's transaction).
    const seen: unknown[] = []
    let writing = false
    for (const method of ['all', 'get', 'column', 'value'] as const) {
      const original = db[method].bind(db) as (query: TSql) => unknown
      Object.assign(db, {
        [method]: (query: TSql) => {
          const answer = original(query)
          if (writing) seen.push(answer)
          return answer
        },
      })
    }
    const store = services.caseTransfer
    const watched: typeof store = Object.create(store) as typeof store
    watched.importIntakes = (rows, options) => {
      writing = true
      try {
        return store.importIntakes(rows, options)
      } finally {
        writing = false
      }
    }
    const staged = importIntakeRows(watched, parsed, { dryRun: false })
    for (const method of ['all', 'get', 'column', 'value'] as const) Reflect.deleteProperty(db, method)
    expect(staged).toMatchObject({ accepted: true, created: 40 })
    expect(seen.length).toBeGreaterThan(0)
    // Nothing the commit read into JS holds a narrative or notes: SQL copied them.
    const read = JSON.stringify(seen)
    expect(read.includes('NarrativeMarker') || read.includes('NotesMarker')).toBe(false)

    // The search index is contentless: its words, by column and position, stand for each case's document (but its
    // reference, allocated in turn).
    db.run(
      sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.staged_copy_words USING fts5vocab(casework, case_search, instance)`,
    )
    const caseOf = (caseId: string) => ({
      data: db.value<string>(sql`SELECT data FROM case_intakes WHERE case_id = ${caseId}`),
      words: db.all(
        sql`SELECT term, col, offset FROM temp.staged_copy_words
            WHERE doc = (SELECT rowid FROM cases WHERE id = ${caseId}) AND col <> 'reference'
            ORDER BY col, offset`,
      ),
      names: db.value<string>(sql`SELECT names FROM case_names WHERE case_id = ${caseId}`),
      keys: db.column<string>(sql`SELECT key FROM match_keys WHERE owner_id = ${caseId} ORDER BY key`),
    })
    const memoryCases = fromMemory.createdCases.map(({ caseId }) => caseOf(caseId))
    expect(staged.createdCases.map(({ caseId }) => caseOf(caseId))).toEqual(memoryCases)
    const notesOf = (index: number) =>
      (memoryCases[index]?.words as { term: string; col: string }[])
        .filter(({ col }) => col === 'notes')
        .map(({ term }) => term)
        .join(' ')
    expect(notesOf(5)).toBe('winnipeg narrativemarker 5 invented its second line notesmarker 5')
    expect(notesOf(12)).toBe('')
    expect(notesOf(3)).toBe('narrativemarker 3 invented its second line')
    expect(stagedInVault()).toBe(0)
  }, 60_000)

  it('a dry run stores no case and leaves nothing staged', async () => {
    const text = HEADER + Array.from({ length: 600 }, (_, index) => goodRow(index)).join('')
    const { uploadId } = await send(text)
    const result = importIntakeRows(services.caseTransfer, await resultOf(uploadId), { dryRun: true })
    expect(result).toMatchObject({ accepted: true, rows: 600, created: 0 })
    expect(caseCount()).toBe(0)
    expect(stagedInVault()).toBe(0)
  }, 60_000)

  it("the commit's check of references in use reads the staged references, never the intakes' text", async () => {
    const lines = Array.from({ length: 600 }, (_, index) => goodRow(index))
    lines[450] = `CCIJ-2020-0451,${lines[450] ?? ''}`
    const withReference = lines.map((line, index) => (index === 450 ? line : `,${line}`))
    const { uploadId } = await send(`reference,${HEADER}${withReference.join('')}`)
    const parsed = await resultOf(uploadId)
    if (!('rows' in parsed)) throw new Error(`expected the file to be accepted: ${JSON.stringify(parsed)}`)
    const db = services.vault.session().db
    const queries: string[] = []
    const all = db.all.bind(db)
    db.all = (query) => {
      queries.push(query.text)
      return all(query)
    }
    // The reference is free: the check passes having read 1 row's reference, and no intake.
    expect(services.caseTransfer.importIntakes(parsed.rows, { dryRun: true })).toMatchObject({ created: 0 })
    expect(queries.some((text) => /\bintake\b.*FROM intake_import_staging/s.test(text))).toBe(false)
    expect(queries.some((text) => /reference <> ''/.test(text))).toBe(true)
  }, 60_000)

  it('a bad row half-way refuses the whole file: what was staged before it is dropped, nothing is stored', async () => {
    const lines = Array.from({ length: 1_200 }, (_, index) => goodRow(index))
    lines[700] = 'Badrow-Example,Sample,1980-02-30,ZZ,"Invented."\n'
    const { uploadId } = await send(HEADER + lines.join(''))
    const result = importIntakeRows(services.caseTransfer, await resultOf(uploadId), { dryRun: false })
    expect(result.accepted).toBe(false)
    expect(result.errors).toEqual([
      { line: 702, field: 'date_of_birth', code: 'noSuchDay', value: '1980-02-30' },
      { line: 702, field: 'province', code: 'province', value: 'ZZ' },
    ])
    expect(stagedInVault()).toBe(0)
    expect(caseCount()).toBe(0)
  }, 60_000)

  it('a failure inside the commit leaves no case, no half import, and nothing staged', async () => {
    const text = HEADER + Array.from({ length: 800 }, (_, index) => goodRow(index)).join('')
    const { uploadId } = await send(text)
    const parsed = await resultOf(uploadId)
    // As a disk error would, mid-transaction: row 600's staged intake can no longer be read.
    services.vault
      .session()
      .db.run(sql`UPDATE intake_import_staging SET intake = '{not json' WHERE line = 601`)
    expect(() => importIntakeRows(services.caseTransfer, parsed, { dryRun: false })).toThrow()
    expect(caseCount()).toBe(0)
    expect(stagedInVault()).toBe(0)
  }, 60_000)

  it('a cancelled upload leaves nothing staged, and rows a crash left behind are cleared by the next import', async () => {
    const text = HEADER + Array.from({ length: 1_000 }, (_, index) => goodRow(index)).join('')
    const { uploadId } = await send(text, false)
    expect(stagedInVault()).toBeGreaterThan(0)
    services.csvUploads.cancel(uploadId)
    expect(stagedInVault()).toBe(0)

    // A crash mid-upload: its rows stay (encrypted) and nobody owns them; an hour later an import clears them.
    const db = services.vault.session().db
    db.run(sql`INSERT INTO intake_import_staging (batch, line, reference, intake, staged_at)
               VALUES ('crashed', 2, '', '{}', ${Date.now() - 60 * 60_000})`)
    expect(stagedInVault()).toBe(1)
    const staging: IntakeImportStaging = services.caseTransfer.intakeStaging()
    expect(stagedInVault()).toBe(0)
    expect(staging.stagedRows()).toBe(0)
    expect(caseCount()).toBe(0)
  }, 60_000)

  it('lists the first problems only and counts the rest', async () => {
    const bad = Array.from({ length: CSV_MAX_REPORTED_ERRORS + 500 }, () => 'Badrow-Example,Sample,,ZZ,\n')
    const { uploadId } = await send(HEADER + bad.join(''))
    const result = importIntakeRows(services.caseTransfer, await resultOf(uploadId), { dryRun: true })
    expect(result.errors).toHaveLength(CSV_MAX_REPORTED_ERRORS)
    expect(result.errorCount).toBe(CSV_MAX_REPORTED_ERRORS + 500)
    expect(stagedInVault()).toBe(0)
  }, 120_000)

  it('casework.db keeps its large read cache, and an import stages and commits with the small one, put back after a failure or a cancel', async () => {
    const db = services.vault.session().db as Connection
    const cacheKib = () => -(db.database.pragma('casework.cache_size', { simple: true }) as number)
    expect(cacheKib()).toBe(CASEWORK_READ_CACHE_KIB)
    // The cache each read or write of the staging table ran with (the test's own count excepted).
    const seen = new Set<number>()
    const { all, run } = db
    db.all = <R>(query: TSql): R[] => {
      if (query.text.includes('intake_import_staging')) seen.add(cacheKib())
      return all.call(db, query) as R[]
    }
    db.run = (query) => {
      if (query.text.includes('intake_import_staging')) seen.add(cacheKib())
      return run.call(db, query)
    }
    const text = HEADER + Array.from({ length: 800 }, (_, index) => goodRow(index)).join('')

    const { uploadId } = await send(text)
    expect(stagedInVault()).toBe(800)
    expect([...seen]).toEqual([CASEWORK_IMPORT_CACHE_KIB])
    expect(cacheKib()).toBe(CASEWORK_READ_CACHE_KIB)
    // A commit that fails half-way (row 600 unreadable) ran with the small cache and leaves the large one.
    seen.clear()
    run.call(db, sql`UPDATE intake_import_staging SET intake = '{not json' WHERE line = 601`)
    const parsed = await resultOf(uploadId)
    expect(() => importIntakeRows(services.caseTransfer, parsed, { dryRun: false })).toThrow()
    expect([...seen]).toEqual([CASEWORK_IMPORT_CACHE_KIB])
    expect(cacheKib()).toBe(CASEWORK_READ_CACHE_KIB)
    expect(caseCount()).toBe(0)

    // A cancelled upload: its staged rows are dropped with the small cache, and the large one is back.
    seen.clear()
    const cancelled = await send(text, false)
    services.csvUploads.cancel(cancelled.uploadId)
    expect(stagedInVault()).toBe(0)
    expect([...seen]).toEqual([CASEWORK_IMPORT_CACHE_KIB])
    expect(cacheKib()).toBe(CASEWORK_READ_CACHE_KIB)

    // A good import, whole.
    const good = await send(text)
    const result = importIntakeRows(services.caseTransfer, await resultOf(good.uploadId), { dryRun: false })
    expect(result).toMatchObject({ accepted: true, created: 800 })
    expect(cacheKib()).toBe(CASEWORK_READ_CACHE_KIB)
  }, 120_000)

  it('is for admins only', async () => {
    await addTestCaseworker(services.accounts)
    services.vault.lock()
    await services.vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
    expect(() => services.caseTransfer.intakeStaging()).toThrow(/Only an admin/)
  })
})
