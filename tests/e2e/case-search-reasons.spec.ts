import type { Page } from '@playwright/test'
import type { TBridge } from '../../src/main/bridge/server'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import { syntheticImportRows } from '#test-support/synthetic'
import { expect, expectAccessible, test } from './fixtures'

/** Invented people (never real), one per script the search has to bridge, each with something else to find. */
const PEOPLE = [
  {
    givenNames: 'Yousef',
    familyName: 'Khaddour',
    originalScriptName: 'يوسف خدور',
    aliases: ['Youssef Al-Khaddour'],
    city: 'Montréal',
    notes: '',
  },
  {
    givenNames: 'Oksana',
    familyName: 'Dmytrenko',
    originalScriptName: 'Оксана Дмитренко',
    aliases: [],
    city: 'Winnipeg',
    notes: '',
  },
  {
    givenNames: 'Tesfaye',
    familyName: 'Gebremariam',
    originalScriptName: 'ተስፋዬ ገብረማርያም',
    aliases: [],
    city: 'Calgary',
    notes: '',
  },
  {
    givenNames: 'Teodora',
    familyName: 'Vasquelin',
    originalScriptName: '',
    aliases: ['Dora Vasquelinne'],
    city: 'Sainte-Foy-Lumière',
    notes: 'Prefers afternoon calls (synthetic note marker lanternfish)',
  },
] as const

/** Synthetic cases around the four, so each search has others to rank below or leave out. */
function seed(bridge: TBridge): string[] {
  const rows = syntheticImportRows(40, 42)
  const people = PEOPLE.map((person, index) => {
    const intake = emptyIntake(new Date().toISOString().slice(0, 10))
    intake.person.givenNames = person.givenNames
    intake.person.familyName = person.familyName
    intake.person.originalScriptName = person.originalScriptName
    intake.person.aliases = [...person.aliases]
    intake.location.city = person.city
    intake.meta.notes = person.notes
    return { line: rows.length + 2 + index, intake }
  })
  return bridge.services.caseTransfer
    .importIntakes([...rows, ...people], { dryRun: false })
    .references.slice(-4)
}

const searchBox = (page: Page, name: string) => page.getByRole('searchbox', { name })
const rowOf = (page: Page, reference: string) =>
  page.getByRole('grid').locator('tbody [role="row"]').filter({ hasText: reference })

test.describe('Survivors › why a search found each case', () => {
  test('variant spellings in Latin, Arabic, Cyrillic and Ethiopic letters find the person, and the row says why (EN, FR)', async ({
    app,
    bridge,
  }) => {
    test.setTimeout(180_000) // four accessibility scans under a shared machine's load
    const [yousef = '', oksana = '', tesfaye = '', teodora = ''] = seed(bridge)
    await app.goto(app.url().replace(/#.*$/, '') + '#/survivors')
    await expect(app.getByRole('heading', { level: 1, name: 'Survivors' })).toBeVisible()
    const box = searchBox(app, 'Search')

    // Each search, then (below) typed key by key and ArrowDown to the first result, as a caseworker would.
    const expectations: [string, string, string][] = [
      ['Yusef Hadour', yousef, 'name, spelled otherwise'],
      ['يوسف', yousef, 'name in Arabic script'],
      ['Дмитренко', oksana, 'name in Cyrillic script'],
      ['Oksanna Dmitrenko', oksana, 'name in Cyrillic script, spelled otherwise'],
      ['ተስፋዬ', tesfaye, 'name in Ethiopic script'],
      ['Vasquelinne', teodora, 'alias “Dora Vasquelinne”'],
      ['lanternfish', teodora, 'in a note'],
      ['Lumiere', teodora, 'city: Sainte-Foy-Lumière'],
    ]
    for (const [search, reference, why] of expectations) {
      await box.fill(search)
      const row = rowOf(app, reference)
      await expect(row, search).toContainText(why)
      await expect(row.locator('.case-grid__why'), search).toContainText(`Found by: ${why}`)
    }
    // The note's text never reaches the list: only that the word is in a note.
    await expect(rowOf(app, teodora)).not.toContainText('afternoon')
    await box.fill('')
    await box.pressSequentially('Yusef Hadour')
    await expect(rowOf(app, yousef)).toContainText('name, spelled otherwise')
    await box.press('ArrowDown')
    await expect(rowOf(app, yousef)).toBeFocused()
    await expectAccessible(app, 'case list, reasons (en)')

    await app.getByRole('radio', { name: 'Français' }).click()
    const boite = searchBox(app, 'Rechercher')
    const attendus: [string, string, string][] = [
      ['Юсеф Хаддур', yousef, 'nom, autre graphie'],
      ['يوسف خدور', yousef, 'nom en écriture arabe'],
      ['Дмитренко', oksana, 'nom en écriture cyrillique'],
      ['ተስፋዬ', tesfaye, 'nom en écriture éthiopienne'],
      ['Vasquelinne', teodora, 'alias « Dora Vasquelinne »'],
      ['lanternfish', teodora, 'dans une note'],
      ['Lumiere', teodora, 'ville : Sainte-Foy-Lumière'],
    ]
    for (const [search, reference, why] of attendus) {
      await boite.fill(search)
      await expect(rowOf(app, reference), search).toContainText(why)
    }
    await boite.press('ArrowDown')
    await expect(rowOf(app, teodora)).toBeFocused()
    await expectAccessible(app, 'case list, reasons (fr)')
  })
})
