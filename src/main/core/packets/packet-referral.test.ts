import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../../shared/cases/intake-schema'
import { createTestVault } from '#test-support/vault-fixtures'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import { lawyerConsent } from '#test-support/synthetic'
import type { TVaultServices } from '../services'
import { vaultPacketDirectory } from './packet-directory'
import { PacketService } from './packet-service'
import type { TPacketReferral } from './packet-sources'

/*
 * Lawyer packets made from a referral. Matching (issue 11) provides the real lookup; here a fake one stands in
 * for it, because what is under test is the packets' rule: identifying details only once the lawyer's own
 * "no conflict" confirmation (`conflictClearedAt`) is recorded, the recipient as the referral names them, and a
 * referral of another case or kind refused.
 */

describe('lawyer packets from a referral', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices
  let referrals: TPacketReferral[]
  let packets: PacketService
  let caseId: string

  beforeEach(async () => {
    services = await createTestVault(root())
    const intake = emptyIntake('2026-11-20')
    intake.person.givenNames = 'Invented'
    intake.person.familyName = 'Referral-Example'
    intake.needs.needs = ['refugee_claim']
    intake.consent = [lawyerConsent('2026-11-20')]
    caseId = services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] }).caseId
    referrals = [
      {
        referralId: 'referral-1',
        caseId,
        recipientKind: 'lawyer',
        recipient: { name: 'Morgan Counsel-Example', lines: ['Invented Chambers LLP'] },
        conflictClearedAt: null,
      },
    ]
    packets = new PacketService(
      services.vault.sessions,
      vaultPacketDirectory,
      (_session, referralId) => referrals.find((each) => each.referralId === referralId) ?? null,
      () => referrals,
    )
  })
  afterEach(() => services.vault.lock())

  const request = (fields: ('name' | 'legal_needs')[]) => ({
    caseId,
    kind: 'lawyer' as const,
    language: 'en' as const,
    referralId: 'referral-1',
    fields,
  })

  it('carries no identifying detail until the lawyer confirms no conflict', () => {
    const before = packets.choices({ caseId, kind: 'lawyer', referralId: 'referral-1' })
    expect(before.conflictCleared).toBe(false)
    expect(before.decisions.find((each) => each.field === 'name')?.refusal).toBe('conflict_not_cleared')
    expect(codeOf(() => packets.prepare(request(['name', 'legal_needs'])))).toBe('FORBIDDEN')
    const withoutName = packets.prepare(request(['legal_needs'])).html
    expect(withoutName).not.toContain('Referral-Example')
    // Addressed as the referral names the lawyer, whatever was typed.
    expect(withoutName).toContain('Morgan Counsel-Example')

    referrals[0] = { ...referrals[0]!, conflictClearedAt: '2026-11-25T10:00:00Z' }
    const after = packets.choices({ caseId, kind: 'lawyer', referralId: 'referral-1' })
    expect(after.conflictCleared).toBe(true)
    expect(after.defaultFields).toContain('name')
    const packet = packets.prepare(request(['name', 'legal_needs']))
    expect(packet.html).toContain('Invented Referral-Example')
    expect(packet.record.recipient).toBe('Morgan Counsel-Example')
  })

  it('offers the case’s referrals of the packet’s kind, with whether each is cleared', () => {
    referrals.push({
      referralId: 'referral-2',
      caseId,
      recipientKind: 'organization',
      recipient: { name: 'Example Settlement Services', lines: [] },
      conflictClearedAt: null,
    })
    expect(packets.choices({ caseId, kind: 'lawyer' }).referrals).toEqual([
      { referralId: 'referral-1', recipientName: 'Morgan Counsel-Example', conflictCleared: false },
    ])
    expect(packets.choices({ caseId, kind: 'survivor' }).referrals).toEqual([])
  })

  it('refuses a referral of another case, or of another kind', () => {
    referrals[0] = { ...referrals[0]!, caseId: 'another-case', conflictClearedAt: '2026-11-25T10:00:00Z' }
    expect(codeOf(() => packets.prepare(request(['name'])))).toBe('NOT_FOUND')
    referrals[0] = { ...referrals[0]!, caseId, recipientKind: 'organization' }
    expect(codeOf(() => packets.prepare(request(['name'])))).toBe('NOT_FOUND')
    expect(codeOf(() => packets.prepare({ ...request([]), kind: 'survivor' }))).toBe('BAD_REQUEST')
  })
})
