import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { TBridge } from '../../src/main/bridge/server'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import { SEARCH_COUNT_CAP } from '../../src/shared/contract/cases'
import { ADMIN, CASEWORKER, expectAccessible, expect, test } from './fixtures'

/** A case with an obviously invented name, saved as the signed-in admin. */
function saveSyntheticCase(
  bridge: TBridge,
  givenNames: string,
  familyName: string,
): { caseId: string; reference: string } {
  const intake = emptyIntake('2026-11-02')
  intake.person.givenNames = givenNames
  intake.person.familyName = familyName
  return bridge.services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] })
}

test.describe('the audit trail (admin)', () => {
  // Several accessibility scans and key derivations each: slow on a loaded machine.
  test.describe.configure({ timeout: 150_000 })

  test('lists what happened newest first, narrows by action and by staff name, and verifies as intact', async ({
    app,
    bridge,
  }) => {
    await app.goto(`${bridge.origin}/#/admin/audit`)
    const table = app.getByRole('grid', { name: 'Audit trail' })
    await expect(table.getByRole('rowheader', { name: 'Vault created' })).toBeVisible()
    await expect(table.getByRole('rowheader', { name: 'Staff account added' }).first()).toBeVisible()
    await expect(
      table
        .getByRole('row')
        .filter({ hasText: 'Account casey.worker' })
        .filter({ hasText: 'Staff account added' }),
    ).toHaveCount(1)
    // Tab reaches the grid once; the hint under the heading says how to move inside it.
    await expect(table).toHaveAccessibleDescription('Use the arrow keys to move between cells.')
    await expectAccessible(app, 'audit trail (en)')

    const total = (await bridge.services.audit.list({ offset: 0, limit: 100 })).total
    await expect(app.getByText(`of ${total}, newest first`)).toBeVisible()

    await app.getByRole('button', { name: /Action/ }).click()
    await app.getByRole('option', { name: 'Staff account added' }).click()
    const added = (await bridge.services.audit.list({ action: 'account.added', offset: 0, limit: 100 })).total
    expect(added).toBeLessThan(total)
    await expect(app.getByText(`Showing entries 1 to ${added} of ${added}, newest first.`)).toBeVisible()
    await expect(table.getByRole('rowheader', { name: 'Vault created' })).toHaveCount(0)

    // Clearing disables the button itself: focus lands on the count of entries shown.
    await app.getByRole('button', { name: 'Clear filters' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByText(`of ${total}, newest first`)).toBeFocused()

    await app.getByRole('searchbox', { name: 'Staff sign-in name' }).fill('nobody.here')
    await expect(app.getByText('No entries match these filters.')).toBeVisible()
    await app.getByRole('button', { name: 'Clear filters' }).click()
    await expect(app.getByText(`of ${total}, newest first`)).toBeVisible()

    // Verify by keyboard: focus lands on the verdict, not on <body>.
    await app.getByRole('button', { name: 'Verify the audit trail' }).focus()
    await app.keyboard.press('Enter')
    const verdict = app.getByText(
      /^Intact: \d+ entries checked\. Sealed by an administrator’s checkpoint up to entry \d+ /,
    )
    await expect(verdict).toBeVisible()
    await expect(app.locator('.admin-result').filter({ has: verdict })).toBeFocused()
    await expectAccessible(app, 'audit trail verified (en)')
  })

  test('shows the sign-in name tried for a refused unlock and why the vault locked, in EN and FR', async ({
    page,
    bridge,
  }) => {
    const { vault, accounts, recovery } = bridge.services
    await vault.create(ADMIN)
    recovery.confirm()
    if (vault.status().state !== 'unlocked') await vault.unlock(ADMIN.username, ADMIN.passphrase)
    await accounts.add(CASEWORKER)
    vault.lock('idle')
    await expect(vault.unlock(CASEWORKER.username, 'not-the-passphrase-at-all')).rejects.toThrow()
    // A name no account has is not stored: it could be a passphrase typed in the wrong field.
    await expect(vault.unlock('wrong.name-test', 'not-the-passphrase-at-all')).rejects.toThrow()
    await vault.unlock(ADMIN.username, ADMIN.passphrase)
    await page.goto(bridge.url)
    await page.goto(`${bridge.origin}/#/admin/audit`)
    const table = page.getByRole('grid', { name: 'Audit trail' })
    await expect(
      table.getByRole('rowheader', {
        name: `Unlock refused (wrong passphrase) — sign-in name tried: ${CASEWORKER.username}`,
      }),
    ).toBeVisible()
    await expect(table.getByRole('rowheader', { name: 'Locked — idle timeout' })).toBeVisible()
    await expectAccessible(page, 'audit details (en)')

    await page.getByRole('radio', { name: 'Français' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Journal d’audit' })).toBeVisible()
    const tableFr = page.getByRole('grid', { name: 'Journal d’audit' })
    await expect(
      tableFr.getByRole('rowheader', { name: 'Verrouillage — délai d’inactivité écoulé' }),
    ).toBeVisible()
    await expect(tableFr.getByText(`nom de connexion essayé : ${CASEWORKER.username}`)).toBeVisible()
    await expect(tableFr.getByText('wrong.name-test')).toHaveCount(0)
    await expect(tableFr.getByText('Aucune personne connectée').first()).toBeVisible()
    await expectAccessible(page, 'audit details (fr)')
  })

  test('says how far an administrator’s checkpoint seals the trail, and when the checkpoint file is gone, in EN and FR', async ({
    app,
    bridge,
  }) => {
    test.slow()
    const { vault } = bridge.services
    await app.goto(`${bridge.origin}/#/admin/audit`)
    const verify = app.getByRole('button', { name: 'Verify the audit trail' })
    await verify.focus()
    await app.keyboard.press('Enter')
    await expect(
      app
        .locator('.admin-result')
        .filter({ hasText: /Sealed by an administrator’s checkpoint up to entry \d+/ }),
    ).toBeFocused()

    // Someone deletes the checkpoint file beside the keyring: the chain alone can no longer vouch for the trail.
    const anchors = readdirSync(vault.directory).filter((name) => name.startsWith('audit-anchor'))
    expect(anchors).toHaveLength(1)
    for (const name of anchors) rmSync(join(vault.directory, name))
    await verify.focus()
    await app.keyboard.press('Enter')
    const missing = app.locator('.admin-result').filter({ hasText: 'The audit checkpoint is missing' })
    await expect(missing).toBeFocused()
    await expect(missing).toContainText('a rewrite by someone holding the vault’s key cannot be ruled out')
    await expectAccessible(app, 'audit checkpoint missing (en)')

    await app.getByRole('radio', { name: 'Français' }).click()
    await app.getByRole('button', { name: 'Vérifier le journal d’audit' }).click()
    await expect(
      app.getByText('Le point de contrôle du journal d’audit est introuvable', { exact: true }),
    ).toBeVisible()
    await expectAccessible(app, 'audit checkpoint missing (fr)')
  })

  test('narrows to one case by its reference, alone and with an action, by keyboard, in EN and FR', async ({
    app,
    bridge,
  }) => {
    const first = saveSyntheticCase(bridge, 'Quillon', 'Auditfilter-Example').reference
    const { caseId: secondId, reference: second } = saveSyntheticCase(bridge, 'Mirabeth', 'Zelkovar-Sample')
    const { audit, caseFile } = bridge.services
    // A view of the second case, so that it has entries of more than one action.
    caseFile.reveal(secondId, 'contact')
    const aboutSecond = audit.list({ caseReference: second }).total
    expect(aboutSecond).toBeGreaterThan(1)

    await app.goto(`${bridge.origin}/#/admin/audit`)
    const table = app.getByRole('grid', { name: 'Audit trail' })
    await expect(table.getByRole('row').filter({ hasText: `Case ${first}` })).not.toHaveCount(0)

    // Typed as people type it (lower case): applied after a pause, only that case's entries remain.
    const reference = app.getByRole('searchbox', { name: 'Case reference' })
    await reference.focus()
    await app.keyboard.type(second.toLowerCase())
    await expect(
      app.getByText(`Showing entries 1 to ${aboutSecond} of ${aboutSecond}, newest first.`),
    ).toBeVisible()
    await expect(table.getByRole('row').filter({ hasText: `Case ${first}` })).toHaveCount(0)
    await expect(table.getByRole('row').filter({ hasText: `Case ${second}` })).toHaveCount(aboutSecond)
    await expectAccessible(app, 'audit trail by case (en)')

    // With an action as well, chosen by keyboard: the case's one "Record created".
    await app.getByRole('button', { name: /Action/ }).focus()
    await app.keyboard.press('ArrowDown')
    await app.getByRole('option', { name: 'Record created' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByText('Showing entries 1 to 1 of 1, newest first.')).toBeVisible()
    await expect(table.getByRole('rowheader', { name: 'Record created' })).toHaveCount(1)
    await expect(table.getByRole('row').filter({ hasText: `Case ${second}` })).toHaveCount(1)

    // A reference no case has: said in words, nothing else shown.
    await reference.fill('CCIJ-1999-9999')
    await expect(app.getByText('No entries match these filters.')).toBeVisible()

    await app.getByRole('radio', { name: 'Français' }).click()
    await expect(app.locator('html')).toHaveAttribute('lang', 'fr')
    const referenceFr = app.getByRole('searchbox', { name: 'Référence du dossier' })
    await expect(referenceFr).toHaveValue('CCIJ-1999-9999')
    await referenceFr.fill(first)
    await expect(app.getByText('1 à 1 sur 1', { exact: false })).toBeVisible()
    await expect(
      app
        .getByRole('grid', { name: 'Journal d’audit' })
        .getByRole('row')
        .filter({ hasText: `Dossier ${first}` }),
    ).toHaveCount(1)
    await expectAccessible(app, 'audit trail by case and action (fr)')
  })

  test('reads a search whose count stopped at its cap as "more than 1,000 results", by keyboard, in EN and FR', async ({
    app,
    bridge,
  }) => {
    test.setTimeout(180_000)
    // 1,001 invented people whose intake notes share one word: a search for it counts past the cap.
    const today = new Date().toISOString().slice(0, 10)
    const rows = Array.from({ length: SEARCH_COUNT_CAP + 1 }, (_, index) => {
      const intake = emptyIntake(today)
      intake.person.givenNames = 'Sample'
      intake.person.familyName = `Auditcap${index}-Example`
      intake.meta.notes = 'Synthetic note marker bladderwort'
      return { line: index + 2, intake }
    })
    const other = emptyIntake(today)
    other.person.givenNames = 'Oriel'
    other.person.familyName = 'Pennyworth'
    rows.push({ line: rows.length + 2, intake: other })
    const { caseTransfer, caseList, audit } = bridge.services
    caseTransfer.importIntakes(rows, { dryRun: false })
    expect(caseList.list({ search: 'bladderwort', limit: 100 }).totalCapped).toBe(true)
    // And one that finds exactly one case: its entry keeps its exact count.
    expect(caseList.list({ search: 'Pennyworth', limit: 100 }).total).toBe(1)
    const searched = audit.list({ action: 'cases.searched', offset: 0, limit: 100 })
    expect(searched.entries.map((entry) => entry.details)).toEqual([
      { words: 1, results: 1 },
      { words: 1, results: SEARCH_COUNT_CAP, moreResults: true },
    ])

    await app.goto(`${bridge.origin}/#/admin/audit`)
    const table = app.getByRole('grid', { name: 'Audit trail' })
    await expect(table.getByRole('rowheader', { name: 'Vault created' })).toBeVisible()
    await app.getByRole('button', { name: /Action/ }).focus()
    await app.keyboard.press('ArrowDown')
    await app.getByRole('option', { name: 'Cases searched' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByText('Showing entries 1 to 2 of 2, newest first.')).toBeVisible()
    await expect(
      table.getByRole('rowheader', { name: 'Cases searched — more than 1,000 results', exact: true }),
    ).toBeVisible()
    await expect(
      table.getByRole('rowheader', { name: 'Cases searched — 1 result', exact: true }),
    ).toBeVisible()
    await expectAccessible(app, 'audit trail, capped search (en)')

    await app.getByRole('radio', { name: 'Français' }).focus()
    await app.keyboard.press('Space')
    await expect(app.locator('html')).toHaveAttribute('lang', 'fr')
    const tableFr = app.getByRole('grid', { name: 'Journal d’audit' })
    await expect(
      tableFr.getByRole('rowheader', {
        name: 'Recherche de dossiers — plus de 1\u00a0000 résultats',
        exact: true,
      }),
    ).toBeVisible()
    await expect(
      tableFr.getByRole('rowheader', { name: 'Recherche de dossiers — 1 résultat', exact: true }),
    ).toBeVisible()
    await expectAccessible(app, 'audit trail, capped search (fr)')
  })
})
