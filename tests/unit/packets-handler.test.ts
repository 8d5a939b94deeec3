import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import { makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import { unlockedHandlers } from '#test-support/handler-harness'
import { dispatch } from '../../src/main/ipc/dispatch'
import type { THandlerContext, THandlerTable } from '../../src/main/ipc/types'
import type { TServices } from '../../src/main/core/services'
import { pdfCarrying } from '#test-support/blank-pdf'

/*
 * The packet channels as the renderer calls them. The desktop port's printer stands in for Chromium here (its
 * real output is read back in core/packets/packet-service.test.ts); what is under test is the order of things:
 * consent checked, dialog asked, print recorded, file written 0600 — and nothing recorded when cancelled.
 */

const FAKE_PDF = Buffer.from('%PDF-1.7 synthetic packet bytes')

describe('packets channels', () => {
  let folder: string
  let destination: string | null
  let services: TServices
  let table: THandlerTable
  let context: THandlerContext
  let caseId: string

  beforeEach(async () => {
    folder = makeTempFolder('ccij-packets-handler-')
    destination = join(folder, 'packet.pdf')
    ;({ services, table, context } = await unlockedHandlers(join(folder, 'data'), {
      printPacketToPdf: async () => FAKE_PDF,
      choosePacketDestination: async () => destination,
    }))
    const intake = emptyIntake('2026-11-20')
    intake.person.familyName = 'Invented-Handler'
    caseId = services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] }).caseId
  })
  afterEach(() => {
    services.vault.lock()
    removeFolder(folder)
  })

  const printed = () => services.caseFile.get(caseId).timeline.filter((entry) => entry.kind === 'packet')
  const request = () => ({ caseId, kind: 'survivor', language: 'fr', fields: ['name'] })

  it('saves the PDF readable by its owner only and records the packet', async () => {
    const result = await dispatch(table, 'packets:savePdf', request(), context)
    expect(result).toMatchObject({
      ok: true,
      value: { saved: true, record: { kind: 'survivor', language: 'fr' } },
    })
    expect(readFileSync(join(folder, 'packet.pdf'))).toEqual(FAKE_PDF)
    expect(statSync(join(folder, 'packet.pdf')).mode & 0o777).toBe(0o600)
    expect(printed()).toHaveLength(1)
  })

  it('records nothing when the save dialog is cancelled', async () => {
    destination = null
    const result = await dispatch(table, 'packets:savePdf', request(), context)
    expect(result).toEqual({ ok: true, value: { saved: false, record: null } })
    expect(printed()).toHaveLength(0)
    expect(existsSync(join(folder, 'packet.pdf'))).toBe(false)
  })

  it('refuses a field consent does not allow, whatever the renderer sends', async () => {
    const result = await dispatch(
      table,
      'packets:savePdf',
      {
        ...request(),
        kind: 'lawyer',
        recipient: { name: 'Invented Counsel', lines: [] },
        fields: ['narrative'],
      },
      context,
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(printed()).toHaveLength(0)
  })

  it('refuses a viewer at the door', async () => {
    const result = await dispatch(
      table,
      'packets:choices',
      { caseId, kind: 'survivor' },
      {
        staff: { ...context.staff!, role: 'viewer' },
      },
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('says the preview and Save as PDF are not available where the host cannot print to PDF', async () => {
    const bare = await unlockedHandlers(join(folder, 'bare'))
    const said = { 'packets:preview': 'The preview', 'packets:savePdf': 'Saving as PDF' } as const
    for (const channel of ['packets:preview', 'packets:savePdf'] as const) {
      expect(await dispatch(bare.table, channel, request(), bare.context)).toEqual({
        ok: false,
        error: { code: 'CANCELLED', message: `${said[channel]} is not available here.` },
      })
    }
    bare.services.vault.lock()
    // A printer without a save dialog cannot save either, nor a save dialog without a printer.
    for (const [name, desktop] of [
      ['printer-only', { printPacketToPdf: async () => FAKE_PDF }],
      ['dialog-only', { choosePacketDestination: async () => destination }],
    ] as const) {
      const partial = await unlockedHandlers(join(folder, name), desktop)
      expect(await dispatch(partial.table, 'packets:savePdf', request(), partial.context)).toEqual({
        ok: false,
        error: { code: 'CANCELLED', message: 'Saving as PDF is not available here.' },
      })
      partial.services.vault.lock()
    }
    expect(printed()).toHaveLength(0)
  })

  it('previews the PDF the host printed, page by page, without recording a packet', async () => {
    const pageSizes: string[] = []
    const withPdf = await unlockedHandlers(join(folder, 'preview'), {
      printPacketToPdf: async (_html, pageSize) => {
        pageSizes.push(pageSize)
        return pdfCarrying(Buffer.from('synthetic page'))
      },
    })
    const intake = emptyIntake('2026-11-20')
    intake.person.familyName = 'Invented-Preview'
    const previewed = withPdf.services.intake.submit({
      intake,
      decision: { kind: 'new' },
      reviewedCandidates: [],
    }).caseId
    const result = await dispatch(
      withPdf.table,
      'packets:preview',
      { ...request(), caseId: previewed },
      withPdf.context,
    )
    expect(result).toMatchObject({ ok: true, value: { record: { kind: 'survivor', language: 'fr' } } })
    const pages = result.ok ? (result.value as { pages: { src: string }[] }).pages : []
    expect(pages).toHaveLength(1)
    expect(pages[0]?.src).toMatch(/^data:image\/png;base64,/)
    const record = result.ok ? (result.value as { record: { pageSize: string } }).record : undefined
    expect(pageSizes).toEqual([record?.pageSize])
    const timeline = withPdf.services.caseFile.get(previewed).timeline
    expect(timeline.filter((entry) => entry.kind === 'packet')).toHaveLength(0)
    withPdf.services.vault.lock()
  })

  it('answers the packet choices for the case, as consent decides them', async () => {
    const result = await dispatch(table, 'packets:choices', { caseId, kind: 'survivor' }, context)
    expect(result).toMatchObject({ ok: true, value: { defaultLanguage: 'en', conflictCleared: false } })
    const decisions = result.ok ? (result.value as { decisions: unknown[] }).decisions : []
    expect(decisions.length).toBeGreaterThan(0)
  })

  it('keeps the MP letter the request names, in its language, as a new version', async () => {
    const before = await dispatch(table, 'packets:letterTemplates', {}, context)
    expect(before).toMatchObject({ ok: true, value: { en: { version: 1 }, fr: { version: 1 } } })
    const body = 'Madame, Monsieur {mp},\n\nLettre de test (synthétique).\n\n{caseworker}'
    const saved = await dispatch(table, 'packets:saveLetterTemplate', { language: 'fr', body }, context)
    expect(saved).toMatchObject({ ok: true, value: { language: 'fr', body, version: 2 } })
    expect(await dispatch(table, 'packets:letterTemplates', {}, context)).toMatchObject({
      ok: true,
      value: { en: { version: 1 }, fr: { body, version: 2, savedBy: expect.any(String) } },
    })
  })

  it('says Print is not available where there is no OS print dialog', async () => {
    const result = await dispatch(table, 'packets:print', request(), context)
    expect(result).toEqual({
      ok: false,
      error: { code: 'CANCELLED', message: 'Printing is not available here.' },
    })
    expect(printed()).toHaveLength(0)
  })

  it('prints the packet’s HTML through the OS dialog and records it only once printed', async () => {
    const sent: { html: string; pageSize: string }[] = []
    let answer = false
    const printer = await unlockedHandlers(join(folder, 'printer'), {
      printPacket: async (html, pageSize) => {
        sent.push({ html, pageSize })
        return answer
      },
    })
    const intake = emptyIntake('2026-11-20')
    intake.person.familyName = 'Invented-Printed'
    const printedCase = printer.services.intake.submit({
      intake,
      decision: { kind: 'new' },
      reviewedCandidates: [],
    }).caseId
    const packetsOf = () =>
      printer.services.caseFile.get(printedCase).timeline.filter((entry) => entry.kind === 'packet')
    const print = () =>
      dispatch(printer.table, 'packets:print', { ...request(), caseId: printedCase }, printer.context)

    // The person closed the print dialog: nothing was printed, nothing is recorded.
    expect(await print()).toEqual({ ok: true, value: { saved: false, record: null } })
    expect(packetsOf()).toHaveLength(0)

    answer = true
    expect(await print()).toMatchObject({
      ok: true,
      value: { saved: true, record: { kind: 'survivor', language: 'fr' } },
    })
    expect(packetsOf()).toHaveLength(1)
    expect(sent).toHaveLength(2)
    expect(sent[1]?.html).toContain('Invented-Printed')
    printer.services.vault.lock()
  })
})
