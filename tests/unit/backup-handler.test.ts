import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServices, type TServices } from '../../src/main/core/services'
import { readBackupMetadata } from '../../src/main/core/vault/backup-file'
import { dispatch } from '../../src/main/ipc/dispatch'
import { createHandlerTable } from '../../src/main/ipc/handler-table'
import type { THandlerContext, THandlerTable } from '../../src/main/ipc/types'
import { ADMIN_PASSPHRASE, FAST_KDF, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'

const ADMIN = {
  organizationName: 'Test Office (synthetic)',
  username: 'alex.example',
  displayName: 'Alex Staff-Example',
  passphrase: ADMIN_PASSPHRASE,
}

describe('backup:create and backup:restore answers', () => {
  let folder: string
  let backupFile: string
  let services: TServices
  let table: THandlerTable
  let context: THandlerContext

  beforeEach(async () => {
    folder = makeTempFolder('ccij-backup-handler-')
    backupFile = join(folder, 'ccij-vault-test.ccijbackup')
    services = createServices({
      dataDirectory: join(folder, 'data'),
      runtime: 'bridge',
      appVersion: 'test',
      desktop: {
        openExternalAfterConfirm: async () => false,
        chooseBackupDestination: async () => backupFile,
        chooseBackupSource: async () => backupFile,
      },
      vault: { kdf: FAST_KDF },
    })
    table = createHandlerTable(services)
    await services.vault.create(ADMIN)
    if (services.vault.status().state !== 'unlocked') {
      await services.vault.unlock(ADMIN.username, ADMIN.passphrase)
    }
    context = { staff: services.currentStaff() }
  })

  afterEach(() => {
    services.vault.lock()
    removeFolder(folder)
  })

  it('names the saved file by its base name only, and the restore says when the backup was made', async () => {
    const created = await dispatch(table, 'backup:create', {}, context)
    expect(created).toMatchObject({
      ok: true,
      value: { created: true, fileName: 'ccij-vault-test.ccijbackup' },
    })
    const { createdAt } = await readBackupMetadata(backupFile)
    expect(Number.isNaN(Date.parse(createdAt))).toBe(false)

    const restored = await dispatch(table, 'backup:restore', { passphrase: ADMIN.passphrase }, context)
    expect(restored).toEqual({ ok: true, value: { restored: true, backupCreatedAt: createdAt } })
  })

  it('refuses a file that is not a backup before anything is restored', async () => {
    const { writeFileSync } = await import('node:fs')
    writeFileSync(backupFile, 'not a backup at all, just some text that is long enough to pass the size test')
    const restored = await dispatch(table, 'backup:restore', { passphrase: ADMIN.passphrase }, context)
    expect(restored).toMatchObject({ ok: false, error: { code: 'INVALID_FILE' } })
  })
})
