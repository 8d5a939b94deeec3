import { readFileSync } from 'node:fs'
import { emptyIntake, type TIntake } from '../../src/shared/cases/intake-schema'
import type { TBridge } from '../../src/main/bridge/server'
import { expectAccessible, expect, test } from './fixtures'
import { dateField, typeDate } from './dates'

const GIVEN = ['Testa', 'Exemplo', 'Sampla', 'Fictiva', 'Mocka', 'Dummyn', 'Placido']

/** Thirteen invented survivors: 6 from Syria (October), 5 from Afghanistan and 2 from Eritrea (November). */
function seedCaseload(bridge: TBridge): void {
  const groups: [string, TIntake['location']['province'], string, number][] = [
    ['SY', 'QC', '2026-10-06', 6],
    ['AF', 'ON', '2026-11-03', 5],
    ['ER', 'NS', '2026-11-04', 2],
  ]
  for (const [country, province, openedOn, count] of groups) {
    for (let index = 0; index < count; index++) {
      const intake = emptyIntake(openedOn)
      intake.person.givenNames = GIVEN[index] ?? 'Testa'
      intake.person.familyName = `Reporttest-${country}-${index}`
      intake.location.countryOfOrigin = country
      intake.location.province = province
      intake.needs.needs = ['refugee_claim']
      const reviewedCandidates = bridge.services.intake.findDuplicates(intake).map((found) => found.caseId)
      bridge.services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates })
    }
  }
}

test.describe('the caseload report', () => {
  test.describe.configure({ timeout: 150_000 })

  test('counts cases by keyboard with a table for every chart, withholds small counts, narrows to a period, saves CSV, in English and French', async ({
    app,
    bridge,
  }) => {
    seedCaseload(bridge)
    await app.goto(`${bridge.origin}/#/`)
    const link = app.getByRole('navigation').getByRole('link', { name: 'Reports' })
    await link.focus()
    await app.keyboard.press('Enter')
    await expect(app.getByRole('heading', { level: 1, name: 'Reports' })).toBeFocused()
    await expect(app.getByRole('status').filter({ hasText: 'opened in this period' })).toHaveText(
      '13 cases opened in this period.',
    )

    // The chart's text alternative names every bar; Eritrea's 2 are withheld, and so is Afghanistan's 5, the next
    // smallest, since 13 − 6 would otherwise give the 2 back.
    const countries = app.getByRole('figure', { name: 'By country of origin' })
    await expect(countries.getByRole('img')).toHaveAccessibleName(
      'By country of origin: Syria 6, Afghanistan withheld, Eritrea withheld',
    )
    await countries.getByText('Show as a table').focus()
    await app.keyboard.press('Enter')
    const table = countries.getByRole('table')
    await expect(table.getByRole('row', { name: 'Syria 6' })).toBeVisible()
    await expect(table.getByRole('row', { name: 'Eritrea withheld' })).toBeVisible()
    await expectAccessible(app, 'caseload report (en)')

    // November only: 7 cases, every country withheld; the period stays in the address.
    await typeDate(app, 'From', '2026-11-01')
    await expect(app.getByRole('status').filter({ hasText: 'opened in this period' })).toHaveText(
      '7 cases opened in this period.',
    )
    await expect(countries.getByRole('img')).toHaveAccessibleName(
      'By country of origin: Afghanistan withheld, Eritrea withheld',
    )
    expect(app.url()).toContain('from=2026-11-01')
    await typeDate(app, 'To', '2026-10-31')
    await expect(app.getByText('The end of the period comes before its start.')).toBeVisible()
    await typeDate(app, 'To', '2026-11-30')
    await expect(app.getByText('The end of the period comes before its start.')).toHaveCount(0)
    await expect(app.getByRole('status').filter({ hasText: 'opened in this period' })).toHaveText(
      '7 cases opened in this period.',
    )

    const download = app.waitForEvent('download')
    await app.getByRole('button', { name: 'Download CSV' }).press('Enter')
    const file = await download
    expect(file.suggestedFilename()).toBe('caseload-report-2026-11-01-to-2026-11-30.csv')
    const csv = readFileSync((await file.path()) ?? '', 'utf8')
    expect(csv).toContain('All cases,7')
    expect(csv).toContain('Country of origin,Eritrea,withheld')
    expect(csv).toContain('Legal need,Refugee claim')
    expect(csv).not.toMatch(/Reporttest|Testa|CCIJ-/)
    const audited = bridge.services.audit.list({ action: 'reports.viewed', limit: 50 }).entries
    expect(audited[0]?.details).toEqual({ from: '2026-11-01', to: '2026-11-30', results: 7 })

    await app.getByRole('radio', { name: 'Français' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Rapports' })).toBeVisible()
    await expect(app.getByRole('status').filter({ hasText: 'pendant cette période' })).toHaveText(
      '7 dossiers ouverts pendant cette période.',
    )
    await expect(
      app.getByRole('figure', { name: 'Par pays d’origine' }).getByRole('img'),
    ).toHaveAccessibleName('Par pays d’origine: Afghanistan masqué, Érythrée masqué')
    await expectAccessible(app, 'caseload report (fr)')
  })
  test('keeps every digit of a period typed at full speed on a slow machine', async ({ app, bridge }) => {
    seedCaseload(bridge)
    await app.goto(`${bridge.origin}/#/reports`)
    await expect(app.getByRole('status').filter({ hasText: 'opened in this period' })).toHaveText(
      '13 cases opened in this period.',
    )
    // A slow machine (a quarter of the CPU): the period comes back through the address in a transition, and the
    // digits of a date typed without a pause each land before the one before them has come back.
    const cdp = await app.context().newCDPSession(app)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    try {
      for (const [label, digits] of [
        ['From', '20261101'],
        ['To', '20261130'],
      ] as const) {
        await dateField(app, label).getByRole('spinbutton', { name: /^year/i }).focus()
        await app.keyboard.type(digits)
      }
      await expect(dateField(app, 'To').getByRole('spinbutton', { name: /^day/i })).toHaveAttribute(
        'aria-valuenow',
        '30',
      )
      await expect(dateField(app, 'From').getByRole('spinbutton', { name: /^day/i })).toHaveAttribute(
        'aria-valuenow',
        '1',
      )
      await expect.poll(() => app.url()).toContain('from=2026-11-01&to=2026-11-30')
      await expect(app.getByRole('status').filter({ hasText: 'opened in this period' })).toHaveText(
        '7 cases opened in this period.',
      )
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    }
    // Changed from outside (the address), the field follows.
    await app.goto(`${bridge.origin}/#/reports?from=2026-10-01`)
    await expect(dateField(app, 'From').getByRole('spinbutton', { name: /^month/i })).toHaveAttribute(
      'aria-valuenow',
      '10',
    )
    await expect(dateField(app, 'To').getByRole('spinbutton', { name: /^day/i })).toHaveAttribute(
      'data-placeholder',
    )
    await expectAccessible(app, 'caseload report, period typed fast (en)')
  })
})
