import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake, type TIntake } from '../../../shared/cases/intake-schema'
import { CASEWORKER_PASSPHRASE, createTestVault } from '#test-support/vault-fixtures'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import { lawyerConsent } from '#test-support/synthetic'
import { PACKET_TEMPLATE_VERSION } from '../../../shared/packets/vocabulary'
import type { TVaultServices } from '../services'
import { ChromiumPdfPrinter } from './chromium-pdf'

/*
 * Packets printed to real PDFs by system Chromium and read back with poppler's tools, as a recipient would see
 * them. One browser serves the file's packets (starting Chromium is most of a packet's time).
 */

const START = Date.parse('2026-11-30T15:00:00Z')
const PHONE_CANARY = '+1 555 0199 7731'
const NARRATIVE_CANARY = 'CANARYNARRATIVE7Q2X'
const printer = new ChromiumPdfPrinter()
afterAll(() => printer.close())

function survivorIntake(edit: (draft: TIntake) => void): TIntake {
  const draft = emptyIntake('2026-11-20')
  draft.person.givenNames = 'Zahra'
  draft.person.familyName = 'Testperson'
  draft.languages.preferred = 'fa'
  draft.location.province = 'QC'
  draft.location.city = 'Montréal'
  draft.location.countryOfOrigin = 'IR'
  draft.needs.needs = ['refugee_claim']
  draft.needs.hearingDate = '2027-01-15'
  draft.contact.phone = PHONE_CANARY
  draft.experiences.narrative = `A synthetic account: ${NARRATIVE_CANARY}`
  edit(draft)
  return draft
}

const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8')
const pdfFonts = (file: string): string => execFileSync('pdffonts', [file]).toString('utf8')

