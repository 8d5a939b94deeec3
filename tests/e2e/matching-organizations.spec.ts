import type { Locator, Page } from '@playwright/test'
import type { TBridge } from '../../src/main/bridge/server'
import { emptyOrganizationFields, type TOrganizationFields } from '../../src/shared/roster/directory-schema'
import { expectAccessible, expect, test } from './fixtures'
import { seedCase, today } from './seed'

/** Invented organizations and people only. */
const organization = (changes: Partial<TOrganizationFields>): TOrganizationFields => ({
  ...emptyOrganizationFields(),
  lastVerifiedOn: today(),
  ...changes,
})

/** One Quebec case awaiting a match, a Quebec clinic speaking Arabic, and an Ontario clinic that serves nobody here. */
function seedOrganizations(bridge: TBridge) {
  const { directory } = bridge.services
  directory.createOrganization(
    organization({ name: 'Clinique Exemple-Testeuse', provinces: ['QC'], languages: ['ar', 'fr'] }),
  )
  directory.createOrganization(organization({ name: 'Example Ontario Test Clinic', provinces: ['ON'] }))
  return seedCase(
    bridge,
    (form) => {
      form.person.givenNames = 'Invented'
      form.person.familyName = 'Organizations-Example'
      form.location.province = 'QC'
      form.location.city = 'Montréal'
      form.languages.preferred = 'ar'
      form.needs.needs = ['refugee_claim']
    },
    { awaitingMatch: true },
  ).caseId
}

/** Keyboard only: focus the control, then the key a keyboard user would press. */
async function press(control: Locator, key = 'Enter'): Promise<void> {
  await control.focus()
  await control.page().keyboard.press(key)
}

async function openCase(page: Page, bridge: TBridge, caseId: string): Promise<void> {
  await page.goto(`${bridge.origin}/#/survivors/${caseId}`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

test.describe('organizations for a case', () => {
  test.describe.configure({ timeout: 240_000 })

  test('ranks the directory with reasons, leaves out another province with why, and refers by keyboard, EN and FR', async ({
    app,
    bridge,
  }) => {
    const caseId = seedOrganizations(bridge)
    await openCase(app, bridge, caseId)
    const matching = app.getByRole('region', { name: 'Matching' })
    await press(matching.getByRole('button', { name: 'Rank organizations' }))

    const ranked = matching.getByRole('list', { name: 'Organizations for this survivor, best first' })
    const clinic = ranked.getByRole('listitem').filter({ hasText: 'Clinique Exemple-Testeuse' })
    await expect(clinic.getByText('serves Quebec +10')).toBeVisible()
    await expect(clinic.getByText('speaks Arabic +30')).toBeVisible()
    await expect(clinic.getByText(/^serves needs: Refugee claim/)).toBeVisible()
    await expect(clinic.getByText(`verified ${today().slice(0, 7)} +5`)).toBeVisible()
    const excluded = matching.getByRole('list', { name: 'Organizations left out, and why' })
    await expect(
      excluded
        .getByRole('listitem')
        .filter({ hasText: 'Example Ontario Test Clinic' })
        .getByText('does not serve Quebec'),
    ).toBeVisible()
    await expect(ranked.getByText('Example Ontario Test Clinic')).toHaveCount(0)
    await expectAccessible(app, 'matching: organizations ranked (EN)')

    // Refer: a proposed organization referral, in the case's referrals; the case still waits for a lawyer.
    await press(clinic.getByRole('button', { name: 'Refer this survivor to Clinique Exemple-Testeuse' }))
    await expect(
      app.getByText('Referral to Clinique Exemple-Testeuse proposed. Send it from this case’s referrals.'),
    ).toBeAttached()
    const referral = matching
      .locator('.referrals-case')
      .getByRole('listitem')
      .filter({ hasText: 'Clinique Exemple-Testeuse' })
    await expect(referral.getByText('Proposed', { exact: true })).toBeVisible()
    await expect(clinic.getByText('A referral to this organization is open.')).toBeVisible()
    await expect(clinic.getByRole('button', { name: /^Refer this survivor/ })).toHaveCount(0)
    const stored = bridge.services.referrals.list({ caseId }).rows
    expect(stored.map((each) => [each.recipientKind, each.recipientName, each.state])).toEqual([
      ['organization', 'Clinique Exemple-Testeuse', 'proposed'],
    ])
    expect(bridge.services.caseFile.get(caseId).status).toBe('awaiting_match')

    // In French: the same ranking, worded with French typography.
    await app.getByRole('radio', { name: 'Français' }).click()
    await openCase(app, bridge, caseId)
    const jumelage = app.getByRole('region', { name: 'Jumelage' })
    await press(jumelage.getByRole('button', { name: 'Classer les organismes' }))
    const classes = jumelage.getByRole('list', {
      name: 'Organismes pour cette personne, le meilleur choix d’abord',
    })
    const clinique = classes.getByRole('listitem').filter({ hasText: 'Clinique Exemple-Testeuse' })
    await expect(clinique.getByText('province desservie : Québec +10')).toBeVisible()
    await expect(clinique.getByText('parle arabe +30')).toBeVisible()
    await expect(clinique.getByText('Un aiguillage vers cet organisme est en cours.')).toBeVisible()
    await expect(
      jumelage
        .getByRole('list', { name: 'Organismes écartés, et pourquoi' })
        .getByRole('listitem')
        .filter({ hasText: 'Example Ontario Test Clinic' })
        .getByText('province non desservie : Québec'),
    ).toBeVisible()
    await expectAccessible(app, 'matching: organizations ranked (FR)')
  })
})
