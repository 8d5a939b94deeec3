import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ADMIN_PASSPHRASE, createTestVault } from '#test-support/vault-fixtures'
import { tempFolderPerTest } from '#test-support/per-test'
import { CSV_MAX_ROWS, CSV_PREVIEW_ROWS } from '../../../../shared/contract/intake-csv'
import type { TCsvUploadReader } from '../../csv/csv-uploads'
import { sql } from '../../db/sql'
import type { TVaultServices } from '../../services'
import { checkedForDryRun, type TCheckedIntakeSink } from './checked-intake-rows'
import { intakeCsvReader } from './intake-csv-transfer'
import { intakeCsvWorkerReader, runningIntakeWorkers } from './intake-csv-worker-reader'
import type { TParseIntakesResult } from './parse-intakes-csv'

/* Synthetic, obviously invented people only. */

const HEADER =
  'reference,family_name,given_names,date_of_birth,province,country_of_origin,narrative,notes\r\n'

/** A generated file whose rows use what a parser can trip on: quotes, commas, line ends inside cells, accents. */
function generatedRow(index: number): string {
  const story = `"Invented story ${index}, told ""in quotes"",\r\nover two lines; café ${'é'.repeat(index % 7)}."`
  const reference = index % 5 === 0 ? `CCIJ-2026-${String(index).padStart(5, '0')}` : ''
  return `${reference},Workerperson${index}-Example,Sample,1980-0${(index % 9) + 1}-1${index % 10},ON,SY,${story},n${index}\r\n`
}

/** Both readers over the same bytes, cut in the same odd-sized slices; the answers with their rows read out. */
async function bothAnswers(bytes: Buffer, sliceBytes: number, maxBytes = 50_000_000) {
  const readWith = async (reader: TCsvUploadReader<TParseIntakesResult>) => {
    async function* slices() {
      for (let at = 0; at < bytes.length; at += sliceBytes) yield bytes.subarray(at, at + sliceBytes)
    }
    const end = await reader.read(slices(), { maxBytes })
    const answer = reader.finish(end)
    return 'rows' in answer
      ? { end, rows: [...answer.rows].map((row) => ({ ...row, intake: row.intake })) }
      : { end, answer }
  }
  const options = { today: '2026-01-01' }
  return {
    worker: await readWith(intakeCsvWorkerReader(options)),
    thisThread: await readWith(intakeCsvReader(options)),
  }
}

