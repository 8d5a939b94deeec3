import type { Locator } from '@playwright/test'
import type { TBridge } from '../../src/main/bridge/server'
import { emptyIntake, type TIntake } from '../../src/shared/cases/intake-schema'
import { emptyLawyerFields, type TLawyerFields } from '../../src/shared/roster/lawyer-schema'
import { expectAccessible, expect, test } from './fixtures'

/** Invented people only. */
const lawyer = (changes: Partial<TLawyerFields> & { email: string }): TLawyerFields => ({
  ...emptyLawyerFields(),
  firstName: 'Batch',
  memberships: [
    { province: 'QC', licenceNumber: `B-${changes.email}`, status: 'practising', verifiedOn: '' },
  ],
  practiceAreas: ['refugee_claim'],
  languages: ['ar'],
  city: 'Montréal',
  province: 'QC',
  maxActive: 1,
  status: 'active',
  ...changes,
})

/** Four cases awaiting a match for two places (one urgent), one of them a civil claim in ON nobody may act on. */
function seedBatch(bridge: TBridge) {
  const { roster, intake, caseFile } = bridge.services
  roster.create(lawyer({ lastName: 'First-Example', email: 'first@example.org' }))
  roster.create(lawyer({ lastName: 'Second-Example', email: 'second@example.org' }))
  roster.create(lawyer({ lastName: 'Paused-Example', email: 'paused@example.org', status: 'paused' }))
  const submit = (familyName: string, edit: (form: TIntake) => void = () => {}) => {
    const form = emptyIntake(new Date().toISOString().slice(0, 10))
    form.person.givenNames = 'Invented'
    form.person.familyName = familyName
    form.location.province = 'QC'
    form.languages.preferred = 'ar'
    form.needs.needs = ['refugee_claim']
    edit(form)
    const { caseId } = intake.submit({ intake: form, decision: { kind: 'new' }, reviewedCandidates: [] })
    for (const to of ['screening', 'awaiting_match'] as const)
      caseFile.changeStatus({ caseId, to, reason: 'Synthetic screening done.' })
    return bridge.services.caseFile.get(caseId).reference
  }
  return {
    calmA: submit('Calm-Example'),
    urgent: submit('Detained-Example', (form) => {
      form.needs.detained = 'yes'
    }),
    calmB: submit('Waiting-Example'),
    nobody: submit('Ontario-Example', (form) => {
      form.location.province = 'ON'
      form.needs.needs = ['civil_claim']
    }),
  }
}

async function press(control: Locator, key = 'Enter'): Promise<void> {
  await control.focus()
  await control.page().keyboard.press(key)
}

test.describe('batch matching', () => {
  test.describe.configure({ timeout: 180_000 })

  test('proposes the best assignment urgent first, explains the rest, and approves only the chosen pairs, by keyboard, EN and FR', async ({
    app,
    bridge,
  }) => {
    const refs = seedBatch(bridge)
    await app.goto(`${bridge.origin}/#/referrals`)
    await press(app.getByRole('link', { name: 'Match every waiting case' }))
    await expect(app.getByRole('heading', { level: 1, name: 'Match every waiting case' })).toBeVisible()
    await expectAccessible(app, 'batch matching, before a proposal (EN)')

    await press(app.getByRole('button', { name: 'Propose assignments' }))
    await expect(app.getByRole('status').filter({ hasText: '4 cases wait for a lawyer' })).toContainText(
      '2 can be assigned now (1 urgent), over 2 lawyers with places free. Proven the best possible',
    )
    const proposed = app.getByRole('list', { name: 'Proposed pairs, urgent cases first' })
    const pairs = proposed.locator(':scope > li')
    await expect(pairs).toHaveCount(2)
    await expect(pairs.first().getByRole('link', { name: refs.urgent })).toBeVisible()
    await expect(pairs.first().getByText('Urgent', { exact: true })).toBeVisible()
    await expect(pairs.first().getByText(/^speaks Arabic/)).toBeVisible()
    const left = app.getByRole('list', { name: 'Cases without a lawyer this time, urgent first' })
    const nobody = left.locator(':scope > li').filter({ hasText: refs.nobody })
    await expect(
      nobody.getByText('No lawyer on the roster can take this case now. Most often:'),
    ).toBeVisible()
    await expect(nobody.getByText('3 lawyers not licensed in the survivor’s province')).toBeVisible()
    await expect(nobody.getByText('1 lawyer paused')).toBeVisible()
    await expect(left.locator(':scope > li').filter({ hasText: /could take this case/ })).toHaveCount(1)
    await expectAccessible(app, 'batch matching, proposal (EN)')
    expect(bridge.services.referrals.list({}).total).toBe(0)

    // Approve only the urgent pair: Space unticks the other.
    const second = pairs.nth(1).getByRole('checkbox')
    await expect(second).toBeChecked()
    await press(second, 'Space')
    await expect(second).not.toBeChecked()
    await press(app.getByRole('button', { name: 'Approve 1 referral' }))
    await expect(
      app.getByText('1 referral proposed. Record each lawyer’s “no conflict” before sending.').first(),
    ).toBeVisible()
    const created = bridge.services.referrals.list({})
    expect(created.rows.map((row) => [row.reference, row.state])).toEqual([[refs.urgent, 'proposed']])
    await expect(proposed).toBeHidden()

    // In French, the next proposal leaves out the case now referred.
    await app.getByRole('radio', { name: 'Français' }).click()
    await press(app.getByRole('button', { name: 'Proposer les jumelages' }))
    await expect(app.getByRole('status').filter({ hasText: '3 dossiers attendent' })).toBeVisible()
    await expect(
      app
        .getByRole('list', { name: 'Paires proposées, les dossiers urgents d’abord' })
        .locator(':scope > li'),
    ).toHaveCount(1)
    await expectAccessible(app, 'batch matching, proposal (FR)')
  })
})
