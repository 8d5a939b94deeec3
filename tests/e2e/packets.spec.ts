import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { emptyLawyerFields } from '../../src/shared/roster/lawyer-schema'
import { lawyerConsent } from '#test-support/synthetic'
import { expectAccessible, expect, test } from './fixtures'
import { seedCase } from './seed'

const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8')

/** Synthetic people only: obviously invented names, a 555 number. */
const PHONE_CANARY = '+1 555 010 9931'

test.describe('packets from the case page', () => {
  test.describe.configure({ timeout: 150_000 })

  test('makes a lawyer packet by keyboard with only what consent allows, saves it as PDF, in EN and FR', async ({
    app,
    bridge,
  }) => {
    const { caseId } = seedCase(bridge, (form) => {
      form.meta.intakeDate = '2026-11-20'
      form.person.givenNames = 'Invented'
      form.person.familyName = 'Packet-Example'
      form.location.province = 'ON'
      form.contact.phone = PHONE_CANARY
      form.needs.needs = ['refugee_claim']
      form.consent = [lawyerConsent('2026-11-20')]
    })
    const lawyer = emptyLawyerFields()
    lawyer.firstName = 'Morgan'
    lawyer.lastName = 'Counsel-Example'
    lawyer.firm = 'Invented Chambers LLP'
    lawyer.city = 'Ottawa'
    lawyer.province = 'ON'
    lawyer.email = 'morgan@example.org'
    bridge.services.roster.create(lawyer)
    await app.goto(`${bridge.origin}/#/survivors/${caseId}`)
    await expect(app.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible()

    await app.getByRole('button', { name: 'Make a packet' }).focus()
    await app.keyboard.press('Enter')
    const dialog = app.getByRole('dialog', { name: /Make a packet for CCIJ-/ })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('checkbox', { name: 'Name', exact: true })).toBeChecked()
    await expectAccessible(app, 'packet dialog, survivor (EN)')

    // The kind, by keyboard: the select has focus when the dialog opens.
    await expect(dialog.getByRole('button', { name: /Packet/ })).toBeFocused()
    await app.keyboard.press('Enter')
    await app.getByRole('option', { name: 'To a lawyer' }).focus()
    await app.keyboard.press('Enter')
    await expect(dialog.getByText('Only after the lawyer confirms no conflict.').first()).toBeVisible()
    await expect(dialog.getByRole('checkbox', { name: 'Name', exact: true })).toBeDisabled()
    await expect(dialog.getByRole('checkbox', { name: 'Phone (sensitive)' })).toBeDisabled()
    await expect(dialog.getByRole('checkbox', { name: 'Legal help needed' })).toBeChecked()
    await expectAccessible(app, 'packet dialog, lawyer (EN)')

    // Save without a recipient: the field says what is missing.
    await dialog.getByRole('button', { name: 'Save as PDF' }).focus()
    await app.keyboard.press('Enter')
    await expect(dialog.getByText('Say who the packet is for.')).toBeVisible()
    // The recipient, from the roster: typing part of the name, then the arrow keys and Enter.
    await dialog.getByRole('combobox', { name: 'Lawyer from the roster' }).focus()
    await app.keyboard.type('Counsel')
    await app.keyboard.press('ArrowDown')
    await app.keyboard.press('Enter')
    await expect(dialog.getByRole('textbox', { name: 'Recipient’s name' })).toHaveValue(
      'Morgan Counsel-Example',
    )
    await expect(dialog.getByRole('textbox', { name: 'Address or contact lines' })).toHaveValue(
      'Invented Chambers LLP\nOttawa ON\nmorgan@example.org',
    )

    // The preview is the PDF's pages, drawn in main: the CSP allows them as data: images.
    await dialog.getByRole('button', { name: 'Preview' }).focus()
    await app.keyboard.press('Enter')
    const pages = dialog.getByRole('region', { name: 'Pages of the packet as they will print' })
    await expect(pages.getByRole('img', { name: /^Page 1 of \d+$/ })).toBeVisible({ timeout: 60_000 })
    await expect(
      dialog.getByRole('heading', { name: /Preview of packet PKT-[A-Z0-9-]+: \d+ pages?/ }),
    ).toBeVisible()
    const size = await pages
      .getByRole('img')
      .first()
      .evaluate((image: HTMLImageElement) => [image.naturalWidth, image.naturalHeight])
    expect(size).toEqual([918, 1188])
    await expect(pages).toBeFocused()
    await expectAccessible(app, 'packet preview (EN)')
    // Other choices make the preview stale: it goes away rather than show what will not print.
    await dialog.getByRole('radio', { name: 'A4' }).focus()
    await app.keyboard.press('Space')
    await expect(pages).toBeHidden()
    await dialog.getByRole('button', { name: 'Save as PDF' }).focus()
    await app.keyboard.press('Enter')
    await expect(dialog.getByText(/Packet PKT-[A-Z0-9-]+ saved and recorded on the timeline\./)).toBeVisible({
      timeout: 60_000,
    })

    const [file] = readdirSync(bridge.packetsDirectory)
    const text = pdfText(join(bridge.packetsDirectory, file ?? ''))
    expect(text).toContain('Morgan Counsel-Example')
    expect(text).toContain('Invented Chambers LLP')
    expect(text).toContain('This document is not legal advice.')
    expect(text).not.toContain(PHONE_CANARY)
    expect(text).not.toContain('Packet-Example')

    // Print: the bridge's "printer" is a PDF in the packets folder; the print is recorded like a save.
    await dialog.getByRole('button', { name: 'Print' }).focus()
    await app.keyboard.press('Enter')
    await expect(
      dialog.getByText(/Packet PKT-[A-Z0-9-]+ printed and recorded on the timeline\./),
    ).toBeVisible({
      timeout: 60_000,
    })
    const printed = pdfText(join(bridge.packetsDirectory, 'printed-1.pdf'))
    expect(printed).toContain('Morgan Counsel-Example')
    expect(printed).not.toContain(PHONE_CANARY)
    const timeline = bridge.services.caseFile.get(caseId).timeline
    expect(timeline.filter((entry) => entry.kind === 'packet')).toHaveLength(2)
    expect(readdirSync(bridge.services.options.dataDirectory)).not.toContain('packets')

    await dialog.getByRole('button', { name: 'Close' }).focus()
    await app.keyboard.press('Enter')
    await expect(dialog).toBeHidden()
    await app.getByRole('radio', { name: 'Français' }).click()
    await app.getByRole('button', { name: 'Préparer une trousse' }).click()
    const french = app.getByRole('dialog', { name: /Préparer une trousse pour CCIJ-/ })
    await expect(french.getByRole('checkbox', { name: 'Nom', exact: true })).toBeVisible()
    await expectAccessible(app, 'packet dialog (FR)')
  })
})
