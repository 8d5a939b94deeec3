import { expectAccessible, expect, test } from './fixtures'

/* The seeded starter directory (public organizations), plus synthetic, obviously invented entries. */

test.describe('the referral directory', () => {
  // Ten axe runs over long lists and a large dialog on a shared two-core machine.
  test.describe.configure({ timeout: 240_000 })
  test('filters by the URL with national entries included, edits, adds by keyboard and retires', async ({
    app,
    bridge,
  }) => {
    const directory = bridge.services.directory
    await app.goto(`${bridge.origin}/#/directory`)
    await expect(app.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible()
    await expect(app.getByText('52 organizations')).toBeVisible()
    await expect(app.getByText('Never verified').first()).toBeVisible()
    await expectAccessible(app, 'directory (en)')

    // A shared link keeps the filters: Quebec's own organizations and the national ones, not British Columbia's.
    const quebec = directory.organizations({ province: 'QC' })
    await app.goto(`${bridge.origin}/#/directory?province=QC`)
    await expect(app.getByText(`${quebec.length} organizations`)).toBeVisible()
    await expect(app.getByRole('link', { name: 'Action Réfugiés Montréal' })).toBeVisible()
    await expect(app.getByRole('link', { name: 'Canadian Council for Refugees (CCR)' })).toBeVisible()
    await expect(app.getByRole('link', { name: 'Legal Aid BC' })).toHaveCount(0)
    await expectAccessible(app, 'directory filtered (en)')

    // Changing a filter writes it to the URL; an organization verified today is not flagged.
    const ldl = quebec.find((entry) => entry.name.startsWith('Ligue des droits'))
    if (ldl === undefined) throw new Error('the seed lost the Ligue des droits et libertés')
    const {
      id,
      retiredAt: _retired,
      isStale: _stale,
      createdAt: _created,
      updatedAt: _updated,
      ...fields
    } = ldl
    directory.updateOrganization(id, { ...fields, lastVerifiedOn: new Date().toISOString().slice(0, 10) })
    await app.reload()
    await app.getByRole('checkbox', { name: 'Needs verification' }).press('Space')
    await expect(app).toHaveURL(/[?&]stale=1/)
    await expect(app).toHaveURL(/[?&]province=QC/)
    await expect(app.getByText(`${quebec.length - 1} organizations`)).toBeVisible()
    await expect(app.getByRole('link', { name: /^Ligue des droits/ })).toHaveCount(0)

    // Open an organization by its link, by keyboard.
    await app.getByRole('link', { name: 'Action Réfugiés Montréal' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByRole('heading', { level: 1, name: 'Action Réfugiés Montréal' })).toBeVisible()
    await expectAccessible(app, 'organization (en)')

    // Edit: a website that is not a web address is explained on its field and nothing is saved.
    await app.getByRole('button', { name: 'Edit' }).focus()
    await app.keyboard.press('Enter')
    const dialog = app.getByRole('dialog', { name: 'Edit the organization' })
    await expect(dialog).toBeVisible()
    const website = dialog.getByRole('textbox', { name: 'Website' })
    await website.fill('not a web address')
    await website.press('Tab')
    await expect(
      dialog.getByText('Give a web address starting with https://, or leave it empty.'),
    ).toBeVisible()
    await expectAccessible(app, 'edit organization with an error (en)')
    await website.fill('https://example.org/invented')
    await dialog.getByRole('button', { name: 'Save' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByText('Changes saved.')).toBeVisible()
    const edited = directory.organizations({ search: 'Action Réfugiés' })[0]
    expect(edited?.website).toBe('https://example.org/invented')

    // Retire: it asks first, then the entry leaves the lists but stays readable.
    await app.getByRole('button', { name: 'Retire' }).focus()
    await app.keyboard.press('Enter')
    const confirm = app.getByRole('alertdialog', { name: 'Retire this organization?' })
    await confirm.getByRole('button', { name: 'Retire' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByText("Retired: this organization has left the directory's lists.")).toBeVisible()
    await expect(app.getByRole('button', { name: 'Bring back' })).toBeVisible()
    expect(directory.organizations({ search: 'Action Réfugiés' })).toEqual([])
    await expectAccessible(app, 'organization retired (en)')

    // Add by keyboard: a provincial organization needs its provinces.
    await app.getByRole('link', { name: 'Back to the directory' }).focus()
    await app.keyboard.press('Enter')
    await app.getByRole('button', { name: 'Add an organization' }).focus()
    await app.keyboard.press('Enter')
    const add = app.getByRole('dialog', { name: 'Add an organization' })
    await add.getByRole('textbox', { name: 'Name' }).fill('Invented Harbour Legal Clinic')
    await add.getByRole('textbox', { name: 'Languages' }).fill('en, fr, ti')
    await add.getByRole('button', { name: 'Save' }).focus()
    await app.keyboard.press('Enter')
    await expect(add.getByText('Choose the provinces served, or tick “Serves all of Canada”.')).toBeVisible()
    await add.getByRole('checkbox', { name: 'Nova Scotia' }).press('Space')
    await add.getByRole('button', { name: 'Save' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByRole('heading', { level: 1, name: 'Invented Harbour Legal Clinic' })).toBeVisible()
    expect(directory.organizations({ search: 'invented harbour' }).map((entry) => entry.provinces)).toEqual([
      ['NS'],
    ])

    // Resources: the seed's, among them IRPA, the Refugee Convention and the MP finder; retire one after asking.
    await app.goto(`${bridge.origin}/#/directory/resources`)
    const resourceCount = directory.resources({}).length
    await expect(app.getByText(`${resourceCount} resources`)).toBeVisible()
    await expect(app.getByRole('heading', { name: /^Find your Member of Parliament/ })).toBeVisible()
    await expect(app.getByRole('heading', { name: /^Immigration and Refugee Protection Act/ })).toBeVisible()
    await expect(app.getByRole('heading', { name: /^1951 Convention/ })).toBeVisible()
    await expectAccessible(app, 'resources (en)')
    await app.getByRole('button', { name: /^Retire Executive Order 13769/ }).focus()
    await app.keyboard.press('Enter')
    const retireResource = app.getByRole('alertdialog', { name: 'Retire this resource?' })
    await retireResource.getByRole('button', { name: 'Retire' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByText(`${resourceCount - 1} resources`)).toBeVisible()
    await expect(app.getByText(/^Retired: Executive Order 13769/)).toBeVisible()

    // The same screens in French.
    await app.getByRole('radio', { name: 'Français' }).click()
    await app.goto(`${bridge.origin}/#/directory?province=NS`)
    await expect(app.getByRole('heading', { level: 1, name: 'Répertoire' })).toBeVisible()
    await expect(app.getByRole('link', { name: 'Invented Harbour Legal Clinic' })).toBeVisible()
    await expectAccessible(app, 'directory (fr)')
    await app.getByRole('link', { name: 'Invented Harbour Legal Clinic' }).click()
    await expect(app.getByRole('button', { name: 'Retirer' })).toBeVisible()
    await expectAccessible(app, 'organization (fr)')
    await app.goto(`${bridge.origin}/#/directory/resources`)
    await expect(app.getByText(`${resourceCount - 1} ressources`)).toBeVisible()
    await expectAccessible(app, 'resources (fr)')
  })
})
