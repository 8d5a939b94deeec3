import type { Page } from '@playwright/test'
import { expect, expectAccessible, test } from './fixtures'
import { main, openNewIntake } from './intake-helpers'
import { typeDate } from './dates'

const DATE_OF_BIRTH = '1980-05-17'

/** Types the names and date of birth, goes to the review and presses Save. */
async function enterAndSave(
  page: Page,
  names: { given?: string; family?: string; originalScript?: string },
): Promise<void> {
  await openNewIntake(page)
  const region = main(page)
  if (names.given) await region.getByLabel('Legal given names', { exact: true }).fill(names.given)
  if (names.family) await region.getByLabel('Legal family name', { exact: true }).fill(names.family)
  if (names.originalScript) {
    await region.getByLabel('Name in original script', { exact: true }).fill(names.originalScript)
  }
  await typeDate(page, 'Date of birth', DATE_OF_BIRTH, region)
  await page
    .getByRole('navigation', { name: 'Intake steps' })
    .getByRole('button', { name: 'Review and save' })
    .click()
  await region.getByRole('button', { name: 'Save intake' }).click()
}

test.describe('the duplicate check', () => {
  test.describe.configure({ timeout: 90_000 })

  test('three spellings of one name with the same date of birth are offered as the same person', async ({
    app: page,
    bridge,
  }) => {
    // The first case, by intake: nothing to compare with, so it is saved at once.
    await enterAndSave(page, { given: 'Mohammed', family: 'Al-Hassan' })
    await expect(page).toHaveURL(/#\/survivors\/(?!new)[^/]+$/)
    const firstCaseId = page.url().split('/').pop()!
    const reference = bridge.services.caseFile.get(firstCaseId).reference
    await expect(page.locator('#app-announcer')).toHaveText(`Saved as ${reference}`)

    // The second spelling: the side-by-side shows the first case.
    await enterAndSave(page, { given: 'Muhammad', family: 'Alhasan' })
    const region = main(page)
    await expect(
      region.getByRole('heading', { level: 2, name: 'Is this someone CCIJ already knows?' }),
    ).toBeFocused()
    const candidate = region.getByRole('article', { name: new RegExp(reference) })
    await expect(candidate).toBeVisible()
    await expect(candidate.getByText('Very likely the same person')).toBeVisible()
    await expect(candidate.getByText('Same date of birth')).toBeVisible()
    const table = candidate.getByRole('table', { name: `This intake compared with ${reference}` })
    await expect(table.getByRole('row', { name: /Names/ })).toContainText('Muhammad Alhasan')
    await expect(table.getByRole('row', { name: /Names/ })).toContainText('Mohammed Al-Hassan')
    await expect(table.getByRole('row', { name: /Date of birth/ })).toContainText(
      new RegExp(`${DATE_OF_BIRTH}.*${DATE_OF_BIRTH}`),
    )
    await expectAccessible(page, 'duplicate comparison (en)')
    await candidate.getByRole('button', { name: `Same person — add this intake to ${reference}` }).click()
    // The answer: the intake joined the first case, no new case was made.
    await expect(page).toHaveURL(new RegExp(`#/survivors/${firstCaseId}$`))
    await expect(page.locator('#app-announcer')).toHaveText(`Intake added to ${reference}`)
    expect(bridge.services.caseFile.get(firstCaseId).intakes).toHaveLength(2)
    expect(bridge.services.caseList.list({}).total).toBe(1)

    // The name in Arabic script, in French this time.
    await page.getByRole('radio', { name: 'Français' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await openNewIntake(page)
    await region.getByLabel('Nom dans l’écriture d’origine', { exact: true }).fill('محمد الحسن')
    await typeDate(page, 'Date de naissance', DATE_OF_BIRTH, region)
    await page
      .getByRole('navigation', { name: 'Étapes de l’accueil' })
      .getByRole('button', { name: 'Vérifier et enregistrer' })
      .click()
    await region.getByRole('button', { name: 'Enregistrer l’accueil' }).click()
    const again = region.getByRole('article', { name: new RegExp(reference) })
    await expect(again).toBeVisible()
    await expect(again.getByText('Très probablement la même personne')).toBeVisible()
    await expectAccessible(page, 'duplicate comparison (fr)')
    await region.getByRole('button', { name: 'Aucun de ceux-ci — c’est une autre personne' }).click()
    await expect(page).toHaveURL(/#\/survivors\/(?!new)[^/]+$/)
    expect(page.url().split('/').pop()).not.toBe(firstCaseId)
    expect(bridge.services.caseList.list({}).total).toBe(2)
  })
})
