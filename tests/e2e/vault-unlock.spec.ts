import type { Page } from '@playwright/test'
import { ADMIN, CASEWORKER, expectAccessible, expect, test } from './fixtures'

const NEW_PASSPHRASE = 'quartz meadow harbour violin 58'

async function chooseAccount(page: Page, username: string, label = 'Account'): Promise<void> {
  await page.getByRole('button', { name: new RegExp(label) }).click()
  await page.getByRole('option', { name: username }).click()
}

async function unlock(page: Page, username: string, passphrase: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock CCIJ Caseworker' })).toBeVisible()
  await chooseAccount(page, username)
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  await page.getByRole('button', { name: 'Unlock', exact: true }).click()
}

/**
 * Wrong passphrases straight to the vault service until `failures` of them have counted. A try made while the
 * account is still throttled does not count, so it is retried until main takes it: no fixed waits.
 */
async function failTimes(tryWrong: () => Promise<unknown>, failures: number): Promise<void> {
  for (let counted = 0; counted < failures; counted++) {
    await expect(async () => {
      const code = await tryWrong().then(
        () => 'UNLOCKED',
        (error: { code?: string }) => error.code,
      )
      expect(code).toBe('WRONG_PASSPHRASE')
    }).toPass({ timeout: 15_000, intervals: [100] })
  }
}

test.describe('unlocking the vault', () => {
  test('a caseworker unlocks with their passphrase and sees their name and role', async ({
    lockedApp: page,
  }) => {
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock CCIJ Caseworker' })).toBeVisible()
    await expect(page).toHaveTitle('Unlock · CCIJ Caseworker')
    // The screen opens on its first question, whose account (there are several here), not on <body>.
    await expect(page.getByRole('button', { name: /Account/ })).toBeFocused()
    // Nothing of the app exists while locked.
    await expect(page.getByRole('navigation')).toHaveCount(0)
    await expectAccessible(page, 'unlock (en)')
    await unlock(page, CASEWORKER.username, CASEWORKER.passphrase)
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
    const banner = page.getByRole('banner')
    await expect(banner.getByText(CASEWORKER.displayName)).toBeVisible()
    await expect(banner.getByText('Caseworker', { exact: true })).toBeVisible()
    // No link to a section that would only say "for administrators only".
    const nav = page.getByRole('navigation')
    await expect(nav.getByRole('link', { name: 'Survivors' })).toBeVisible()
    await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0)
  })

  test('the unlock screen in French passes axe and says so in French', async ({ lockedApp: page }) => {
    await page.getByRole('radio', { name: 'Français' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByRole('heading', { level: 1, name: 'Déverrouiller CCIJ Caseworker' })).toBeVisible()
    await expectAccessible(page, 'unlock (fr)')
    await chooseAccount(page, CASEWORKER.username, 'Compte')
    await page.getByLabel('Phrase de passe', { exact: true }).fill('not the passphrase at all')
    await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click()
    await expect(
      page.getByText('Cette phrase de passe n’ouvre pas le coffre.', { exact: false }),
    ).toBeVisible()
    await expectAccessible(page, 'unlock error (fr)')
    await page.getByRole('button', { name: /Phrase de passe oubliée/ }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Utiliser la clé de récupération' }),
    ).toBeVisible()
    await expectAccessible(page, 'recovery (fr)')
  })

  test('a wrong passphrase is refused with a clear message, and the field is cleared and focused again', async ({
    lockedApp: page,
    bridge,
  }) => {
    await unlock(page, CASEWORKER.username, 'this is not the passphrase')
    await expect(
      page.getByText('That passphrase does not open the vault. Check Caps Lock and try again.'),
    ).toBeVisible()
    const field = page.getByLabel('Passphrase', { exact: true })
    await expect(field).toHaveValue('')
    await expect(field).toBeFocused()
    expect(bridge.services.vault.status().state).toBe('locked')
    await expectAccessible(page, 'unlock after a wrong passphrase')
    // Typing the right one now works.
    await page.keyboard.type(CASEWORKER.passphrase)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  })

  test('repeated failures are delayed: a countdown, with Unlock disabled until it ends', async ({
    lockedApp: page,
    bridge,
  }) => {
    // The page's clock stands still from the click on, so the countdown is read at known moments, not live.
    await page.clock.install()
    await chooseAccount(page, CASEWORKER.username)
    await page.getByLabel('Passphrase', { exact: true }).fill('another wrong guess')
    // Main allows two quick failures, then waits 1, 2, 4 … seconds: after five, the next try waits about 4. They
    // are made just before the click, so a slow page setup cannot outlast the wait.
    await failTimes(() => bridge.services.vault.unlock(CASEWORKER.username, 'wrong guess'), 5)
    await page.clock.pauseAt(Date.now() + 60_000)
    await page.getByRole('button', { name: 'Unlock', exact: true }).click()
    const notice = page.getByText(/Too many attempts\. Try again in \d+ seconds?\./)
    await expect(notice).toBeVisible()
    const unlockButton = page.getByRole('button', { name: 'Unlock', exact: true })
    await expect(unlockButton).toBeDisabled()
    const first = Number(/(\d+)/.exec(await notice.innerText())?.[1])
    expect(first).toBeGreaterThanOrEqual(3)
    expect(first).toBeLessThanOrEqual(4)
    await page.clock.runFor(1000)
    await expect(notice).toHaveText(new RegExp(`Try again in ${first - 1} seconds?\\.`))
    await expect(unlockButton).toBeDisabled()
    // axe schedules its own work on timers: from here the clock runs again, and the wait ends on its own.
    await page.clock.resume()
    await expectAccessible(page, 'unlock while throttled')
    await expect(unlockButton).toBeEnabled({ timeout: 10_000 })
    await expect(notice).toBeHidden()
  })
})