describe('intakes CSV read in a worker thread: the same answers as on this thread', () => {
  it('gives the same checked rows for a generated file of 3,000 rows, cut anywhere', async () => {
    const rows = Array.from({ length: 3_000 }, (_, index) => generatedRow(index))
    const { worker, thisThread } = await bothAnswers(Buffer.from(HEADER + rows.join(''), 'utf8'), 7_919)
    expect(thisThread.rows).toHaveLength(3_000)
    expect(worker).toEqual(thisThread)
    expect(runningIntakeWorkers()).toBe(0)
  }, 60_000)

  it('a dry run is sent its preview rows whole and, of the others, only their lines and references', async () => {
    const rows = Array.from({ length: 3_000 }, (_, index) => generatedRow(index))
    const bytes = Buffer.from(HEADER + rows.join(''), 'utf8')
    const readDryRun = async (worker: boolean) => {
      const sink = checkedForDryRun(CSV_PREVIEW_ROWS)
      const counted = { whole: 0, referenceOnly: 0 }
      const watched: TCheckedIntakeSink = {
        ...sink,
        add: (row) => {
          counted.whole += 1
          sink.add(row)
        },
        addReference: (row) => {
          counted.referenceOnly += 1
          sink.addReference?.(row)
        },
      }
      const reader = (worker ? intakeCsvWorkerReader : intakeCsvReader)({
        sink: watched,
        today: '2026-01-01',
      })
      async function* slices() {
        for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536)
      }
      const answer = reader.finish(await reader.read(slices(), { maxBytes: 50_000_000 }))
      if (!('rows' in answer)) throw new Error('expected the file to be accepted')
      const preview = [...answer.rows]
        .slice(0, CSV_PREVIEW_ROWS)
        .map((row) => ({ ...row, intake: row.intake }))
      return {
        counted,
        length: answer.rows.length,
        references: [...(answer.rows.references?.() ?? [])],
        preview,
      }
    }
    const inWorker = await readDryRun(true)
    expect(inWorker.counted).toEqual({ whole: CSV_PREVIEW_ROWS, referenceOnly: 3_000 - CSV_PREVIEW_ROWS })
    expect(inWorker.references).toHaveLength(600)
    const { counted, ...sameAnswer } = await readDryRun(false)
    expect(counted.whole).toBe(3_000)
    expect({ ...inWorker, counted: undefined }).toEqual({ ...sameAnswer, counted: undefined })
    expect(runningIntakeWorkers()).toBe(0)
  }, 60_000)

  it('gives the same problems, by line and column, for bad rows', async () => {
    const rows = Array.from({ length: 400 }, (_, index) => generatedRow(index))
    rows[17] = 'CCIJ-2026-00000,Badperson-Example,Sample,1980-02-30,ZZ,XX,"Invented.",\r\n'
    rows[250] = ',,,tomorrow,ON,SY,"Invented.",,extra\r\n'
    const { worker, thisThread } = await bothAnswers(Buffer.from(HEADER + rows.join(''), 'utf8'), 4_099)
    const refusal = 'answer' in thisThread ? thisThread.answer : undefined
    expect(refusal !== undefined && 'errors' in refusal ? refusal.errorCount : 0).toBeGreaterThan(3)
    expect(worker).toEqual(thisThread)
  }, 60_000)

  it('refuses the same files the same way: too many rows, a quote left open, bytes not UTF-8, too many bytes', async () => {
    const files: [string, Buffer, number?][] = [
      [
        'too many rows',
        Buffer.from(HEADER + 'Capperson-Example,Sample\r\n'.repeat(CSV_MAX_ROWS + 5), 'utf8'),
      ],
      [
        'unclosed quote',
        Buffer.from(`${HEADER}${generatedRow(1)},"Open-Example,Sample\r\n${generatedRow(2)}`),
      ],
      ['not utf-8', Buffer.concat([Buffer.from(`${HEADER}${generatedRow(1)}`), Buffer.from([0xff, 0x0a])])],
      ['too large', Buffer.from(HEADER + generatedRow(1).repeat(50)), 1_000],
    ]
    for (const [name, bytes, maxBytes] of files) {
      const { worker, thisThread } = await bothAnswers(bytes, 65_536, maxBytes)
      expect({ name, ...worker }).toEqual({ name, ...thisThread })
      expect('answer' in worker, name).toBe(true)
    }
    expect(runningIntakeWorkers()).toBe(0)
  }, 120_000)
})

describe('intakes CSV worker thread and the vault', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices

  beforeEach(async () => {
    services = await createTestVault(root())
  })
  afterEach(() => services.vault.lock())

  const stagedInVault = (): number =>
    services.vault.session().db.value<number>(sql`SELECT count(*) FROM intake_import_staging`) ?? 0

  it('a lock mid-import ends the worker thread and leaves nothing staged', async () => {
    const text = HEADER + Array.from({ length: 2_000 }, (_, index) => generatedRow(index)).join('')
    const reader = intakeCsvWorkerReader({ sink: services.caseTransfer.intakeStaging(), today: '2026-01-01' })
    const { uploadId } = services.csvUploads.open(reader, text.length)
    const half = Math.floor(text.length / 2)
    for (let at = 0; at < half; at += 16_384) {
      await services.csvUploads.append(uploadId, text.slice(at, Math.min(at + 16_384, half)), false)
    }
    expect(stagedInVault()).toBeGreaterThan(0)
    expect(runningIntakeWorkers()).toBe(1)

    services.vault.lock()
    await vi.waitFor(() => expect(runningIntakeWorkers()).toBe(0))
    expect(services.csvUploads.openCount).toBe(0)
    await services.vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(stagedInVault()).toBe(0)
    await expect(services.csvUploads.append(uploadId, text.slice(half), true)).rejects.toThrow(
      /No such upload/,
    )
  }, 60_000)

  it('cancelling an upload ends its worker thread and drops what it staged', async () => {
    const text = HEADER + Array.from({ length: 1_000 }, (_, index) => generatedRow(index)).join('')
    const reader = intakeCsvWorkerReader({ sink: services.caseTransfer.intakeStaging(), today: '2026-01-01' })
    const { uploadId } = services.csvUploads.open(reader, text.length)
    await services.csvUploads.append(uploadId, text.slice(0, 200_000), false)
    expect(stagedInVault()).toBeGreaterThan(0)
    services.csvUploads.cancel(uploadId)
    await vi.waitFor(() => expect(runningIntakeWorkers()).toBe(0))
    expect(stagedInVault()).toBe(0)
  }, 60_000)
})
