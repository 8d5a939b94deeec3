import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import { exportCasesFile } from '../../src/main/core/cases/json/cases-file-transfer'
import { createTestVault } from '#test-support/vault-fixtures'
import { CASEWORKER, expectAccessible, expect, test } from './fixtures'

/* Synthetic, obviously invented people only. Test files live in a temp folder removed after each test. */

const GOOD = [
  'reference,Surname,First name,DOB,Province,Language,Needs,Phone,Narrative,Notes',
  'CCIJ-2025-0901,Invented-Quill,Test,1981-07-07,ON,ar,refugee_claim,+1 416 555 0142,"Canary-E2E-5b1c\nsecond line",=1+1',
  ',Invented-Sparrow,Test,,QC,fr,"detention_review; removal_prra",,,@not-a-formula',
].join('\n')

const BAD = [
  'family_name,date_of_birth,province,gender',
  'Invented-Fine,1980-01-01,ON,woman',
  'Invented-Wrong,1980-02-31,ON,woman',
  'Invented-Fine,,,',
  'Invented-Wrong,,ZZ,robot',
].join('\n')

let folder: string
test.beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ccij-e2e-csv-'))
})
test.afterEach(() => rmSync(folder, { recursive: true, force: true }))

function csvFile(name: string, text: string): string {
  const path = join(folder, name)
  writeFileSync(path, text, { mode: 0o600 })
  return path
}

async function chooseFile(page: Page, buttonName: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: buttonName }).click()
  await (await chooser).setFiles(path)
}

async function openTab(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/#/admin/import-export`)
  await expect(page.getByRole('heading', { level: 2, name: 'Import and export intakes' })).toBeVisible()
}

