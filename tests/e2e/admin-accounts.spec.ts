import { ADMIN, CASEWORKER, expectAccessible, expect, test } from './fixtures'

const NEW_STAFF = {
  displayName: 'Robin Newhire-Test',
  username: 'robin.newhire',
  passphrase: 'copper-willow-tundra-58',
}

test.describe('staff accounts (admin)', () => {
  test('an admin adds a staff member by keyboard alone, and they can unlock the vault', async ({
    app,
    bridge,
  }) => {
    await app.goto(`${bridge.origin}/#/admin/accounts`)
    const table = app.getByRole('grid', { name: 'Staff accounts' })
    await expect(table.getByRole('rowheader', { name: /Casey Worker-Test/ })).toBeVisible()
    await expectAccessible(app, 'accounts (en)')

    await app.getByRole('button', { name: 'Add staff member' }).focus()
    await app.keyboard.press('Enter')
    const dialog = app.getByRole('dialog', { name: 'Add a staff member' })
    await expect(dialog.getByLabel('Full name')).toBeFocused()
    await app.keyboard.type(NEW_STAFF.displayName)
    await app.keyboard.press('Tab')
    await app.keyboard.type(NEW_STAFF.username)
    await app.keyboard.press('Tab')
    // The role list opens with the keyboard; choose "Viewer".
    await app.keyboard.press('ArrowDown')
    await expect(app.getByRole('listbox')).toBeVisible()
    await app.keyboard.press('End')
    await app.keyboard.press('Enter')
    await expect(dialog.getByRole('button', { name: /Viewer/ })).toBeVisible()
    await app.keyboard.press('Tab')
    await app.keyboard.type(NEW_STAFF.passphrase)
    const meter = dialog.getByRole('meter', { name: 'Passphrase strength' })
    await expect(meter).toHaveAttribute('aria-valuetext', /Strong enough|Very strong/)
    await app.keyboard.press('Tab')
    await app.keyboard.type(NEW_STAFF.passphrase)
    await expectAccessible(app, 'add staff dialog (en)')
    await app.keyboard.press('Enter')

    await expect(dialog).toBeHidden()
    await expect(
      app.getByRole('status').getByText(`${NEW_STAFF.displayName} was added.`, { exact: false }),
    ).toBeVisible()
    const row = table.getByRole('row', { name: new RegExp(NEW_STAFF.displayName) })
    await expect(row).toContainText(NEW_STAFF.username)
    await expect(row).toContainText('Viewer')
    await expect(row).toContainText('Active')

    const added = bridge.services.vault
      .listAccounts()
      .find((account) => account.username === NEW_STAFF.username)
    expect(added?.role).toBe('viewer')
    bridge.services.vault.lock()
    const staff = await bridge.services.vault.unlock(NEW_STAFF.username, NEW_STAFF.passphrase)
    expect(staff.username).toBe(NEW_STAFF.username)
  })

  test('a weak or mismatched first passphrase is refused with a message, and nothing is added', async ({
    app,
    bridge,
  }) => {
    await app.goto(`${bridge.origin}/#/admin/accounts`)
    await app.getByRole('button', { name: 'Add staff member' }).click()
    const dialog = app.getByRole('dialog', { name: 'Add a staff member' })
    await dialog.getByLabel('Full name').fill('Weak Passphrase-Test')
    await dialog.getByLabel('Sign-in name', { exact: true }).fill('weak.test')
    await dialog.getByLabel('First passphrase').fill('password1234')
    await dialog.getByLabel('Repeat the passphrase').fill('password12345')
    await expect(dialog.getByRole('meter', { name: 'Passphrase strength' })).toHaveAttribute(
      'aria-valuetext',
      'Too easy to guess',
    )
    await dialog.getByRole('button', { name: 'Add staff member' }).click()
    await expect(
      dialog.getByText('This passphrase is too easy to guess. Add more unrelated words.'),
    ).toBeVisible()
    await expect(dialog.getByText('The two passphrases are not the same.')).toBeVisible()
    await expect(dialog.getByLabel('First passphrase')).toHaveAttribute('aria-invalid', 'true')

    await dialog.getByLabel('First passphrase').fill('short')
    await expect(dialog.getByText('The passphrase needs at least 12 characters.')).toBeVisible()
    await app.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    expect(bridge.services.vault.listAccounts().map((account) => account.username)).not.toContain('weak.test')
  })

  test('disabling a staff member asks first, explains the consequence, and then takes effect', async ({
    app,
    bridge,
  }) => {
    await app.goto(`${bridge.origin}/#/admin/accounts`)
    await app.getByRole('button', { name: `Disable ${CASEWORKER.displayName}` }).click()
    const confirm = app.getByRole('alertdialog', { name: `Disable ${CASEWORKER.displayName}?` })
    await expect(confirm).toContainText('will no longer open the vault')
    await expect(confirm).toContainText('cannot be undone from here')
    await expectAccessible(app, 'disable confirmation (en)')
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(confirm).toBeHidden()
    expect(bridge.services.vault.listAccounts().find((a) => a.username === CASEWORKER.username)?.status).toBe(
      'active',
    )

    await app.getByRole('button', { name: `Disable ${CASEWORKER.displayName}` }).click()
    await confirm.getByRole('button', { name: 'Disable account' }).click()
    await expect(confirm).toBeHidden()
    const row = app.getByRole('row', { name: new RegExp(CASEWORKER.displayName) })
    await expect(row).toContainText('Disabled')
    expect(bridge.services.vault.listAccounts().find((a) => a.username === CASEWORKER.username)?.status).toBe(
      'disabled',
    )
  })

  test('the last active admin cannot be disabled, and the dialog says why', async ({ app, bridge }) => {
    await app.goto(`${bridge.origin}/#/admin/accounts`)
    await app.getByRole('button', { name: `Disable ${ADMIN.displayName}` }).click()
    const confirm = app.getByRole('alertdialog', { name: `Disable ${ADMIN.displayName}?` })
    await confirm.getByRole('button', { name: 'Disable account' }).click()
    await expect(confirm.getByRole('alert')).toHaveText(
      'This is the last active administrator. Add another administrator before disabling this account.',
    )
    expect(bridge.services.vault.listAccounts().find((a) => a.username === ADMIN.username)?.status).toBe(
      'active',
    )
  })

  test('the accounts page in French passes axe', async ({ app, bridge }) => {
    await app.getByRole('radio', { name: 'Français' }).click()
    await app.goto(`${bridge.origin}/#/admin/accounts`)
    await expect(app.getByRole('heading', { level: 2, name: 'Comptes du personnel' })).toBeVisible()
    await expect(app.getByRole('columnheader', { name: 'Nom de connexion' })).toBeVisible()
    await expectAccessible(app, 'accounts (fr)')
    await app.getByRole('button', { name: 'Ajouter un membre du personnel' }).click()
    await expect(app.getByRole('dialog', { name: 'Ajouter un membre du personnel' })).toBeVisible()
    await expectAccessible(app, 'add staff dialog (fr)')
  })

  test('a caseworker sees that only administrators manage accounts, the audit trail and backups', async ({
    page,
    bridge,
  }) => {
    const { vault } = bridge.services
    await vault.create(ADMIN)
    if (vault.status().state !== 'unlocked') await vault.unlock(ADMIN.username, ADMIN.passphrase)
    await vault.addAccount(CASEWORKER)
    vault.lock()
    await vault.unlock(CASEWORKER.username, CASEWORKER.passphrase)
    await page.goto(bridge.url)
    await page.goto(`${bridge.origin}/#/admin/accounts`)
    await expect(page.getByRole('heading', { level: 2, name: 'For administrators only' })).toBeVisible()
    await expect(
      page.getByText('Only administrators can manage accounts, the audit trail and backups.'),
    ).toBeVisible()
    await expect(
      page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Admin' }),
    ).toBeVisible()
    await expect(page.getByRole('grid')).toHaveCount(0)
    await expectAccessible(page, 'admins only (en)')
  })
})
