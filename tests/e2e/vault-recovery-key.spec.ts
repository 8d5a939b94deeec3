import type { Page } from '@playwright/test'
import { addColleague, ADMIN, expectAccessible, expect, test } from './fixtures'

const NEW_PASSPHRASE = 'quartz meadow harbour violin 58'

/** The recovery key step: reads the key, ticks the box (the key hides), types the last group, submits. */
async function recordKeyAndConfirm(page: Page, submit: string): Promise<string> {
  const groups = (await page.getByTestId('recovery-key').innerText()).trim().split(/\s+/)
  expect(groups).toHaveLength(6)
  await page.getByRole('checkbox', { name: /I have printed or written down/ }).focus()
  await page.keyboard.press('Space')
  await expect(page.getByTestId('recovery-key')).toHaveCount(0)
  await expect(page.getByText('Key hidden', { exact: true })).toBeVisible()
  await page.getByLabel('Type the last group of the key').fill(groups.at(-1) ?? '')
  await page.getByRole('button', { name: submit }).click()
  return groups.join('-')
}

async function unlockAsAdmin(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock CCIJ Caseworker' })).toBeVisible()
  await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase)
  await page.getByRole('button', { name: 'Unlock', exact: true }).click()
}

test.describe('an unconfirmed recovery key', () => {
  test('a reload during the recovery key step: after unlocking, the admin must issue and confirm a new key', async ({
    firstRun: page,
    bridge,
  }) => {
    test.slow()
    await page.getByLabel('Your name').fill('Noor Testperson (synthetic)')
    await page.getByLabel('Sign-in name').fill('noor.test')
    await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase)
    await page.getByLabel('Type the passphrase again').fill(ADMIN.passphrase)
    await page.getByRole('button', { name: 'Create the vault' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery key' })).toBeVisible()
    const lostKey = (await page.getByTestId('recovery-key').innerText()).trim().split(/\s+/).join('-')

    // The page reloads (or the app crashes) before Continue: the key was never confirmed.
    await page.reload()
    const blocked = page.getByRole('heading', { level: 1, name: 'The recovery key has not been confirmed' })
    await expect(blocked).toBeVisible()
    expect(bridge.services.vault.status().recoveryKeyConfirmed).toBe(false)

    // Locked and unlocked again: still blocked, with no way around it into the app.
    bridge.services.vault.lock()
    await page.reload()
    await page.getByRole('button', { name: /Account/ }).click()
    await page.getByRole('option', { name: 'noor.test' }).click()
    await unlockAsAdmin(page)
    await expect(blocked).toBeVisible()
    await expect(blocked).toBeFocused()
    await expect(page.getByRole('navigation')).toHaveCount(0)
    await expect(page.getByText(/nobody can ever open the survivors' records again/)).toBeVisible()
    await expectAccessible(page, 'recovery key not confirmed (en)')

    await page.getByRole('radio', { name: 'Français' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'La clé de récupération n’a pas été confirmée' }),
    ).toBeVisible()
    await expectAccessible(page, 'recovery key not confirmed (fr)')
    await page.getByRole('radio', { name: 'English' }).click()

    await page.getByRole('button', { name: 'Create a new recovery key' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery key' })).toBeFocused()
    await expect(page.getByText('New recovery key', { exact: true })).toBeVisible()
    await expectAccessible(page, 'new recovery key step (en)')
    const newKey = await recordKeyAndConfirm(page, 'Continue to CCIJ Caseworker')

    const dashboard = page.getByRole('heading', { level: 1, name: 'Dashboard' })
    await expect(dashboard).toBeVisible()
    await expect(dashboard).toBeFocused()
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    expect(bridge.services.vault.status().recoveryKeyConfirmed).toBe(true)
    const { vault, audit } = bridge.services
    expect(audit.list({ action: 'recovery.replaced' }).total).toBe(1)
    expect(audit.list({ action: 'recovery.confirmed' }).total).toBe(1)
    expect(newKey).not.toBe(lostKey)
    await expect(vault.unlockWithRecoveryKey(lostKey, 'noor.test', NEW_PASSPHRASE)).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    })
  })

  test('a caseworker is not blocked by an unconfirmed key', async ({ page, bridge }) => {
    const { vault } = bridge.services
    await vault.create(ADMIN)
    await addColleague(bridge, {
      username: 'casey.worker',
      displayName: 'Casey Worker-Test',
      role: 'caseworker',
      passphrase: 'granite-harbour-meadow-37',
    })
    vault.lock()
    await vault.unlock('casey.worker', 'granite-harbour-meadow-37')
    await page.goto(bridge.url)
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  })
})

test.describe('Admin › Recovery key', () => {
  test('replaces the key: the old one stops recovering at once, the new one is confirmed', async ({
    page,
    bridge,
  }) => {
    test.slow()
    const { vault, recovery, audit } = bridge.services
    const { recoveryKey: oldKey } = await vault.create(ADMIN)
    recovery.confirm()
    await page.goto(`${bridge.url}#/admin/recovery-key`)

    await expect(page.getByRole('heading', { level: 2, name: 'Recovery key' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Recovery key' })).toHaveAttribute('aria-current', 'page')
    await expect(page.getByTestId('recovery-key-status')).toContainText(
      'Confirmed as printed or written down',
    )
    await expectAccessible(page, 'admin recovery key page')

    await page.getByRole('button', { name: 'Replace recovery key' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Replace the recovery key?' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('stops working at once')
    await expect(dialog).toContainText(
      're-encrypted under new keys at the same time; everyone keeps their passphrase',
    )
    await expect(dialog).toContainText('Backups made before now still open with the current recovery key')
    await expectAccessible(page, 'replace recovery key dialog')
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    expect(audit.list({ action: 'recovery.replaced' }).total).toBe(0)

    await page.getByRole('button', { name: 'Replace recovery key' }).click()
    await dialog.getByRole('button', { name: 'Replace the key' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Save your recovery key' })).toBeFocused()
    expect(vault.status().recoveryKeyConfirmed).toBe(false)
    await expectAccessible(page, 'admin new recovery key step')
    const newKey = await recordKeyAndConfirm(page, 'Done')

    await expect(page.getByText('The new recovery key is confirmed as stored.')).toBeVisible()
    await expect(page.getByTestId('recovery-key-status')).toContainText(
      'Confirmed as printed or written down',
    )
    expect(vault.status().recoveryKeyConfirmed).toBe(true)
    expect(await page.content()).not.toContain(newKey.split('-')[0])

    await expect(vault.unlockWithRecoveryKey(oldKey, ADMIN.username, NEW_PASSPHRASE)).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    })
    expect(audit.list({ action: 'recovery.replaced' }).total).toBe(1)
  })
})