test.describe('Admin › Import & export', () => {
  // Several round trips and axe runs each; on a busy machine they take longer than the default minute.
  test.slow()

  test('a good file is checked first, then imported; the export neutralizes formula cells', async ({
    app,
    bridge,
  }) => {
    await openTab(app, bridge.origin)
    await expect(app.getByRole('link', { name: 'Import & export' })).toHaveAttribute('aria-current', 'page')
    await expect(app.getByText('The exported file is not encrypted')).toBeVisible()
    await expectAccessible(app, 'import & export (en)')

    await chooseFile(app, 'Choose a CSV file…', csvFile('good.csv', `\uFEFF${GOOD}`))
    const ready = app.locator('.admin-result').filter({ hasText: 'Ready to import' })
    await expect(ready).toBeFocused()
    await expect(ready).toContainText('good.csv: 2 rows are ready to import. Nothing has been stored yet.')
    // The rows as the app read them, before anything is stored: the headers found their columns.
    const preview = app.getByRole('table', { name: /The first 2 rows as the app read them/ })
    await expect(preview.getByRole('row')).toHaveText([
      'LineNamesDate of birthProvince · country of originLegal needsIntake date',
      /^2Test Invented-Quill \(CCIJ-2025-0901\)Jul 7, 1981OntarioRefugee claim/,
      /^4Test Invented-Sparrow—QuebecDetention review, Removal/,
    ])
    expect(bridge.services.caseList.list({}).total).toBe(0)
    await expectAccessible(app, 'import ready (en)')

    await app.getByRole('button', { name: 'Import 2 rows' }).click()
    const done = app.locator('.admin-result').filter({ hasText: 'Import complete' })
    await expect(done).toBeFocused()
    await expect(done).toContainText('2 cases were created from good.csv.')
    expect(bridge.services.caseList.list({}).total).toBe(2)
    // Each case created is a link to it.
    const created = app.getByRole('region', { name: 'Cases created' }).getByRole('link')
    await expect(created).toHaveCount(2)
    await expect(created.first()).toHaveText('CCIJ-2025-0901')
    await expectAccessible(app, 'import complete (en)')
    const imported = bridge.services.audit.list({ action: 'import' }).entries
    expect(imported).toHaveLength(1)
    expect(JSON.stringify(imported)).not.toMatch(/Invented|Canary/)

    await app.getByRole('button', { name: 'Export all intakes…' }).click()
    const saved = app.locator('.admin-result').filter({ hasText: 'Export saved' })
    await expect(saved).toBeFocused()
    const exportsFolder = join(bridge.services.options.dataDirectory, 'exports')
    const [fileName, ...others] = readdirSync(exportsFolder)
    expect(others).toEqual([])
    expect(fileName).toMatch(/^ccij-intakes-.*\.csv$/)
    // Base name only: never the folder.
    await expect(saved).toContainText(
      `2 cases were saved to ${fileName}. Remember that this file is not encrypted.`,
    )
    await expect(saved).not.toContainText(exportsFolder)
    await expectAccessible(app, 'export saved (en)')

    const text = readFileSync(join(exportsFolder, fileName ?? ''), 'utf8')
    expect(text.startsWith('\uFEFF"reference","family_name"')).toBe(true)
    expect(text).toContain('"CCIJ-2025-0901","Invented-Quill","Test"')
    expect(text).toContain(`"'=1+1"`)
    expect(text).toContain(`"'@not-a-formula"`)
    expect(text).toContain(`"'+1 416 555 0142"`)
    // Every cell is quoted, and none starts like a formula.
    const cells = [...text.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1] ?? '')
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([])
    const exported = bridge.services.audit.list({ action: 'export' }).entries
    expect(exported[0]?.details).toMatchObject({ count: 2, fileName })
    rmSync(exportsFolder, { recursive: true, force: true })
  })

  test('a file with bad rows is refused whole, listing each row and field, in English and French', async ({
    app,
    bridge,
  }) => {
    await openTab(app, bridge.origin)
    await chooseFile(app, 'Choose a CSV file…', csvFile('bad.csv', BAD))
    const refused = app.locator('.admin-result').filter({ hasText: 'The file was refused' })
    await expect(refused).toBeFocused()
    await expect(refused).toContainText('bad.csv has 3 problems. Nothing was imported.')
    const problems = app.getByRole('region', { name: 'Problems in bad.csv' }).getByRole('listitem')
    await expect(problems).toHaveText([
      'Row 3: date_of_birth 1980-02-31 does not exist: February 1980 has 29 days.',
      'Row 5: gender robot is not one of: woman, man, non_binary, self_described, prefer_not_to_say.',
      'Row 5: province ZZ is not a province code (AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, QC, SK, YT).',
    ])
    await expect(app.getByRole('button', { name: /^Import/ })).toHaveCount(0)
    expect(bridge.services.caseList.list({}).total).toBe(0)
    expect(bridge.services.audit.list({ action: 'import' }).entries).toEqual([])
    await expectAccessible(app, 'import refused (en)')

    await app.getByRole('radio', { name: 'Français' }).click()
    await expect(
      app.getByRole('heading', { level: 2, name: 'Importer et exporter des accueils' }),
    ).toBeVisible()
    await expect(app.getByRole('link', { name: 'Importation et exportation' })).toBeVisible()
    await expect(
      app.getByRole('region', { name: 'Problèmes dans bad.csv' }).getByRole('listitem'),
    ).toHaveText([
      'Ligne 3 : date_of_birth 1980-02-31 n’existe pas : février 1980 compte 29 jours.',
      'Ligne 5 : gender robot ne fait pas partie des valeurs permises : woman, man, non_binary, self_described, prefer_not_to_say.',
      'Ligne 5 : province ZZ n’est pas un code de province ou de territoire (AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, QC, SK, YT).',
    ])
    await expect(app.getByText('Le fichier exporté n’est pas chiffré')).toBeVisible()
    await expectAccessible(app, 'import refused (fr)')

    // A corrected file then passes its check.
    await chooseFile(
      app,
      'Choisir un autre fichier…',
      csvFile('fixed.csv', BAD.replace('1980-02-31', '1980-02-28').replace(',ZZ,robot', ',NS,man')),
    )
    await expect(app.locator('.admin-result').filter({ hasText: 'Prêt à importer' })).toContainText(
      'fixed.csv : 4 lignes sont prêtes à être importées.',
    )
    expect(bridge.services.caseList.list({}).total).toBe(0)
  })

  test('a large file is sent in slices with a progress bar, by keyboard, in French and English', async ({
    app,
    bridge,
  }) => {
    // About 3 MB: six slices. Invented people, a long invented story each.
    const story = 'Synthetic narrative for a progress test. '.repeat(12)
    const rows = Array.from(
      { length: 6_000 },
      (_, index) => `Invented-Progress${index},Test,"${story}${index}"`,
    )
    const path = csvFile('large.csv', ['family_name,given_names,narrative', ...rows].join('\r\n'))
    // Each import call waits at a gate until the bar has been seen full: no race with a fast machine.
    let openGate = () => {}
    let gate = Promise.resolve()
    const closeGate = () => (gate = new Promise<void>((resolve) => (openGate = resolve)))
    await app.route(
      (url) => decodeURIComponent(url.pathname).endsWith('/intakeCsv:import'),
      async (route) => {
        await gate
        await route.continue()
      },
    )

    await openTab(app, bridge.origin)
    await app.getByRole('radio', { name: 'Français' }).click()
    const choose = app.getByRole('button', { name: 'Choisir un fichier CSV…' })
    // Enter on the button itself (found again if the language switch re-rendered it), as a keyboard user does.
    const chooser = app.waitForEvent('filechooser')
    await choose.press('Enter')
    closeGate()
    await (await chooser).setFiles(path)
    const bar = app.getByRole('progressbar', { name: 'Vérification de large.csv…' })
    // Six thousand rows are checked as they arrive: on a busy machine that takes a while, so wait long (no timing).
    await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 180_000 })
    await expect(bar).toHaveAttribute('aria-valuetext', /100\s?%/)
    await expectAccessible(app, 'import progress (fr)')
    openGate()
    const ready = app.locator('.admin-result').filter({ hasText: 'Prêt à importer' })
    await expect(ready).toBeFocused()
    await expect(ready).toContainText(/large\.csv\s:\s6[\s\u202f]?000 lignes sont prêtes à être importées\./)
    await expect(bar).toHaveCount(0)

    // The import sends the file again: the bar shows there too, in English.
    await app.getByRole('radio', { name: 'English' }).click()
    closeGate()
    await app.getByRole('button', { name: /^Import 6,?000 rows$/ }).press('Enter')
    const importing = app.getByRole('progressbar', { name: 'Importing large.csv…' })
    await expect(importing).toHaveAttribute('aria-valuenow', '100', { timeout: 180_000 })
    await expectAccessible(app, 'import progress (en)')
    openGate()
    const done = app.locator('.admin-result').filter({ hasText: 'Import complete' })
    // Six thousand cases are written in one transaction: long on a busy machine.
    await expect(done).toBeFocused({ timeout: 180_000 })
    await expect(done).toContainText(/6,?000 cases were created from large\.csv\./)
    expect(bridge.services.caseList.list({}).total).toBe(6_000)
    expect(bridge.services.csvUploads.openCount).toBe(0)
  })

  test('the column guide and the template are in the app, in French too, and the template imports as it is', async ({
    app,
    bridge,
  }) => {
    await openTab(app, bridge.origin)
    await expect(app.getByText(/docs\/intake-csv\.md/)).toHaveCount(0)
    // The export says it is not a complete copy, and names what it leaves out.
    await expect(app.getByText(/^What it leaves out \(it is not a complete copy/)).toContainText(
      'place of detention and airport',
    )
    const guide = app.getByText('The file’s 30 columns')
    await guide.focus()
    await app.keyboard.press('Enter')
    await expect(app.getByRole('row', { name: /^date_of_birth YYYY-MM-DD/ })).toBeVisible()
    await expectAccessible(app, 'import guide (en)')

    await app.getByRole('radio', { name: 'Français' }).click()
    await expect(app.getByRole('row', { name: /^date_de_naissance AAAA-MM-JJ/ })).toBeVisible()
    const download = app.waitForEvent('download')
    await app.getByRole('button', { name: 'Télécharger le modèle (CSV)' }).press('Enter')
    const file = await download
    expect(file.suggestedFilename()).toBe('modele-accueils.csv')
    const path = join(folder, 'modele.csv')
    await file.saveAs(path)
    expect(readFileSync(path, 'utf8')).toMatch(/^\uFEFF"numero_de_dossier","nom_de_famille"/)
    await expectAccessible(app, 'import guide (fr)')

    await chooseFile(app, 'Choisir un fichier CSV…', path)
    await expect(app.locator('.admin-result').filter({ hasText: 'Prêt à importer' })).toContainText(
      'modele.csv : 1 ligne est prête à être importée.',
    )
    await expect(app.getByRole('table', { name: /La première ligne/ }).getByRole('row')).toHaveCount(2)
    expect(bridge.services.caseList.list({}).total).toBe(0)
  })

  test('every case is exported whole to a cases file, by keyboard, with what it holds said in English and French', async ({
    app,
    bridge,
  }) => {
    const intake = emptyIntake('2026-11-02')
    intake.person.familyName = 'Invented-Heron'
    intake.needs.detentionPlace = 'Example Holding Centre'
    bridge.services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] })
    await openTab(app, bridge.origin)
    const card = app.getByRole('region', { name: 'Export every case whole (cases file, JSON)' })
    await expect(card.getByText(/^What the file holds, for each case/)).toContainText(
      'every consent decision, oldest first',
    )
    await expect(card.getByText(/^What it leaves out: staff/)).toContainText(
      'referrals, conflict reviews and packets',
    )
    await expectAccessible(app, 'cases file (en)')

    await app.getByRole('radio', { name: 'Français' }).click()
    const carte = app.getByRole('region', {
      name: 'Exporter tous les dossiers en entier (fichier de dossiers, JSON)',
    })
    await expect(carte.getByText('Le fichier de dossiers n’est pas chiffré')).toBeVisible()
    await expect(carte.getByText(/^Ce qu’il laisse de côté\s: le personnel/)).toBeVisible()
    const button = app.getByRole('button', { name: 'Exporter tous les dossiers en entier…' })
    await button.focus()
    await app.keyboard.press('Enter')
    const saved = app.locator('.admin-result').filter({ hasText: 'Fichier de dossiers enregistré' })
    await expect(saved).toBeFocused()
    const exportsFolder = join(bridge.services.options.dataDirectory, 'exports')
    const [fileName, ...others] = readdirSync(exportsFolder)
    expect(others).toEqual([])
    expect(fileName).toMatch(/^ccij-cases-.*\.json$/)
    await expect(saved).toContainText(`1 dossier a été enregistré en entier dans ${fileName}.`)
    await expect(saved).not.toContainText(exportsFolder)
    await expectAccessible(app, 'cases file saved (fr)')
    const text = readFileSync(join(exportsFolder, fileName ?? ''), 'utf8')
    expect(JSON.parse(text)).toMatchObject({
      format: 'ccij-cases-v1',
      cases: [{ reference: 'CCIJ-2026-0001' }],
    })
    expect(text).toContain('Example Holding Centre')
    const exported = bridge.services.audit.list({ action: 'export' }).entries
    expect(exported[0]?.details).toMatchObject({ kind: 'cases', count: 1, fileName })
    rmSync(exportsFolder, { recursive: true, force: true })
  })

  test('a cases file from another vault is checked, refused with every problem, then imported by keyboard, in English and French', async ({
    app,
    bridge,
  }) => {
    // The file comes from a second, synthetic vault: this one's own export would clash with its own references.
    const source = await createTestVault(join(folder, 'source'))
    for (const familyName of ['Invented-Plover', 'Invented-Wren']) {
      const intake = emptyIntake('2026-11-02')
      intake.person.familyName = familyName
      source.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] })
    }
    const goodPath = join(folder, 'good.json')
    exportCasesFile(source.caseTransfer, goodPath)
    source.vault.lock()
    const file = JSON.parse(readFileSync(goodPath, 'utf8'))
    const [first, second] = file.cases.map((record: { reference: string }) => record.reference)
    file.cases[0].surprise = true
    file.cases[1].intakes[0].intake.person.dateOfBirth = '1980-02-30'
    const badPath = join(folder, 'bad.json')
    writeFileSync(badPath, JSON.stringify(file), { mode: 0o600 })

    await openTab(app, bridge.origin)
    const card = app.getByRole('region', { name: 'Import a cases file (JSON)' })
    await expect(card.getByText(/^A case whose reference or records are already in this vault/)).toBeVisible()
    await expectAccessible(app, 'cases file import (en)')
    await chooseFile(app, 'Choose a cases file…', badPath)
    const refused = card.locator('.admin-result').filter({ hasText: 'The file was refused' })
    await expect(refused).toBeFocused()
    await expect(refused).toContainText('bad.json has 2 problems. Nothing was imported.')
    await expect(card.getByRole('region', { name: 'Problems in bad.json' }).getByRole('listitem')).toHaveText(
      [
        `Case 1 (${first}), surprise: is not a field of this format.`,
        `Case 2 (${second}), intakes.0.intake.person.dateOfBirth: is not a date (YYYY-MM-DD) or that day does not exist.`,
      ],
    )
    await expect(card.getByRole('button', { name: /^Import/ })).toHaveCount(0)
    expect(bridge.services.caseList.list({}).total).toBe(0)
    await expectAccessible(app, 'cases file refused (en)')

    await app.getByRole('radio', { name: 'Français' }).click()
    const carte = app.getByRole('region', { name: 'Importer un fichier de dossiers (JSON)' })
    await expect(
      carte.getByRole('region', { name: 'Problèmes dans bad.json' }).getByRole('listitem'),
    ).toHaveText([
      `Dossier 1 (${first}), surprise : n’est pas un champ de ce format.`,
      `Dossier 2 (${second}), intakes.0.intake.person.dateOfBirth : n’est pas une date (AAAA-MM-JJ) ou ce jour n’existe pas.`,
    ])
    await expectAccessible(app, 'cases file refused (fr)')

    // By keyboard: Enter on the chooser, Tab from the focused result to its Import button, Enter on the link.
    const chooser = app.waitForEvent('filechooser')
    await carte.getByRole('button', { name: 'Choisir un autre fichier…' }).press('Enter')
    await (await chooser).setFiles(goodPath)
    const ready = carte.locator('.admin-result').filter({ hasText: 'Prêt à importer' })
    await expect(ready).toBeFocused()
    await expect(ready).toContainText('good.json : 2 dossiers sont prêts à être importés.')
    expect(bridge.services.caseList.list({}).total).toBe(0)
    await app.keyboard.press('Tab')
    await expect(carte.getByRole('button', { name: 'Importer 2 dossiers' })).toBeFocused()
    await app.keyboard.press('Enter')
    const done = carte.locator('.admin-result').filter({ hasText: 'Importation terminée' })
    await expect(done).toBeFocused()
    await expect(done).toContainText('2 dossiers ont été créés à partir de good.json.')
    expect(bridge.services.caseList.list({}).total).toBe(2)
    const links = carte.getByRole('region', { name: 'Dossiers créés' }).getByRole('link')
    await expect(links).toHaveText([first, second])
    await expectAccessible(app, 'cases file imported (fr)')
    await app.getByRole('radio', { name: 'English' }).click()
    await expect(card.locator('.admin-result')).toContainText('2 cases were created from good.json.')
    await expectAccessible(app, 'cases file imported (en)')
    await card.getByRole('link', { name: second }).press('Enter')
    await expect(app.getByRole('heading', { level: 1 })).toHaveText(`${second}: Invented-Wren`)
  })

  test('a caseworker sees neither the tab nor the screen', async ({ app, bridge }) => {
    bridge.services.vault.lock()
    await bridge.services.vault.unlock(CASEWORKER.username, CASEWORKER.passphrase)
    await app.goto(`${bridge.origin}/#/admin/import-export`)
    await app.reload()
    // The unlock by another account behind the page's back sends the page back to where it was (the Dashboard):
    // the caseworker then types the address.
    await app.goto(`${bridge.origin}/#/admin/import-export`)
    await expect(app.getByText('For administrators only')).toBeVisible()
    await expect(app.getByRole('link', { name: 'Import & export' })).toHaveCount(0)
    await expect(app.getByRole('button', { name: 'Export all intakes…' })).toHaveCount(0)
    await expect(app.getByRole('button', { name: 'Choose a CSV file…' })).toHaveCount(0)
  })
})
