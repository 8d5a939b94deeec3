import { emptyIntake, type TIntake } from '../../src/shared/cases/intake-schema'
import { ADMIN, expectAccessible, expect, test } from './fixtures'
import { typeDate } from './dates'
import { retype } from './keyboard'
import { submitCase } from './seed'

/** Synthetic people only: obviously invented names, a 555 number, example.org. */
function testIntake(): TIntake {
  const intake = emptyIntake('2026-01-12')
  intake.person.givenNames = 'Velinda'
  intake.person.familyName = 'Testedit-Example'
  intake.person.dateOfBirth = '1988-02-10'
  intake.contact.phone = '+1 555 010 2233'
  intake.location.city = 'Testburg'
  intake.location.province = 'ON'
  intake.needs.detained = 'yes'
  return intake
}

test.describe('editing a case', () => {
  test.describe.configure({ timeout: 150_000 })

  test('changes the details by keyboard, says which fields changed, and refuses a stale edit', async ({
    app,
    bridge,
  }) => {
    const { caseId, reference } = submitCase(bridge, testIntake())
    await app.goto(`${bridge.origin}/#/survivors/${caseId}`)
    const edit = app.getByRole('button', { name: 'Edit details' })
    await edit.focus()
    await app.keyboard.press('Enter')
    const dialog = app.getByRole('dialog', { name: `Edit the details of ${reference}` })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('textbox', { name: 'Legal family name' })).toHaveValue('Testedit-Example')

    // The intake's rules, on the field they concern.
    await typeDate(app, 'Date of arrival in Canada', '1980-05-01', dialog)
    await dialog.getByRole('button', { name: 'Save changes' }).press('Enter')
    await expect(dialog.getByText('The arrival date is before the date of birth.')).toBeVisible()
    await expectAccessible(app, 'edit case dialog with an error (en)')
    await typeDate(app, 'Date of arrival in Canada', '2025-11-30', dialog)

    await retype(app, dialog.getByRole('textbox', { name: 'Legal family name' }), 'Testedit-Renamed')
    await retype(app, dialog.getByRole('textbox', { name: 'City or town' }), 'Otherburg')
    await dialog.getByRole('button', { name: 'Save changes' }).focus()
    await app.keyboard.press('Enter')
    await expect(dialog).toHaveCount(0)
    await expect(app.getByText('3 fields changed and saved.')).toBeAttached()
    await expect(edit).toBeFocused()
    await expect(app.getByRole('heading', { level: 1 })).toContainText('Velinda Testedit-Renamed')
    const timeline = app.getByRole('region', { name: 'Timeline' })
    await expect(timeline).toContainText(
      'Case details edited: Legal family name, City or town, and Date of arrival in Canada.',
    )
    const audited = bridge.services.audit
      .list({ action: 'record.changed', limit: 50 })
      .entries.find((entry) => entry.details['change'] === 'edited')
    expect(audited).toMatchObject({ targetId: caseId, actorUsername: ADMIN.username })
    expect(JSON.stringify(audited)).not.toContain('Otherburg')

    // Another window changes the case while this one edits: nothing is overwritten.
    await edit.press('Enter')
    await expect(dialog).toBeVisible()
    bridge.services.caseFile.addTimelineEntry({
      caseId,
      kind: 'note',
      body: 'Synthetic note from another window.',
    })
    await retype(app, dialog.getByRole('textbox', { name: 'City or town' }), 'Thirdburg')
    await dialog.getByRole('button', { name: 'Save changes' }).press('Enter')
    await expect(dialog.getByRole('alert')).toContainText('changed in another window or by a colleague')
    await expectAccessible(app, 'edit case dialog, stale (en)')
    await dialog.getByRole('button', { name: 'Load the latest version' }).press('Enter')
    await expect(dialog).toHaveCount(0)
    await expect(timeline).toContainText('Synthetic note from another window.')
    expect(bridge.services.caseFile.get(caseId).location.city).toBe('Otherburg')
  })

  test('edits the contact once it is revealed, in French too', async ({ app, bridge }) => {
    const { caseId, reference } = submitCase(bridge, testIntake())
    await app.goto(`${bridge.origin}/#/survivors/${caseId}`)
    await expect(app.getByRole('button', { name: 'Edit contact' })).toHaveCount(0)
    await app.getByRole('button', { name: 'Reveal Contact and safety' }).press('Enter')
    await app.getByRole('button', { name: 'Edit contact' }).press('Enter')
    const dialog = app.getByRole('dialog', { name: `Edit contact and safety of ${reference}` })
    await retype(app, dialog.getByRole('textbox', { name: 'Phone' }), 'not a phone')
    await app.keyboard.press('Tab')
    await expect(dialog.getByText('Enter a phone number using digits')).toBeVisible()
    await retype(app, dialog.getByRole('textbox', { name: 'Phone' }), '+1 555 010 9988')
    await dialog.getByRole('button', { name: 'Save changes' }).press('Enter')
    await expect(dialog).toHaveCount(0)
    const contact = app.getByRole('region', { name: 'Contact and safety' })
    await expect(contact.getByText('+1 555 010 9988')).toBeVisible()
    await expect(app.getByRole('region', { name: 'Timeline' })).toContainText('Case details edited: Phone.')

    await app.getByRole('radio', { name: 'Français' }).click()
    await app.getByRole('button', { name: 'Modifier les renseignements' }).press('Enter')
    const french = app.getByRole('dialog', { name: `Modifier les renseignements de ${reference}` })
    await expect(french).toBeVisible()
    await expectAccessible(app, 'edit case dialog (fr)')
    await app.keyboard.press('Escape')
    await expect(french).toHaveCount(0)
  })
})
