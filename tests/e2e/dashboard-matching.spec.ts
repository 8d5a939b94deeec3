import { WEEKDAYS } from '../../src/shared/roster/airports'
import { emptyLawyerFields } from '../../src/shared/roster/lawyer-schema'
import { addColleague, CASEWORKER, expectAccessible, expect, test } from './fixtures'
import { seedCase, syntheticLawyer } from './seed'

test.describe('the dashboard’s matching figures', () => {
  test.describe.configure({ timeout: 150_000 })

  test('counts cases waiting, places free and the airports nobody covers, each a link, by keyboard, EN and FR; a viewer sees roster counts only', async ({
    app,
    bridge,
  }) => {
    const { roster } = bridge.services
    roster.create({
      ...emptyLawyerFields(),
      firstName: 'Avery',
      lastName: 'OnCall-Example',
      email: 'avery@example.org',
      memberships: [{ province: 'QC', licenceNumber: 'D-0001', status: 'practising', verifiedOn: '' }],
      province: 'QC',
      airports: ['YUL'],
      onCallWindows: [{ days: [...WEEKDAYS], start: '00:00', end: '24:00' }],
      maxActive: 2,
    })
    // Ontario: one lawyer whose only place a referral holds, one paused.
    const blake = roster.create(
      syntheticLawyer({
        firstName: 'Blake',
        lastName: 'Full-Example',
        email: 'blake@example.org',
        maxActive: 1,
      }),
    )
    roster.create(
      syntheticLawyer({
        firstName: 'Pat',
        lastName: 'Paused-Example',
        email: 'pat@example.org',
        status: 'paused',
      }),
    )
    const [waiting] = (
      [
        ['Waiting-Example', 'no'],
        ['Detained-Example', 'yes'],
      ] as const
    ).map(([familyName, detained]) =>
      seedCase(
        bridge,
        (form) => {
          form.person.givenNames = 'Invented'
          form.person.familyName = familyName
          form.needs.detained = detained
        },
        { awaitingMatch: true },
      ),
    )
    bridge.services.referrals.propose({
      caseId: waiting?.caseId ?? '',
      recipientKind: 'lawyer',
      recipientId: blake.id,
    })
    await app.reload()
    const figures = app.getByRole('region', { name: 'Matching today' })
    await expect(figures.getByRole('link', { name: '0 follow-ups overdue' })).toBeVisible()
    await expect(figures.getByRole('link', { name: '2 cases waiting for a lawyer in all' })).toBeVisible()
    await expect(figures.getByRole('figure', { name: 'Lawyers on call now, by airport' })).toBeVisible()
    await expect(
      figures.getByRole('link', { name: /^Nobody on call now at 18 airports: YVR, YYC/ }),
    ).toBeVisible()
    await expect(figures.getByRole('link', { name: /YUL/ })).toHaveCount(0)

    // Capacity: places free from open referrals, lawyers full and paused, by province.
    const capacity = app.getByRole('region', { name: 'Lawyer capacity' })
    await expect(capacity.getByRole('link', { name: '2 places free across 2 active lawyers' })).toBeVisible()
    await expect(capacity.getByText('1 active lawyer has no place left')).toBeVisible()
    await expect(capacity.getByRole('link', { name: '1 lawyer paused' })).toBeVisible()
    await expect(
      capacity.getByRole('figure', { name: 'Places free among active lawyers, by province' }),
    ).toBeVisible()
    await expect(capacity.getByRole('img')).toHaveAccessibleName(
      'Places free among active lawyers, by province: Quebec 2, Ontario 0',
    )
    await capacity.getByText('Show as a table').focus()
    await app.keyboard.press('Enter')
    const table = capacity.getByRole('table', { name: 'Lawyers and places by province' })
    await expect(table.getByRole('row', { name: /^Ontario/ })).toHaveText(/^Ontario\s*1\s*1\s*0\s*1\s*1$/)
    await expectAccessible(app, 'dashboard matching figures (EN)')
    await table.getByRole('link', { name: 'Quebec' }).focus()
    await app.keyboard.press('Enter')
    await expect(app).toHaveURL(/#\/lawyers\?status=active&province=QC$/)
    await expect(app.getByRole('heading', { level: 1, name: 'Lawyers' })).toBeVisible()
    await app.goBack()

    await figures.getByRole('link', { name: '1 urgent case waiting for a lawyer' }).focus()
    await app.keyboard.press('Enter')
    await expect(app).toHaveURL(/#\/survivors\?status=awaiting_match&urgency=urgent$/)
    await expect(app.getByText('1 case', { exact: true }).first()).toBeVisible()

    await app.getByRole('radio', { name: 'Français' }).click()
    await app.goto(`${bridge.origin}/#/`)
    const chiffres = app.getByRole('region', { name: 'Jumelage aujourd’hui' })
    await expect(
      chiffres.getByRole('link', { name: '1 dossier urgent en attente d’un·e avocat·e' }),
    ).toBeVisible()
    await expect(
      app
        .getByRole('region', { name: 'Disponibilité des avocat·es' })
        .getByRole('link', { name: '2 places libres parmi 2 avocat·es actif·ves' }),
    ).toBeVisible()
    await expectAccessible(app, 'dashboard matching figures (FR)')

    // A viewer, on the same vault: counts from the roster only. Places in use come from referrals, survivor data
    // their key cannot open, so they see places offered, and no case figure at all.
    const { vault } = bridge.services
    await addColleague(bridge, {
      ...CASEWORKER,
      username: 'vera.viewer',
      displayName: 'Vera Viewer-Test',
      role: 'viewer',
    })
    vault.lock()
    await vault.unlock('vera.viewer', CASEWORKER.passphrase)
    await app.goto(bridge.url)
    await app.goto(`${bridge.origin}/#/`)
    const disponibilite = app.getByRole('region', { name: 'Disponibilité des avocat·es' })
    await expect(
      disponibilite.getByRole('link', { name: '3 places offertes par 2 avocat·es actif·ves' }),
    ).toBeVisible()
    await expect(disponibilite.getByText(/ne peut pas ouvrir/)).toBeVisible()
    await expect(disponibilite.getByText(/n’a plus de place/)).toHaveCount(0)
    await expect(app.getByRole('link', { name: /en retard|en attente/ })).toHaveCount(0)
    await expectAccessible(app, 'dashboard figures for a viewer (FR)')
    await app.getByRole('radio', { name: 'English' }).click()
    const forViewer = app.getByRole('region', { name: 'Lawyer capacity' })
    await expect(
      forViewer.getByRole('figure', { name: 'Places offered by active lawyers, by province' }),
    ).toBeVisible()
    await expect(forViewer.getByRole('link', { name: '3 places offered by 2 active lawyers' })).toBeVisible()
    await expect(app.getByRole('link', { name: /overdue|waiting for a lawyer/ })).toHaveCount(0)
    await expectAccessible(app, 'dashboard figures for a viewer (EN)')
  })
})
