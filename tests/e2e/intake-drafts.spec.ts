import { ADMIN, expect, test } from './fixtures'
import { expectStep, main, openNewIntake, unlockAs } from './intake-helpers'

test.describe('intake drafts', () => {
  test.describe.configure({ timeout: 90_000 })

  test('a draft survives lock and unlock and reopens at its step with what was typed', async ({
    app: page,
    bridge,
  }) => {
    await openNewIntake(page)
    const region = main(page)
    await region.getByLabel('Legal given names', { exact: true }).fill('Draftina')
    await region.getByLabel('Legal family name', { exact: true }).fill('Lockproof-Synthetic')
    await region.getByRole('button', { name: 'Next: Contact and safety' }).click()
    await expectStep(page, 'Contact and safety')
    // The first save put the draft's id in the address.
    await expect(page).toHaveURL(/#\/survivors\/new\/[^/]+$/)
    await region.getByLabel('Phone', { exact: true }).fill('+1 555 0199 000')
    await region.getByLabel('Safe times to call or visit', { exact: true }).fill('Weekday mornings only')
    // Autosave after a pause in typing, said quietly.
    await expect(region.getByText(/^Draft saved at /)).toBeVisible()
    const draftId = page.url().split('/').pop()!
    await expect
      .poll(() => JSON.stringify(bridge.services.intake.getDraft(draftId).data), { timeout: 15_000 })
      .toContain('Weekday mornings only')
    await page.keyboard.press('Control+l')
    await unlockAs(page, ADMIN.username, ADMIN.passphrase)
    // Reopen it from "Your unfinished intakes".
    await openNewIntake(page)
    const drafts = page.getByRole('region', { name: 'Your unfinished intakes' })
    await drafts.getByRole('link', { name: 'Draftina Lockproof-Synthetic' }).click()
    await expectStep(page, 'Contact and safety')
    await expect(region.getByLabel('Phone', { exact: true })).toHaveValue('+1 555 0199 000')
    await expect(region.getByLabel('Safe times to call or visit', { exact: true })).toHaveValue(
      'Weekday mornings only',
    )
    await page
      .getByRole('navigation', { name: 'Intake steps' })
      .getByRole('button', { name: 'Person' })
      .click()
    await expect(region.getByLabel('Legal family name', { exact: true })).toHaveValue('Lockproof-Synthetic')
  })

  test('discarding a draft asks first, then deletes it and starts a blank intake', async ({
    app: page,
    bridge,
  }) => {
    await openNewIntake(page)
    const region = main(page)
    await region.getByLabel('Preferred name', { exact: true }).fill('Discarda Synthetic')
    await region.getByRole('button', { name: 'Next: Contact and safety' }).click()
    await expect.poll(() => bridge.services.intake.listDrafts().length).toBe(1)
    await page.getByRole('button', { name: 'Discard draft' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Discard this draft?' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Discard draft' }).click()
    await expect(dialog).toBeHidden()
    await expect.poll(() => bridge.services.intake.listDrafts().length).toBe(0)
    await expectStep(page, 'Person')
    await expect(region.getByLabel('Preferred name', { exact: true })).toHaveValue('')
    await expect(page.locator('#app-announcer')).toHaveText('Draft discarded.')
  })
})
