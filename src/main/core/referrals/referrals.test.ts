import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake, type TIntake } from '../../../shared/cases/intake-schema'
import { emptyLawyerFields, type TLawyerFields } from '../../../shared/roster/lawyer-schema'
import { createTestVault, signInAsViewer } from '#test-support/vault-fixtures'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import type { TCaseStatus } from '../../../shared/cases/vocabulary'
import { AppError } from '../../../shared/result'
import type { TVaultServices } from '../services'

// Monday 10:00 in Montréal.
const NOW = Date.parse('2026-11-30T15:00:00Z')
const DAY = 86_400_000

let licences = 0
const lawyer = (edit: Partial<TLawyerFields>): TLawyerFields => ({
  ...emptyLawyerFields(),
  firstName: 'Testlawyer',
  email: `lawyer${++licences}@example.org`,
  memberships: [{ province: 'QC', licenceNumber: `R-${licences}`, status: 'practising', verifiedOn: '' }],
  practiceAreas: ['refugee_claim'],
  languages: ['ar'],
  maxActive: 1,
  ...edit,
})

const intake = (edit: (draft: TIntake) => void = () => {}): TIntake => {
  const draft = emptyIntake('2026-11-29')
  draft.person.givenNames = 'Samira'
  draft.person.familyName = 'Testsurvivor'
  draft.languages.preferred = 'ar'
  draft.location.province = 'QC'
  draft.needs.needs = ['refugee_claim']
  edit(draft)
  return draft
}

