import { expectAccessible, expect, test } from './fixtures'

test.describe('device settings (admin)', () => {
  test('the idle-lock time is explained, changed and remembered', async ({ app, bridge }) => {
    await app.goto(`${bridge.origin}/#/admin/settings`)
    const minutes = app.getByRole('textbox', { name: 'Minutes without activity' })
    await expect(minutes).toHaveValue('10')
    await expectAccessible(app, 'settings (en)')
    await minutes.fill('25')
    await minutes.press('Tab')
    await app.getByRole('button', { name: 'Save' }).click()
    await expect(app.getByText('Saved. The vault now locks after 25 minutes without activity.')).toBeVisible()
    expect(bridge.services.settings.get().idleLockMinutes).toBe(25)
    await app.reload()
    await app.goto(`${bridge.origin}/#/admin/settings`)
    await expect(app.getByRole('textbox', { name: 'Minutes without activity' })).toHaveValue('25')
  })
})
