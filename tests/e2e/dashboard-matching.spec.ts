import { emptyIntake } from '../../src/shared/cases/intake-schema'
import { WEEKDAYS } from '../../src/shared/roster/airports'
import { emptyLawyerFields } from '../../src/shared/roster/lawyer-schema'
import { expectAccessible, expect, test } from './fixtures'

test.describe('the dashboard’s matching figures', () => {
  test.describe.configure({ timeout: 150_000 })

  test('counts cases waiting for a lawyer and names the airports nobody covers, each a link, by keyboard, EN and FR', async ({
    app,
    bridge,
  }) => {
    const { roster, intake, caseFile } = bridge.services
    roster.create({
      ...emptyLawyerFields(),
      firstName: 'Avery',
      lastName: 'OnCall-Example',
      email: 'avery@example.org',
      memberships: [{ province: 'QC', licenceNumber: 'D-0001', status: 'practising', verifiedOn: '' }],
      airports: ['YUL'],
      onCallWindows: [{ days: [...WEEKDAYS], start: '00:00', end: '24:00' }],
      maxActive: 2,
    })
    for (const [familyName, detained] of [
      ['Waiting-Example', 'no'],
      ['Detained-Example', 'yes'],
    ] as const) {
      const form = emptyIntake(new Date().toISOString().slice(0, 10))
      form.person.givenNames = 'Invented'
      form.person.familyName = familyName
      form.needs.detained = detained
      const { caseId } = intake.submit({ intake: form, decision: { kind: 'new' }, reviewedCandidates: [] })
      for (const to of ['screening', 'awaiting_match'] as const)
        caseFile.changeStatus({ caseId, to, reason: 'Synthetic screening done.' })
    }
    await app.reload()
    const figures = app.getByRole('region', { name: 'Matching today' })
    await expect(figures.getByRole('link', { name: '0 follow-ups overdue' })).toBeVisible()
    await expect(figures.getByRole('link', { name: '2 cases waiting for a lawyer in all' })).toBeVisible()
    await expect(figures.getByRole('figure', { name: 'Lawyers on call now, by airport' })).toBeVisible()
    await expect(
      figures.getByRole('link', { name: /^Nobody on call now at 18 airports: YVR, YYC/ }),
    ).toBeVisible()
    await expect(figures.getByRole('link', { name: /YUL/ })).toHaveCount(0)
    await expectAccessible(app, 'dashboard matching figures (EN)')

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
    await expectAccessible(app, 'dashboard matching figures (FR)')
  })
})
