import type { Locator, Page } from '@playwright/test'
import type { TBridge } from '../../src/main/bridge/server'
import { ADMIN, CASEWORKER, expectAccessible, expect, test } from './fixtures'

/** Synthetic: what an admin chose when resetting the caseworker's passphrase, and what the caseworker then chooses. */
const RESET_PASSPHRASE = 'walnut-glacier-pepper-41'
const OWN_PASSPHRASE = 'tangerine-obsidian-fjord-73'

/** The admin resets the caseworker's passphrase (in the core, as the accounts screen does), then locks. */
async function resetByAdmin(bridge: TBridge): Promise<void> {
  const { vault, accounts } = bridge.services
  await vault.unlock(ADMIN.username, ADMIN.passphrase)
  const casey = accounts.list().find((account) => account.username === CASEWORKER.username)
  if (casey === undefined) throw new Error('the seeded caseworker is missing')
  await accounts.resetPassphrase(casey.id, RESET_PASSPHRASE)
  vault.lock()
}

/** Tab (past each field's Show control) until `field` has focus. */
async function tabToField(page: Page, field: Locator): Promise<void> {
  for (let presses = 0; presses < 4; presses += 1) {
    await page.keyboard.press('Tab')
    if (await field.evaluate((element) => element === document.activeElement)) return
  }
  throw new Error(`Tab never reached ${field.toString()}`)
}

async function unlockAs(page: Page, passphrase: string, words = { account: 'Account', unlock: 'Unlock' }) {
  await page.getByRole('button', { name: new RegExp(words.account) }).click()
  await page.getByRole('option', { name: CASEWORKER.username }).click()
  await page
    .getByLabel(words.account === 'Account' ? 'Passphrase' : 'Phrase de passe', { exact: true })
    .fill(passphrase)
  await page.getByRole('button', { name: words.unlock, exact: true }).click()
}

