import { emptyIntake, type TIntake } from '../../src/shared/cases/intake-schema'
import { addColleague, ADMIN, CASEWORKER, expectAccessible, expect, test } from './fixtures'
import { typeDate } from './dates'
import { submitCase } from './seed'
import type { Page } from '@playwright/test'
import type { TBridge } from '../../src/main/bridge/server'

/** Synthetic people only: obviously invented names, a 555 number, example.org. */
const isoDaysFromNow = (days: number): string => {
  const date = new Date(Date.now() + days * 86_400_000)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

function testIntake(): TIntake {
  const intake = emptyIntake(isoDaysFromNow(-3))
  intake.meta.method = 'in_person'
  intake.meta.notes = 'Synthetic interviewer note: test only.'
  intake.person.givenNames = 'Zorvana'
  intake.person.familyName = 'Testfield-Example'
  intake.person.preferredName = 'Zori Example'
  intake.person.aliases = ['Zora Testfield']
  intake.person.originalScriptName = 'زورفانا تست'
  intake.person.dateOfBirth = '1985-06-15'
  intake.person.gender = 'woman'
  intake.person.pronouns = 'she/her'
  intake.contact.phone = '+1 555 010 4477'
  intake.contact.email = 'zori.synthetic@example.org'
  intake.contact.safeMethod = 'text_message'
  intake.contact.voicemailSafe = 'no'
  intake.languages.preferred = 'ar'
  intake.languages.others = ['fr']
  intake.languages.interpreterNeeded = 'yes'
  intake.location.province = 'QC'
  intake.location.city = 'Testville'
  intake.location.countryOfOrigin = 'SY'
  intake.location.immigrationStatus = 'refugee_claimant'
  intake.location.arrivalDate = isoDaysFromNow(-60)
  intake.location.arrivalRoute = 'airport'
  intake.experiences.entries = [
    { kind: 'torture', otherKind: '', country: 'SY', period: '2013', place: 'Synthetic Place' },
  ]
  intake.experiences.narrative = 'Synthetic narrative for an end-to-end test.'
  intake.needs.needs = ['refugee_claim', 'detention_review']
  intake.needs.detained = 'yes'
  intake.needs.detentionPlace = 'Synthetic Holding Centre'
  intake.needs.hearingDate = isoDaysFromNow(10)
  intake.needs.removalDate = isoDaysFromNow(5)
  intake.consent = [
    {
      purpose: 'share_with_lawyer',
      granted: true,
      method: 'verbal',
      givenOn: isoDaysFromNow(-3),
      expiresOn: '',
      notes: '',
    },
  ]
  return intake
}

const createCase = (bridge: TBridge, intake: TIntake = testIntake()) => submitCase(bridge, intake)

async function openCase(page: Page, bridge: TBridge, caseId: string): Promise<void> {
  await page.goto(`${bridge.origin}/#/survivors/${caseId}`)
  await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible()
}

test.describe('the case page', () => {
  // Long journeys with several accessibility scans each.
  test.describe.configure({ timeout: 150_000 })

  test('shows the case, reveals a sensitive section as an audited view, and hides it again', async ({
    app,
    bridge,
  }) => {
    const { caseId, reference } = createCase(bridge)
    await openCase(app, bridge, caseId)
    const title = app.getByRole('heading', { level: 1 })
    await expect(title).toHaveText(`${reference}: Zorvana Testfield-Example (Zori Example)`)
    await expect(app.getByText('Status: New')).toBeVisible()
    const urgency = app.getByRole('list', { name: 'Urgency' })
    await expect(urgency).toContainText('Detained at Synthetic Holding Centre')
    await expect(urgency).toContainText('(in 5 days)')
    await expect(urgency).toContainText('(in 10 days)')

    // Names in every form, the original script in its own direction.
    await expect(app.getByText('زورفانا تست')).toHaveAttribute('dir', 'auto')
    await expect(app.getByText('Zorvana Testfield-Example', { exact: true })).toBeVisible()
    await expect(app.getByText('Arabic', { exact: true })).toBeVisible()
    await expect(app.getByText('Syria')).toBeVisible()

    // Nothing sensitive is on the page until someone asks.
    await expect(app.getByText('+1 555 010 4477')).toHaveCount(0)
    await expect(app.getByText('Hidden — revealing it is recorded in the audit trail.')).toHaveCount(3)
    const parties = app.getByRole('region', { name: 'Adverse parties' })
    await expect(parties).toContainText('Nothing recorded.')
    // Nothing to reveal; only a way to record parties now.
    await expect(parties.getByRole('button')).toHaveText(['Edit adverse parties'])

    const viewsBefore = bridge.services.audit
      .list({ action: 'record.viewed', limit: 500 })
      .entries.filter((entry) => entry.details['section'] === 'contact')
    expect(viewsBefore).toHaveLength(0)

    const reveal = app.getByRole('button', { name: 'Reveal Contact and safety' })
    await expect(reveal).toHaveAttribute('aria-expanded', 'false')
    await reveal.click()
    const contact = app.getByRole('region', { name: 'Contact and safety' })
    await expect(contact.getByText('+1 555 010 4477')).toBeVisible()
    await expect(contact.getByText('zori.synthetic@example.org')).toBeVisible()
    await expect(contact.getByText('Text message')).toBeVisible()
    const hide = app.getByRole('button', { name: 'Hide Contact and safety' })
    await expect(hide).toHaveAttribute('aria-expanded', 'true')
    await expect(hide).toBeFocused()

    const views = bridge.services.audit
      .list({ action: 'record.viewed', limit: 500 })
      .entries.filter((entry) => entry.details['section'] === 'contact')
    expect(views).toHaveLength(1)
    expect(views[0]).toMatchObject({ targetId: caseId, actorUsername: ADMIN.username })

    await app.getByRole('button', { name: 'Reveal Experiences' }).click()
    await expect(app.getByRole('region', { name: 'Experiences' })).toContainText('Torture')
    await app.getByRole('button', { name: 'Reveal Narrative and notes' }).click()
    await expect(app.getByText('Synthetic narrative for an end-to-end test.')).toBeVisible()
    await app.screenshot({ path: test.info().outputPath('01-case-revealed.png'), fullPage: true })
    await expectAccessible(app, 'case page, sections revealed (en)')

    await hide.click()
    await expect(app.getByText('+1 555 010 4477')).toHaveCount(0)
    await expect(app.getByRole('button', { name: 'Reveal Contact and safety' })).toBeFocused()

    await app.getByRole('radio', { name: 'Français' }).click()
    await expect(app.getByRole('heading', { level: 2, name: 'Résumé' })).toBeVisible()
    await expect(app.getByText('Statut : Nouveau')).toBeVisible()
    await app.getByRole('button', { name: 'Afficher Coordonnées et sécurité' }).click()
    await expect(app.getByText('+1 555 010 4477')).toBeVisible()
    await app.screenshot({ path: test.info().outputPath('02-case-fr.png'), fullPage: true })
    await expectAccessible(app, 'case page, sections revealed (fr)')
  })

  test('records and withdraws consent, and the history keeps both', async ({ app, bridge }) => {
    const { caseId } = createCase(bridge)
    await openCase(app, bridge, caseId)
    const consent = app.getByRole('region', { name: 'Consent' })
    const lawyer = consent.getByRole('listitem').filter({ hasText: 'Share with a referred lawyer' }).first()
    await expect(lawyer).toContainText('Given on ')
    await expect(lawyer).not.toContainText('given')
    await expect(consent.getByRole('listitem').filter({ hasText: 'Contact by email' }).first()).toContainText(
      'Not asked',
    )

    // Record: the purpose is required; the date defaults to today.
    await consent.getByRole('button', { name: 'Record consent' }).click()
    const dialog = app.getByRole('dialog', { name: 'Record consent' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Record consent' }).click()
    await expect(dialog.getByText('Choose one of the options.')).toBeVisible()
    await expectAccessible(app, 'record consent dialog with an error (en)')
    await dialog.getByRole('button', { name: /What it is for/ }).click()
    await app.getByRole('option', { name: 'Contact by email' }).click()
    await dialog.getByRole('button', { name: /How it was given/ }).click()
    await app.getByRole('option', { name: 'Written (signed)' }).click()
    await dialog.getByRole('textbox', { name: /Notes/ }).fill('Synthetic note: signed form on file.')
    await app.screenshot({ path: test.info().outputPath('03-consent-dialog.png') })
    await dialog.getByRole('button', { name: 'Record consent' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(app.getByText('Consent recorded: Contact by email.')).toBeVisible()
    const email = consent.getByRole('listitem').filter({ hasText: 'Contact by email' }).first()
    await expect(email).toContainText('Given')
    await expect(email).toContainText('Written (signed)')

    // Withdraw: an alert dialog for one purpose.
    await consent.getByRole('button', { name: 'Withdraw: Share with a referred lawyer' }).click()
    const withdraw = app.getByRole('alertdialog', { name: 'Withdraw consent: Share with a referred lawyer' })
    await expect(withdraw).toBeVisible()
    await expectAccessible(app, 'withdraw consent dialog (en)')
    await withdraw.getByRole('button', { name: 'Withdraw consent' }).click()
    await expect(withdraw).toHaveCount(0)
    await expect(lawyer).toContainText('Withdrawn')
    await expect(consent.getByRole('button', { name: 'Withdraw: Share with a referred lawyer' })).toHaveCount(
      0,
    )

    const history = consent.getByRole('list').last()
    await expect(history.getByRole('listitem')).toHaveCount(3)
    await expect(history.getByRole('listitem').first()).toContainText(
      'Share with a referred lawyer: Withdrawn',
    )
    await expect(history).toContainText('Share with a referred lawyer: Given')
    await expect(history).toContainText('Contact by email: Given')
    await expect(history).toContainText(`Recorded by ${ADMIN.displayName}`)
    const timeline = app.getByRole('region', { name: 'Timeline' })
    await expect(timeline).toContainText('Consent withdrawn: Share with a referred lawyer.')
    await expect(timeline).toContainText('Consent given: Contact by email.')

    const records = bridge.services.caseFile.get(caseId).consentHistory
    expect(records.filter((record) => record.purpose === 'share_with_lawyer').map((r) => r.granted)).toEqual(
      expect.arrayContaining([true, false]),
    )

    // Withdrawing keeps focus in the panel (the Withdraw button is gone): on Record consent.
    await expect(consent.getByRole('button', { name: 'Record consent' })).toBeFocused()

    // A refusal: no consent, with its date, said as "Refused" (not "Not given", not a withdrawal).
    await consent.getByRole('button', { name: 'Record consent' }).click()
    await dialog.getByRole('button', { name: /What it is for/ }).click()
    await app.getByRole('option', { name: 'Contact by text message' }).click()
    await dialog
      .locator('label')
      .filter({ hasText: /^Refused$/ })
      .click()
    await expect(dialog.getByRole('radio', { name: 'Refused' })).toBeChecked()
    await expect(dialog.getByRole('group', { name: 'Date' })).toBeVisible()
    await expect(dialog.getByRole('group', { name: /Expires on/ })).toHaveCount(0)
    await dialog.getByRole('button', { name: 'Record refusal' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(app.getByText('Refusal recorded: Contact by text message.')).toBeVisible()
    const text = consent.getByRole('listitem').filter({ hasText: 'Contact by text message' }).first()
    await expect(text).toContainText('Refused on ')
    await expect(history.getByRole('listitem').first()).toContainText('Contact by text message: Refused')
    expect(
      bridge.services.caseFile.get(caseId).consent.find((record) => record.purpose === 'contact_by_text')
        ?.granted,
    ).toBe(false)

    // An expired grant says so.
    bridge.services.caseFile.recordConsent({
      caseId,
      entry: {
        purpose: 'contact_by_phone',
        granted: true,
        method: 'verbal',
        givenOn: isoDaysFromNow(-30),
        expiresOn: isoDaysFromNow(-1),
        notes: '',
      },
    })
    await app.reload()
    await expect(
      app
        .getByRole('region', { name: 'Consent' })
        .getByRole('listitem')
        .filter({ hasText: 'Contact by phone' })
        .first(),
    ).toContainText(/Expired\s*given on .* · expired /)

    await app.getByRole('radio', { name: 'Français' }).click()
    await app.getByRole('button', { name: 'Consigner un consentement' }).click()
    await expect(app.getByRole('dialog', { name: 'Consigner un consentement' })).toBeVisible()
    await expectAccessible(app, 'record consent dialog (fr)')
  })

  test('adds a note to the timeline, and adds and completes a task', async ({ app, bridge }) => {
    const { caseId } = createCase(bridge)
    bridge.services.caseFile.addTask({
      caseId,
      title: 'Synthetic overdue follow-up',
      dueOn: isoDaysFromNow(-2),
    })
    await openCase(app, bridge, caseId)

    const timeline = app.getByRole('region', { name: 'Timeline' })
    await expect(timeline).toContainText('Intake recorded (in person).')
    await timeline.getByRole('button', { name: 'Add to timeline' }).click()
    await expect(timeline.getByText('Write what happened.')).toBeVisible()
    await timeline
      .locator('label')
      .filter({ hasText: /^Call$/ })
      .click()
    await timeline
      .getByRole('textbox', { name: 'What happened' })
      .fill('Synthetic call: left a safe message.')
    await timeline.getByRole('button', { name: 'Add to timeline' }).click()
    await expect(app.getByText('Call added to the timeline.')).toBeVisible()
    // Focus stays in the form (its first field, ready for the next entry), not at the top of the page.
    await expect(timeline.getByRole('radio', { name: 'Note' })).toBeFocused()
    const newest = timeline.getByRole('listitem').first()
    await expect(newest).toContainText('Synthetic call: left a safe message.')
    await expect(newest).toContainText('Call')
    await expect(newest).toContainText(`by ${ADMIN.displayName}`)
    await expect(timeline.getByRole('textbox', { name: 'What happened' })).toHaveValue('')

    const tasks = app.getByRole('region', { name: 'Tasks' })
    await expect(tasks).toContainText('3 open tasks. 1 overdue.')
    const overdue = tasks.getByRole('listitem').filter({ hasText: 'Synthetic overdue follow-up' })
    await expect(overdue).toContainText('Overdue by 2 days')
    await expect(tasks.getByRole('listitem').filter({ hasText: 'From the hearing date' })).toHaveCount(1)
    await expect(tasks.getByRole('listitem').filter({ hasText: 'From the removal date' })).toHaveCount(1)

    await tasks.getByRole('button', { name: 'Add task' }).click()
    await expect(tasks.getByText('Say what needs doing.')).toBeVisible()
    await tasks.getByRole('textbox', { name: 'What needs doing' }).fill('Book a synthetic interpreter')
    await typeDate(app, 'Due on', isoDaysFromNow(7))
    await tasks.getByRole('button', { name: 'Add task' }).click()
    await expect(app.getByText('Task added: Book a synthetic interpreter.')).toBeVisible()
    await expect(tasks.getByRole('textbox', { name: 'What needs doing' })).toBeFocused()
    // The timeline's confirmation went with the next action.
    await expect(app.getByText('Call added to the timeline.')).toHaveCount(0)
    const added = tasks.getByRole('listitem').filter({ hasText: 'Book a synthetic interpreter' })
    await expect(added).toContainText('Due ')

    const box = added.getByRole('checkbox', { name: 'Book a synthetic interpreter' })
    // By keyboard: Space toggles the focused checkbox.
    await box.focus()
    await app.keyboard.press('Space')
    await expect(box).toBeChecked()
    await expect(added).toContainText('Done ')
    await expect(app.getByText('Marked done: Book a synthetic interpreter.')).toBeVisible()
    // The task moved to the done ones; focus moved with it.
    await expect(box).toBeFocused()
    await expect(timeline).toContainText('Task done: Book a synthetic interpreter.')
    await expect(tasks).toContainText('3 open tasks.')
    expect(
      bridge.services.caseFile.get(caseId).tasks.find((task) => task.title === 'Book a synthetic interpreter')
        ?.doneAt,
    ).not.toBeNull()
    await app.keyboard.press('Space')
    await expect(box).not.toBeChecked()
    await expect(box).toBeFocused()
    await expect(timeline).toContainText('Task marked not done: Book a synthetic interpreter.')
    await app.screenshot({ path: test.info().outputPath('04-tasks-timeline.png'), fullPage: true })
    await expectAccessible(app, 'case page with tasks and notes (en)')
  })

  test('moves through the workflow and assigns a caseworker, by keyboard', async ({ app, bridge }) => {
    const { caseId, reference } = createCase(bridge)
    await openCase(app, bridge, caseId)
    const changeStatus = app.getByRole('button', { name: 'Change status' })

    const moveTo = async (status: string, reason?: string) => {
      await changeStatus.focus()
      await app.keyboard.press('Enter')
      const dialog = app.getByRole('dialog', { name: `Change the status of ${reference}` })
      await expect(dialog).toBeVisible()
      // Tab into the radio group, arrows to the status.
      const option = dialog.getByRole('radio', { name: new RegExp(`^${status}`) })
      await app.keyboard.press('Tab')
      for (let step = 0; step < 4 && !(await option.isChecked()); step++) {
        const focused = await dialog
          .getByRole('radio')
          .evaluateAll((radios) => radios.some((radio) => radio === document.activeElement))
        await app.keyboard.press(focused ? 'ArrowDown' : 'Tab')
      }
      await expect(option).toBeChecked()
      if (reason !== undefined) {
        await dialog.getByRole('textbox', { name: 'Reason' }).focus()
        await app.keyboard.type(reason)
      }
      await dialog.getByRole('button', { name: 'Change status' }).focus()
      await app.keyboard.press('Enter')
      await expect(dialog).toHaveCount(0)
    }

    // new → screening → awaiting match: forward steps need no reason.
    await expect(app.getByText('Status: New')).toBeVisible()
    await moveTo('Screening')
    await expect(app.getByText('Status: Screening')).toBeVisible()
    await moveTo('Awaiting match')
    await expect(app.getByText('Status: Awaiting match')).toBeVisible()

    // Closing needs a reason: refused without one, with the message on the field.
    await changeStatus.focus()
    await app.keyboard.press('Enter')
    const dialog = app.getByRole('dialog', { name: `Change the status of ${reference}` })
    await dialog
      .locator('label')
      .filter({ hasText: /^Closed/ })
      .click()
    await expect(dialog.getByText('Closes the case: give a reason.')).toBeVisible()
    await dialog.getByRole('button', { name: 'Change status' }).press('Enter')
    await expect(dialog.getByText('Give a reason for closing the case or moving it back.')).toBeVisible()
    await expectAccessible(app, 'status dialog with an error (en)')
    await app.screenshot({ path: test.info().outputPath('05-status-dialog.png') })
    await app.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await expect(changeStatus).toBeFocused()

    await moveTo('Closed', 'Synthetic reason: the person found other counsel.')
    await expect(app.getByText('Status: Closed')).toBeVisible()
    await expect(
      app.getByText('Reason for the current status: Synthetic reason: the person found other counsel.'),
    ).toBeVisible()
    const timeline = app.getByRole('region', { name: 'Timeline' })
    await expect(timeline).toContainText('Status changed from Awaiting match to Closed.')
    await expect(timeline).toContainText('Reason: Synthetic reason: the person found other counsel.')
    await expect(timeline).toContainText('Status changed from New to Screening.')
    expect(bridge.services.caseFile.get(caseId).status).toBe('closed')

    // Assign by keyboard: the menu lists assignable staff and "Unassigned".
    await expect(app.getByText('Unassigned', { exact: true })).toBeVisible()
    await app.getByRole('button', { name: 'Assign' }).focus()
    await app.keyboard.press('Enter')
    const menu = app.getByRole('menu', { name: 'Assign' })
    await expect(menu).toBeVisible()
    await expect(menu.getByRole('menuitemradio')).toHaveCount(4)
    await expect(menu.getByRole('menuitemradio').first()).toHaveText('Assign to me')
    await expectAccessible(app, 'assign menu open (en)')
    await app.keyboard.type('Casey')
    await app.keyboard.press('Enter')
    await expect(menu).toHaveCount(0)
    await expect(app.getByText(`${reference} is now assigned to ${CASEWORKER.displayName}.`)).toBeAttached()
    // Focus is back on Assign, not at the top of the page.
    await expect(app.getByRole('button', { name: 'Assign' })).toBeFocused()
    await expect(timeline).toContainText(`Assigned to ${CASEWORKER.displayName}.`)
    expect(bridge.services.caseFile.get(caseId).assignee?.displayName).toBe(CASEWORKER.displayName)

    await app.getByRole('button', { name: 'Assign' }).click()
    await app.getByRole('menuitemradio', { name: 'Unassigned' }).click()
    await expect(timeline).toContainText(`Unassigned (was ${CASEWORKER.displayName}).`)
    await app.getByRole('button', { name: 'Assign' }).click()
    await app.getByRole('menuitemradio', { name: 'Assign to me' }).click()
    await expect(app.getByText(`${reference} is now assigned to ${ADMIN.displayName}.`)).toBeAttached()
    await expect(app.getByRole('button', { name: 'Assign' })).toBeFocused()
    await app.screenshot({ path: test.info().outputPath('06-workflow.png'), fullPage: true })

    await app.getByRole('radio', { name: 'Français' }).click()
    await app.getByRole('button', { name: 'Changer le statut' }).click()
    await expect(app.getByRole('dialog', { name: `Changer le statut de ${reference}` })).toBeVisible()
    await expectAccessible(app, 'status dialog (fr)')
  })

  test('records written by a CSV import say "Imported", not "a former staff member"', async ({
    app,
    bridge,
  }) => {
    const { references } = bridge.services.caseTransfer.importIntakes([{ line: 2, intake: testIntake() }], {
      dryRun: false,
    })
    const row = bridge.services.caseList
      .list({ search: references[0] ?? '' })
      .rows.find((candidate) => candidate.reference === references[0])
    await openCase(app, bridge, row?.id ?? '')
    await expect(app.getByText('a former staff member')).toHaveCount(0)
    const intakes = app.getByRole('table', { name: 'Intakes' })
    await expect(intakes).toContainText('Imported')
    const consent = app.getByRole('region', { name: 'Consent' })
    await expect(consent).toContainText('Imported, ')
    const timeline = app.getByRole('region', { name: 'Timeline' })
    await expect(timeline.getByRole('listitem').first()).toContainText('Imported')
    await app.getByRole('radio', { name: 'Français' }).click()
    await expect(app.getByRole('region', { name: 'Consentement' })).toContainText('Importé, ')
  })

  test('tells a viewer the case is not open to their role, without showing any of it', async ({
    page,
    bridge,
  }) => {
    const { vault, recovery } = bridge.services
    await vault.create(ADMIN)
    recovery.confirm()
    if (vault.status().state !== 'unlocked') await vault.unlock(ADMIN.username, ADMIN.passphrase)
    await addColleague(bridge, {
      username: 'vera.viewer',
      displayName: 'Vera Viewer-Test',
      role: 'viewer',
      passphrase: 'lichen-copper-sparrow-58',
    })
    const { caseId, reference } = createCase(bridge)
    vault.lock()
    await vault.unlock('vera.viewer', 'lichen-copper-sparrow-58')
    await page.goto(bridge.url)
    await page.goto(`${bridge.origin}/#/survivors/${caseId}`)
    await expect(page.getByRole('heading', { level: 1, name: 'You cannot open this case' })).toBeVisible()
    await expect(page.getByText(reference)).toHaveCount(0)
    await expect(page.getByText('Zori Example')).toHaveCount(0)
    await expectAccessible(page, 'case forbidden (en)')
    // The list and the intake say the same in words instead of failing.
    for (const [hash, heading] of [
      ['#/survivors', 'Survivors'],
      ['#/survivors/new', 'New intake'],
    ] as const) {
      await page.goto(`${bridge.origin}/${hash}`)
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
      await expect(page.getByText('Survivor records are for caseworkers and admins')).toBeVisible()
      await expect(page.getByText(reference)).toHaveCount(0)
    }
    await expectAccessible(page, 'case list for a viewer (en)')
  })

  test('says when a case does not exist', async ({ app, bridge }) => {
    await app.goto(`${bridge.origin}/#/survivors/no-such-case`)
    await expect(app.getByRole('heading', { level: 1, name: 'Case not found' })).toBeVisible()
    await expect(app.getByRole('link', { name: 'Back to survivors' })).toBeVisible()
    await expectAccessible(app, 'case not found (en)')
  })
})
