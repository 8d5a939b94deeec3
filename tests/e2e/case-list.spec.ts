import type { Page } from '@playwright/test'
import type { TBridge } from '../../src/main/bridge/server'
import { emptyIntake, type TIntake } from '../../src/shared/cases/intake-schema'
import { SEARCH_COUNT_CAP } from '../../src/shared/contract/cases'
import { syntheticImportRows } from '#test-support/synthetic'
import { ADMIN, expect, expectAccessible, test } from './fixtures'

/** Invented people (never real): spellings chosen so the search has to bridge transliterations and typos. */
const KNOWN = {
  detained: { givenNames: 'Yousef', familyName: 'Khaddour', originalScriptName: 'يوسف خدور' },
  calm: { givenNames: 'Teodora', familyName: 'Vasquelin', originalScriptName: '' },
}

function knownIntake(
  person: (typeof KNOWN)[keyof typeof KNOWN],
  changes: (intake: TIntake) => void,
): TIntake {
  const intake = emptyIntake(new Date().toISOString().slice(0, 10))
  intake.person.givenNames = person.givenNames
  intake.person.familyName = person.familyName
  intake.person.originalScriptName = person.originalScriptName
  changes(intake)
  return intake
}

type TSeeded = {
  total: number
  detained: { id: string; reference: string }
  calm: { id: string; reference: string }
}

/** Synthetic cases plus two known ones, through the real import path of the case service. */
function seedCases(bridge: TBridge, syntheticCount: number): TSeeded {
  const { caseTransfer, caseList } = bridge.services
  const rows = syntheticImportRows(syntheticCount, 42)
  const detainedIntake = knownIntake(KNOWN.detained, (intake) => {
    intake.needs.detained = 'yes'
    intake.needs.needs = ['detention_review']
    intake.languages.preferred = 'ar'
    intake.location.province = 'QC'
  })
  const calmIntake = knownIntake(KNOWN.calm, (intake) => {
    intake.needs.needs = ['family_reunification']
    intake.languages.preferred = 'es'
    intake.location.province = 'NS'
    intake.person.preferredName = 'Teo'
    intake.meta.notes = 'Prefers afternoon calls (synthetic note marker lanternfish)'
  })
  const { references } = caseTransfer.importIntakes(
    [
      ...rows,
      { line: rows.length + 2, intake: detainedIntake },
      { line: rows.length + 3, intake: calmIntake },
    ],
    { dryRun: false },
  )
  const find = (reference: string) => {
    const row = caseList
      .list({ search: reference })
      .rows.find((candidate) => candidate.reference === reference)
    if (row === undefined) throw new Error(`seeded case ${reference} not listed`)
    return { id: row.id, reference }
  }
  return {
    total: references.length,
    detained: find(references.at(-2) ?? ''),
    calm: find(references.at(-1) ?? ''),
  }
}

