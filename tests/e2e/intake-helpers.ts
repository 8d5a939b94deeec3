import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

/** Signs in on the unlock screen (clicks are fine here: the intake itself is what is tested by keyboard). */
export async function unlockAs(page: Page, username: string, passphrase: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: /Unlock|Déverrouiller/ })).toBeVisible()
  await page.getByRole('button', { name: /Account|Compte/ }).click()
  await page.getByRole('option', { name: username }).click()
  await page.getByLabel(/^(Passphrase|Phrase de passe)$/).fill(passphrase)
  await page.getByRole('button', { name: /^(Unlock|Déverrouiller)$/ }).click()
  await expect(page.getByRole('button', { name: /^(Lock|Verrouiller)/ })).toBeVisible()
}

/** Opens the intake wizard by its address (a same-document hash change, no reload). */
export async function openNewIntake(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/survivors/new'
  })
  await expect(page.getByRole('heading', { level: 1, name: /New intake|Nouvel accueil/ })).toBeVisible()
}

/** Presses Tab (or Shift+Tab) until `target` has focus. Keyboard only: the check reads, it never clicks. */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, max = 60 } = {},
): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tab never reached ${target.toString()}`)
}

export async function expectStep(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible()
  await expect(
    page.getByRole('navigation', { name: /Intake steps|Étapes/ }).locator('[aria-current="step"]'),
  ).toContainText(title)
}

/** The main region, where the wizard lives (the banner and side nav hold other fields). */
export const main = (page: Page) => page.getByRole('main')
