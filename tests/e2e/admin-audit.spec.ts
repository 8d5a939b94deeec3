import { expectAccessible, expect, test } from './fixtures'

test.describe('the audit trail (admin)', () => {
  test('lists what happened newest first, narrows by action and by staff name, and verifies as intact', async ({
    app,
    bridge,
  }) => {
    await app.goto(`${bridge.origin}/#/admin/audit`)
    const table = app.getByRole('grid', { name: 'Audit trail' })
    await expect(table.getByRole('rowheader', { name: 'Vault created' })).toBeVisible()
    await expect(table.getByRole('rowheader', { name: 'Staff account added' }).first()).toBeVisible()
    await expect(table.getByRole('row').filter({ hasText: 'Account casey.worker' })).toContainText(
      'Staff account added',
    )
    await expectAccessible(app, 'audit trail (en)')

    const total = (await bridge.services.vault.audit.list({ offset: 0, limit: 100 })).total
    await expect(app.getByText(`of ${total}, newest first`)).toBeVisible()

    await app.getByRole('button', { name: /Action/ }).click()
    await app.getByRole('option', { name: 'Staff account added' }).click()
    const added = (await bridge.services.vault.audit.list({ action: 'account.added', offset: 0, limit: 100 }))
      .total
    expect(added).toBeLessThan(total)
    await expect(app.getByText(`Showing entries 1 to ${added} of ${added}, newest first.`)).toBeVisible()
    await expect(table.getByRole('rowheader', { name: 'Vault created' })).toHaveCount(0)

    await app.getByRole('button', { name: 'Clear filters' }).click()
    await app.getByRole('searchbox', { name: 'Staff sign-in name' }).fill('nobody.here')
    await expect(app.getByText('No entries match these filters.')).toBeVisible()
    await app.getByRole('button', { name: 'Clear filters' }).click()
    await expect(app.getByText(`of ${total}, newest first`)).toBeVisible()

    await app.getByRole('button', { name: 'Verify the audit trail' }).click()
    await expect(app.getByText(/^Intact: \d+ entries checked\.$/)).toBeVisible()
    await expectAccessible(app, 'audit trail verified (en)')
  })
})
