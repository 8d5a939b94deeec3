import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readBackupMetadata } from '../../src/main/core/vault/backup-file'
import { startBridge } from '../../src/main/bridge/server'
import { ADMIN, CASEWORKER, expectAccessible, expect, TEST_KDF, test } from './fixtures'

test.describe('backup and restore (admin)', () => {
  test('a backup made in the app restores over later changes, after a clear warning', async ({ page }) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'ccij-e2e-backup-'))
    const backupFile = join(dataDirectory, 'ccij-vault-office.ccijbackup')
    const bridge = await startBridge({
      dataDirectory: join(dataDirectory, 'data'),
      vault: { kdf: TEST_KDF },
      desktop: {
        chooseBackupDestination: async () => backupFile,
        chooseBackupSource: async () => backupFile,
      },
    })
    try {
      const { vault, accounts, recovery } = bridge.services
      await vault.create(ADMIN)
      recovery.confirm()
      if (vault.status().state !== 'unlocked') await vault.unlock(ADMIN.username, ADMIN.passphrase)
      await accounts.add(CASEWORKER)
      await page.goto(bridge.url)
      await page.goto(`${bridge.origin}/#/admin/backup`)
      await expect(page.getByRole('heading', { level: 3, name: 'Create a backup' })).toBeVisible()
      // Says who can open a backup, honestly: not only the person who made it.
      await expect(page.getByText('including staff disabled since', { exact: false })).toBeVisible()
      await expect(
        page.getByText('Store backups as carefully as this laptop', { exact: false }),
      ).toBeVisible()
      await expectAccessible(page, 'backup (en)')

      await page.getByRole('button', { name: 'Create a backup…' }).click()
      await expect(page.getByText('Backup saved')).toBeVisible()
      expect(existsSync(backupFile)).toBe(true)
      expect(statSync(backupFile).size).toBeGreaterThan(0)
      // Names the file (base name only, never the folder) and its size; focus lands on the outcome.
      const saved = page.locator('.admin-result').filter({ hasText: 'Backup saved' })
      await expect(saved).toBeFocused()
      const savedText = (await saved.textContent()) ?? ''
      expect(savedText).toMatch(
        /Saved as ccij-vault-office\.ccijbackup \([\d.,]+\s?kB\) at \d{1,2}:\d{2}\s[ap]\.m\.$/,
      )
      expect(savedText).not.toContain('..')
      expect(savedText).not.toContain(dataDirectory)
      await expectAccessible(page, 'backup saved (en)')

      await accounts.add({
        username: 'after.backup',
        displayName: 'After Backup-Test',
        role: 'viewer',
        passphrase: 'lichen-saffron-quarry-71',
      })
      expect(accounts.list().map((account) => account.username)).toContain('after.backup')

      await page.getByRole('textbox', { name: 'Sign-in name in the backup' }).fill(ADMIN.username)
      await page.getByLabel("That account's passphrase").fill(ADMIN.passphrase)
      await page.getByRole('button', { name: 'Restore from a backup…' }).click()
      const confirm = page.getByRole('alertdialog', { name: 'Replace everything with the backup?' })
      await expect(confirm).toContainText('cannot be undone')
      await expectAccessible(page, 'restore confirmation (en)')
      await confirm.getByRole('button', { name: 'Choose the backup and replace' }).click()
      await expect(page.getByText('Backup restored')).toBeVisible()
      // Says which backup came back, by the date in its header.
      const made = new Date((await readBackupMetadata(backupFile)).createdAt)
      const day = new Intl.DateTimeFormat('en-CA', { dateStyle: 'medium' }).format(made)
      const time = new Intl.DateTimeFormat('en-CA', { timeStyle: 'short' }).format(made)
      await expect(page.getByText(`Restored the backup made on ${day} at ${time}`)).toBeVisible()
      await expect(page.locator('.admin-result').filter({ hasText: 'Backup restored' })).toBeFocused()
      await expectAccessible(page, 'backup restored (en)')
      expect(accounts.list().map((account) => account.username)).not.toContain('after.backup')
      expect(vault.status().staff?.username).toBe(ADMIN.username)
    } finally {
      await bridge.close()
      rmSync(dataDirectory, { recursive: true, force: true })
    }
  })

  test('a wrong passphrase for the backup is refused and nothing changes', async ({ page }) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'ccij-e2e-backup-'))
    const backupFile = join(dataDirectory, 'ccij-vault-office.ccijbackup')
    const bridge = await startBridge({
      dataDirectory: join(dataDirectory, 'data'),
      vault: { kdf: TEST_KDF },
      desktop: {
        chooseBackupDestination: async () => backupFile,
        chooseBackupSource: async () => backupFile,
      },
    })
    try {
      const { vault, accounts, recovery, backup } = bridge.services
      await vault.create(ADMIN)
      recovery.confirm()
      if (vault.status().state !== 'unlocked') await vault.unlock(ADMIN.username, ADMIN.passphrase)
      await backup.create(backupFile)
      await accounts.add(CASEWORKER)
      await page.goto(bridge.url)
      await page.goto(`${bridge.origin}/#/admin/backup`)
      await page.getByLabel("That account's passphrase").fill('not-the-right-passphrase')
      await page.getByRole('button', { name: 'Restore from a backup…' }).click()
      await page.getByRole('button', { name: 'Choose the backup and replace' }).click()
      const refused = page.getByText('do not open an account in this backup. Nothing was changed.', {
        exact: false,
      })
      await expect(refused).toBeVisible()
      // Focus lands on the refusal, not on <body>.
      await expect(page.locator('.admin-result').filter({ has: refused })).toBeFocused()
      await expectAccessible(page, 'restore refused (en)')
      expect(accounts.list().map((account) => account.username)).toContain(CASEWORKER.username)
    } finally {
      await bridge.close()
      rmSync(dataDirectory, { recursive: true, force: true })
    }
  })
})
