import { expect, expectAccessible, test } from './fixtures'
import { expectStep, main, openNewIntake } from './intake-helpers'
import { dateField, typeDate } from './dates'

/** The slips a reviewer found: Enter on Remove, Ctrl+Enter on a control, Tab in the language box, French. */
test.describe('intake wizard: slips are recoverable', () => {
  test.describe.configure({ timeout: 90_000 })

  test('a removed adverse party comes back with Undo; Ctrl+Enter means Next on a button and on a radio', async ({
    app: page,
  }) => {
    await openNewIntake(page)
    const region = main(page)
    const steps = page.getByRole('navigation', { name: 'Intake steps' })
    await region.getByLabel('Name in original script', { exact: true }).fill('تجربة')
    await region.getByLabel('Legal family name', { exact: true }).fill('Synthetica-Undo')

    await steps.getByRole('button', { name: 'Adverse parties' }).click()
    await region.getByRole('button', { name: 'Add an adverse party' }).click()
    const party = region.getByRole('group', { name: 'Adverse party 1' })
    await party.getByRole('button', { name: /Kind$/ }).click()
    await page.getByRole('option', { name: 'Person', exact: true }).click()
    await party.getByLabel('Name', { exact: true }).fill('Synthetic Party One')
    await party.getByLabel('Notes', { exact: true }).fill('Some notes')
    // The slip: Tab from Notes lands on Remove, and Enter removes.
    await page.keyboard.press('Tab')
    await expect(party.getByRole('button', { name: 'Remove adverse party 1' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(party).toHaveCount(0)
    await expect(region.getByText('Adverse party 1 removed.')).toBeVisible()
    const undo = region.getByRole('button', { name: 'Undo' })
    await expect(undo).toBeFocused()
    await expectAccessible(page, 'adverse party removed, Undo offered')
    await page.keyboard.press('Enter')
    await expect(party.getByLabel('Name', { exact: true })).toHaveValue('Synthetic Party One')
    await expect(party.getByLabel('Notes', { exact: true })).toHaveValue('Some notes')
    await expect(party.getByRole('button', { name: /Kind$/ })).toContainText('Person')
    await expect(region.getByText('Adverse party 1 removed.')).toHaveCount(0)

    // Ctrl+Enter on "Add an adverse party" goes to the next step and adds nothing.
    await region.getByRole('button', { name: 'Add an adverse party' }).focus()
    await page.keyboard.press('Control+Enter')
    await expectStep(page, 'Needs and urgency')
    await steps.getByRole('button', { name: 'Adverse parties' }).click()
    await expect(region.getByRole('group', { name: /^Adverse party/ })).toHaveCount(1)

    // A field that appears under a radio (or a checkbox) leaves focus where it was.
    await steps.getByRole('button', { name: 'Needs and urgency' }).click()
    const detained = region.getByRole('radiogroup', { name: 'Detained now?' })
    await detained.getByRole('radio', { name: 'Yes' }).focus()
    await page.keyboard.press('Space')
    await expect(region.getByLabel('Where they are detained', { exact: true })).toBeVisible()
    await expect(detained.getByRole('radio', { name: 'Yes' })).toBeFocused()
    const airport = region.getByRole('checkbox', { name: 'At an airport or port of entry now' })
    await airport.focus()
    await page.keyboard.press('Space')
    await expect(region.getByLabel('Port of entry, terminal or other details', { exact: true })).toBeVisible()
    await expect(airport).toBeFocused()
    // A hearing date in the past is said, not refused.
    await typeDate(page, 'Hearing date', '2020-01-15', region)
    await expect(region.getByText('This date is in the past — check it.')).toBeVisible()
    await expect(dateField(region, 'Hearing date')).toHaveAccessibleDescription(/This date is in the past/)

    // Consent: an arrow key chooses "Given" and focus stays on the radio while the fields appear below it.
    await steps.getByRole('button', { name: 'Consent' }).click()
    const first = region
      .getByRole('group')
      .filter({ has: page.getByRole('radiogroup') })
      .first()
    await first.getByRole('radio', { name: 'Not asked yet' }).focus()
    await page.keyboard.press('ArrowRight')
    await expect(first.getByRole('radio', { name: 'Given' })).toBeFocused()
    await expect(first.getByRole('radio', { name: 'Given' })).toBeChecked()
    await expect(dateField(first, 'Date given').getByRole('spinbutton', { name: /^year/i })).toHaveAttribute(
      'aria-valuenow',
      /^\d{4}$/,
    )
    await expect(dateField(first, 'Expires on')).toBeVisible()
    await page.keyboard.press('ArrowRight')
    await expect(first.getByRole('radio', { name: 'Refused' })).toBeFocused()
    await expect(dateField(first, 'Date')).toBeVisible()
    await expect(first.getByText('How the refusal was recorded')).toBeVisible()
    await expect(first.getByLabel('Expires on')).toHaveCount(0)
    await expect(region.getByText('Ctrl+Enter goes to the next step.')).toBeVisible()
    // Ctrl+Enter on a radio: the review, where the hint says what it does there.
    await page.keyboard.press('Control+Enter')
    await expectStep(page, 'Review and save')
    await expect(region.getByText('Ctrl+Enter saves the intake.')).toBeVisible()

    // An Arabic-script name sits next to its label, not at the far edge.
    const value = region.getByText('تجربة', { exact: true })
    await expect(value).toHaveAttribute('dir', 'auto')
    const valueBox = (await value.boundingBox())!
    const cellBox = (await value.locator('xpath=..').boundingBox())!
    expect(valueBox.x - cellBox.x).toBeLessThan(4)
  })

  test('the other-language box adds only what is chosen, then clears; a removed name comes back', async ({
    app: page,
  }) => {
    await openNewIntake(page)
    const region = main(page)
    const aliasInput = region.getByLabel('Another name or spelling', { exact: true })
    await aliasInput.fill('Synthetic Alias')
    await page.keyboard.press('Enter')
    const aliases = region.getByRole('list', { name: 'Other names and spellings' })
    await aliases.getByRole('button', { name: 'Remove Synthetic Alias' }).press('Enter')
    await expect(aliases).toHaveCount(0)
    await expect(region.getByRole('button', { name: 'Undo' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(aliases.getByText('Synthetic Alias', { exact: true })).toBeVisible()

    await page
      .getByRole('navigation', { name: 'Intake steps' })
      .getByRole('button', { name: 'Languages' })
      .click()
    const box = region.getByRole('combobox', { name: 'Another language' })
    const others = region.getByRole('list', { name: 'Other languages' })
    await box.focus()
    await page.keyboard.type('Kurd')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(others.getByRole('listitem')).toHaveCount(1)
    await expect(box).toHaveValue('')
    await expect(page.getByRole('listbox')).toHaveCount(0)
    await expect(box).toBeFocused()
    // Tab moves on and adds nothing, even with an option highlighted.
    await page.keyboard.press('Tab')
    await expect(others.getByRole('listitem')).toHaveCount(1)
    await box.focus()
    await page.keyboard.type('Kurd')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Tab')
    await expect(others.getByRole('listitem')).toHaveCount(1)
  })

  test('French: a space before the colon, and dates shown and typed as in fr-CA', async ({ app: page }) => {
    await page.getByRole('radio', { name: 'Français' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await openNewIntake(page)
    const region = main(page)
    const birth = dateField(region, 'Date de naissance')
    await expect(birth).toContainText('aaaa-mm-jj')
    await typeDate(page, 'Date de naissance', '2099-02-28', region)
    await expect(birth).toContainText('2099-02-28')
    await page.keyboard.press('Control+Enter')
    const summary = region.getByRole('alert').filter({ hasText: 'Certaines réponses sont à revoir' })
    await expect(summary).toContainText('Date de naissance\u00a0: Cette date est dans le futur.')
    await expect(
      region.getByText('Tapez l’année, le mois et le jour. Laissez vide si inconnue.').first(),
    ).toBeVisible()
    await expectAccessible(page, 'intake with a date to check (fr)')
  })
})
