import { existsSync } from 'node:fs'
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
  /** What the stand-in file dialogs answer: the backup file, or null for a cancelled dialog. */
  let chosen: string | null

  beforeEach(async () => {
    folder = makeTempFolder('ccij-backup-handler-')
    backupFile = join(folder, 'ccij-vault-test.ccijbackup')
    chosen = backupFile
    ;({ services, table, context } = await unlockedHandlers(join(folder, 'data'), {
      chooseBackupDestination: async () => chosen,
      chooseBackupSource: async () => chosen,
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

  it('writes and restores nothing when the person cancels the file dialog', async () => {
    chosen = null
    expect(await dispatch(table, 'backup:create', {}, context)).toEqual({
      ok: true,
      value: { created: false, bytes: null, fileName: null },
    })
    expect(existsSync(backupFile)).toBe(false)
    expect(await dispatch(table, 'backup:restore', { passphrase: ADMIN.passphrase }, context)).toEqual({
      ok: true,
      value: { restored: false, backupCreatedAt: null },
    })
  })

  it('restores as the person the request names, not as whoever is signed in', async () => {
    expect(await dispatch(table, 'backup:create', {}, context)).toMatchObject({ ok: true })
    const named = await dispatch(
      table,
      'backup:restore',
      { username: 'nobody.example', passphrase: ADMIN.passphrase },
      context,
    )
    expect(named).toMatchObject({ ok: false })
    const own = await dispatch(
      table,
      'backup:restore',
      { username: ADMIN.username, passphrase: ADMIN.passphrase },
      context,
    )
    expect(own).toMatchObject({ ok: true, value: { restored: true } })
  })

  it('refuses both where there is no file dialog (the browser bridge)', async () => {
    const bare = await unlockedHandlers(join(folder, 'bare'))
    try {
      const requests = { 'backup:create': {}, 'backup:restore': { passphrase: ADMIN.passphrase } }
      for (const [channel, request] of Object.entries(requests)) {
        const answer = await dispatch(bare.table, channel, request, bare.context)
        expect(answer, channel).toMatchObject({
          ok: false,
          error: { code: 'CANCELLED', message: 'Choosing a backup file is not available here.' },
        })
      }
    } finally {
      bare.services.vault.lock()
    }
  })
})
