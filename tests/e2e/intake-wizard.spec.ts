import type { Page } from '@playwright/test'
import { CASEWORKER, expect, expectAccessible, test } from './fixtures'
import { expectStep, main, openNewIntake, tabTo, unlockAs } from './intake-helpers'
import { dateField, typeDate } from './dates'

/** Obviously synthetic people: never real names. */
const PERSON = { given: 'Testa', family: 'Synthetica-Keyboard', phone: '+1 555 0100 123' }

type TWords = {
  steps: string[]
  givenNames: string
  phone: string
  preferredLanguage: string
  languageTyped: string
  languageName: string
  atAirport: string
  airport: string
  airportChosen: RegExp
  save: string
  saved: RegExp
}

const EN: TWords = {
  steps: [
    'Person',
    'Contact and safety',
    'Languages',
    'Status and location',
    'Experiences',
    'Adverse parties',
    'Needs and urgency',
    'Consent',
    'Review and save',
  ],
  givenNames: 'Legal given names',
  phone: 'Phone',
  preferredLanguage: 'Preferred language',
  languageTyped: 'Tigri',
  languageName: 'Tigrinya',
  atAirport: 'At an airport or port of entry now',
  airport: 'Airport',
  airportChosen: /YUL — Montréal–Trudeau International Airport/,
  save: 'Save intake',
  saved: /^Saved as CCIJ-\d{4}-\d{4,}$/,
}

const FR: TWords = {
  steps: [
    'Personne',
    'Contact et sécurité',
    'Langues',
    'Statut et lieu',
    'Expériences vécues',
    'Parties adverses',
    'Besoins et urgence',
    'Consentement',
    'Vérifier et enregistrer',
  ],
  givenNames: 'Prénoms légaux',
  phone: 'Téléphone',
  preferredLanguage: 'Langue préférée',
  languageTyped: 'tigri',
  languageName: 'tigrigna',
  atAirport: 'Actuellement dans un aéroport ou à un point d’entrée',
  airport: 'Aéroport',
  airportChosen: /YUL — Aéroport international Montréal-Trudeau/,
  save: 'Enregistrer l’accueil',
  saved: /^Enregistré sous CCIJ-\d{4}-\d{4,}$/,
}

/** At an airport now: the airport list appears, and typing its code picks it (matching reads this code). */
async function chooseAirportByKeyboard(page: Page, words: TWords, label: string): Promise<void> {
  const region = main(page)
  await tabTo(page, region.getByRole('checkbox', { name: words.atAirport }))
  await page.keyboard.press('Space')
  const airport = region.getByRole('button', { name: new RegExp(`${words.airport}$`) })
  await tabTo(page, airport)
  await page.keyboard.press('Enter')
  await page.keyboard.type('YUL')
  await page.keyboard.press('Enter')
  await expect(airport).toHaveText(words.airportChosen)
  await expectAccessible(page, `${label}: needs with an airport`)
}

/** The whole intake with the keyboard alone, checking each step with axe on the way. */
async function completeByKeyboard(page: Page, words: TWords, label: string): Promise<void> {
  const region = main(page)
  await expectStep(page, words.steps[0]!)
  await tabTo(page, region.getByLabel(words.givenNames, { exact: true }))
  await page.keyboard.type(PERSON.given)
  await page.keyboard.press('Tab')
  await page.keyboard.type(PERSON.family)
  await expectAccessible(page, `${label}: person`)
  // Ctrl+Enter: next step. Focus goes to the step's heading; Tab reaches its first field.
  await page.keyboard.press('Control+Enter')
  await expectStep(page, words.steps[1]!)
  await page.keyboard.press('Tab')
  await expect(region.getByLabel(words.phone, { exact: true })).toBeFocused()
  await page.keyboard.type(PERSON.phone)
  await page.keyboard.press('Control+Enter')
  await expectStep(page, words.steps[2]!)
  await page.keyboard.press('Tab')
  const language = region.getByRole('combobox', { name: words.preferredLanguage })
  await expect(language).toBeFocused()
  await page.keyboard.type(words.languageTyped)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(language).toHaveValue(new RegExp(words.languageName, 'i'))
  for (const step of words.steps.slice(3, 8)) {
    await page.keyboard.press('Control+Enter')
    await expectStep(page, step)
    if (step === words.steps[6]) await chooseAirportByKeyboard(page, words, label)
  }
  // The last "Next" is a button this time: Tab to it and press Enter.
  const next = region.getByRole('button', { name: new RegExp(words.steps[8]!) }).last()
  await tabTo(page, next)
  await page.keyboard.press('Enter')
  await expectStep(page, words.steps[8]!)
  await expect(region.getByText(PERSON.family)).toBeVisible()
  await expect(region.getByText(PERSON.phone)).toBeVisible()
  await expectAccessible(page, `${label}: review`)
  await tabTo(page, region.getByRole('button', { name: words.save }))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/survivors\/(?!new)[^/]+$/)
  await expect(page.locator('#app-announcer')).toHaveText(words.saved)
  // …and shown on the case page it lands on, not only announced.
  await expect(page.locator('.ui-notice', { hasText: words.saved })).toBeVisible()
}

