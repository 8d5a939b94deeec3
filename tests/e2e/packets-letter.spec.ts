import { expectAccessible, expect, test } from './fixtures'

test.describe('the MP letter template (admin settings)', () => {
  test.describe.configure({ timeout: 150_000 })

  test('an admin rewords the English letter by keyboard; a broken placeholder is refused, in EN and FR', async ({
    app,
    bridge,
  }) => {
    await app.goto(`${bridge.origin}/#/admin/settings`)
    await expect(app.getByRole('heading', { name: 'Letter to a Member of Parliament' })).toBeVisible()
    const english = app.getByRole('textbox', { name: 'Letter in English' })
    await expect(english).toHaveValue(/^Dear \{mp\},/)
    await expect(app.getByText('As shipped with the app.').first()).toBeVisible()
    const save = app.getByRole('button', { name: 'Save the English letter' })
    await expect(save).toBeDisabled()
    await expectAccessible(app, 'MP letter template (EN)')

    // A placeholder the packet cannot fill: refused before anything is saved, saying where.
    await english.focus()
    await app.keyboard.press('ControlOrMeta+a')
    await app.keyboard.type('Dear {mp},')
    await app.keyboard.press('Enter')
    await app.keyboard.press('Enter')
    await app.keyboard.type('Please call the survivor at {survivor_phone}. Signed, {caseworker}.')
    await app.keyboard.press('Tab')
    await expect(save).toBeFocused()
    await app.keyboard.press('Enter')
    await expect(
      app.getByText('Paragraph 2: {survivor_phone} is not something the packet can fill in.'),
    ).toBeVisible()
    await expect(english).toBeFocused()
    await expect(english).toHaveAttribute('aria-invalid', 'true')
    await expectAccessible(app, 'MP letter template refused (EN)')
    expect(bridge.services.letterTemplates.get().en.version).toBe(1)

    await english.fill('Dear {mp},\n\nA synthetic letter from {caseworker} about {reference}.')
    await save.focus()
    await app.keyboard.press('Enter')
    await expect(app.getByText(/Saved as version 2\./)).toBeVisible()
    expect(bridge.services.letterTemplates.get().en).toMatchObject({
      version: 2,
      body: 'Dear {mp},\n\nA synthetic letter from {caseworker} about {reference}.',
    })

    await app.getByRole('radio', { name: 'Français' }).click()
    await expect(app.getByRole('heading', { name: 'Lettre à un·e député·e' })).toBeVisible()
    await expect(app.getByRole('textbox', { name: 'Lettre en français' })).toHaveValue(/^Bonjour \{mp\},/)
    await expectAccessible(app, 'MP letter template (FR)')
  })
})
