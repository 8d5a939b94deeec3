import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TIntakeCsvImportResult, TIntakeCsvTemplate } from '../../src/shared/contract/intake-csv'
import {
  CASEWORKER_PASSPHRASE,
  hashFolder,
  makeTempFolder,
  removeFolder,
  addTestCaseworker,
} from '#test-support/vault-fixtures'
import { unlockedHandlers } from '#test-support/handler-harness'
import { dispatch } from '../../src/main/ipc/dispatch'
import type { THandlerContext, THandlerTable } from '../../src/main/ipc/types'
import { type TServices } from '../../src/main/core/services'
import { localToday } from '../../src/main/core/cases/csv/intake-csv-transfer'
import { CSV_COLUMNS, columnOf } from '../../src/main/core/cases/csv/columns'

/* Synthetic, obviously invented people only. */

const GOOD = [
  'reference,family_name,given_names,date_of_birth,province,preferred_language,legal_needs,phone,narrative,notes',
  'CCIJ-2024-0100,Invented-One,Test,1980-02-28,ON,ar,refugee_claim,,"Canary-Narrative-7f3a, line one\nline two",=1+1',
  ',Invented-Two,Test,,QC,fr,"detention_review;removal_prra",+1 514 555 0100,,',
  ',Invented-Three,Test,,,,,,,',
].join('\n')