async function openCaseList(page: Page, query = ''): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + `#/survivors${query}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Survivors' })).toBeVisible()
}

const grid = (page: Page) => page.getByRole('grid')
const bodyRows = (page: Page) => grid(page).locator('tbody [role="row"]')
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search' })
/** "1,234 cases" above the grid (the same words are announced through the app's polite live region). */
const count = (page: Page) => page.locator('#case-list-count')

/** The text of one column in the rendered body rows, top to bottom, once the newest query has answered. */
async function columnTexts(page: Page, column: number): Promise<string[]> {
  await expect(grid(page)).not.toHaveAttribute('aria-busy', 'true')
  return bodyRows(page).evaluateAll(
    (rows, index) =>
      rows
        .sort(
          (left, right) =>
            Number(left.getAttribute('aria-rowindex')) - Number(right.getAttribute('aria-rowindex')),
        )
        .map((row) => row.children[index]?.textContent?.trim() ?? ''),
    column,
  )
}

async function choose(page: Page, field: RegExp, option: string): Promise<void> {
  await page.getByRole('button', { name: field }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
  await expect(page.getByRole('listbox')).toBeHidden()
}

test.describe('Survivors › case list', () => {
  test('lists seeded cases urgent first, with reference, status and urgency in words', async ({
    app,
    bridge,
  }) => {
    const seeded = seedCases(bridge, 80)
    await openCaseList(app)
    await expect(count(app)).toHaveText(`${seeded.total} cases`)
    await expect(grid(app)).toHaveAttribute('aria-rowcount', String(seeded.total + 1))
    await expect(app.getByRole('columnheader')).toHaveText([
      'Reference',
      'Name',
      'Status',
      'Urgency',
      'Prov.',
      'Language',
      'Needs',
      'Caseworker',
      'Updated',
    ])

    // Urgent rows (said in words) come before every calm one.
    const urgency = await columnTexts(app, 3)
    expect(urgency[0]).not.toContain('Not urgent')
    const firstCalm = urgency.findIndex((text) => text.includes('Not urgent'))
    expect(firstCalm).toBeGreaterThan(0)
    expect(urgency.slice(firstCalm).every((text) => text.includes('Not urgent'))).toBe(true)

    // The detained person is among the urgent rows, named with their reference and a link to the case.
    const detainedRow = bodyRows(app).filter({ hasText: seeded.detained.reference })
    await expect(detainedRow).toContainText('Yousef Khaddour')
    await expect(detainedRow).toContainText('Detained')
    await expect(detainedRow).toContainText('New')
    await expect(detainedRow).toContainText('Arabic')
    await expect(detainedRow).toContainText('Quebec')
    await expect(detainedRow).toContainText('Unassigned')
    expect(Number(await detainedRow.getAttribute('aria-rowindex')) - 1).toBeLessThanOrEqual(firstCalm)
    await expect(detainedRow.getByRole('link', { name: 'Yousef Khaddour' })).toHaveAttribute(
      'href',
      `#/survivors/${seeded.detained.id}`,
    )
    await app.screenshot({ path: test.info().outputPath('case-list.png') })

    // At 1280×720 the grid keeps about ten rows in view, and nothing in a row is cut to an ellipsis.
    const scroller = app.locator('.case-grid__scroll')
    expect((await scroller.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(10 * 48 + 40)
    const cut = await bodyRows(app).evaluateAll((rows) =>
      rows
        .slice(0, 10)
        .flatMap((row) => [
          ...row.querySelectorAll<HTMLElement>('.case-grid__link, .case-grid__wrap, th, td'),
        ])
        .filter(
          (cell) => cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1,
        )
        .map((cell) => cell.textContent),
    )
    expect(cut).toEqual([])
    await expect(app.getByRole('columnheader', { name: 'Province' })).toHaveAttribute('title', 'Province')
  })

  test('search finds a misspelled or transliterated name, a reference and a note; the URL keeps it', async ({
    app,
    bridge,
  }) => {
    const seeded = seedCases(bridge, 60)
    await openCaseList(app)
    await expect(count(app)).toHaveText(`${seeded.total} cases`)

    await searchBox(app).fill('Youssef Kadour')
    await expect(bodyRows(app).first()).toContainText(seeded.detained.reference)
    await expect(bodyRows(app).first()).toContainText('Yousef Khaddour')
    await expect(app).toHaveURL(/[?&]q=Youssef(\+|%20)Kadour/)
    // Announced politely, not only shown.
    await expect(app.locator('#app-announcer')).toHaveText(/^\d+ cases?$/)

    // A reload keeps the query (the URL holds it), and so does Back after opening the case.
    await app.reload()
    await expect(searchBox(app)).toHaveValue('Youssef Kadour')
    await expect(bodyRows(app).first()).toContainText(seeded.detained.reference)
    // By keyboard: ArrowDown goes from the search box to the first result, Enter opens it, and focus lands on
    // the case's title (not on <body>).
    await searchBox(app).press('ArrowDown')
    await expect(bodyRows(app).first()).toBeFocused()
    await app.keyboard.press('Enter')
    await expect(app).toHaveURL(new RegExp(`#/survivors/${seeded.detained.id}$`))
    await expect(app.getByRole('heading', { level: 1, name: /Yousef Khaddour/ })).toBeFocused()
    await app.goBack()
    await expect(searchBox(app)).toHaveValue('Youssef Kadour')
    await expect(bodyRows(app).first()).toContainText(seeded.detained.reference)

    await searchBox(app).fill('يوسف')
    await expect(bodyRows(app).first()).toContainText(seeded.detained.reference)

    await searchBox(app).fill(seeded.calm.reference)
    // The full name, with the preferred one after it, so two people called Teo can be told apart.
    await expect(bodyRows(app).first()).toContainText('Teodora Vasquelin (Teo)')
    // Names and searches in any script read in their own direction.
    await expect(searchBox(app)).toHaveAttribute('dir', 'auto')

    await searchBox(app).fill('lanternfish')
    await expect(count(app)).toHaveText('1 case')
    await expect(bodyRows(app)).toHaveCount(1)
    await expect(bodyRows(app).first()).toContainText(seeded.calm.reference)
  })

  test('finds a person by the spellings the duplicate check accepts, in Latin, Cyrillic and Arabic letters', async ({
    app,
    bridge,
  }) => {
    test.setTimeout(150_000) // two accessibility scans
    const seeded = seedCases(bridge, 60)
    await openCaseList(app)
    await expect(count(app)).toHaveText(`${seeded.total} cases`)
    for (const search of ['Yusef Hadour', 'Khadur Yosef', 'Юсеф Хаддур', 'يوسف خدور']) {
      await searchBox(app).fill(search)
      await expect(bodyRows(app).first(), search).toContainText(seeded.detained.reference)
    }
    // The row names the person as the case does; a note of the name that matched appears only when that
    // name is not the one shown (an alias, the legal name behind a preferred one: see similar-names.test.ts).
    await searchBox(app).fill('Yusef Hadour')
    await expect(bodyRows(app).first()).toContainText('Yousef Khaddour')
    await expect(bodyRows(app).first()).toContainText('name, spelled otherwise')
    await expectAccessible(app, 'case list, similar-name result (en)')
    // Nonsense finds nothing.
    await searchBox(app).fill('wmycoi')
    await expect(app.getByRole('heading', { name: 'No cases match this search' })).toBeVisible()
    await app.getByRole('radio', { name: 'Français' }).click()
    await app.getByRole('searchbox', { name: 'Rechercher' }).fill('Юсеф Хаддур')
    await expect(bodyRows(app).first()).toContainText(seeded.detained.reference)
    await expectAccessible(app, 'case list, similar-name result (fr)')
  })

  test('a search matching more than 1,000 cases says "more than 1,000", in English and in French', async ({
    app,
    bridge,
  }) => {
    test.setTimeout(120_000)
    // 1,002 invented people whose intake notes share one word, and one more without it.
    const today = new Date().toISOString().slice(0, 10)
    const rows = Array.from({ length: SEARCH_COUNT_CAP + 2 }, (_, index) => {
      const intake = emptyIntake(today)
      intake.person.givenNames = 'Sample'
      intake.person.familyName = `Capcount${index}-Example`
      intake.meta.notes = 'Synthetic note marker quillwort'
      return { line: index + 2, intake }
    })
    const other = emptyIntake(today)
    other.person.givenNames = 'Oriel'
    other.person.familyName = 'Pennyworth'
    rows.push({ line: rows.length + 2, intake: other })
    bridge.services.caseTransfer.importIntakes(rows, { dryRun: false })
    await openCaseList(app)
    await searchBox(app).focus()
    await app.keyboard.type('quillwort')
    await expect(count(app)).toHaveText('More than 1,000 cases: the first 1,000 are listed')
    // The grid scrolls through the first 1,000 (plus its header row), not a wrong exact number.
    await expect(grid(app)).toHaveAttribute('aria-rowcount', String(SEARCH_COUNT_CAP + 1))
    await expect(app.locator('#app-announcer')).toHaveText(
      'More than 1,000 cases: the first 1,000 are listed',
    )
    await expectAccessible(app, 'case list, more than 1,000 results (en)')
    // A narrower search gives its exact count again.
    await searchBox(app).fill('Pennyworth')
    await expect(count(app)).toHaveText('1 case')

    await app.getByRole('radio', { name: 'Français' }).click()
    await app.getByRole('searchbox', { name: 'Rechercher' }).fill('quillwort')
    await expect(count(app)).toHaveText(/^Plus de 1\s000 dossiers\u00a0: les 1\s000 premiers sont affichés$/)
    await expectAccessible(app, 'case list, more than 1,000 results (fr)')
  })

  test('filters narrow the list, the caseworker filter knows "Unassigned", and Clear filters restores it', async ({
    app,
    bridge,
  }) => {
    const seeded = seedCases(bridge, 60)
    const { vault, caseFile } = bridge.services
    const admin = vault.currentStaff()
    if (admin === null) throw new Error('not unlocked')
    caseFile.assign({ caseId: seeded.calm.id, accountId: admin.accountId })
    caseFile.changeStatus({ caseId: seeded.calm.id, to: 'screening', reason: '' })
    await openCaseList(app)
    await expect(count(app)).toHaveText(`${seeded.total} cases`)

    await choose(app, /Province$/, 'Nova Scotia')
    await expect(app).toHaveURL(/province=NS/)
    // Stale rows stay until the new query answers: read the rows once the count has changed.
    await expect(count(app)).not.toHaveText(`${seeded.total} cases`)
    const provinces = await columnTexts(app, 4)
    expect(provinces.length).toBeGreaterThan(0)
    const inNovaScotia = Number(/\d+/.exec((await count(app).textContent()) ?? '')?.[0])
    expect(provinces.every((text) => text.startsWith('NS'))).toBe(true)

    await choose(app, /Caseworker$/, ADMIN.displayName)
    await expect(count(app)).toHaveText('1 case')
    await expect(bodyRows(app).first()).toContainText('Teodora Vasquelin')
    await expect(bodyRows(app).first()).toContainText('Screening')

    await choose(app, /Caseworker$/, 'Unassigned')
    // Rows outside the scrolled window are not in the DOM, so a missing row proves nothing: the count does. The
    // province filter still holds: every Nova Scotia case but the one assigned.
    const unassigned = inNovaScotia - 1
    await expect(count(app)).toHaveText(`${unassigned} ${unassigned === 1 ? 'case' : 'cases'}`)

    await choose(app, /Caseworker$/, 'Anyone')
    await choose(app, /Province$/, 'All provinces')
    // Several statuses at once.
    await app.getByRole('button', { name: /Status$/ }).click()
    await app.getByRole('option', { name: 'Screening' }).click()
    await app.keyboard.press('Escape')
    await expect(count(app)).toHaveText('1 case')
    await app.getByRole('button', { name: /Status$/ }).click()
    await app.getByRole('option', { name: 'New' }).click()
    await app.keyboard.press('Escape')
    await expect(count(app)).toHaveText(`${seeded.total} cases`)
    await expect(app).toHaveURL(/status=new%2Cscreening|status=new,screening/)

    await choose(app, /Urgency$/, 'Urgent')
    // The previous rows stay on screen (dimmed) while the new query loads: wait for the new count first.
    await expect(count(app)).not.toHaveText(`${seeded.total} cases`)
    const urgency = await columnTexts(app, 3)
    expect(urgency.length).toBeGreaterThan(0)
    expect(urgency.some((text) => text.includes('Not urgent'))).toBe(false)

    await app.getByRole('button', { name: 'Clear filters' }).click()
    await expect(count(app)).toHaveText(`${seeded.total} cases`)
    await expect(app).toHaveURL(/#\/survivors$/)
    await expect(app.getByRole('button', { name: 'Clear filters' })).toBeDisabled()
  })

  test('keyboard: Tab into the list, arrows, Page Down, Home and End move between rows, Enter opens', async ({
    app,
    bridge,
  }) => {
    const seeded = seedCases(bridge, 300)
    await openCaseList(app)
    await expect(count(app)).toHaveText(`${seeded.total} cases`)
    await searchBox(app).focus()
    const focusedRowIndex = () =>
      app.evaluate(() => document.activeElement?.getAttribute('aria-rowindex') ?? null)
    for (let presses = 0; presses < 12 && (await focusedRowIndex()) === null; presses++) {
      await app.keyboard.press('Tab')
    }
    expect(await focusedRowIndex()).toBe('2')
    const focused = app.locator('tbody [role="row"]:focus')
    // Focus is visible: the row draws an outline.
    expect(await focused.evaluate((row) => getComputedStyle(row).outlineStyle)).not.toBe('none')

    await app.keyboard.press('ArrowDown')
    await app.keyboard.press('ArrowDown')
    expect(await focusedRowIndex()).toBe('4')
    await app.keyboard.press('ArrowUp')
    expect(await focusedRowIndex()).toBe('3')
    await app.keyboard.press('PageDown')
    // A page is a screenful less one row.
    expect(Number(await focusedRowIndex())).toBeGreaterThan(4)
    await app.keyboard.press('End')
    await expect(focused).toHaveAttribute('aria-rowindex', String(seeded.total + 1))
    await expect(focused).not.toContainText('Loading')
    await expect(focused).toBeInViewport()
    await app.keyboard.press('Home')
    await expect(focused).toHaveAttribute('aria-rowindex', '2')
    await app.keyboard.press('ArrowDown')
    const reference = (await focused.locator('td').first().textContent()) ?? ''
    expect(reference).toMatch(/^CCIJ-\d{4}-\d{4,}$/)
    const href = await focused.getByRole('link').getAttribute('href')

    // Tab leaves the list in one step, Shift+Tab returns to the same row.
    await app.keyboard.press('Tab')
    expect(await focusedRowIndex()).toBeNull()
    await app.keyboard.press('Shift+Tab')
    expect(await focusedRowIndex()).toBe('3')

    await app.keyboard.press('Enter')
    await expect(app).toHaveURL(new RegExp(`${href}$`))
  })

  test('scrolling far down loads later rows as they come into view', async ({ app, bridge }) => {
    const seeded = seedCases(bridge, 1200)
    await openCaseList(app)
    await expect(count(app)).toHaveText(`${seeded.total.toLocaleString('en-CA')} cases`)
    const scroller = app.locator('.case-grid__scroll')
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    // The grid's own end may sit below the window's fold on a short screen: bring it up.
    await app.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight }))
    const last = grid(app).locator(`[aria-rowindex="${seeded.total + 1}"]`)
    await expect(last).toBeInViewport()
    await expect(last.locator('td').first()).toHaveText(/^CCIJ-\d{4}-\d{4,}$/)
    // Only a window of rows is in the DOM, not all of them.
    expect(await bodyRows(app).count()).toBeLessThan(80)

    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }))
    const middle = bodyRows(app).nth(10)
    await expect(middle.locator('td').first()).toHaveText(/^CCIJ-\d{4}-\d{4,}$/)
  })

  test('has no serious accessibility violations, in English and in French', async ({ app, bridge }) => {
    // Four axe runs over a full page.
    test.setTimeout(120_000)
    const seeded = seedCases(bridge, 40)
    await openCaseList(app)
    await expect(bodyRows(app).first()).toContainText('CCIJ-')
    await expectAccessible(app, 'case list (EN)')

    await app.getByRole('button', { name: /Status$/ }).click()
    await expect(app.getByRole('listbox')).toBeVisible()
    await expectAccessible(app, 'case list, status filter open (EN)')
    await app.keyboard.press('Escape')

    await app.getByRole('radio', { name: 'Français' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Personnes survivantes' })).toBeVisible()
    await expect(count(app)).toHaveText(`${seeded.total} dossiers`)
    await expect(app.getByRole('columnheader', { name: 'Référence' })).toBeVisible()
    await expectAccessible(app, 'case list (FR)')
    await app.screenshot({ path: test.info().outputPath('case-list-fr.png') })

    await app.getByRole('searchbox', { name: 'Rechercher' }).fill('9876543210')
    await expect(app.getByRole('heading', { name: 'Aucun dossier ne correspond' })).toBeVisible()
    await expectAccessible(app, 'case list, no results (FR)')
  })

  test('empty vault: says there are no cases yet and offers a new intake; no results offers to clear', async ({
    app,
    bridge,
  }) => {
    await openCaseList(app)
    await expect(app.getByRole('heading', { name: 'No cases yet' })).toBeVisible()
    await expect(app.getByRole('grid')).toHaveCount(0)
    await expect(app.getByRole('searchbox')).toHaveCount(0)
    await expectAccessible(app, 'case list, empty')
    await app.screenshot({ path: test.info().outputPath('case-list-empty.png') })
    const newIntake = app.getByRole('main').getByRole('link', { name: 'New intake' })
    await expect(newIntake).toHaveCount(2)
    for (const link of await newIntake.all()) await expect(link).toHaveAttribute('href', '#/survivors/new')

    const seeded = seedCases(bridge, 5)
    await openCaseList(app, '?q=9876543210')
    await expect(app.getByRole('heading', { name: 'No cases match this search' })).toBeVisible()
    await expect(count(app)).toHaveText('0 cases')
    await expect(searchBox(app)).toHaveValue('9876543210')
    await expectAccessible(app, 'case list, no results')
    await app.getByRole('main').getByRole('button', { name: 'Clear search' }).click()
    await expect(count(app)).toHaveText(`${seeded.total} cases`)
    await expect(searchBox(app)).toHaveValue('')

    // Filters alone: the message names the filters, not a search.
    await openCaseList(app, '?province=YT&urgency=urgent')
    await expect(app.getByRole('heading', { name: 'No cases match these filters' })).toBeVisible()
    await expect(count(app)).toHaveText('0 cases')
    await app.getByRole('main').getByRole('button', { name: 'Clear filters' }).last().click()
    await expect(count(app)).toHaveText(`${seeded.total} cases`)

    await app.getByRole('main').getByRole('link', { name: 'New intake' }).click()
    await expect(app).toHaveURL(/#\/survivors\/new$/)
  })
})