describe('referrals: from proposed to accepted, with the case and the follow-ups moving along', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices
  let now = NOW

  beforeEach(async () => {
    now = NOW
    services = await createTestVault(root(), { now: () => now })
  })
  afterEach(() => services.vault.lock())

  const newCase = (edit?: (draft: TIntake) => void) => {
    const saved = services.intake.submit({
      intake: intake(edit),
      decision: { kind: 'new' },
      reviewedCandidates: [],
    })
    services.caseFile.changeStatus({ caseId: saved.caseId, to: 'screening', reason: '' })
    services.caseFile.changeStatus({ caseId: saved.caseId, to: 'awaiting_match', reason: '' })
    return saved.caseId
  }
  const statusOf = (caseId: string) => services.caseFile.get(caseId).status

  it('walks a lawyer referral: the case is referred when sent, active when accepted, with a follow-up in 3 days', () => {
    const caseId = newCase()
    const { id: lawyerId } = services.roster.create(lawyer({ lastName: 'Accepting' }))
    const proposed = services.referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: lawyerId })
    expect(proposed.state).toBe('proposed')
    expect(proposed.actions).toEqual(['confirm_no_conflict', 'close'])
    expect(proposed.reasons.map((reason) => reason.key)).toContain('language.preferred')
    expect(codeOf(() => services.referrals.act({ referralId: proposed.id, action: 'send' }))).toBe('CONFLICT')
    expect(
      codeOf(() => services.referrals.act({ referralId: proposed.id, action: 'confirm_no_conflict' })),
    ).toBe('BAD_REQUEST')
    const cleared = services.referrals.act({
      referralId: proposed.id,
      action: 'confirm_no_conflict',
      confirmation: 'email',
    })
    expect(cleared.conflictConfirmedAt).toBe(new Date(NOW).toISOString())
    expect(statusOf(caseId)).toBe('awaiting_match')
    const sent = services.referrals.act({ referralId: proposed.id, action: 'send' })
    expect(sent.followUpOn).toBe('2026-12-03')
    expect(statusOf(caseId)).toBe('referred')
    now = NOW + 4 * DAY
    expect(services.referrals.list({ overdue: true }).rows.map((row) => row.id)).toEqual([proposed.id])
    const accepted = services.referrals.act({
      referralId: proposed.id,
      action: 'accepted',
      note: 'Will call her',
    })
    expect(accepted.followUpOn).toBeNull()
    expect(statusOf(caseId)).toBe('active')
    expect(services.referrals.list({ overdue: true }).total).toBe(0)

    const timeline = services.caseFile.get(caseId).timeline
    const referralSteps = timeline
      .filter((entry) => entry.kind === 'referral')
      .map((entry) => entry.details['action'])
    expect(referralSteps.sort()).toEqual(['accepted', 'confirm_no_conflict', 'proposed', 'send'])
    const actions = services.audit.list().entries.map((entry) => entry.action)
    expect(actions.filter((action) => action === 'referral.changed')).toHaveLength(3)
    expect(actions).toContain('referral.proposed')
    expect(JSON.stringify(services.audit.list().entries)).not.toContain('Will call her')
  })

  it('follows up the next day when the case is urgent', () => {
    const caseId = newCase((draft) => (draft.needs.detained = 'yes'))
    const { id: lawyerId } = services.roster.create(lawyer({}))
    const { id } = services.referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: lawyerId })
    services.referrals.act({ referralId: id, action: 'confirm_no_conflict', confirmation: 'phone' })
    expect(services.referrals.act({ referralId: id, action: 'send' }).followUpOn).toBe('2026-12-01')
  })

  it('holds a place: the lawyer is full while the referral is open, and free again once declined', () => {
    const first = newCase()
    const second = newCase((draft) => (draft.person.givenNames = 'Leila'))
    const { id: lawyerId } = services.roster.create(lawyer({ lastName: 'Onlyplace' }))
    const { id } = services.referrals.propose({
      caseId: first,
      recipientKind: 'lawyer',
      recipientId: lawyerId,
    })
    expect(services.roster.list({}).rows[0]?.activeReferrals).toBe(1)
    const full = services.matching.rank(second).excluded.find((each) => each.lawyerId === lawyerId)
    expect(full?.reasons.map((reason) => reason.key)).toEqual(['excluded.full'])
    expect(
      codeOf(() =>
        services.referrals.propose({ caseId: second, recipientKind: 'lawyer', recipientId: lawyerId }),
      ),
    ).toBe('CONFLICT')
    services.referrals.act({ referralId: id, action: 'confirm_no_conflict', confirmation: 'email' })
    services.referrals.act({ referralId: id, action: 'send' })
    services.referrals.act({ referralId: id, action: 'declined' })
    expect(services.roster.list({}).rows[0]?.activeReferrals).toBe(0)
    expect(services.matching.rank(second).ranked.map((each) => each.lawyerId)).toEqual([lawyerId])
  })

  it('re-matches on a decline: the case awaits a match again and the lawyer who declined is left out', () => {
    const caseId = newCase()
    const { id: declining } = services.roster.create(lawyer({ lastName: 'Declining' }))
    const { id: next } = services.roster.create(lawyer({ lastName: 'Next' }))
    const { id } = services.referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: declining })
    services.referrals.act({ referralId: id, action: 'confirm_no_conflict', confirmation: 'email' })
    services.referrals.act({ referralId: id, action: 'send' })
    expect(statusOf(caseId)).toBe('referred')
    services.referrals.act({ referralId: id, action: 'declined', note: 'No time this month' })
    expect(statusOf(caseId)).toBe('awaiting_match')
    const ranking = services.matching.rank(caseId)
    expect(ranking.ranked.map((each) => each.lawyerId)).toEqual([next])
    expect(ranking.excluded.find((each) => each.lawyerId === declining)?.reasons[0]?.key).toBe(
      'excluded.declined',
    )
    expect(
      codeOf(() => services.referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: declining })),
    ).toBe('CONFLICT')
  })

  it('keeps the case status true to its referrals when staff move it by hand', () => {
    const caseId = newCase()
    const { id: lawyerId } = services.roster.create(lawyer({ lastName: 'Statusrule' }))
    /** The refusal's code and why, and the status left exactly as it was. */
    const refused = (to: TCaseStatus) => {
      const before = statusOf(caseId)
      try {
        services.caseFile.changeStatus({ caseId, to, reason: 'Invented reason' })
      } catch (error) {
        expect(statusOf(caseId)).toBe(before)
        expect(services.caseFile.get(caseId).nextStatuses).not.toContain(to)
        return error instanceof AppError
          ? `${error.code} ${String((error.details as { refusal?: string }).refusal)}`
          : error
      }
      return 'allowed'
    }
    expect(refused('referred')).toBe('CONFLICT needs_sent_referral')
    const { id } = services.referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: lawyerId })
    services.referrals.act({ referralId: id, action: 'confirm_no_conflict', confirmation: 'phone' })
    expect(refused('referred')).toBe('CONFLICT needs_sent_referral')
    services.referrals.act({ referralId: id, action: 'send' })
    expect(statusOf(caseId)).toBe('referred')
    expect(refused('awaiting_match')).toBe('CONFLICT referral_out')
    expect(refused('active')).toBe('CONFLICT needs_accepted_referral')
    services.referrals.act({ referralId: id, action: 'accepted' })
    expect(statusOf(caseId)).toBe('active')
    expect(refused('referred')).toBe('CONFLICT referral_out')
    expect(services.caseFile.get(caseId).nextStatuses).toEqual(['closed'])
    // The lawyer withdrew: once the referral is closed, the case may walk back to matching.
    services.referrals.act({ referralId: id, action: 'close', note: 'Lawyer withdrew' })
    expect(statusOf(caseId)).toBe('active')
    expect(services.caseFile.get(caseId).nextStatuses).toEqual(['referred', 'closed'])
    services.caseFile.changeStatus({ caseId, to: 'referred', reason: 'Lawyer withdrew' })
    services.caseFile.changeStatus({ caseId, to: 'awaiting_match', reason: 'Lawyer withdrew' })
    expect(refused('referred')).toBe('CONFLICT needs_sent_referral')
    expect(statusOf(caseId)).toBe('awaiting_match')
  })

  it('needs a reason to close, and a closed referral takes no further step', () => {
    const caseId = newCase()
    const { id: lawyerId } = services.roster.create(lawyer({}))
    const { id } = services.referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: lawyerId })
    expect(codeOf(() => services.referrals.act({ referralId: id, action: 'close' }))).toBe('BAD_REQUEST')
    expect(
      services.referrals.act({ referralId: id, action: 'close', note: 'Survivor moved away' }).state,
    ).toBe('closed')
    expect(codeOf(() => services.referrals.act({ referralId: id, action: 'send' }))).toBe('CONFLICT')
    expect(services.referrals.list({ state: 'open' }).total).toBe(0)
  })

  it('refuses a lawyer with an unreviewed conflict until staff clear it, with a reason, audited', () => {
    const caseId = newCase((draft) => {
      draft.adverseParties = [
        { kind: 'person', name: '', originalScriptName: 'محمد الحسن', country: 'SY', notes: '' },
      ]
    })
    const { id: lawyerId } = services.roster.create(
      lawyer({ conflicts: [{ kind: 'person', name: 'Muhammad Alhasan' }] }),
    )
    const excluded = services.matching.rank(caseId).excluded.find((each) => each.lawyerId === lawyerId)
    const conflict = excluded?.reasons.find((reason) => reason.key === 'excluded.conflict')
    expect(conflict?.params['lawyerName']).toBe('Muhammad Alhasan')
    expect(
      codeOf(() => services.referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: lawyerId })),
    ).toBe('CONFLICT')
    const hitKey = String(conflict?.params['hitKey'])
    expect(
      codeOf(() =>
        services.matching.reviewConflict({
          caseId,
          lawyerId,
          hitKey: 'not-a-hit',
          decision: 'cleared',
          reason: 'x',
        }),
      ),
    ).toBe('NOT_FOUND')
    services.matching.reviewConflict({
      caseId,
      lawyerId,
      hitKey,
      decision: 'cleared',
      reason: 'Different person: born 1950, never in the army',
    })
    const ranked = services.matching.rank(caseId).ranked.find((each) => each.lawyerId === lawyerId)
    expect(ranked?.reasons.map((reason) => reason.key)).toContain('conflict.cleared')
    expect(services.referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: lawyerId }).state).toBe(
      'proposed',
    )
    const review = services.audit.list({ action: 'conflict.reviewed' }).entries[0]
    expect(review?.details).toMatchObject({ lawyerId, hitKey, decision: 'cleared' })
    expect(JSON.stringify(review)).not.toContain('never in the army')
  })

  it('a confirmed conflict keeps the lawyer out', () => {
    const caseId = newCase((draft) => {
      draft.adverseParties = [
        { kind: 'person', name: 'Mohammed Al-Hassan', originalScriptName: '', country: '', notes: '' },
      ]
    })
    const { id: lawyerId } = services.roster.create(
      lawyer({ conflicts: [{ kind: 'person', name: 'Muhammad Alhasan' }] }),
    )
    const hitKey = String(
      services.matching.rank(caseId).excluded[0]?.reasons.find((reason) => reason.key === 'excluded.conflict')
        ?.params['hitKey'],
    )
    services.matching.reviewConflict({
      caseId,
      lawyerId,
      hitKey,
      decision: 'confirmed',
      reason: 'Same person',
    })
    const keys = services.matching.rank(caseId).excluded[0]?.reasons.map((reason) => reason.key)
    expect(keys).toEqual(['excluded.conflict_confirmed'])
  })

  it('checks the parties of the lawyer’s other referrals: acting for a survivor whose adverse party is this one', () => {
    const first = newCase((draft) => {
      draft.adverseParties = [
        { kind: 'person', name: 'Karim Testopponent', originalScriptName: '', country: '', notes: '' },
      ]
    })
    const second = newCase((draft) => {
      draft.person.givenNames = 'Karim'
      draft.person.familyName = 'Testopponent'
    })
    const { id: lawyerId } = services.roster.create(lawyer({ maxActive: 3 }))
    services.referrals.propose({ caseId: first, recipientKind: 'lawyer', recipientId: lawyerId })
    const excluded = services.matching.rank(second).excluded.find((each) => each.lawyerId === lawyerId)
    expect(excluded?.reasons[0]).toMatchObject({
      key: 'excluded.conflict',
      params: { source: 'referral_opponent', lawyerName: 'Karim Testopponent' },
    })
  })

  it('refers to a directory organization without a conflict step and without moving the case', () => {
    const caseId = newCase()
    const organization = services.directory.organizations({})[0]
    if (organization === undefined) throw new Error('the starter directory is empty')
    const proposed = services.referrals.propose({
      caseId,
      recipientKind: 'organization',
      recipientId: organization.id,
    })
    expect(proposed.actions).toEqual(['send', 'close'])
    expect(proposed.recipientName).toBe(organization.name)
    services.referrals.act({ referralId: proposed.id, action: 'send' })
    expect(statusOf(caseId)).toBe('awaiting_match')
    expect(
      codeOf(() =>
        services.referrals.propose({ caseId, recipientKind: 'organization', recipientId: 'no-such-org' }),
      ),
    ).toBe('NOT_FOUND')
  })

  it('tells the packets when the lawyer confirmed no conflict, and no longer serves a declined referral', () => {
    const caseId = newCase()
    const { id: lawyerId } = services.roster.create(
      lawyer({ lastName: 'Packet', firm: 'Example Law (synthetic)' }),
    )
    const { id } = services.referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: lawyerId })
    const choices = () => services.packets.choices({ caseId, kind: 'lawyer', referralId: id })
    expect(choices().conflictCleared).toBe(false)
    // The packet dialog offers the case's open referrals of the packet's kind.
    const offered = () => services.packets.choices({ caseId, kind: 'lawyer' }).referrals
    expect(offered()).toEqual([
      { referralId: id, recipientName: expect.stringContaining('Packet'), conflictCleared: false },
    ])
    expect(services.packets.choices({ caseId, kind: 'organization' }).referrals).toEqual([])
    services.referrals.act({ referralId: id, action: 'confirm_no_conflict', confirmation: 'email' })
    expect(choices().conflictCleared).toBe(true)
    expect(codeOf(() => services.packets.choices({ caseId, kind: 'organization', referralId: id }))).toBe(
      'NOT_FOUND',
    )
    services.referrals.act({ referralId: id, action: 'send' })
    services.referrals.act({ referralId: id, action: 'declined' })
    expect(codeOf(choices)).toBe('NOT_FOUND')
    expect(offered()).toEqual([])
  })

  it('is for caseworkers and admins only, in core itself', async () => {
    const caseId = newCase()
    await signInAsViewer(services)
    const attempts = [
      () => services.referrals.list({}),
      () => services.referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: 'x' }),
      () => services.referrals.act({ referralId: 'x', action: 'send' }),
      () => services.matching.rank(caseId),
      () =>
        services.matching.reviewConflict({
          caseId,
          lawyerId: 'x',
          hitKey: 'x',
          decision: 'cleared',
          reason: 'x',
        }),
    ]
    expect(attempts.map((attempt) => codeOf(attempt))).toEqual(attempts.map(() => 'FORBIDDEN'))
  })
})