describe('intakeCsv:import and intakeCsv:export', () => {
  let folder: string
  let exportFile: string
  let services: TServices
  let table: THandlerTable
  let context: THandlerContext

  beforeEach(async () => {
    folder = makeTempFolder('ccij-intake-csv-')
    exportFile = join(folder, 'out', 'intakes.csv')
    ;({ services, table, context } = await unlockedHandlers(join(folder, 'data'), {
      chooseExportDestination: async () => exportFile,
    }))
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(folder, 'out'))
  })

  afterEach(() => {
    services.vault.lock()
    removeFolder(folder)
  })

  const call = async (channel: string, request: unknown): Promise<unknown> => {
    const result = await dispatch(table, channel, request, context)
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    return result.value
  }
  /** The file goes up as the screen sends it, in slices through the upload channels; the import names the upload. */
  const upload = async (csv: string, dryRun: boolean): Promise<string> => {
    const bytes = Buffer.byteLength(csv, 'utf8')
    const { uploadId } = (await call('csvUpload:open', { kind: 'intakes', bytes, dryRun })) as {
      uploadId: string
    }
    const middle = Math.floor(csv.length / 2)
    await call('csvUpload:append', { uploadId, text: csv.slice(0, middle), last: false })
    await call('csvUpload:append', { uploadId, text: csv.slice(middle), last: true })
    return uploadId
  }
  /** As the screen does: a dry run's upload is read for the dry run only, the import sends the file again. */
  const importCsv = async (csv: string, dryRun: boolean): Promise<TIntakeCsvImportResult> =>
    (await call('intakeCsv:import', {
      uploadId: await upload(csv, dryRun),
      dryRun,
    })) as TIntakeCsvImportResult
  const auditActions = () => services.audit.list({}).entries.map((entry) => entry.action)

  it('checks a good file on a dry run without storing it, then imports every row and audits counts only', async () => {
    const dry = await importCsv(GOOD, true)
    expect(dry).toMatchObject({
      accepted: true,
      dryRun: true,
      rows: 3,
      created: 0,
      errors: [],
      errorCount: 0,
    })
    // The preview shows each row as read (names, dates, places, needs), never contact details or the story.
    expect(dry.preview).toEqual([
      {
        line: 2,
        reference: 'CCIJ-2024-0100',
        name: 'Test Invented-One',
        dateOfBirth: '1980-02-28',
        province: 'ON',
        countryOfOrigin: '',
        intakeDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        legalNeeds: ['refugee_claim'],
      },
      expect.objectContaining({ line: 4, reference: '', name: 'Test Invented-Two', province: 'QC' }),
      expect.objectContaining({ line: 5, name: 'Test Invented-Three' }),
    ])
    expect(JSON.stringify(dry.preview)).not.toMatch(/Canary|555/)
    expect(dry.createdCases).toEqual([])
    expect(services.caseList.list({}).total).toBe(0)
    expect(auditActions()).not.toContain('import')

    const done = await importCsv(GOOD, false)
    expect(done).toMatchObject({ accepted: true, dryRun: false, rows: 3, created: 3 })
    // The cases created, in file order, each with the id its link opens.
    expect(done.createdCases.map((created) => created.reference)[0]).toBe('CCIJ-2024-0100')
    expect(done.createdCases).toHaveLength(3)
    for (const created of done.createdCases) {
      expect(services.caseFile.get(created.caseId).reference).toBe(created.reference)
    }
    expect(services.caseList.list({}).rows.map((row) => row.reference)).toContain('CCIJ-2024-0100')
    const entry = services.audit.list({ action: 'import' }).entries[0]
    expect(entry?.details).toMatchObject({ created: 3 })
    expect(JSON.stringify(entry)).not.toMatch(/Invented|Canary/)

    // The same file again: its reference is taken now, so the whole file is refused.
    const again = await importCsv(GOOD, true)
    expect(again).toMatchObject({
      accepted: false,
      created: 0,
      errors: [{ line: 2, field: 'reference', code: 'referenceExists', value: 'CCIJ-2024-0100' }],
      errorCount: 1,
    })
    expect(services.caseList.list({}).total).toBe(3)
  })

  it('writes nothing to the vault on a dry run, yet finds a reference in use past the preview rows', async () => {
    await importCsv(GOOD, false)
    const rows = Array.from({ length: 14 }, (_, index) => `,Invented-Dry${index},Test,,,,,,,`)
    rows.push('CCIJ-2024-0100,Invented-Late,Test,,,,,,,')
    const header = GOOD.split('\n')[0] ?? ''
    const clashing = [header, ...rows].join('\n')
    const clean = [header, ...rows.slice(0, -1)].join('\n')
    const before = hashFolder(join(folder, 'data'))

    const refused = await importCsv(clashing, true)
    expect(refused).toMatchObject({
      accepted: false,
      errors: [{ line: 16, field: 'reference', code: 'referenceExists', value: 'CCIJ-2024-0100' }],
    })
    const checked = await importCsv(clean, true)
    expect(checked).toMatchObject({ accepted: true, rows: 14, created: 0 })
    expect(checked.preview).toHaveLength(10)
    // Not one byte of the vault changed: no staged rows written and deleted, no journal left.
    expect(hashFolder(join(folder, 'data'))).toEqual(before)
  })

  it('refuses to import an upload read for a dry run (its rows were not kept), creating nothing', async () => {
    const uploadId = await upload(GOOD, true)
    const result = await dispatch(table, 'intakeCsv:import', { uploadId, dryRun: false }, context)
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(services.caseList.list({}).total).toBe(0)
    expect(auditActions()).not.toContain('import')
  })

  it('hands out a template in English and French that the import accepts unchanged', async () => {
    for (const language of ['en', 'fr'] as const) {
      const result = await dispatch(table, 'intakeCsv:template', { language }, context)
      if (!result.ok) throw new Error(result.error.message)
      const template = result.value as TIntakeCsvTemplate
      expect(template.columns.map((column) => column.column)).toEqual([...CSV_COLUMNS])
      for (const { column, header } of template.columns) expect(columnOf(header)).toBe(column)
      const dry = await importCsv(template.csv, true)
      expect(dry).toMatchObject({ accepted: true, rows: 1, errorCount: 0 })
      expect(dry.preview[0]).toMatchObject({ name: expect.stringMatching(/^Sam Ex[ae]mple/), province: 'QC' })
    }
    const french = await dispatch(table, 'intakeCsv:template', { language: 'fr' }, context)
    expect(french.ok && (french.value as TIntakeCsvTemplate).csv).toMatch(
      /^"numero_de_dossier","nom_de_famille"/,
    )
    expect(services.caseList.list({}).total).toBe(0)
  })

  it('refuses a file with bad rows whole, listing each row and field, and stores nothing', async () => {
    const bad = [
      'family_name,date_of_birth,province',
      'Invented-Good,1980-01-01,ON',
      'Invented-Bad,1980-02-31,ON',
      'Invented-Good,,',
      'Invented-Bad,,ZZ',
    ].join('\n')
    const result = await importCsv(bad, false)
    expect(result).toEqual({
      accepted: false,
      dryRun: false,
      rows: 4,
      created: 0,
      errors: [
        { line: 3, field: 'date_of_birth', code: 'noSuchDay', value: '1980-02-31' },
        { line: 5, field: 'province', code: 'province', value: 'ZZ' },
      ],
      errorCount: 2,
      preview: [],
      createdCases: [],
    })
    expect(services.caseList.list({}).total).toBe(0)
    expect(auditActions()).not.toContain('import')
  })

  it('exports every case to the chosen file with neutralized cells, atomically, and audits count and name', async () => {
    await importCsv(GOOD, false)
    const result = await dispatch(table, 'intakeCsv:export', {}, context)
    expect(result).toEqual({ ok: true, value: { exported: true, count: 3, fileName: 'intakes.csv' } })
    const text = readFileSync(exportFile, 'utf8')
    expect(text.startsWith('\uFEFF"reference"')).toBe(true)
    expect(text).toContain(`"'=1+1"`)
    expect(text).toContain(`"'+1 514 555 0100"`)
    expect(text).toContain('Canary-Narrative-7f3a')
    expect(statSync(exportFile).mode & 0o777).toBe(0o600)
    // No temp file left beside it.
    expect(readdirSync(join(folder, 'out'))).toEqual(['intakes.csv'])
    const entry = services.audit.list({ action: 'export' }).entries[0]
    expect(entry?.details).toMatchObject({ count: 3, fileName: 'intakes.csv' })
    expect(JSON.stringify(entry)).not.toMatch(/Invented|Canary/)
  })

  it('writes nothing when the person cancels the save dialog', async () => {
    services.options.desktop.chooseExportDestination = async () => null
    const result = await dispatch(table, 'intakeCsv:export', {}, context)
    expect(result).toEqual({ ok: true, value: { exported: false, count: 0, fileName: null } })
    expect(existsSync(exportFile)).toBe(false)
    expect(auditActions()).not.toContain('export')
  })

  it('refuses the export where there is no save dialog, writing nothing', async () => {
    delete services.options.desktop.chooseExportDestination
    const result = await dispatch(table, 'intakeCsv:export', {}, context)
    expect(result).toEqual({
      ok: false,
      error: { code: 'CANCELLED', message: 'Choosing where to save an export is not available here.' },
    })
    expect(existsSync(exportFile)).toBe(false)
    expect(auditActions()).not.toContain('export')
  })

  it('is for admins only', async () => {
    await addTestCaseworker(services.accounts, 'casey.example', 'Casey Example')
    services.vault.lock()
    await services.vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
    const caseworker = { staff: services.currentStaff() }
    expect(await dispatch(table, 'intakeCsv:import', { csv: GOOD, dryRun: true }, caseworker)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await dispatch(table, 'intakeCsv:export', {}, caseworker)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(existsSync(exportFile)).toBe(false)
  })
})

describe('localToday', () => {
  it('is the local calendar date', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })
})
