import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TServices } from '../../src/main/core/services'
import { readBackupMetadata } from '../../src/main/core/vault/backup-file'
import { dispatch } from '../../src/main/ipc/dispatch'
import type { THandlerContext, THandlerTable } from '../../src/main/ipc/types'
import { makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import { HARNESS_ADMIN, unlockedHandlers } from '#test-support/handler-harness'

const ADMIN = HARNESS_ADMIN

describe('backup:create and backup:restore answers', () => {
  let folder: string
  let backupFile: string
  let services: TServices
  let table: THandlerTable
  let context: THandlerContext

  beforeEach(async () => {
    folder = makeTempFolder('ccij-backup-handler-')
    backupFile = join(folder, 'ccij-vault-test.ccijbackup')
    ;({ services, table, context } = await unlockedHandlers(join(folder, 'data'), {
      chooseBackupDestination: async () => backupFile,
      chooseBackupSource: async () => backupFile,
    }))
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
