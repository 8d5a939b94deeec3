import { describe, expect, it } from 'vitest'
import { emptyOrganizationFields } from '../../src/shared/roster/directory-schema'
import { emptyLawyerFields } from '../../src/shared/roster/lawyer-schema'
import { sampleIntake } from '#test-support/channel-samples'
import { sharedVaultHandlers } from '#test-support/handler-harness'

/*
 * The matching, referral and report channels through the real handler table, as the renderer calls them: each
 * passes the request's own fields to its service and answers with what the service did (the services' own tests
 * cover their rules; ipc-access.test.ts covers who may call). Synthetic names only.
 */

describe('matching, referral and report channels', () => {
  const { call } = sharedVaultHandlers('ccij-referrals-handlers-')

  /** A case waiting for a match, and a Quebec lawyer (who declared the survivor's name as a conflict, if asked). */
  async function caseAndLawyer(familyName: string, conflicted: boolean) {
    const intake = sampleIntake()
    intake.person.familyName = familyName
    const { caseId } = await call('intake:submit', {
      intake,
      decision: { kind: 'new' },
      reviewedCandidates: [],
    })
    await call('cases:changeStatus', { caseId, to: 'screening' })
    await call('cases:changeStatus', { caseId, to: 'awaiting_match' })
    const lawyer = await call('lawyers:create', {
      lawyer: {
        ...emptyLawyerFields(),
        firstName: 'Sample',
        lastName: `Counsel-${familyName}`,
        email: `counsel.${familyName.toLowerCase()}@example.org`,
        memberships: [
          { province: 'QC', licenceNumber: `C-${familyName}`, status: 'practising', verifiedOn: '' },
        ],
        conflicts: conflicted ? [{ kind: 'person', name: `${intake.person.givenNames} ${familyName}` }] : [],
        maxActive: 2,
      },
    })
    return { caseId, lawyerId: lawyer.id }
  }

  it('ranks for the case named, and clears the conflict hit the request names', async () => {
    const { caseId, lawyerId } = await caseAndLawyer('Rank-Example', true)
    const ranking = await call('matching:rank', { caseId })
    const excluded = ranking.excluded.find((each) => each.lawyerId === lawyerId)
    const hitKey = excluded?.reasons.find((reason) => reason.key === 'excluded.conflict')?.params['hitKey']
    expect(typeof hitKey).toBe('string')

    await call('matching:reviewConflict', {
      caseId,
      lawyerId,
      hitKey: String(hitKey),
      decision: 'cleared',
      reason: 'Different person, checked by phone (sample).',
    })
    const again = await call('matching:rank', { caseId })
    expect(again.excluded.some((each) => each.lawyerId === lawyerId)).toBe(false)
  })

  it('ranks the directory’s organizations for the case named', async () => {
    const { caseId } = await caseAndLawyer('Organizations-Example', false)
    const { id } = await call('directory:createOrganization', {
      organization: { ...emptyOrganizationFields(), name: 'Nationwide Clinic (synthetic)', national: true },
    })
    const ranking = await call('matching:rankOrganizations', { caseId })
    expect(ranking.caseId).toBe(caseId)
    const listed = [...ranking.ranked, ...ranking.excluded].map((each) => each.organizationId)
    expect(listed).toContain(id)
  })

  it('proposes to the recipient named, acts on the referral named, and lists by the state asked', async () => {
    const { caseId, lawyerId } = await caseAndLawyer('Refer-Example', false)
    const referral = await call('referrals:propose', {
      caseId,
      recipientKind: 'lawyer',
      recipientId: lawyerId,
    })
    expect(referral).toMatchObject({ caseId, recipientKind: 'lawyer', recipientId: lawyerId })

    const confirmed = await call('referrals:act', {
      referralId: referral.id,
      action: 'confirm_no_conflict',
      confirmation: 'email',
    })
    expect(confirmed.id).toBe(referral.id)
    const sent = await call('referrals:act', { referralId: referral.id, action: 'send' })
    expect(sent).toMatchObject({ id: referral.id, state: 'sent' })

    expect((await call('referrals:list', { state: 'sent', caseId })).rows.map((row) => row.id)).toEqual([
      referral.id,
    ])
    expect((await call('referrals:list', { state: 'declined', caseId })).rows).toEqual([])
  })

  it('reports on the period asked', async () => {
    const report = await call('reports:caseload', { from: '2031-01-01', to: '2031-12-31' })
    expect(report).toMatchObject({ from: '2031-01-01', to: '2031-12-31' })
    expect(report.total === null || report.total === 0).toBe(true)
  })
})
