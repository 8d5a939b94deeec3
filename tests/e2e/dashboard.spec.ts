import { expectAccessible, expect, test } from './fixtures'

test.describe('the dashboard', () => {
  test('offers the unfinished intakes of the person who unlocked, one step from where an unlock lands', async ({
    app,
    bridge,
  }) => {
    const { id } = bridge.services.intake.saveDraft({
      step: 'languages',
      data: { person: { givenNames: 'Quillon', familyName: 'Draftwright-Test' } },
    })
    await app.reload()
    const drafts = app.getByRole('region', { name: 'Your unfinished intakes' })
    const link = drafts.getByRole('link', { name: 'Quillon Draftwright-Test' })
    await expect(link).toBeVisible()
    await expectAccessible(app, 'dashboard with drafts (en)')
    await link.focus()
    await app.keyboard.press('Enter')
    await expect(app).toHaveURL(new RegExp(`#/survivors/new/${id}$`))
  })
})
