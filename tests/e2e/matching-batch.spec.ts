import type { Locator } from '@playwright/test'
import type { TBridge } from '../../src/main/bridge/server'
import type { TIntake } from '../../src/shared/cases/intake-schema'
import type { TLawyerFields } from '../../src/shared/roster/lawyer-schema'
import { expectAccessible, expect, test } from './fixtures'
import { seedCase, syntheticLawyer } from './seed'

/** Invented people only. */
const lawyer = (changes: Partial<TLawyerFields> & { email: string }): TLawyerFields =>
  syntheticLawyer({ firstName: 'Batch', languages: ['ar'], city: 'Montréal', maxActive: 1, ...changes }, 'QC')

/** Four cases awaiting a match for two places (one urgent), one of them a civil claim in ON nobody may act on. */
function seedBatch(bridge: TBridge) {
  const { roster } = bridge.services
  roster.create(lawyer({ lastName: 'First-Example', email: 'first@example.org' }))
  roster.create(lawyer({ lastName: 'Second-Example', email: 'second@example.org' }))
  roster.create(lawyer({ lastName: 'Paused-Example', email: 'paused@example.org', status: 'paused' }))
  const submit = (familyName: string, edit: (form: TIntake) => void = () => {}) =>
    seedCase(
      bridge,
      (form) => {
        form.person.givenNames = 'Invented'
        form.person.familyName = familyName
        form.location.province = 'QC'
        form.languages.preferred = 'ar'
        form.needs.needs = ['refugee_claim']
        edit(form)
      },
      { awaitingMatch: true },
    ).reference
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

/**
 * Holds the next batch proposal after it reported `ranked` of `cases` ranked (its start, "0 of 4", or every case
 * ranked and the solves under way, "4 of 4") until someone presses Stop (or 30 s pass): four cases rank and solve in
 * a few milliseconds, too fast to see the bar or reach Stop. The real proposal then runs, and meets the real cancel.
 */
function holdNextProposalUntilStopped(bridge: TBridge, ranked = 0, cases = 4): void {
  const { batchMatching } = bridge.services
  const original = batchMatching.proposeInSteps.bind(batchMatching)
  batchMatching.proposeInSteps = async (steps) => {
    batchMatching.proposeInSteps = original
    steps.onProgress({ casesRanked: ranked, cases })
    const until = Date.now() + 30_000
    while (!steps.isCancelled() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20))
    return original(steps)
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

    // The first run, held at its start: a determinate bar says how far it got, and Stop ends it, writing nothing.
    holdNextProposalUntilStopped(bridge)
    await press(app.getByRole('button', { name: 'Propose assignments' }))
    const bar = app.getByRole('progressbar', { name: 'Ranking the waiting cases: 0 of 4' })
    await expect(bar).toHaveAttribute('aria-valuenow', '0')
    await expectAccessible(app, 'batch matching, ranking (EN)')
    await press(app.getByRole('button', { name: 'Stop' }))
    await expect(
      app.getByText('Stopped. Nothing was proposed or written; propose again when you are ready.').first(),
    ).toBeVisible()
    await expect(bar).toBeHidden()

    // Held once every case is ranked: the full bar says the best assignment is being worked out, and Stop still ends it.
    holdNextProposalUntilStopped(bridge, 4)
    await press(app.getByRole('button', { name: 'Propose assignments' }))
    const solving = app.getByRole('progressbar', {
      name: 'All 4 waiting cases ranked; finding the best assignment…',
    })
    await expect(solving).toHaveAttribute('aria-valuenow', '100')
    await expectAccessible(app, 'batch matching, solving (EN)')
    await press(app.getByRole('button', { name: 'Stop' }))
    await expect(solving).toBeHidden()

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
    holdNextProposalUntilStopped(bridge, 3, 3)
    await press(app.getByRole('button', { name: 'Proposer les jumelages' }))
    const solvingFr = app.getByRole('progressbar', {
      name: /^Les 3 dossiers en attente sont classés\s; recherche de la meilleure répartition…$/,
    })
    await expect(solvingFr).toHaveAttribute('aria-valuenow', '100')
    await expectAccessible(app, 'batch matching, solving (FR)')
    await press(app.getByRole('button', { name: 'Arrêter' }))
    await expect(solvingFr).toBeHidden()
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
