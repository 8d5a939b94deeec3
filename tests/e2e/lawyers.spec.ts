import { emptyLawyerFields, type TLawyerFields } from '../../src/shared/roster/lawyer-schema'
import { expectAccessible, expect, test } from './fixtures'

/* Synthetic, obviously invented lawyers only. */

const seedLawyer = (change: (fields: TLawyerFields) => void): TLawyerFields => {
  const fields = emptyLawyerFields()
  change(fields)
  return fields
}

test.describe('the lawyer roster', () => {
  // Eight axe runs over a large dialog on a shared two-core machine.
  test.describe.configure({ timeout: 240_000 })
  test('lists, filters by the URL, adds by keyboard, and pauses a lawyer', async ({ app, bridge }) => {
    bridge.services.roster.create(
      seedLawyer((fields) => {
        fields.firstName = 'Ada'
        fields.lastName = 'Invented-Counsel'
        fields.province = 'QC'
        fields.languages = ['fr', 'ar']
        fields.practiceAreas = ['refugee_claim']
        fields.memberships = [
          { province: 'QC', licenceNumber: 'Q-1', status: 'practising', verifiedOn: '2026-01-05' },
        ]
      }),
    )
    bridge.services.roster.create(
      seedLawyer((fields) => {
        fields.firstName = 'Bao'
        fields.lastName = 'Invented-Advocate'
        fields.province = 'BC'
        fields.languages = ['en']
      }),
    )
    await app.goto(`${bridge.origin}/#/lawyers`)
    await expect(app.getByRole('heading', { level: 1, name: 'Lawyers' })).toBeVisible()
    await expect(app.getByText('2 lawyers')).toBeVisible()
    await expect(app.getByRole('heading', { name: 'On call now' })).toBeVisible()
    await expectAccessible(app, 'roster (en)')

    // Filters live in the URL: a shared link opens the same list.
    await app.goto(`${bridge.origin}/#/lawyers?province=QC`)
    await expect(app.getByText('1 lawyer', { exact: true })).toBeVisible()
    await expect(app.getByRole('link', { name: 'Ada Invented-Counsel' })).toBeVisible()
    await expect(app.getByRole('link', { name: 'Bao Invented-Advocate' })).toHaveCount(0)
    await expectAccessible(app, 'roster filtered (en)')

    // Add by keyboard; a mistyped on-call time is explained on its field and nothing is saved.
    await app.goto(`${bridge.origin}/#/lawyers`)
    await app.getByRole('button', { name: 'Add a lawyer' }).focus()
    await app.keyboard.press('Enter')
    const dialog = app.getByRole('dialog', { name: 'Add a lawyer' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('textbox', { name: 'First name' }).fill('Cyd')
    await dialog.getByRole('textbox', { name: 'Last name' }).fill('Invented-Jurist')
    await dialog.getByRole('textbox', { name: 'Languages' }).fill('en, fr')
    await dialog.getByRole('checkbox', { name: /^YUL/ }).press('Space')
    const hours = dialog.getByRole('textbox', { name: 'On-call hours' })
    await hours.fill('Funday 09:00-17:00')
    await hours.press('Tab')
    await expect(
      dialog.getByText('Write hours like Mon-Fri 18:00-23:00, separated by semicolons.'),
    ).toBeVisible()
    await expectAccessible(app, 'add lawyer with an error (en)')
    await hours.fill('Mon-Fri 18:00-23:00')
    await dialog.getByRole('button', { name: 'Save' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByRole('heading', { level: 1, name: 'Cyd Invented-Jurist' })).toBeVisible()
    await expect(app.getByText('Airports: YUL')).toBeVisible()
    await expect(app.getByText('Hours: Mon-Fri 18:00-23:00')).toBeVisible()
    await expectAccessible(app, 'lawyer page (en)')

    await app.getByRole('button', { name: 'Pause' }).focus()
    await app.keyboard.press('Enter')
    const confirm = app.getByRole('alertdialog', { name: 'Pause this lawyer?' })
    await expect(confirm).toBeVisible()
    await confirm.getByRole('button', { name: 'Pause' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByText('Paused: this lawyer is not offered for new referrals.')).toBeVisible()
    expect(bridge.services.roster.list({ status: 'paused' }).rows.map((row) => row.displayName)).toEqual([
      'Cyd Invented-Jurist',
    ])
    await expectAccessible(app, 'lawyer paused (en)')

    // The same screens in French.
    await app.getByRole('radio', { name: 'Français' }).click()
    await app.goto(`${bridge.origin}/#/lawyers`)
    await expect(app.getByRole('heading', { level: 1, name: 'Avocats' })).toBeVisible()
    await expect(app.getByText('3 avocat·es')).toBeVisible()
    await expectAccessible(app, 'roster (fr)')
    // The name in the list opens the lawyer's page, by keyboard as by mouse.
    // Tab from the last filter into the list, arrow down to the third lawyer (by name), Enter.
    await app.getByRole('checkbox', { name: 'Peut prendre un dossier' }).focus()
    await app.keyboard.press('Tab')
    await app.keyboard.press('ArrowDown')
    await app.keyboard.press('ArrowDown')
    await expect(app.getByRole('row', { name: /Cyd Invented-Jurist/ })).toBeFocused()
    await app.keyboard.press('Enter')
    await expect(app.getByRole('heading', { level: 1, name: 'Cyd Invented-Jurist' })).toBeVisible()
    await app.getByRole('link', { name: 'Retour à la liste des avocat·es' }).click()
    await app.getByRole('link', { name: 'Cyd Invented-Jurist' }).click()
    await expect(app.getByRole('button', { name: 'Réactiver' })).toBeVisible()
    await expectAccessible(app, 'lawyer page (fr)')
  })
})
