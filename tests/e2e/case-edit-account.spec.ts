import { emptyIntake, type TIntake } from '../../src/shared/cases/intake-schema'
import { expectAccessible, expect, test } from './fixtures'
import { retype } from './keyboard'
import { submitCase } from './seed'

/** Synthetic people only: obviously invented names. */
function testIntake(): TIntake {
  const intake = emptyIntake('2026-01-12')
  intake.person.givenNames = 'Orwin'
  intake.person.familyName = 'Testaccount-Example'
  intake.experiences.entries = [{ kind: 'torture', otherKind: '', country: '', period: '2013', place: '' }]
  intake.experiences.narrative = 'Synthetic narrative, first telling.'
  intake.adverseParties = [
    { kind: 'person', name: 'Testofficer Example', originalScriptName: '', country: '', notes: '' },
    { kind: 'unit', name: 'Test Brigade 9', originalScriptName: '', country: '', notes: '' },
  ]
  return intake
}

test.describe("editing an intake's account on the case page", () => {
  test.describe.configure({ timeout: 300_000 })

  test('adverse parties, experiences and the narrative by keyboard, in English and French', async ({
    app,
    bridge,
  }) => {
    const { caseId, reference } = submitCase(bridge, testIntake())
    await app.goto(`${bridge.origin}/#/survivors/${caseId}`)
    const timeline = app.getByRole('region', { name: 'Timeline' })

    // Adverse parties: offered once revealed; the intake's rule on the field it concerns.
    await expect(app.getByRole('button', { name: 'Edit adverse parties' })).toHaveCount(0)
    await app.getByRole('button', { name: 'Reveal Adverse parties' }).press('Enter')
    const editParties = app.getByRole('button', { name: 'Edit adverse parties' })
    await editParties.press('Enter')
    const parties = app.getByRole('dialog', { name: `Edit the adverse parties of ${reference}` })
    await expect(parties.getByRole('group', { name: 'Adverse party 2' })).toBeVisible()
    const secondName = parties
      .getByRole('group', { name: 'Adverse party 2' })
      .getByRole('textbox', { name: 'Name', exact: true })
    await retype(app, secondName, ' ')
    await app.keyboard.press('Backspace')
    await parties.getByRole('button', { name: 'Save changes' }).press('Enter')
    await expect(parties.getByText('Enter a name, or the name in original script.')).toBeVisible()
    await expectAccessible(app, 'edit adverse parties with an error (en)')
    await retype(app, secondName, 'Test Battalion 12')
    await parties.getByRole('button', { name: 'Save changes' }).press('Enter')
    await expect(parties).toHaveCount(0)
    await expect(app.getByText('1 field changed and saved.')).toBeAttached()
    const partiesRegion = app.getByRole('region', { name: 'Adverse parties' })
    await expect(partiesRegion).toContainText('Test Battalion 12')
    await expect(timeline).toContainText('Case details edited: Adverse party 2: Name.')
    const audited = bridge.services.audit
      .list({ action: 'record.changed', limit: 50 })
      .entries.find((entry) => entry.details['change'] === 'edited')
    expect(audited?.details['fields']).toEqual(['adverseParties.2.name'])
    expect(JSON.stringify(audited)).not.toContain('Battalion')

    // Experiences: an entry added with the wizard's controls.
    await app.getByRole('button', { name: 'Reveal Experiences' }).press('Enter')
    await app.getByRole('button', { name: 'Edit experiences' }).press('Enter')
    const experiences = app.getByRole('dialog', { name: `Edit the experiences of ${reference}` })
    await experiences.getByRole('button', { name: 'Add an experience' }).press('Enter')
    const second = experiences.getByRole('group', { name: 'Experience 2' })
    await expect(second).toBeVisible()
    await second.getByRole('button', { name: /What happened/ }).press('ArrowDown')
    await app.getByRole('option', { name: 'Enforced disappearance' }).press('Enter')
    await retype(app, second.getByRole('textbox', { name: 'When' }), '2014')
    await expectAccessible(app, 'edit experiences (en)')
    await experiences.getByRole('button', { name: 'Save changes' }).press('Enter')
    await expect(experiences).toHaveCount(0)
    await expect(app.getByRole('region', { name: 'Experiences' })).toContainText('Enforced disappearance')
    await expect(timeline).toContainText('Case details edited: Experience 2 (added).')

    // A change from another window while the narrative is edited: refused, nothing overwritten.
    await app.getByRole('button', { name: 'Reveal Narrative and notes' }).press('Enter')
    await app.getByRole('button', { name: 'Edit narrative and notes' }).press('Enter')
    const narrative = app.getByRole('dialog', { name: `Edit the narrative and notes of ${reference}` })
    bridge.services.caseFile.addTimelineEntry({
      caseId,
      kind: 'note',
      body: 'Synthetic note from another window.',
    })
    await retype(
      app,
      narrative.getByRole('textbox', { name: 'Narrative' }),
      'Synthetic narrative, overwritten.',
    )
    await narrative.getByRole('button', { name: 'Save changes' }).press('Enter')
    await expect(narrative.getByRole('alert')).toContainText('changed in another window or by a colleague')
    await narrative.getByRole('button', { name: 'Load the latest version' }).press('Enter')
    await expect(narrative).toHaveCount(0)
    const revealed = bridge.services.caseFile.reveal(caseId, 'narrative')
    expect(revealed.section === 'narrative' ? revealed.narratives[0]?.narrative : '').toBe(
      'Synthetic narrative, first telling.',
    )

    // In French: the narrative and the intake's notes edited, the timeline in French.
    await app.getByRole('radio', { name: 'Français' }).click()
    await app.getByRole('button', { name: 'Afficher Récit et notes' }).press('Enter')
    await app.getByRole('button', { name: 'Modifier le récit et les notes' }).press('Enter')
    const french = app.getByRole('dialog', { name: `Modifier le récit et les notes de ${reference}` })
    await retype(app, french.getByRole('textbox', { name: 'Récit' }), 'Récit synthétique, deuxième version.')
    await retype(
      app,
      french.getByRole('textbox', { name: 'Notes de l’entretien' }),
      'Note synthétique : rappeler après l’audience.',
    )
    await expectAccessible(app, 'modifier le récit (fr)')
    await french.getByRole('button', { name: 'Enregistrer les changements' }).press('Enter')
    await expect(french).toHaveCount(0)
    await expect(app.getByRole('region', { name: 'Récit et notes' })).toContainText('deuxième version')
    await expect(app.getByRole('region', { name: 'Historique' })).toContainText(
      'Renseignements du dossier modifiés : Récit et Notes de l’entretien.',
    )
    await expect(app.getByRole('region', { name: 'Récit et notes' })).toContainText(
      'rappeler après l’audience',
    )
    const stored = bridge.services.caseFile.reveal(caseId, 'narrative')
    expect(stored.section === 'narrative' ? stored.narratives[0]?.notes : '').toBe(
      'Note synthétique : rappeler après l’audience.',
    )
    const edited = bridge.services.audit
      .list({ action: 'record.changed', limit: 50 })
      .entries.filter((entry) => entry.details['change'] === 'edited')
    expect(JSON.stringify(edited)).not.toContain('audience')
    // Still revealed from before the language changed.
    await app.getByRole('button', { name: 'Modifier les parties adverses' }).press('Enter')
    await expectAccessible(app, 'modifier les parties adverses (fr)')
    await app.keyboard.press('Escape')
  })
})
