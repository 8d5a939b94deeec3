import type { Locator, Page } from '@playwright/test'
import type { TBridge } from '../../src/main/bridge/server'
import type { TLawyerFields } from '../../src/shared/roster/lawyer-schema'
import { expectAccessible, expect, test } from './fixtures'
import { seedCase, syntheticLawyer } from './seed'

const DAY_MS = 24 * 60 * 60 * 1000

/** Invented people only. The survivor's adverse party is written in Arabic script; a lawyer declared it in Latin. */
const lawyer = (changes: Partial<TLawyerFields> & { email: string }): TLawyerFields =>
  syntheticLawyer({ city: 'Ottawa', ...changes })

/** The roster and two cases awaiting a match, as the journey finds them after screening. */
function seedJourney(bridge: TBridge) {
  const { roster } = bridge.services
  roster.create(
    lawyer({
      firstName: 'Rowan',
      lastName: 'Conflict-Example',
      email: 'rowan@example.org',
      languages: ['ar', 'en'],
      conflicts: [{ kind: 'person', name: 'Mohammed Al-Hassan' }],
    }),
  )
  roster.create(
    lawyer({
      firstName: 'Morgan',
      lastName: 'Counsel-Example',
      email: 'morgan@example.org',
      languages: ['en'],
    }),
  )
  roster.create(
    lawyer({ firstName: 'Pat', lastName: 'Paused-Example', email: 'pat@example.org', status: 'paused' }),
  )
  const awaiting = (givenNames: string, familyName: string) =>
    seedCase(
      bridge,
      (form) => {
        form.person.givenNames = givenNames
        form.person.familyName = familyName
        form.location.province = 'ON'
        form.location.city = 'Ottawa'
        form.languages.preferred = 'ar'
        form.needs.needs = ['refugee_claim']
        form.adverseParties = [
          { kind: 'person', name: '', originalScriptName: 'محمد الحسن', country: 'SY', notes: '' },
        ]
      },
      { awaitingMatch: true },
    ).caseId
  return {
    english: awaiting('Invented', 'Journey-Example'),
    french: awaiting('Inventé', 'Parcours-Exemple'),
  }
}

/** Keyboard only: focus the control, then the key a keyboard user would press. */
async function press(control: Locator, key = 'Enter'): Promise<void> {
  await control.focus()
  await control.page().keyboard.press(key)
}