test.describe('the recovery key', () => {
  test('sets a new passphrase for an account, which then unlocks the vault', async ({ page, bridge }) => {
    const { recoveryKey } = await bridge.services.vault.create(ADMIN)
    bridge.services.vault.lock()
    await page.goto(bridge.url)
    await page.getByRole('button', { name: 'Forgot your passphrase? Use the recovery key' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Use the recovery key' })).toBeVisible()
    await expectAccessible(page, 'recovery (en)')

    // A mistyped key: a specific, translated error; nothing opens.
    const keyField = page.getByLabel('Recovery key')
    await keyField.fill('AAAAA BBBBB CCCCC DDDDD EEEEE FFFFF')
    await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE)
    await page.getByLabel('Type the new passphrase again').fill(NEW_PASSPHRASE)
    await page.getByRole('button', { name: 'Set the new passphrase and unlock' }).click()
    await expect(page.getByText(/That recovery key does not open this vault/).first()).toBeVisible()
    expect(bridge.services.vault.status().state).toBe('locked')

    // Typed as people do: lower case, spaces instead of dashes.
    await keyField.fill(recoveryKey.toLowerCase().replaceAll('-', ' '))
    await page.getByRole('button', { name: 'Set the new passphrase and unlock' }).click()

    // A used key has been seen: the admin is asked for a new one before the app opens.
    const used = page.getByRole('heading', { level: 1, name: 'The recovery key was used' })
    await expect(used).toBeVisible()
    await expect(used).toBeFocused()
    await expectAccessible(page, 'recovery key was used (en)')
    // The wrong key was audited as a refused recovery key, with the sign-in name tried; not as a wrong passphrase.
    const failed = bridge.services.audit.list({ action: 'recovery.failed' })
    expect(failed.entries.map((entry) => entry.details)).toEqual([
      { username: ADMIN.username, method: 'recovery-key' },
    ])
    expect(bridge.services.audit.list({ action: 'unlock.failed' }).total).toBe(0)

    await page.getByRole('button', { name: 'Create a new recovery key' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery key' })).toBeFocused()
    const newKey = (await page.getByTestId('recovery-key').innerText()).trim().split(/\s+/)
    await page.getByRole('checkbox', { name: /I have printed or written down/ }).focus()
    await page.keyboard.press('Space')
    await page.getByLabel('Type the last group of the key').fill(newKey.at(-1) ?? '')
    await page.getByRole('button', { name: 'Continue to CCIJ Caseworker' }).click()
    const dashboard = page.getByRole('heading', { level: 1, name: 'Dashboard' })
    await expect(dashboard).toBeVisible()
    await expect(dashboard).toBeFocused()
    expect(bridge.services.vault.status().recoveryKeyConfirmed).toBe(true)
    // The key that was used no longer opens the vault.
    await expect(
      bridge.services.vault.unlockWithRecoveryKey(recoveryKey, ADMIN.username, NEW_PASSPHRASE),
    ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })

    await page.getByRole('button', { name: /^Lock/ }).click()
    await unlock(page, ADMIN.username, ADMIN.passphrase)
    await expect(page.getByText('That passphrase does not open the vault.', { exact: false })).toBeVisible()
    await page.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  })
})

test.describe('locking', () => {
  test('the Lock button and Ctrl+L return to the unlock screen, and the app is gone from the page', async ({
    app: page,
    bridge,
  }) => {
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
    const lockButton = page.getByRole('button', { name: /^Lock/ })
    await expect(lockButton).toContainText('Ctrl+L')
    await lockButton.click()
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock CCIJ Caseworker' })).toBeVisible()
    expect(bridge.services.vault.status().state).toBe('locked')
    await expect(page.getByRole('navigation')).toHaveCount(0)
    expect(await page.content()).not.toContain(ADMIN.displayName)
    expect(await page.content()).not.toContain('Getting started')

    await unlock(page, ADMIN.username, ADMIN.passphrase)
    const dashboard = page.getByRole('heading', { level: 1, name: 'Dashboard' })
    await expect(dashboard).toBeVisible()
    // After unlocking, the shell opens at the top with focus on the page's title, not on <body>.
    await expect(dashboard).toBeFocused()
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    // A search holds what was typed (often a name): it is in the address, and must not outlive the lock.
    await page.goto(`${bridge.origin}/#/survivors?q=Testperson`)
    await expect(page.getByRole('heading', { level: 1, name: 'Survivors' })).toBeVisible()
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('Testperson')
    await page.keyboard.press('Control+L')
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock CCIJ Caseworker' })).toBeVisible()
    expect(bridge.services.vault.status().state).toBe('locked')
    await expect(page.getByRole('navigation')).toHaveCount(0)
    expect(await page.content()).not.toContain(ADMIN.displayName)
    // While locked the address keeps the page's path only.
    await expect(page).toHaveURL(/#\/survivors$/)
    // Focus waits on the first question of the unlock form (several accounts: whose), not on <body>.
    await expect(page.getByRole('button', { name: /Account/ })).toBeFocused()

    // Unlocking again returns to the page the person was on, with focus on its title, its search forgotten.
    await unlock(page, ADMIN.username, ADMIN.passphrase)
    const survivors = page.getByRole('heading', { level: 1, name: 'Survivors' })
    await expect(survivors).toBeFocused()
    await expect(page).toHaveURL(/#\/survivors$/)
    await expect(page.getByText('Testperson')).toHaveCount(0)
    await page.keyboard.press('Control+L')
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock CCIJ Caseworker' })).toBeVisible()

    // The audit trail says how each lock happened.
    await bridge.services.vault.unlock(ADMIN.username, ADMIN.passphrase)
    const locks = bridge.services.audit.list({ action: 'lock' }).entries
    expect(locks.slice(0, 3).map((entry) => entry.details['reason'])).toEqual([
      'shortcut',
      'shortcut',
      'manual',
    ])
  })

  test('a lock from elsewhere (idle timer, OS) takes the page back to the unlock screen on the next request', async ({
    app: page,
    bridge,
  }) => {
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
    // The dashboard asks main for the person's unfinished intakes once it knows their role; let that finish, so
    // the request that meets the lock is the one this test makes.
    await page.waitForLoadState('networkidle')
    bridge.services.vault.lock('idle')
    // Any request now answers LOCKED; the page forgets everything and shows the unlock screen. On a busy machine a
    // request the page started itself may meet the lock first and the link is already gone: either way the next
    // request ends on the unlock screen.
    const account = page.getByRole('link', { name: 'My account' })
    await account.click({ timeout: 5_000 }).catch(() => undefined)
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock CCIJ Caseworker' })).toBeVisible({
      timeout: 25_000,
    })
    await expect(page.getByRole('navigation')).toHaveCount(0)
    // The person is told why, so an automatic lock is not mistaken for a crash.
    await expect(page.getByText('Locked automatically after a period without activity.')).toBeVisible()
    await expectAccessible(page, 'unlock after an idle lock')
  })
})

test.describe('my account', () => {
  test('changing the passphrase: the old one stops working, the new one unlocks', async ({ app: page }) => {
    await page.getByRole('link', { name: 'My account' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible()
    await expect(page).toHaveTitle('My account · CCIJ Caseworker')
    await expect(page.getByRole('main').getByText(ADMIN.username)).toBeVisible()
    await expectAccessible(page, 'my account')

    // The wrong current passphrase: said so on that field, which is cleared.
    await page.getByLabel('Current passphrase').fill('not my passphrase')
    await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE)
    await page.getByLabel('Type the new passphrase again').fill(NEW_PASSPHRASE)
    await page.getByRole('button', { name: 'Change passphrase' }).click()
    await expect(page.getByText('That is not your current passphrase.')).toBeVisible()
    await expect(page.getByLabel('Current passphrase')).toHaveValue('')

    await page.getByLabel('Current passphrase').fill(ADMIN.passphrase)
    await page.getByRole('button', { name: 'Change passphrase' }).click()
    await expect(page.getByText('Your passphrase has been changed.', { exact: false })).toBeVisible()
    await expectAccessible(page, 'my account after the change')

    await page.getByRole('button', { name: /^Lock/ }).click()
    await unlock(page, ADMIN.username, ADMIN.passphrase)
    await expect(page.getByText('That passphrase does not open the vault.', { exact: false })).toBeVisible()
    await page.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible()
  })
})