test.describe('a passphrase an admin chose', () => {
  // Key derivations (unlock, the change) and two accessibility scans each: slow on a loaded machine.
  test.describe.configure({ timeout: 180_000 })

  test('is replaced by its owner at their next unlock, by keyboard, before the app opens', async ({
    lockedApp: page,
    bridge,
  }) => {
    await resetByAdmin(bridge)
    await page.reload()
    await unlockAs(page, RESET_PASSPHRASE)

    const title = page.getByRole('heading', { level: 1, name: 'Choose your own passphrase' })
    await expect(title).toBeFocused()
    await expect(page).toHaveTitle('Choose your passphrase · CCIJ Caseworker')
    // Nothing of the app is there until the change is made.
    await expect(page.getByRole('navigation')).toHaveCount(0)
    await expectAccessible(page, 'first passphrase (en)')

    // Keyboard only: current, its Show control, new, its Show control, repeat.
    await page.keyboard.press('Tab')
    await expect(page.getByLabel('Current passphrase')).toBeFocused()
    await page.keyboard.type(RESET_PASSPHRASE)
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: 'Show passphrase' }).first()).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByLabel('Current passphrase')).toHaveAttribute('type', 'text')
    await expect(page.getByRole('button', { name: 'Hide passphrase' }).first()).toBeFocused()
    await page.keyboard.press('Tab')
    // Keeping the admin's choice is refused in words, on the field.
    const newField = page.getByLabel('New passphrase', { exact: true })
    await expect(newField).toBeFocused()
    await newField.fill(RESET_PASSPHRASE)
    await page.getByLabel('Type the new passphrase again').fill(RESET_PASSPHRASE)
    await page.getByLabel('Type the new passphrase again').press('Enter')
    await expect(page.getByText('Choose a new passphrase, different from the current one.')).toBeVisible()
    await expect(page.getByRole('navigation')).toHaveCount(0)
    await expectAccessible(page, 'first passphrase refused (en)')

    await newField.fill(OWN_PASSPHRASE)
    await page.getByLabel('Type the new passphrase again').fill(OWN_PASSPHRASE)
    await page.getByLabel('Type the new passphrase again').press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
    await expect(page.getByRole('banner').getByText(CASEWORKER.displayName)).toBeVisible()

    // The trail tells the owner's change from the admin's reset.
    const { vault, audit } = bridge.services
    expect(vault.currentStaff()?.mustChangePassphrase).toBe(false)
    vault.lock()
    await vault.unlock(ADMIN.username, ADMIN.passphrase)
    const changed = audit.list({ action: 'account.passphrase_changed' }).entries
    expect(changed.at(0)).toMatchObject({
      actorUsername: CASEWORKER.username,
      details: { replacedAdminChosen: true },
    })
    vault.lock()
    await expect(vault.unlock(CASEWORKER.username, RESET_PASSPHRASE)).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    })
    expect((await vault.unlock(CASEWORKER.username, OWN_PASSPHRASE)).mustChangePassphrase).toBe(false)
  })

  test('in French: the same screen, axe-clean, and Lock leaves without changing anything', async ({
    lockedApp: page,
    bridge,
  }) => {
    await resetByAdmin(bridge)
    await page.reload()
    await page.getByRole('radio', { name: 'Français' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await unlockAs(page, RESET_PASSPHRASE, { account: 'Compte', unlock: 'Déverrouiller' })
    await expect(
      page.getByRole('heading', { level: 1, name: 'Choisissez votre propre phrase de passe' }),
    ).toBeFocused()
    await expect(page.getByText('l’application reste fermée.', { exact: false })).toBeVisible()
    await expectAccessible(page, 'first passphrase (fr)')
    await page.getByRole('button', { name: 'Changer la phrase de passe' }).click()
    await expect(page.getByText('Saisissez votre phrase de passe actuelle.')).toBeVisible()
    await expectAccessible(page, 'first passphrase errors (fr)')

    await page.getByRole('button', { name: 'Verrouiller', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Déverrouiller CCIJ Caseworker' })).toBeVisible()
    // Still the admin's choice: the next unlock asks again.
    const staff = await bridge.services.vault.unlock(CASEWORKER.username, RESET_PASSPHRASE)
    expect(staff.mustChangePassphrase).toBe(true)
  })

  test('after Ctrl+L, an unlock that must first choose its own passphrase still returns to the page, by keyboard', async ({
    lockedApp: page,
    bridge,
  }) => {
    await unlockAs(page, CASEWORKER.passphrase)
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
    await page.evaluate(() => {
      window.location.hash = '#/survivors'
    })
    await expect(page.getByRole('heading', { level: 1, name: 'Survivors' })).toBeVisible()
    await page.keyboard.press('Control+L')
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock CCIJ Caseworker' })).toBeVisible()
    await expect(page).toHaveURL(/#\/survivors$/)
    // While the app is locked an admin resets the caseworker's passphrase.
    await resetByAdmin(bridge)

    // Keyboard only: whose account (type-ahead in the open list), the admin's passphrase, Enter.
    const account = page.getByRole('button', { name: /Account/ })
    await expect(account).toBeFocused()
    await page.keyboard.press('Enter')
    await page.keyboard.type(CASEWORKER.username)
    await page.keyboard.press('Enter')
    await expect(account).toContainText(CASEWORKER.username)
    await page.keyboard.press('Tab')
    await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused()
    await page.keyboard.type(RESET_PASSPHRASE)
    await page.keyboard.press('Enter')

    // The change screen comes between the unlock and the app…
    await expect(page.getByRole('heading', { level: 1, name: 'Choose your own passphrase' })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(page.getByLabel('Current passphrase')).toBeFocused()
    await page.keyboard.type(RESET_PASSPHRASE)
    await tabToField(page, page.getByLabel('New passphrase', { exact: true }))
    await page.keyboard.type(OWN_PASSPHRASE)
    await tabToField(page, page.getByLabel('Type the new passphrase again'))
    await page.keyboard.type(OWN_PASSPHRASE)
    await page.keyboard.press('Enter')

    // …and the app then opens where the person was, with focus on the page's title.
    await expect(page.getByRole('heading', { level: 1, name: 'Survivors' })).toBeFocused()
    await expect(page).toHaveURL(/#\/survivors$/)
    expect(bridge.services.vault.currentStaff()?.mustChangePassphrase).toBe(false)
  })
})
