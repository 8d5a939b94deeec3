import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CASEWORKER_PASSPHRASE, addTestCaseworker, createTestVault } from '#test-support/vault-fixtures'
import { codeOf, codeOfAsync, tempFolderPerTest } from '#test-support/per-test'
import type { TVaultServices } from '../services'
import { intakeCsvReader } from '../cases/csv/intake-csv-transfer'
import type { TParseIntakesResult } from '../cases/csv/parse-intakes-csv'
import { CSV_MAX_ROWS } from '../../../shared/contract/intake-csv'

const FILE = 'family_name,given_names\nUploadperson-Example,Sample\n"Other\nperson-Example",Sample\n'

describe('CSV uploads', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices

  beforeEach(async () => {
    services = await createTestVault(root())
  })
  afterEach(() => services.vault.lock())

  it('parses each slice as it arrives and hands the import the checked rows', async () => {
    const { csvUploads } = services
    const { uploadId } = csvUploads.open(intakeCsvReader({ today: '2026-01-01' }), FILE.length)
    // Cut inside a quoted cell that spans two lines.
    const first = await csvUploads.append(uploadId, FILE.slice(0, 55), false)
    expect(first).toEqual({ bytesRead: 55, totalBytes: FILE.length, records: 2, ended: false })
    const second = await csvUploads.append(uploadId, FILE.slice(55), true)
    expect(second).toEqual({ bytesRead: FILE.length, totalBytes: FILE.length, records: 3, ended: true })
    const parsed = await csvUploads.result<TParseIntakesResult>(uploadId, 'intakes')
    expect(
      'rows' in parsed && [...parsed.rows].map((row) => [row.line, row.intake.person.familyName]),
    ).toEqual([
      [2, 'Uploadperson-Example'],
      [3, 'Other\nperson-Example'],
    ])
    expect(csvUploads.openCount).toBe(0)
  })

  it('ends the read at the row past the cap: later slices are not parsed', async () => {
    const { csvUploads } = services
    const rows = 'Capperson-Example,Sample\n'.repeat(CSV_MAX_ROWS + 10)
    const { uploadId } = csvUploads.open(intakeCsvReader({ today: '2026-01-01' }), 0)
    const progress = await csvUploads.append(uploadId, `family_name,given_names\n${rows}`, false)
    expect(progress.ended).toBe(true)
    expect(progress.records).toBe(CSV_MAX_ROWS + 2)
    // The rest of the file is answered at once, not read.
    expect(await csvUploads.append(uploadId, rows, true)).toEqual(progress)
    const parsed = await csvUploads.result<TParseIntakesResult>(uploadId, 'intakes')
    expect('errors' in parsed && parsed.errors).toEqual([
      { line: 0, field: '', code: 'tooManyRows', limit: CSV_MAX_ROWS },
    ])
  }, 240_000) // 50,000 rows checked against the intake schema: slow on a busy machine.

  it('refuses more bytes than the cap, and a file declared larger before reading it', async () => {
    const { csvUploads } = services
    const reader = { ...intakeCsvReader({ today: '2026-01-01' }), maxBytes: 100 }
    expect(codeOf(() => csvUploads.open(reader, 101))).toBe('BAD_REQUEST')
    const { uploadId } = csvUploads.open(reader, 50)
    await csvUploads.append(uploadId, 'family_name\n', false)
    expect((await csvUploads.append(uploadId, 'x'.repeat(100), false)).ended).toBe(true)
    const parsed = await csvUploads.result<TParseIntakesResult>(uploadId, 'intakes')
    expect('errors' in parsed && parsed.errors[0]?.code).toBe('tooLarge')
  })

  it('wants the whole file before answering, and forgets a cancelled upload', async () => {
    const { csvUploads } = services
    const { uploadId } = csvUploads.open(intakeCsvReader({ today: '2026-01-01' }), FILE.length)
    await csvUploads.append(uploadId, FILE.slice(0, 10), false)
    expect(await codeOfAsync(csvUploads.result(uploadId, 'intakes'))).toBe('BAD_REQUEST')
    csvUploads.cancel(uploadId)
    expect(await codeOfAsync(csvUploads.append(uploadId, FILE.slice(10), true))).toBe('NOT_FOUND')
    expect(csvUploads.openCount).toBe(0)
  })

  it('keeps one upload per person and kind: a new file ends the unfinished one', async () => {
    const { csvUploads } = services
    const first = csvUploads.open(intakeCsvReader({ today: '2026-01-01' }), FILE.length)
    const second = csvUploads.open(intakeCsvReader({ today: '2026-01-01' }), FILE.length)
    expect(await codeOfAsync(csvUploads.append(first.uploadId, FILE, true))).toBe('NOT_FOUND')
    expect((await csvUploads.append(second.uploadId, FILE, true)).ended).toBe(true)
    expect(csvUploads.openCount).toBe(1)
  })

  it('lets only an admin send intakes: a caseworker can neither open one nor continue an admin’s', async () => {
    const { csvUploads, vault } = services
    await addTestCaseworker(services.accounts, 'casey.example', 'Casey')
    const { uploadId } = csvUploads.open(intakeCsvReader({ today: '2026-01-01' }), FILE.length)
    // The lock ends the admin's upload with the session: nobody signed in next can continue it.
    vault.lock()
    expect(csvUploads.openCount).toBe(0)
    expect(await codeOfAsync(csvUploads.append(uploadId, FILE, true))).toBe('NOT_FOUND')
    await vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
    expect(codeOf(() => csvUploads.open(intakeCsvReader({ today: '2026-01-01' }), 10))).toBe('FORBIDDEN')
    expect(await codeOfAsync(csvUploads.append(uploadId, FILE, true))).toBe('NOT_FOUND')
    expect(await codeOfAsync(csvUploads.result(uploadId, 'intakes'))).toBe('NOT_FOUND')
  })
})
