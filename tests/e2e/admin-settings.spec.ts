import { expectAccessible, expect, test } from './fixtures'

test.describe('device settings (admin)', () => {
  test('the idle-lock time is explained, changed, remembered and audited', async ({ app, bridge }) => {
    await app.goto(`${bridge.origin}/#/admin/settings`)
    const minutes = app.getByRole('textbox', { name: 'Minutes without activity' })
    const save = app.getByRole('button', { name: 'Save', exact: true })
    await expect(minutes).toHaveValue('10')
    await expect(save).toBeDisabled()
    await expectAccessible(app, 'settings (en)')

    // Save is offered as soon as the value changes, before the field loses focus.
    await minutes.fill('25')
    await expect(minutes).toBeFocused()
    await expect(save).toBeEnabled()
    await save.click()
    const saved = app.getByText('Saved. The vault now locks after 25 minutes without activity.')
    await expect(saved).toBeVisible()
    await expect(app.locator('.admin-result').filter({ has: saved })).toBeFocused()
    expect(bridge.services.settings.get().idleLockMinutes).toBe(25)
    await expectAccessible(app, 'settings saved (en)')

    await app.reload()
    await app.goto(`${bridge.origin}/#/admin/settings`)
    await expect(app.getByRole('textbox', { name: 'Minutes without activity' })).toHaveValue('25')

    // The change is in the audit trail: who, and from what to what.
    await app.goto(`${bridge.origin}/#/admin/audit`)
    const table = app.getByRole('grid', { name: 'Audit trail' })
    const row = table.getByRole('row').filter({ hasText: 'Idle lock: 10 → 25 minutes' })
    await expect(row).toContainText('Settings changed')
    await expect(row).toContainText('admin.tester')
    await expectAccessible(app, 'audit with a settings change (en)')
  })

  test('an out-of-range time is explained, not clamped and saved', async ({ app, bridge }) => {
    await app.goto(`${bridge.origin}/#/admin/settings`)
    const minutes = app.getByRole('textbox', { name: 'Minutes without activity' })
    await expect(minutes).toHaveValue('10')
    await minutes.fill('300')
    await expect(app.getByText('Choose between 1 and 240 minutes.')).toBeVisible()
    await expect(minutes).toHaveAttribute('aria-invalid', 'true')
    await expectAccessible(app, 'settings out of range (en)')
    await minutes.press('Tab')
    await expect(minutes).toHaveValue('300')
    await app.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(minutes).toBeFocused()
    await expect(app.getByText('Choose between 1 and 240 minutes.')).toBeVisible()
    expect(bridge.services.settings.get().idleLockMinutes).toBe(10)

    await minutes.fill('')
    await app.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(app.getByText('Choose between 1 and 240 minutes.')).toBeVisible()
    expect(bridge.services.settings.get().idleLockMinutes).toBe(10)

    await app.getByRole('radio', { name: 'Français' }).click()
    await app.goto(`${bridge.origin}/#/admin/settings`)
    const minutesFr = app.getByRole('textbox', { name: 'Minutes d’inactivité' })
    await minutesFr.fill('0')
    await expect(app.getByText('Choisissez entre 1 et 240 minutes.')).toBeVisible()
    await expectAccessible(app, 'settings out of range (fr)')
  })
})
