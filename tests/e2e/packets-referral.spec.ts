import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { lawyerConsent } from '#test-support/synthetic'
import { expectAccessible, expect, test } from './fixtures'
import { seedCase, syntheticLawyer } from './seed'

const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8')

/** Synthetic people only: obviously invented names, a 555 number. */
const PHONE_CANARY = '+1 555 010 7742'

const press = async (app: Page, target: Locator, key = 'Enter'): Promise<void> => {
  await target.focus()
  await app.keyboard.press(key)
}

test.describe('a packet made from a referral', () => {
  test.describe.configure({ timeout: 150_000 })

  test('carries identifying details only once the lawyer confirms no conflict, by keyboard, in EN and FR', async ({
    app,
    bridge,
  }) => {
    const { roster, referrals } = bridge.services
    const { caseId } = seedCase(bridge, (form) => {
      form.person.givenNames = 'Invented'
      form.person.familyName = 'Referral-Packet-Example'
      form.location.province = 'ON'
      form.location.city = 'Ottawa'
      form.contact.phone = PHONE_CANARY
      form.needs.needs = ['refugee_claim']
      form.consent = [lawyerConsent(form.meta.intakeDate)]
    })
    const lawyer = roster.create(
      syntheticLawyer({
        firstName: 'Quinn',
        lastName: 'Referral-Counsel-Example',
        firm: 'Invented Referral Chambers',
        email: 'quinn@example.org',
        city: 'Ottawa',
      }),
    )
    const referral = referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: lawyer.id })

    const openLawyerPacket = async (referralOption: RegExp) => {
      await press(app, app.getByRole('button', { name: 'Make a packet' }))
      const dialog = app.getByRole('dialog', { name: /Make a packet for CCIJ-/ })
      await expect(dialog).toBeVisible()
      await app.keyboard.press('Enter')
      await press(app, app.getByRole('option', { name: 'To a lawyer' }))
      await press(app, dialog.getByRole('button', { name: /From a referral/ }))
      await press(app, app.getByRole('option', { name: referralOption }))
      return dialog
    }

    await app.goto(`${bridge.origin}/#/survivors/${caseId}`)
    await expect(app.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible()

    // Before the lawyer's "no conflict": the referral addresses the packet, but names stay out, with the reason.
    let dialog = await openLawyerPacket(/Quinn Referral-Counsel-Example \(no-conflict confirmation pending\)/)
    await expect(dialog.getByRole('checkbox', { name: 'Name', exact: true })).toBeDisabled()
    await expect(dialog.getByText('Only after the lawyer confirms no conflict.').first()).toBeVisible()
    await expect(dialog.getByRole('textbox', { name: 'Recipient’s name' })).toBeHidden()
    await expectAccessible(app, 'packet from a referral, conflict pending (EN)')
    await press(app, dialog.getByRole('button', { name: 'Close' }))
    await expect(dialog).toBeHidden()

    // The lawyer confirms by email: the same referral now allows the name, as consent does.
    referrals.act({ referralId: referral.id, action: 'confirm_no_conflict', confirmation: 'email' })
    dialog = await openLawyerPacket(/Quinn Referral-Counsel-Example \(no conflict confirmed\)/)
    const name = dialog.getByRole('checkbox', { name: 'Name', exact: true })
    await expect(name).toBeEnabled()
    if (!(await name.isChecked())) await press(app, name, 'Space')
    await expect(name).toBeChecked()
    await expect(dialog.getByRole('checkbox', { name: 'Phone (sensitive)' })).not.toBeChecked()
    await expectAccessible(app, 'packet from a referral, conflict cleared (EN)')
    await press(app, dialog.getByRole('button', { name: 'Save as PDF' }))
    await expect(dialog.getByText(/Packet PKT-[A-Z0-9-]+ saved and recorded on the timeline\./)).toBeVisible({
      timeout: 60_000,
    })
    const [file] = readdirSync(bridge.packetsDirectory)
    const text = pdfText(join(bridge.packetsDirectory, file ?? ''))
    expect(text).toContain('Quinn Referral-Counsel-Example')
    expect(text).toContain('Referral-Packet-Example')
    expect(text).not.toContain(PHONE_CANARY)
    await press(app, dialog.getByRole('button', { name: 'Close' }))
    await expect(dialog).toBeHidden()

    // In French, the same choice reads as the referral's state.
    await app.getByRole('radio', { name: 'Français' }).click()
    await press(app, app.getByRole('button', { name: 'Préparer une trousse' }))
    const french = app.getByRole('dialog', { name: /Préparer une trousse pour CCIJ-/ })
    await expect(french).toBeVisible()
    await app.keyboard.press('Enter')
    await press(app, app.getByRole('option', { name: 'À un·e avocat·e' }))
    await press(app, french.getByRole('button', { name: /À partir d’un aiguillage/ }))
    await expect(
      app.getByRole('option', { name: /Quinn Referral-Counsel-Example \(absence de conflit confirmée\)/ }),
    ).toBeVisible()
    await app.keyboard.press('Escape')
    await expectAccessible(app, 'packet from a referral (FR)')
  })
})
