import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import { makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import { unlockedHandlers } from '#test-support/handler-harness'
import { dispatch } from '../../src/main/ipc/dispatch'
import type { THandlerContext, THandlerTable } from '../../src/main/ipc/types'
import type { TServices } from '../../src/main/core/services'

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
    for (const channel of ['packets:preview', 'packets:savePdf'] as const) {
      expect(await dispatch(bare.table, channel, request(), bare.context)).toMatchObject({
        ok: false,
        error: { code: 'CANCELLED', message: expect.stringMatching(/not available here/) },
      })
    }
    bare.services.vault.lock()
    // A printer without a save dialog cannot save either.
    const printerOnly = await unlockedHandlers(join(folder, 'printer-only'), {
      printPacketToPdf: async () => FAKE_PDF,
    })
    expect(
      await dispatch(printerOnly.table, 'packets:savePdf', request(), printerOnly.context),
    ).toMatchObject({
      ok: false,
      error: { code: 'CANCELLED' },
    })
    printerOnly.services.vault.lock()
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
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
  })
})
