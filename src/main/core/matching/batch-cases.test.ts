import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TIntake } from '../../../shared/cases/intake-schema'
import { submitSyntheticCase } from '#test-support/synthetic-case'
import { createTestVault } from '#test-support/vault-fixtures'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import { CaseRepository } from '../cases/case-repository'
import { sql } from '../db/sql'
import { ReferralQueries } from '../referrals/referral-repository'
import type { TVaultServices } from '../services'
import { readBatchCases } from './batch-cases'
import { survivorOfCase } from './case-ranking'

const NOW = Date.parse('2026-11-30T15:00:00Z')

describe('the batch’s cases read a slice at a time', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices

  beforeEach(async () => {
    services = await createTestVault(root(), { now: () => NOW })
  })
  afterEach(() => services.vault.lock())

  const newCase = (familyName: string, edit?: (draft: TIntake) => void) =>
    submitSyntheticCase(services, familyName, { edit }).caseId

  it('gives each case the survivor and reviews the ranking reads for it, in the order asked', () => {
    const ids = [
      newCase('Plain-One'),
      newCase('Parties-Two', (draft) => {
        draft.needs.detained = 'yes'
        draft.adverseParties = [
          { kind: 'person', name: 'Testperson Adverse', originalScriptName: '', country: '', notes: '' },
          { kind: 'unit', name: 'Testland Brigade', originalScriptName: '', country: '', notes: '' },
        ]
      }),
      newCase('Civil-Three', (draft) => {
        draft.location.province = 'ON'
        draft.needs.needs = ['civil_claim', 'other']
      }),
    ].reverse()
    const session = services.vault.session()
    // A decline and reviews (one hit reviewed twice: the later decision holds), written as the referral screens do.
    const [first = '', second = ''] = ids
    const review = (caseId: string, lawyerId: string, hitKey: string, decision: string, at: string) =>
      session.db
        .run(sql`INSERT INTO conflict_reviews (id, case_id, lawyer_id, hit_key, decision, reason, reviewed_at)
                         VALUES (${`${caseId}-${hitKey}-${at}`}, ${caseId}, ${lawyerId}, ${hitKey}, ${decision},
                                 'synthetic', ${at})`)
    review(first, 'lawyer-x', 'hit-1', 'confirmed', '2026-11-29T10:00:00Z')
    review(first, 'lawyer-x', 'hit-1', 'cleared', '2026-11-29T11:00:00Z')
    review(first, 'lawyer-y', 'hit-2', 'confirmed', '2026-11-29T09:00:00Z')
    review(second, 'lawyer-x', 'hit-3', 'cleared', '2026-11-29T12:00:00Z')
    session.db
      .run(sql`INSERT INTO referrals (id, case_id, recipient_kind, recipient_id, recipient_name, state,
                         holds_place, urgent, score, reasons, conflict_confirmation, note, proposed_at, updated_at)
                       VALUES ('referral-declined', ${second}, 'lawyer', 'lawyer-z', 'Testlawyer Declining',
                               'declined', 0, 0, 0, '[]', '', '', '2026-11-29T08:00:00Z', '2026-11-29T08:00:00Z')`)
    const read = readBatchCases(session, ids)
    expect(read.map(({ row }) => row.id)).toEqual(ids)
    for (const { row, survivor, reviews } of read) {
      const found = new CaseRepository(session.db).findCase(row.id)
      expect(row).toEqual(found)
      expect(survivor).toEqual(survivorOfCase(session, found!))
      expect(reviews).toEqual(new ReferralQueries(session.db).reviewsOf(row.id))
    }
    expect(read[1]?.survivor.parties).toHaveLength(3)
    expect(read[0]?.reviews.get('lawyer-x')?.get('hit-1')).toBe('cleared')
    expect([...(read[1]?.survivor.declinedBy ?? [])]).toEqual(['lawyer-z'])
    expect(read[1]?.survivor.urgent).toBe(true)
    expect(codeOf(() => readBatchCases(session, [...ids, 'no-such-case']))).toBe('NOT_FOUND')
  })
})
