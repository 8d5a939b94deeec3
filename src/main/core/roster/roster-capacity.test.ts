import { describe, expect, it } from 'vitest'
import { createTestVault, signInAsViewer } from '#test-support/vault-fixtures'
import { tempFolderPerTest } from '#test-support/per-test'
import { emptyIntake } from '../../../shared/cases/intake-schema'
import { emptyLawyerFields, type TLawyerFields } from '../../../shared/roster/lawyer-schema'
import { rosterCapacity } from './roster-capacity'

let licences = 0
const lawyer = (edit: Partial<TLawyerFields>): TLawyerFields => ({
  ...emptyLawyerFields(),
  firstName: 'Capacity',
  lastName: `Example-${++licences}`,
  email: `capacity${licences}@example.org`,
  memberships: [{ province: 'QC', licenceNumber: `CAP-${licences}`, status: 'practising', verifiedOn: '' }],
  practiceAreas: ['refugee_claim'],
  province: 'QC',
  maxActive: 2,
  ...edit,
})

describe('the roster’s capacity figures (dashboard)', () => {
  const root = tempFolderPerTest()

  it('counts places free and lawyers full from open referrals, by province; a viewer sees places but not use', async () => {
    const services = await createTestVault(root())
    const { roster, intake, caseFile, referrals } = services
    const one = roster.create(lawyer({ maxActive: 1 }))
    roster.create(lawyer({ maxActive: 3 }))
    roster.create(lawyer({ province: 'ON', maxActive: 2 }))
    const paused = roster.create(lawyer({ province: 'ON', maxActive: 4 }))
    roster.setStatus(paused.id, 'paused')
    roster.create(lawyer({ province: '', maxActive: 1 }))
    const form = emptyIntake('2026-11-29')
    form.person.givenNames = 'Invented'
    form.person.familyName = 'Capacity-Survivor'
    form.location.province = 'QC'
    form.needs.needs = ['refugee_claim']
    const { caseId } = intake.submit({ intake: form, decision: { kind: 'new' }, reviewedCandidates: [] })
    caseFile.changeStatus({ caseId, to: 'screening', reason: '' })
    caseFile.changeStatus({ caseId, to: 'awaiting_match', reason: '' })
    referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: one.id })

    expect(roster.capacity()).toEqual({
      placesKnown: true,
      total: { active: 4, paused: 1, places: 7, full: 1, placesFree: 6 },
      provinces: [
        { province: 'QC', active: 2, paused: 0, places: 4, full: 1, placesFree: 3 },
        { province: 'ON', active: 1, paused: 1, places: 2, full: 0, placesFree: 2 },
        { province: '', active: 1, paused: 0, places: 1, full: 0, placesFree: 1 },
      ],
    })

    // "Can take a referral" on the roster agrees with the figures: the lawyer whose one place is held is not listed.
    const canTake = roster.list({ hasCapacity: true, limit: 100 })
    expect(canTake.rows.map((row) => row.id)).not.toContain(one.id)
    expect(canTake.rows.map((row) => row.id)).not.toContain(paused.id)
    expect(canTake.total).toBe(4 - 1)

    await signInAsViewer(services)
    const seenByViewer = roster.capacity()
    expect(seenByViewer.placesKnown).toBe(false)
    expect(seenByViewer.total).toEqual({ active: 4, paused: 1, places: 7, full: null, placesFree: null })
    expect(seenByViewer.provinces.map((row) => [row.province, row.placesFree, row.full])).toEqual([
      ['QC', null, null],
      ['ON', null, null],
      ['', null, null],
    ])
    // A viewer cannot read referrals: every active lawyer offering a place is listed, as places offered.
    expect(roster.list({ hasCapacity: true, limit: 100 }).rows.map((row) => row.id)).toContain(one.id)
    expect(roster.list({ hasCapacity: true }).total).toBe(4)
    services.vault.lock()
  })

  it('counts a lawyer who offers no place (most active 0) as full, and never counts places below zero', () => {
    const figures = rosterCapacity(
      [
        { id: 'a', province: 'NS', status: 'active', max_active: 0 },
        { id: 'b', province: 'NS', status: 'active', max_active: 1 },
      ],
      // More held than offered: a place limit lowered after referrals were made.
      new Map([['b', 3]]),
    )
    expect(figures.total).toEqual({ active: 2, paused: 0, places: 1, full: 2, placesFree: 0 })
  })
})