test.describe('intake wizard', () => {
  // The machines these run on are shared; axe alone can take seconds per page.
  test.describe.configure({ timeout: 90_000 })

  test('a new caseworker completes an intake with the keyboard alone, in English', async ({
    lockedApp: page,
    bridge,
  }) => {
    await unlockAs(page, CASEWORKER.username, CASEWORKER.passphrase)
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
    await openNewIntake(page)
    await completeByKeyboard(page, EN, 'en')
    const caseId = page.url().split('/').pop()!
    const saved = bridge.services.caseFile.get(caseId)
    expect(saved.person.familyName).toBe(PERSON.family)
    expect(saved.languages.preferred).toBe('ti')
    expect(saved.needs).toMatchObject({ atAirportNow: true, airportCode: 'YUL' })
    // The draft went with the save.
    expect(bridge.services.intake.listDrafts()).toEqual([])
  })

  test('a new caseworker completes an intake with the keyboard alone, in French', async ({
    lockedApp: page,
    bridge,
  }) => {
    await unlockAs(page, CASEWORKER.username, CASEWORKER.passphrase)
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
    // Switch the language with the keyboard too.
    // A radio group: Tab reaches the chosen language, an arrow key moves to the other, Space chooses it.
    await tabTo(page, page.getByRole('radio', { name: 'English' }))
    await page.keyboard.press('ArrowRight')
    await expect(page.getByRole('radio', { name: 'Français' })).toBeFocused()
    await page.keyboard.press('Space')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await openNewIntake(page)
    await completeByKeyboard(page, FR, 'fr')
    const caseId = page.url().split('/').pop()!
    expect(bridge.services.caseFile.get(caseId).person.givenNames).toBe(PERSON.given)
    expect(bridge.services.caseFile.get(caseId).needs.airportCode).toBe('YUL')
  })

  test('Next stops at an answer that needs a second look, says why, and focuses the field', async ({
    app: page,
  }) => {
    await openNewIntake(page)
    const region = main(page)
    await typeDate(page, 'Date of birth', '2099-03-04', region)
    await region.getByRole('button', { name: /^Next: Contact/ }).click()
    const summary = region.getByRole('alert').filter({ hasText: 'Some answers need a second look' })
    await expect(summary).toBeVisible()
    await expect(summary).toContainText('Legal family name: Enter at least one name')
    await expect(summary).toContainText('Date of birth: This date is in the future.')
    await expect(region.getByLabel('Legal family name', { exact: true })).toBeFocused()
    await expectAccessible(page, 'person step with errors')
    // A link in the summary moves focus to its field: the date input's first segment, the year.
    await summary.getByRole('button', { name: /^Date of birth/ }).click()
    const birth = dateField(region, 'Date of birth')
    await expect(birth.getByRole('spinbutton', { name: /^year/i })).toBeFocused()
    await typeDate(page, 'Date of birth', '1985-03-04', region)
    await expect(birth).toContainText('1985-03-04')
    await region.getByLabel('Name in original script', { exact: true }).fill('تجربة')
    await page.keyboard.press('Control+Enter')
    await expectStep(page, 'Contact and safety')
  })
})

test.describe('intake wizard: axe on every step', () => {
  test.describe.configure({ timeout: 90_000 })

  test('contact, languages, location and experiences pass axe (English)', async ({ app: page }) => {
    await openNewIntake(page)
    const steps = page.getByRole('navigation', { name: 'Intake steps' })
    for (const step of ['Contact and safety', 'Languages', 'Status and location']) {
      await steps.getByRole('button', { name: step }).click()
      await expectStep(page, step)
      await expectAccessible(page, `en: ${step}`)
    }
    await steps.getByRole('button', { name: 'Experiences' }).click()
    await main(page).getByRole('button', { name: 'Add an experience' }).click()
    await expect(main(page).getByRole('group', { name: 'Experience 1' })).toBeVisible()
    await expectAccessible(page, 'en: experiences')
  })

  test('adverse parties, needs and consent pass axe (French)', async ({ app: page }) => {
    await page.getByRole('radio', { name: 'Français' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await openNewIntake(page)
    const steps = page.getByRole('navigation', { name: 'Étapes de l’accueil' })
    await steps.getByRole('button', { name: 'Parties adverses' }).click()
    await main(page).getByRole('button', { name: 'Ajouter une partie adverse' }).click()
    await expect(main(page).getByRole('group', { name: 'Partie adverse 1' })).toBeVisible()
    await expectAccessible(page, 'fr: parties adverses')
    await steps.getByRole('button', { name: 'Besoins et urgence' }).click()
    await expectStep(page, 'Besoins et urgence')
    await expectAccessible(page, 'fr: besoins')
    await steps.getByRole('button', { name: 'Consentement' }).click()
    await main(page).getByText('Donné', { exact: true }).first().click()
    await expect(
      dateField(main(page), 'Date donnée')
        .first()
        .getByRole('spinbutton', { name: /^année/i }),
    ).toHaveAttribute('aria-valuenow', /^\d{4}$/)
    await expectAccessible(page, 'fr: consentement')
  })
})
