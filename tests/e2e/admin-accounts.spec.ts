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

    await expect(table).toHaveAccessibleDescription('Use the arrow keys to move between cells.')
    // Tab reaches the grid once; the arrow keys reach each row's button.
    await table.getByRole('rowheader', { name: /Casey Worker-Test/ }).click()
    await app.keyboard.press('ArrowRight')
    await app.keyboard.press('ArrowRight')
    await app.keyboard.press('ArrowRight')
    await app.keyboard.press('ArrowRight')
    await app.keyboard.press('ArrowRight')
    await expect(app.getByRole('button', { name: `Disable ${CASEWORKER.displayName}` })).toBeFocused()

    await app.getByRole('button', { name: 'Add staff member' }).focus()
    await app.keyboard.press('Enter')
    const dialog = app.getByRole('dialog', { name: 'Add a staff member' })
    await expect(dialog.getByLabel('Full name')).toBeFocused()
    // Neutral before anything is typed: no red "weak" bar yet.
    await expect(dialog.locator('.ui-strength-meter__fill--weak')).toHaveCount(0)
    await expect(dialog.getByRole('meter', { name: 'Passphrase strength' })).toHaveAttribute(
      'aria-valuetext',
      'Not entered yet',
    )
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
    // The row's button is gone: focus lands on the outcome.
    await expect(
      app.locator('.admin-result').filter({ hasText: `${CASEWORKER.displayName} was disabled.` }),
    ).toBeFocused()
    await expectAccessible(app, 'account disabled (en)')
    expect(bridge.services.vault.listAccounts().find((a) => a.username === CASEWORKER.username)?.status).toBe(
      'disabled',
    )
  })

  test('your own account offers no Disable button (so the last administrator is never disabled)', async ({
    app,
    bridge,
  }) => {
    await app.goto(`${bridge.origin}/#/admin/accounts`)
    const own = app.getByRole('row', { name: new RegExp(ADMIN.displayName) })
    await expect(own).toContainText('(you)')
    await expect(own).toContainText('None for your own account')
    await expect(own.getByRole('button')).toHaveCount(0)
    await expect(app.getByRole('button', { name: `Disable ${ADMIN.displayName}` })).toHaveCount(0)
    expect(bridge.services.vault.listAccounts().find((a) => a.username === ADMIN.username)?.status).toBe(
      'active',
    )
  })

  test('a taken sign-in name is said on that field, and an outside click keeps what was typed', async ({
    app,
    bridge,
  }) => {
    await app.goto(`${bridge.origin}/#/admin/accounts`)
    await app.getByRole('button', { name: 'Add staff member' }).click()
    const dialog = app.getByRole('dialog', { name: 'Add a staff member' })
    await dialog.getByLabel('Full name').fill('Second Casey-Test')
    // A click outside the dialog does not discard the form.
    await app.mouse.click(5, 5)
    await expect(dialog).toBeVisible()
    await expect(dialog.getByLabel('Full name')).toHaveValue('Second Casey-Test')

    const signInName = dialog.getByLabel('Sign-in name', { exact: true })
    await signInName.fill(CASEWORKER.username)
    await dialog.getByLabel('First passphrase').fill('copper-willow-tundra-58')
    await dialog.getByLabel('Repeat the passphrase').fill('copper-willow-tundra-58')
    await dialog.getByRole('button', { name: 'Add staff member' }).click()
    await expect(signInName).toHaveAttribute('aria-invalid', 'true')
    await expect(signInName).toBeFocused()
    await expect(signInName).toHaveAccessibleDescription(/already used by another account/)
    await expectAccessible(app, 'taken sign-in name (en)')
    expect(
      bridge.services.vault.listAccounts().filter((a) => a.username === CASEWORKER.username),
    ).toHaveLength(1)
  })

  test('the accounts page in French passes axe', async ({ app, bridge }) => {
    await app.getByRole('radio', { name: 'Français' }).click()
    await app.goto(`${bridge.origin}/#/admin/accounts`)
    await expect(app.getByRole('heading', { level: 2, name: 'Comptes du personnel' })).toBeVisible()
    await expect(app.getByRole('columnheader', { name: 'Nom de connexion' })).toBeVisible()
    await expect(app.getByRole('columnheader', { name: 'Nom complet' })).toBeVisible()
    await expect(app.getByRole('row', { name: /Casey Worker-Test/ })).toContainText('Intervention')
    await expect(
      app.getByText('Utilisez les touches fléchées pour passer d’une cellule à l’autre.'),
    ).toBeVisible()
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
    vault.confirmRecoveryKey()
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