describe('referral packets', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices

  beforeEach(async () => {
    let tick = START
    services = await createTestVault(root(), { now: () => (tick += 1000) })
  })
  afterEach(() => services.vault.lock())

  const newCase = (edit: (draft: TIntake) => void = () => {}) =>
    services.intake.submit({
      intake: survivorIntake(edit),
      decision: { kind: 'new' },
      reviewedCandidates: [],
    }).caseId

  async function printToFile(request: Parameters<TVaultServices['packets']['prepare']>[0], name: string) {
    const packet = services.packets.prepare(request)
    const pdf = await printer.print(packet.html, packet.record.pageSize)
    const record = services.packets.recordPrinted(request, packet.record)
    const file = join(root(), name)
    writeFileSync(file, pdf)
    return { file, record, html: packet.html }
  }

  it('prints a lawyer packet with the recipient and the disclaimer, and never a detail consent does not allow', async () => {
    const caseId = newCase((draft) => {
      draft.consent = [lawyerConsent('2026-11-20')]
    })
    const choices = services.packets.choices({ caseId, kind: 'lawyer' })
    expect(choices.conflictCleared).toBe(false)
    expect(choices.decisions.find((each) => each.field === 'phone')?.refusal).toBe('no_contact_consent')
    expect(choices.decisions.find((each) => each.field === 'narrative')?.refusal).toBe('conflict_not_cleared')

    const base = {
      caseId,
      kind: 'lawyer' as const,
      language: 'en' as const,
      recipient: { name: 'Morgan Counsel-Example', lines: ['Example Law LLP', 'Toronto ON'] },
    }
    // The picker is not the gate: asking for what consent does not allow is refused by the core, naming the field.
    expect(codeOf(() => services.packets.prepare({ ...base, fields: ['legal_needs', 'phone'] }))).toBe(
      'FORBIDDEN',
    )
    expect(codeOf(() => services.packets.prepare({ ...base, fields: ['narrative'] }))).toBe('FORBIDDEN')

    const { file, record, html } = await printToFile({ ...base, fields: choices.defaultFields }, 'lawyer.pdf')
    const text = pdfText(file)
    expect(text).toContain('Morgan Counsel-Example')
    expect(text).toContain('This document is not legal advice.')
    expect(text).toContain('CONFIDENTIAL')
    expect(text).toContain(record.packetId)
    expect(text).toMatch(/Page 1 of 1/)
    expect(text).toContain('Refugee claim / IRB hearing')
    for (const canary of [PHONE_CANARY, NARRATIVE_CANARY, 'Zahra']) {
      expect(text).not.toContain(canary)
      expect(html).not.toContain(canary)
    }
    expect(pdfFonts(file)).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes/)

    // The record: on the timeline and in the audit trail, with the choices and a hash, never the content.
    const entry = services.caseFile.get(caseId).timeline.find((each) => each.kind === 'packet')
    expect(entry?.details).toMatchObject({
      packetId: record.packetId,
      kind: 'lawyer',
      language: 'en',
      recipient: 'Morgan Counsel-Example',
      fields: record.fields.join(','),
      templateVersion: PACKET_TEMPLATE_VERSION,
      contentHash: record.contentHash,
    })
    const audit = services.audit.list().entries.find((each) => each.action === 'packet.printed')
    expect(audit?.details).toMatchObject({
      kind: 'lawyer',
      fields: record.fields,
      contentHash: record.contentHash,
    })
    expect(JSON.stringify(audit)).not.toContain('Zahra')

    // A reprint from the record gives the same document while the case is unchanged.
    const again = services.packets.prepare(
      { ...base, fields: record.fields },
      { packetId: record.packetId, date: record.date },
    )
    expect(again.record.contentHash).toBe(record.contentHash)
  }, 60_000)

  it('prints the survivor’s own packet in French with no consent at all, and nothing sensitive', async () => {
    const caseId = newCase()
    const choices = services.packets.choices({ caseId, kind: 'survivor' })
    expect(choices.defaultFields).toEqual(['name', 'location', 'languages'])
    const { file } = await printToFile(
      { caseId, kind: 'survivor', language: 'fr', pageSize: 'a4', fields: choices.defaultFields },
      'survivor-fr.pdf',
    )
    const text = pdfText(file)
    expect(text).toContain('Ce document ne constitue pas un avis juridique.')
    expect(text).toContain('Ce qu’il faut apporter à une première rencontre')
    expect(text).toContain('persan')
    expect(text).toMatch(/Page 1 de \d/)
    expect(text).not.toContain('CONFIDENTI')
    expect(text).not.toContain(NARRATIVE_CANARY)
    expect(text).not.toContain(PHONE_CANARY)
  }, 60_000)

  it('lists the organizations matching ranks for the survivor, best first, then the others near them', () => {
    const request = { kind: 'survivor' as const, language: 'en' as const, fields: [] }
    const listed = (html: string, heading: string): string[] => {
      const start = html.indexOf(`<h2>${heading}</h2>`)
      if (start < 0) return []
      const list = html.slice(start, html.indexOf('</ul>', start))
      return [...list.matchAll(/<li><strong>(?:<bdi dir="auto">)?([^<]+)/g)].map((match) => match[1] ?? '')
    }
    const decoded = (name: string) => name.replace(/&amp;/g, '&').replace(/&#39;/g, "'")
    const packetLists = (caseId: string) => {
      const html = services.packets.prepare({ ...request, caseId }).html
      return {
        html,
        matched: listed(html, 'Organizations that can help').map(decoded),
        others: listed(html, 'Other organizations near you').map(decoded),
      }
    }

    const french = newCase((draft) => {
      draft.person.givenNames = 'Amira'
      draft.person.familyName = 'Otherperson'
      draft.languages.others = ['fr']
    })
    const ranking = services.organizationMatching.rankFull(french)
    const { html, matched, others } = packetLists(french)
    // The packet's list is the case page's ranking, in its order: best suited first, not by name or language.
    expect(matched).toEqual(ranking.ranked.map(({ organization }) => organization.name))
    expect(matched).toContain('Action Réfugiés Montréal')
    expect(matched).not.toEqual([...matched].sort((a, b) => a.localeCompare(b)))
    // Near the survivor but serving none of their needs: listed after, French speakers first, never hidden.
    const unrelated = ranking.excluded
      .filter(({ reasons }) => reasons.every((reason) => reason.key === 'org.excluded.unrelated'))
      .map(({ organization }) => organization)
    expect(new Set(others)).toEqual(new Set(unrelated.map((organization) => organization.name)))
    expect(others).toContain('Ligue des droits et libertés (LDL)')
    const speaksFrench = others.map((name) =>
      unrelated.find((each) => each.name === name)?.languages.includes('fr'),
    )
    expect(speaksFrench).toEqual([...speaksFrench].sort((a, b) => Number(b) - Number(a)))
    // Another province's organizations are never on a Quebec survivor's sheet.
    expect(html).not.toContain('British Columbia Civil Liberties')
    expect(html).toContain('Immigration and Refugee Protection Act')

    // A survivor of torture also gets the survivor-support organizations ranked, not left among the others.
    const tortured = newCase((draft) => {
      draft.person.givenNames = 'Nour'
      draft.person.familyName = 'Thirdperson'
      draft.experiences.entries = [{ kind: 'torture', otherKind: '', country: 'IR', period: '', place: '' }]
    })
    const withSupport = services.organizationMatching.rankFull(tortured)
    expect(packetLists(tortured).matched).toEqual(
      withSupport.ranked.map(({ organization }) => organization.name),
    )
    expect(withSupport.ranked.length).toBeGreaterThan(ranking.ranked.length)
  })

  it('renders Arabic-script and Ethiopic names with their own embedded fonts', async () => {
    const consent = [
      {
        purpose: 'share_with_organization' as const,
        granted: true,
        method: 'written' as const,
        givenOn: '2026-11-20',
        expiresOn: '',
        notes: '',
      },
    ]
    const arabic = newCase((draft) => {
      draft.person.originalScriptName = 'زهرة تستپرسن'
      draft.consent = consent
    })
    const ethiopic = newCase((draft) => {
      draft.person.givenNames = 'Selam'
      draft.person.originalScriptName = 'ሰላም ተስፋዬ'
      draft.consent = consent
    })
    const request = {
      kind: 'organization' as const,
      language: 'en' as const,
      recipient: { name: 'Example Settlement Services', lines: [] },
      fields: ['name' as const, 'original_script_name' as const],
    }
    const first = await printToFile({ ...request, caseId: arabic }, 'arabic.pdf')
    const second = await printToFile({ ...request, caseId: ethiopic }, 'ethiopic.pdf')
    expect(pdfFonts(first.file)).toMatch(/NotoSansArabic-Regular\s+CID TrueType\s+Identity-H\s+yes/)
    expect(pdfFonts(second.file)).toMatch(/NotoSansEthiopic-Regular\s+CID TrueType\s+Identity-H\s+yes/)
    expect(pdfText(second.file)).toContain('ሰላም ተስፋዬ')
    expect(pdfText(first.file)).toContain('CONFIDENTIAL')
    if (process.env['PACKET_PNG_DIR'] !== undefined) {
      for (const each of [first.file, second.file]) {
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '80',
          each,
          join(process.env['PACKET_PNG_DIR'], each.split('/').pop() ?? ''),
        ])
      }
    }
  }, 60_000)

  it('reprints a packet in the words of the texts’ version it printed with, after the texts were reworded', () => {
    const caseId = newCase((draft) => {
      draft.consent = [lawyerConsent('2026-11-20')]
      draft.adverseParties = [
        { kind: 'unit', name: 'Example Unit 12', originalScriptName: '', country: '', notes: '' },
      ]
    })
    const request = {
      caseId,
      kind: 'lawyer' as const,
      language: 'fr' as const,
      recipient: { name: 'Morgan Counsel-Example', lines: [] },
      fields: ['legal_needs' as const],
    }
    // A packet printed with version 1 of the texts (as every packet was before the French review)…
    const v1 = services.packets.prepare(request, {
      packetId: 'PKT-AAAA-BBBB',
      date: '2026-11-30',
      templateVersion: 1,
    })
    const record = services.packets.recordPrinted(request, v1.record)
    expect(record.templateVersion).toBe(1)
    expect(v1.html).toContain('Recommandation à un·e avocat·e')
    // …is reprinted from its record in the same words, byte for byte, while new packets use version 2.
    const entry = services.caseFile.get(caseId).timeline.find((each) => each.kind === 'packet')
    const reprint = services.packets.prepare(request, {
      packetId: String(entry?.details['packetId']),
      date: String(entry?.details['date']),
      templateVersion: Number(entry?.details['templateVersion']),
    })
    expect(reprint.html).toBe(v1.html)
    expect(reprint.record.contentHash).toBe(record.contentHash)
    const current = services.packets.prepare(request, { packetId: 'PKT-AAAA-BBBB', date: '2026-11-30' })
    expect(current.record.templateVersion).toBe(PACKET_TEMPLATE_VERSION)
    expect(current.html).toContain('Aiguillage vers un·e avocat·e')
    expect(current.html).not.toContain('Recommandation à un·e avocat·e')
    // A version this app does not ship is refused, not reprinted in other words.
    expect(
      codeOf(() =>
        services.packets.prepare(request, {
          packetId: 'PKT-AAAA-BBBB',
          date: '2026-11-30',
          templateVersion: 99,
        }),
      ),
    ).toBe('BAD_REQUEST')
  })

  it('records nothing when consent was withdrawn between preparing and printing', () => {
    const caseId = newCase((draft) => {
      draft.consent = [lawyerConsent('2026-11-20')]
    })
    const request = {
      caseId,
      kind: 'lawyer' as const,
      language: 'en' as const,
      recipient: { name: 'Morgan Counsel-Example', lines: [] },
      fields: ['legal_needs' as const],
    }
    const packet = services.packets.prepare(request)
    services.caseFile.recordConsent({
      caseId,
      entry: {
        purpose: 'share_with_lawyer',
        granted: false,
        method: 'verbal',
        givenOn: '2026-11-30',
        expiresOn: '',
        notes: '',
      },
    })
    expect(codeOf(() => services.packets.recordPrinted(request, packet.record))).toBe('FORBIDDEN')
    expect(services.caseFile.get(caseId).timeline.some((each) => each.kind === 'packet')).toBe(false)
  })

  it('refuses a viewer in the core itself', async () => {
    const caseId = newCase()
    await services.accounts.add({
      username: 'vic.example',
      displayName: 'Vic Viewer-Example',
      role: 'viewer',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    services.vault.lock()
    await services.vault.unlock('vic.example', CASEWORKER_PASSPHRASE)
    expect(codeOf(() => services.packets.choices({ caseId, kind: 'survivor' }))).toBe('FORBIDDEN')
    expect(
      codeOf(() => services.packets.prepare({ caseId, kind: 'survivor', language: 'en', fields: ['name'] })),
    ).toBe('FORBIDDEN')
  })
})
