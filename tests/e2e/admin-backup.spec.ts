import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBridge } from '../bridge/server'
import { ADMIN, CASEWORKER, expectAccessible, expect, TEST_KDF, test } from './fixtures'

test.describe('backup and restore (admin)', () => {
  test('a backup made in the app restores over later changes, after a clear warning', async ({ page }) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'ccij-e2e-backup-'))
    const backupFile = join(dataDirectory, 'office.ccij-backup')
    const bridge = await startBridge({
      dataDirectory: join(dataDirectory, 'data'),
      vault: { kdf: TEST_KDF },
      desktop: {
        chooseBackupDestination: async () => backupFile,
        chooseBackupSource: async () => backupFile,
      },
    })
    try {
      const { vault } = bridge.services
      await vault.create(ADMIN)
      if (vault.status().state !== 'unlocked') await vault.unlock(ADMIN.username, ADMIN.passphrase)
      await vault.addAccount(CASEWORKER)
      await page.goto(bridge.url)
      await page.goto(`${bridge.origin}/#/admin/backup`)
      await expect(page.getByRole('heading', { level: 3, name: 'Create a backup' })).toBeVisible()
      await expectAccessible(page, 'backup (en)')

      await page.getByRole('button', { name: 'Create a backup…' }).click()
      await expect(page.getByText('Backup saved')).toBeVisible()
      expect(existsSync(backupFile)).toBe(true)
      expect(statSync(backupFile).size).toBeGreaterThan(0)

      await vault.addAccount({
        username: 'after.backup',
        displayName: 'After Backup-Test',
        role: 'viewer',
        passphrase: 'lichen-saffron-quarry-71',
      })
      expect(vault.listAccounts().map((account) => account.username)).toContain('after.backup')

      await page.getByRole('textbox', { name: 'Sign-in name in the backup' }).fill(ADMIN.username)
      await page.getByLabel("That account's passphrase").fill(ADMIN.passphrase)
      await page.getByRole('button', { name: 'Restore from a backup…' }).click()
      const confirm = page.getByRole('alertdialog', { name: 'Replace everything with the backup?' })
      await expect(confirm).toContainText('cannot be undone')
      await expectAccessible(page, 'restore confirmation (en)')
      await confirm.getByRole('button', { name: 'Choose the backup and replace' }).click()
      await expect(page.getByText('Backup restored')).toBeVisible()
      expect(vault.listAccounts().map((account) => account.username)).not.toContain('after.backup')
      expect(vault.status().staff?.username).toBe(ADMIN.username)
    } finally {
      await bridge.close()
      rmSync(dataDirectory, { recursive: true, force: true })
    }
  })

  test('a wrong passphrase for the backup is refused and nothing changes', async ({ page }) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'ccij-e2e-backup-'))
    const backupFile = join(dataDirectory, 'office.ccij-backup')
    const bridge = await startBridge({
      dataDirectory: join(dataDirectory, 'data'),
      vault: { kdf: TEST_KDF },
      desktop: {
        chooseBackupDestination: async () => backupFile,
        chooseBackupSource: async () => backupFile,
      },
    })
    try {
      const { vault } = bridge.services
      await vault.create(ADMIN)
      if (vault.status().state !== 'unlocked') await vault.unlock(ADMIN.username, ADMIN.passphrase)
      await vault.createBackup(backupFile)
      await vault.addAccount(CASEWORKER)
      await page.goto(bridge.url)
      await page.goto(`${bridge.origin}/#/admin/backup`)
      await page.getByLabel("That account's passphrase").fill('not-the-right-passphrase')
      await page.getByRole('button', { name: 'Restore from a backup…' }).click()
      await page.getByRole('button', { name: 'Choose the backup and replace' }).click()
      await expect(
        page.getByText('do not open an account in this backup. Nothing was changed.', { exact: false }),
      ).toBeVisible()
      expect(vault.listAccounts().map((account) => account.username)).toContain(CASEWORKER.username)
    } finally {
      await bridge.close()
      rmSync(dataDirectory, { recursive: true, force: true })
    }
  })
})