async function openCase(page: Page, bridge: TBridge, caseId: string): Promise<void> {
  await page.goto(`${bridge.origin}/#/survivors/${caseId}`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

test.describe('matching journey', () => {
  test.describe.configure({ timeout: 300_000 })

  test('ranks, reviews a cross-script conflict, refers, follows up and records the answer, by keyboard, EN and FR', async ({
    app,
    bridge,
    clock,
  }) => {
    const cases = seedJourney(bridge)
    await openCase(app, bridge, cases.english)
    const matching = app.getByRole('region', { name: 'Matching' })
    await expect(matching.getByText('No referral yet.')).toBeVisible()

    // The ranking, with reasons in words.
    await press(matching.getByRole('button', { name: 'Rank lawyers' }))
    const ranked = matching.getByRole('list', { name: 'Lawyers who can take this case, best first' })
    await expect(matching.getByText('1 lawyer can take this case')).toBeVisible()
    const morgan = ranked.getByRole('listitem').filter({ hasText: 'Morgan Counsel-Example' })
    await expect(morgan.getByText('member of a Canadian law society (ON)')).toBeVisible()
    await expect(morgan.getByText('practises Refugee claim / IRB hearing +40')).toBeVisible()

    // Excluded: the conflict shows both names, the paused lawyer says why.
    const excluded = matching.getByRole('list', { name: 'Lawyers left out, conflicts to review first' })
    const rowan = excluded.getByRole('listitem').filter({ hasText: 'Rowan Conflict-Example' })
    await expect(
      rowan.getByText('possible conflict, not yet reviewed: محمد الحسن ~ Mohammed Al-Hassan'),
    ).toBeVisible()
    await expect(
      excluded
        .getByRole('listitem')
        .filter({ hasText: 'Pat Paused-Example' })
        .getByText('paused', { exact: true }),
    ).toBeVisible()
    await expectAccessible(app, 'matching: ranking with a conflict (EN)')

    // The review: both names and why, then cleared with a reason.
    await press(rowan.getByRole('button', { name: 'Review the possible conflict of Rowan Conflict-Example' }))
    const review = app.getByRole('dialog', { name: 'Possible conflict: Rowan Conflict-Example' })
    await expect(
      review.getByText(/محمد الحسن \(this case\) and Mohammed Al-Hassan \(declared by the lawyer\)/),
    ).toBeVisible()
    await expect(review.getByText(/^Why they matched: /)).toBeVisible()
    await expectAccessible(app, 'matching: conflict review (EN)')
    await press(review.getByRole('button', { name: 'Record review' }))
    await expect(review.getByText('Give a reason.').first()).toBeVisible()
    await press(review.getByRole('radio', { name: /^Not the same/ }), 'Space')
    await review.getByRole('textbox', { name: /^Reason/ }).focus()
    await app.keyboard.type('Synthetic check: the lawyer’s client is a different person (other birth year).')
    await press(review.getByRole('button', { name: 'Record review' }))
    await expect(review).toBeHidden()
    await expect(app.getByText('Review recorded for Rowan Conflict-Example.')).toBeAttached()

    // Now eligible, with the cleared hit among the reasons.
    await expect(matching.getByText('2 lawyers can take this case')).toBeVisible()
    const rowanRanked = ranked.getByRole('listitem').filter({ hasText: 'Rowan Conflict-Example' })
    await expect(
      rowanRanked.getByText(/^possible conflict cleared by staff \(محمد الحسن ~ Mohammed Al-Hassan\)/),
    ).toBeVisible()
    await expect(rowanRanked.getByText(/^speaks Arabic/)).toBeVisible()

    // Propose, record the lawyer's own "no conflict", send.
    await press(rowanRanked.getByRole('button', { name: 'Propose a referral to Rowan Conflict-Example' }))
    const referrals = matching.locator('.referrals-case')
    const referral = referrals.getByRole('listitem').filter({ hasText: 'Rowan Conflict-Example' })
    await expect(referral.getByText('Proposed', { exact: true })).toBeVisible()
    await expect(referral.getByRole('button', { name: 'Mark as sent' })).toHaveCount(0)
    await press(referral.getByRole('button', { name: 'Record the lawyer’s “no conflict”' }))
    const confirm = app.getByRole('dialog', { name: /no conflict”: Rowan Conflict-Example$/ })
    await expectAccessible(app, 'matching: no-conflict confirmation (EN)')
    await press(confirm.getByRole('radio', { name: 'By email' }), 'Space')
    await press(confirm.getByRole('button', { name: 'Record' }))
    await expect(confirm).toBeHidden()
    await expect(referral.getByText('No conflict confirmed', { exact: true })).toBeVisible()
    await press(referral.getByRole('button', { name: 'Mark as sent' }))
    const send = app.getByRole('dialog', { name: 'Mark as sent: Rowan Conflict-Example' })
    await press(send.getByRole('button', { name: 'Record' }))
    await expect(send).toBeHidden()
    await expect(referral.getByText('Sent', { exact: true })).toBeVisible()
    // The follow-up date on the case: 3 days, the case not being urgent.
    const dueOn = new Date(Date.now() + 3 * DAY_MS).toISOString().slice(0, 10)
    await expect(referral.getByText(/^Follow up by /)).toBeVisible()
    const stored = bridge.services.referrals.list({ caseId: cases.english })
    expect(stored.rows[0]?.followUpOn).toBe(dueOn)
    expect(bridge.services.caseFile.get(cases.english).status).toBe('referred')
    await expectAccessible(app, 'matching: referral sent (EN)')

    // Four days later, the Dashboard counts it overdue, and its link opens the Referrals page's overdue filter.
    clock.offsetMs = 4 * DAY_MS
    await app.goto(`${bridge.origin}/#/`)
    const today = app.getByRole('region', { name: 'Matching today' })
    await expect(today.getByRole('link', { name: '1 follow-up overdue' })).toBeVisible()
    await expectAccessible(app, 'dashboard: a follow-up overdue (EN)')
    await press(today.getByRole('link', { name: '1 follow-up overdue' }))
    await expect(app.getByRole('heading', { level: 1, name: 'Referrals' })).toBeVisible()
    await expect(app).toHaveURL(/overdue=1/)
    await expect(app.getByRole('checkbox', { name: 'Only overdue follow-ups' })).toBeChecked()
    const overdueRow = app.getByRole('row').filter({ hasText: 'Rowan Conflict-Example' })
    await expect(overdueRow.getByText(/Follow-up overdue since /)).toBeVisible()
    await expect(app.getByRole('status').filter({ hasText: '1 referral' })).toBeVisible()
    await expectAccessible(app, 'referrals: overdue filter (EN)')

    // Back to the case from the list, by keyboard (Tab into the list, Enter on the row): the lawyer accepted.
    await press(app.getByRole('checkbox', { name: 'Only overdue follow-ups' }), 'Tab')
    await expect(overdueRow).toBeFocused()
    await app.keyboard.press('Enter')
    await expect(matching.getByText('Sent', { exact: true })).toBeVisible()
    await press(referral.getByRole('button', { name: 'Accepted' }))
    const accept = app.getByRole('dialog', { name: 'Accepted: Rowan Conflict-Example' })
    await press(accept.getByRole('button', { name: 'Record' }))
    await expect(accept).toBeHidden()
    await expect(referral.getByText('Accepted', { exact: true })).toBeVisible()
    await expect(referral.getByText(/Follow/)).toHaveCount(0)
    expect(bridge.services.caseFile.get(cases.english).status).toBe('active')

    // In French, the second case: the same path, and the lawyer declines (the case waits for a match again).
    clock.offsetMs = 0
    await app.getByRole('radio', { name: 'Français' }).click()
    await openCase(app, bridge, cases.french)
    const jumelage = app.getByRole('region', { name: 'Jumelage' })
    await press(jumelage.getByRole('button', { name: 'Classer les avocat·es' }))
    const classes = jumelage.getByRole('list', {
      name: 'Avocat·es pouvant prendre ce dossier, le meilleur choix d’abord',
    })
    const morganFr = classes.getByRole('listitem').filter({ hasText: 'Morgan Counsel-Example' })
    await expect(morganFr.getByText('membre d’un barreau canadien (ON)')).toBeVisible()
    const ecartes = jumelage.getByRole('list', {
      name: 'Avocat·es écarté·es, les conflits à examiner d’abord',
    })
    await expect(ecartes.getByRole('listitem').filter({ hasText: 'Rowan Conflict-Example' })).toContainText(
      'محمد الحسن',
    )
    await expectAccessible(app, 'matching: ranking with a conflict (FR)')
    await press(morganFr.getByRole('button', { name: 'Proposer un aiguillage vers Morgan Counsel-Example' }))
    const aiguillage = jumelage
      .locator('.referrals-case')
      .getByRole('listitem')
      .filter({ hasText: 'Morgan Counsel-Example' })
    await press(
      aiguillage.getByRole('button', { name: 'Consigner l’absence de conflit déclarée par l’avocat·e' }),
    )
    const confirmer = app.getByRole('dialog', { name: /Morgan Counsel-Example$/ })
    await press(confirmer.getByRole('radio', { name: 'Par téléphone' }), 'Space')
    await expectAccessible(app, 'matching: no-conflict confirmation (FR)')
    await press(confirmer.getByRole('button', { name: 'Consigner' }))
    await expect(confirmer).toBeHidden()
    await press(aiguillage.getByRole('button', { name: 'Marquer comme envoyé' }))
    await press(app.getByRole('dialog').getByRole('button', { name: 'Consigner' }))
    await expect(aiguillage.getByText(/^Relance d’ici le /)).toBeVisible()
    await expectAccessible(app, 'matching: referral sent (FR)')
    await press(aiguillage.getByRole('button', { name: 'Refusé' }))
    await press(app.getByRole('dialog').getByRole('button', { name: 'Consigner' }))
    // "Refusé" is also the button's own text, so it shows before the answer is stored: wait for the dialog to close
    // and for the case to move, not for the word.
    await expect(app.getByRole('dialog')).toBeHidden()
    await expect(aiguillage.getByText('Refusé', { exact: true })).toBeVisible()
    await expect.poll(() => bridge.services.caseFile.get(cases.french).status).toBe('awaiting_match')
    // Re-match: the lawyer who declined is left out, with why.
    await expect(
      ecartes
        .getByRole('listitem')
        .filter({ hasText: 'Morgan Counsel-Example' })
        .getByText('a refusé un aiguillage de ce dossier', { exact: false }),
    ).toBeVisible()
    await app.goto(`${bridge.origin}/#/referrals?overdue=1`)
    await expect(app.getByText('Aucun aiguillage ne correspond à ces filtres.')).toBeVisible()
    await expectAccessible(app, 'referrals: overdue filter (FR)')
  })
})
