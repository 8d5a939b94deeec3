import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../../shared/cases/intake-schema'
import { AppError } from '../../../shared/result'
import { addTestCaseworker, CASEWORKER_PASSPHRASE, createTestVault } from '#test-support/vault-fixtures'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import type { TVaultServices } from '../services'

/*
 * The MP letter as admins word it: saved per language as a new version, checked before it is kept, audited, and
 * printed with its placeholders filled; a packet's record names the version so a reprint uses the same text.
 */

const LETTER_FR = [
  'Madame, Monsieur {mp},',
  'Une lettre synthétique préparée par {caseworker} pour le dossier {reference}.',
].join('\n\n')

describe('the MP letter template', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices
  let caseId: string

  beforeEach(async () => {
    services = await createTestVault(root())
    const intake = emptyIntake('2026-11-20')
    intake.person.familyName = 'Letter-Example'
    caseId = services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] }).caseId
  })
  afterEach(() => services.vault.lock())

  const mpPacket = (language: 'en' | 'fr') => ({
    caseId,
    kind: 'mp' as const,
    language,
    recipient: { name: 'Invented Member-Example', lines: ['House of Commons'] },
    fields: [],
  })

  it('prints the admins’ letter with its placeholders filled, and audits the save with its versions', () => {
    expect(services.letterTemplates.get().fr).toMatchObject({ version: 1, savedAt: null })
    const saved = services.letterTemplates.save({ language: 'fr', body: LETTER_FR })
    expect(saved).toMatchObject({ version: 2, savedBy: 'alex.example' })

    const packet = services.packets.prepare(mpPacket('fr'))
    expect(packet.html).toContain('Madame, Monsieur Invented Member-Example,')
    expect(packet.html).toMatch(/préparée par Alex Staff-Example pour le dossier CCIJ-\d{4}-\d{4}\./)
    expect(packet.record.letterVersion).toBe(2)
    // English is untouched: still the letter the app ships with.
    expect(services.packets.prepare(mpPacket('en')).record.letterVersion).toBe(1)

    const entry = services.audit.list({ action: 'settings.changed' }).entries[0]
    expect(entry?.details).toMatchObject({ setting: 'mpLetter.fr', from: 1, to: 2 })
    // Saving the same text again is not a new version.
    expect(services.letterTemplates.save({ language: 'fr', body: LETTER_FR }).version).toBe(2)
  })

  it('refuses a broken letter, saying where and why, and keeps the one that prints', () => {
    const attempt = (body: string): AppError => {
      try {
        services.letterTemplates.save({ language: 'en', body })
      } catch (error) {
        if (error instanceof AppError) return error
      }
      throw new Error('expected the letter to be refused')
    }
    const unknown = attempt('Dear {mp},\n\nPlease call {survivor_phone}.')
    expect(unknown.code).toBe('BAD_REQUEST')
    expect(unknown.message).toContain('Paragraph 2: {survivor_phone} is not a placeholder')
    expect(unknown.details).toMatchObject({
      field: 'body',
      problems: [{ problem: 'unknown_placeholder', paragraph: 2, placeholder: '{survivor_phone}' }],
    })
    expect(attempt('Dear {mp,\n\nThanks.').details).toMatchObject({
      problems: [{ problem: 'unclosed_brace', paragraph: 1 }],
    })
    expect(attempt(' \n\n ').details).toMatchObject({ problems: [{ problem: 'empty' }] })
    expect(services.letterTemplates.get().en.version).toBe(1)
    expect(services.audit.list({ action: 'settings.changed' }).total).toBe(0)
  })

  it('reprints a letter with the version it printed, even after the admins changed it', () => {
    const first = services.packets.prepare(mpPacket('fr'))
    services.letterTemplates.save({ language: 'fr', body: LETTER_FR })
    const record = services.packets.recordPrinted(mpPacket('fr'), first.record)
    expect(record.letterVersion).toBe(1)
    const again = services.packets.prepare(mpPacket('fr'), {
      packetId: record.packetId,
      date: record.date,
      letterVersion: record.letterVersion,
    })
    expect(again.record.contentHash).toBe(record.contentHash)
  })

  it('lets caseworkers read the letter but only admins change it', async () => {
    await addTestCaseworker(services.accounts)
    services.vault.lock()
    await services.vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
    expect(services.letterTemplates.get().en.version).toBe(1)
    expect(codeOf(() => services.letterTemplates.save({ language: 'en', body: 'Dear {mp},' }))).toBe(
      'FORBIDDEN',
    )
  })
})
