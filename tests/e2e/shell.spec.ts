import { CHANNEL_NAMES } from '../../src/shared/contract'
import { expectAccessible, expect, test } from './fixtures'

const SECTIONS = [
  { en: 'Dashboard', fr: 'Tableau de bord', hash: '#/' },
  { en: 'Survivors', fr: 'Personnes survivantes', hash: '#/survivors' },
  { en: 'Lawyers', fr: 'Avocat·es', hash: '#/lawyers' },
  { en: 'Directory', fr: 'Répertoire', hash: '#/directory' },
  { en: 'Referrals', fr: 'Aiguillages', hash: '#/referrals' },
  { en: 'Admin', fr: 'Administration', hash: '#/admin' },
  { en: 'Reports', fr: 'Rapports', hash: '#/reports' },
] as const

test.describe('the app shell', () => {
  test('every section has a page with a heading and a title, and passes axe, in English', async ({ app }) => {
    test.slow() // six axe runs; slow on a busy machine
    const nav = app.getByRole('navigation')
    for (const section of SECTIONS) {
      await nav.getByRole('link', { name: section.en }).click()
      await expect(app).toHaveURL(new RegExp(`${section.hash.replace('/', '\\/')}$`))
      await expect(app.getByRole('heading', { level: 1, name: section.en })).toBeVisible()
      await expect(nav.getByRole('link', { name: section.en })).toHaveAttribute('aria-current', 'page')
      await expect(app).toHaveTitle(`${section.en} · CCIJ Caseworker`)
      await expectAccessible(app, `${section.en} (en)`)
    }
  })

  test('switching to French translates every section, sets lang, passes axe, and survives a restart', async ({
    app,
  }) => {
    test.slow() // six axe runs; slow on a busy machine
    await app.getByRole('radio', { name: 'Français' }).click()
    await expect(app.locator('html')).toHaveAttribute('lang', 'fr')
    const nav = app.getByRole('navigation')
    for (const section of SECTIONS) {
      await nav.getByRole('link', { name: section.fr }).click()
      await expect(app.getByRole('heading', { level: 1, name: section.fr })).toBeVisible()
      await expectAccessible(app, `${section.fr} (fr)`)
    }
    await app.reload()
    await expect(
      app.getByRole('navigation').getByRole('link', { name: 'Personnes survivantes' }),
    ).toBeVisible()
    await expect(app.locator('html')).toHaveAttribute('lang', 'fr')
  })

  test('works by keyboard alone: skip link, section links, language switch, with visible focus', async ({
    app,
  }) => {
    await expect(app.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
    await app.keyboard.press('Tab')
    const skip = app.getByRole('link', { name: 'Skip to main content' })
    await expect(skip).toBeFocused()
    await expect(skip).toBeVisible()
    await app.keyboard.press('Enter')
    await expect(app.locator('main')).toBeFocused()

    // Walk forward until the Survivors link has focus, then follow it with Enter.
    const survivors = app.getByRole('navigation').getByRole('link', { name: 'Survivors' })
    for (
      let step = 0;
      step < 40 && !(await survivors.evaluate((element) => element === document.activeElement));
      step++
    ) {
      await app.keyboard.press('Shift+Tab')
    }
    await expect(survivors).toBeFocused()
    const outline = await survivors.evaluate((element) => getComputedStyle(element).outlineStyle)
    expect(outline).not.toBe('none')
    await app.keyboard.press('Enter')
    await expect(app).toHaveURL(/#\/survivors$/)
    await expect(app.getByRole('heading', { level: 1, name: 'Survivors' })).toBeVisible()

    const languages = app.getByRole('radiogroup', { name: 'Language' })
    for (
      let step = 0;
      step < 40 && !(await languages.evaluate((group) => group.contains(document.activeElement)));
      step++
    ) {
      await app.keyboard.press('Shift+Tab')
    }
    const french = app.getByRole('radio', { name: 'Français' })
    if (!(await french.evaluate((element) => element === document.activeElement)))
      await app.keyboard.press('ArrowRight')
    await expect(french).toBeFocused()
    await app.keyboard.press('Space')
    await expect(app.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(app.getByRole('heading', { level: 1, name: 'Personnes survivantes' })).toBeVisible()
  })

  test('an unknown address shows a way back, not a blank screen', async ({ app, bridge }) => {
    await app.goto(`${bridge.origin}/#/no-such-page`)
    await expect(app.getByRole('heading', { level: 1 })).toBeVisible()
    await expectAccessible(app, 'not found')
    await app.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  })

  // That the page has no Node is a property of Electron's sandbox and preload, which a browser never has: it is
  // checked by tests/electron and by the smoke test's webPreferences, not here.
  test('window.api is exactly the contract: one function per channel, frozen', async ({ app }) => {
    const shape = await app.evaluate(() => ({
      api: Object.fromEntries(
        Object.entries(window.api).map(([feature, calls]) => [
          feature,
          Object.entries(calls as Record<string, unknown>)
            .map(([verb, call]) => `${verb}: ${typeof call}`)
            .sort(),
        ]),
      ),
      isFrozen: Object.isFrozen(window.api),
    }))
    const contract: Record<string, string[]> = {}
    for (const name of CHANNEL_NAMES) {
      const [feature, verb] = name.split(':') as [string, string]
      contract[feature] = [...(contract[feature] ?? []), `${verb}: function`].sort()
    }
    expect(shape.api).toEqual(contract)
    expect(shape.isFrozen).toBe(true)
  })
})
