import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { emptyLawyerFields, type TLawyerFields } from '../../src/shared/roster/lawyer-schema'
import { expectAccessible, expect, test } from './fixtures'

/* Synthetic, obviously invented lawyers only. */

const seedLawyer = (change: (fields: TLawyerFields) => void): TLawyerFields => {
  const fields = emptyLawyerFields()
  change(fields)
  return fields
}

test.describe('the lawyer roster', () => {
  // Eight axe runs over a large dialog on a shared two-core machine.
  test.describe.configure({ timeout: 240_000 })
  test('lists, filters by the URL, adds by keyboard, and pauses a lawyer', async ({ app, bridge }) => {
    bridge.services.roster.create(
      seedLawyer((fields) => {
        fields.firstName = 'Ada'
        fields.lastName = 'Invented-Counsel'
        fields.province = 'QC'
        fields.languages = ['fr', 'ar']
        fields.practiceAreas = ['refugee_claim']
        fields.memberships = [
          { province: 'QC', licenceNumber: 'Q-1', status: 'practising', verifiedOn: '2026-01-05' },
        ]
      }),
    )
    bridge.services.roster.create(
      seedLawyer((fields) => {
        fields.firstName = 'Bao'
        fields.lastName = 'Invented-Advocate'
        fields.province = 'BC'
        fields.languages = ['en']
      }),
    )
    await app.goto(`${bridge.origin}/#/lawyers`)
    await expect(app.getByRole('heading', { level: 1, name: 'Lawyers' })).toBeVisible()
    await expect(app.getByText('2 lawyers')).toBeVisible()
    await expect(app.getByRole('heading', { name: 'On call now' })).toBeVisible()
    await expectAccessible(app, 'roster (en)')

    // Filters live in the URL: a shared link opens the same list.
    await app.goto(`${bridge.origin}/#/lawyers?province=QC`)
    await expect(app.getByText('1 lawyer', { exact: true })).toBeVisible()
    await expect(app.getByRole('link', { name: 'Ada Invented-Counsel' })).toBeVisible()
    await expect(app.getByRole('link', { name: 'Bao Invented-Advocate' })).toHaveCount(0)
    await expectAccessible(app, 'roster filtered (en)')

    // Add by keyboard; a mistyped on-call time is explained on its field and nothing is saved.
    await app.goto(`${bridge.origin}/#/lawyers`)
    await app.getByRole('button', { name: 'Add a lawyer' }).focus()
    await app.keyboard.press('Enter')
    const dialog = app.getByRole('dialog', { name: 'Add a lawyer' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('textbox', { name: 'First name' }).fill('Cyd')
    await dialog.getByRole('textbox', { name: 'Last name' }).fill('Invented-Jurist')
    await dialog.getByRole('textbox', { name: 'Languages' }).fill('en, fr')
    await dialog.getByRole('checkbox', { name: /^YUL/ }).press('Space')
    const hours = dialog.getByRole('textbox', { name: 'On-call hours' })
    await hours.fill('Funday 09:00-17:00')
    await hours.press('Tab')
    await expect(
      dialog.getByText('Write hours like Mon-Fri 18:00-23:00, separated by semicolons.'),
    ).toBeVisible()
    await expectAccessible(app, 'add lawyer with an error (en)')
    await hours.fill('Mon-Fri 18:00-23:00')
    await dialog.getByRole('button', { name: 'Save' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByRole('heading', { level: 1, name: 'Cyd Invented-Jurist' })).toBeVisible()
    await expect(app.getByText('Airports: YUL')).toBeVisible()
    await expect(app.getByText('Hours: Mon-Fri 18:00-23:00')).toBeVisible()
    await expectAccessible(app, 'lawyer page (en)')

    await app.getByRole('button', { name: 'Pause' }).focus()
    await app.keyboard.press('Enter')
    const confirm = app.getByRole('alertdialog', { name: 'Pause this lawyer?' })
    await expect(confirm).toBeVisible()
    await confirm.getByRole('button', { name: 'Pause' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByText('Paused: this lawyer is not offered for new referrals.')).toBeVisible()
    expect(bridge.services.roster.list({ status: 'paused' }).rows.map((row) => row.displayName)).toEqual([
      'Cyd Invented-Jurist',
    ])
    await expectAccessible(app, 'lawyer paused (en)')

    // The same screens in French.
    await app.getByRole('radio', { name: 'Français' }).click()
    await app.goto(`${bridge.origin}/#/lawyers`)
    await expect(app.getByRole('heading', { level: 1, name: 'Avocat·es' })).toBeVisible()
    await expect(app.getByText('3 avocat·es')).toBeVisible()
    await expectAccessible(app, 'roster (fr)')
    // The name in the list opens the lawyer's page, by keyboard as by mouse.
    // Tab from the last filter into the list, arrow down to the third lawyer (by name), Enter.
    await app.getByRole('checkbox', { name: 'Peut prendre un dossier' }).focus()
    await app.keyboard.press('Tab')
    await app.keyboard.press('ArrowDown')
    await app.keyboard.press('ArrowDown')
    await expect(app.getByRole('row', { name: /Cyd Invented-Jurist/ })).toBeFocused()
    await app.keyboard.press('Enter')
    await expect(app.getByRole('heading', { level: 1, name: 'Cyd Invented-Jurist' })).toBeVisible()
    await app.getByRole('link', { name: 'Retour à la liste des avocat·es' }).click()
    await app.getByRole('link', { name: 'Cyd Invented-Jurist' }).click()
    await expect(app.getByRole('button', { name: 'Réactiver' })).toBeVisible()
    await expectAccessible(app, 'lawyer page (fr)')
  })
})

test.describe('the sign-up import', () => {
  test.describe.configure({ timeout: 240_000 })
  const HEADER = 'Prénom,Nom,Courriel,Barreau,No de membre,Domaines,Langues'
  const file = (...rows: string[]) => ({
    name: 'signups.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n', 'utf8'),
  })
  const choose = async (page: Page, buttonName: string, content: ReturnType<typeof file>) => {
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: buttonName }).click()
    await (await chooser).setFiles(content)
  }

  test('maps columns, names each bad row and column, imports all or nothing, then offers duplicates', async ({
    app,
    bridge,
  }) => {
    await app.goto(`${bridge.origin}/#/lawyers`)
    await app.getByRole('link', { name: 'Import sign-ups' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByRole('heading', { level: 1, name: 'Import lawyer sign-ups' })).toBeVisible()
    await expectAccessible(app, 'import (en)')

    // French headers the guess does not know: the person maps them; the file has a bad province and a bad email.
    await choose(
      app,
      'Choose a CSV file',
      file(
        'Ada,Invented-Counsel,ada@example.org,QC,Q-100,refugee claim,fr',
        'Bao,Invented-Advocate,not-an-email,Atlantis,B-200,refugee claim,en',
      ),
    )
    await expect(app.getByRole('heading', { name: 'Columns' })).toBeVisible()
    const fields = [
      'first_name',
      'last_name',
      'email',
      'law_society_province',
      'licence_number',
      'practice_areas',
    ]
    const headers = ['Prénom', 'Nom', 'Courriel', 'Barreau', 'No de membre', 'Domaines']
    for (const [index, header] of headers.entries()) {
      const select = app.getByRole('button', { name: new RegExp(`Column “${header}”`) })
      if ((await select.textContent())?.includes(fields[index] ?? '') === true) continue
      await select.click()
      await app.getByRole('option', { name: fields[index], exact: true }).click()
    }
    await app.getByRole('button', { name: 'Check the file' }).click()
    await expect(app.getByText('2 problems, by row and column.')).toBeVisible()
    await expect(app.getByText('row 3: email is not an email address')).toBeVisible()
    await expect(
      app.getByText('row 3: law_society_province “Atlantis” is not a Canadian province'),
    ).toBeVisible()
    await expectAccessible(app, 'import problems (en)')
    await app.getByRole('button', { name: 'Check the file' }).focus()
    expect(bridge.services.roster.list({}).total).toBe(0)

    // A clean file imports; the mapping is remembered, so the same headers need no choice.
    await choose(
      app,
      'Choose another file',
      file('Ada,Invented-Counsel,ada@example.org,QC,Q-100,refugee claim,fr'),
    )
    await app.getByRole('button', { name: 'Check the file' }).click()
    await expect(app.getByText('1 row is ready; 0 already on the roster.')).toBeVisible()
    await app.getByRole('button', { name: 'Import 1 row' }).click()
    await expect(
      app.getByText('signups.csv: 1 added, 0 updated, 0 skipped as already on the roster.'),
    ).toBeVisible()

    // Again in French: the same lawyer is recognized by licence and can be updated instead of added twice.
    await app.getByRole('radio', { name: 'Français' }).click()
    await choose(
      app,
      'Choisir un fichier CSV',
      file('Ada,Invented-Counsel,ada.new@example.org,QC,Q-100,refugee claim,fr'),
    )
    await app.getByRole('button', { name: 'Vérifier le fichier' }).click()
    await expect(app.getByText('1 ligne est prête ; 1 déjà dans la liste.')).toBeVisible()
    await app
      .getByRole('button', { name: /Ligne 2 : Ada Invented-Counsel \(même numéro de membre\)/ })
      .click()
    await app.getByRole('option', { name: 'Mettre à jour à partir du fichier' }).click()
    await expectAccessible(app, 'import duplicates (fr)')
    await app.getByRole('button', { name: 'Importer 1 ligne' }).click()
    await expect(app.getByText(/0 ajouté·es, 1 mis·es à jour, 0 ignoré·es/)).toBeVisible()
    expect(bridge.services.roster.list({}).rows.map((row) => row.displayName)).toEqual([
      'Ada Invented-Counsel',
    ])
    const [ada] = bridge.services.roster.list({}).rows
    expect(bridge.services.roster.get(ada?.id ?? '').email).toBe('ada.new@example.org')
  })
  test('the sign-up template downloads by keyboard in English and French, its columns explained, and imports as it is', async ({
    app,
    bridge,
  }) => {
    const saved = (name: string) => readFileSync(join(bridge.services.options.dataDirectory, 'exports', name))
    const chooseTemplate = async (name: string) => {
      const chooser = app.waitForEvent('filechooser')
      await app.getByRole('button', { name }).press('Enter')
      await (await chooser).setFiles({ name: 'template.csv', mimeType: 'text/csv', buffer: savedFile })
    }
    let savedFile = Buffer.alloc(0)

    await app.goto(`${bridge.origin}/#/lawyers/import`)
    await app.getByRole('button', { name: 'Download the sign-up template' }).press('Enter')
    await expect(app.getByText('Template saved as lawyer-sign-up-template.csv.')).toBeVisible()
    savedFile = saved('lawyer-sign-up-template.csv')
    expect(savedFile.toString('utf8')).toContain('"practice_areas"')
    // The column list, opened by keyboard: each column with what it takes and the keys it accepts.
    await app.getByText('The 22 columns a sign-up file may have').press('Enter')
    const practiceAreas = app.getByRole('row', { name: /^practice_areas / })
    await expect(practiceAreas).toContainText('refugee_claim')
    await expect(app.getByRole('row', { name: /^licence_status / })).toContainText('not in the template')
    await expectAccessible(app, 'sign-up template (en)')
    // The template as it is passes the dry run.
    await chooseTemplate('Choose a CSV file')
    await app.getByRole('button', { name: 'Check the file' }).press('Enter')
    await expect(app.getByText('1 row is ready; 0 already on the roster.')).toBeVisible()

    await app.goto(`${bridge.origin}/#/lawyers`)
    await app.getByRole('radio', { name: 'Français' }).click()
    await app.goto(`${bridge.origin}/#/lawyers/import`)
    await app.getByRole('button', { name: 'Télécharger le modèle d’inscription' }).press('Enter')
    await expect(app.getByText('Modèle enregistré sous modele-inscription-avocats.csv.')).toBeVisible()
    savedFile = saved('modele-inscription-avocats.csv')
    expect(savedFile.toString('utf8')).toContain('"domaines_de_pratique"')
    await app.getByText('Les 22 colonnes qu’un fichier d’inscriptions peut contenir').press('Enter')
    await expect(app.getByRole('row', { name: /^domaines_de_pratique / })).toContainText('detention_review')
    await expectAccessible(app, 'sign-up template (fr)')
    await chooseTemplate('Choisir un fichier CSV')
    await app.getByRole('button', { name: 'Vérifier le fichier' }).press('Enter')
    await expect(app.getByText('1 ligne est prête ; 0 déjà dans la liste.')).toBeVisible()
    expect(bridge.services.roster.list({}).total).toBe(0)
  })

  test('a multi-megabyte sign-up file is sent in slices with a progress bar, by keyboard, in French and English', async ({
    app,
    bridge,
  }) => {
    // About 3 MB: six slices of 512 KiB. Invented lawyers, each with a long invented note.
    const note = 'Synthetic note for a progress test. '.repeat(18)
    const rows = Array.from(
      { length: 4_500 },
      (_, index) => `Invented${index},Progress-Counsel,progress${index}@example.org,"${note}${index}"`,
    )
    const content = {
      name: 'large-signups.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['first_name,last_name,email,notes', ...rows].join('\r\n'), 'utf8'),
    }
    expect(content.buffer.length).toBeGreaterThan(3_000_000)
    // The headers are asked for only once the bar has been seen full: no race with a fast machine.
    let openGate = () => {}
    const gate = new Promise<void>((resolve) => (openGate = resolve))
    await app.route(
      (url) => decodeURIComponent(url.pathname).endsWith('/lawyerImport:inspect'),
      async (route) => {
        await gate
        await route.continue()
      },
    )

    await app.goto(`${bridge.origin}/#/lawyers/import`)
    await app.getByRole('radio', { name: 'Français' }).click()
    const chooser = app.waitForEvent('filechooser')
    await app.getByRole('button', { name: 'Choisir un fichier CSV' }).press('Enter')
    await (await chooser).setFiles(content)
    const bar = app.getByRole('progressbar', { name: 'Lecture de large-signups.csv…' })
    // Each slice is parsed as it arrives: on a busy machine that takes a while, so wait long (no timing).
    await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 180_000 })
    await expect(bar).toHaveAttribute('aria-valuetext', /100\s?%/)
    await expectAccessible(app, 'import progress (fr)')
    openGate()
    await expect(app.getByRole('heading', { name: 'Colonnes' })).toBeVisible({ timeout: 60_000 })
    await expect(bar).toHaveCount(0)

    // In English, by keyboard: check, then import every row.
    await app.getByRole('radio', { name: 'English' }).click()
    await app.getByRole('button', { name: 'Check the file' }).press('Enter')
    await expect(app.getByText(/4,?500 rows are ready; 0 already on the roster\./)).toBeVisible({
      timeout: 120_000,
    })
    await expectAccessible(app, 'import large ready (en)')
    await app.getByRole('button', { name: /^Import 4,?500 rows$/ }).press('Enter')
    await expect(
      app.getByText(/large-signups\.csv: 4,?500 added, 0 updated, 0 skipped as already on the roster\./),
    ).toBeVisible({ timeout: 120_000 })
    expect(bridge.services.roster.list({ search: 'progress-counsel' }).total).toBe(4_500)
  })
})
