import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TServices } from '../../src/main/core/services'
import { dispatch } from '../../src/main/ipc/dispatch'
import type { THandlerContext, THandlerTable } from '../../src/main/ipc/types'
import { makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import { HARNESS_ADMIN, unlockedHandlers } from '#test-support/handler-harness'

const ADMIN = HARNESS_ADMIN

describe('settings:setIdleLock and the audit trail', () => {
  let folder: string
  let services: TServices
  let table: THandlerTable
  let context: THandlerContext

  beforeEach(async () => {
    folder = makeTempFolder('ccij-settings-audit-')
    ;({ services, table, context } = await unlockedHandlers(folder))
  })

  afterEach(() => {
    services.vault.lock()
    removeFolder(folder)
  })

  const settingsEntries = () =>
    services.audit.list({ action: 'settings.changed', offset: 0, limit: 100 }).entries

  it('records who changed the idle-lock time, from what to what', async () => {
    const result = await dispatch(table, 'settings:setIdleLock', { minutes: 5 }, context)
    expect(result).toMatchObject({ ok: true, value: { idleLockMinutes: 5 } })
    const entries = settingsEntries()
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'settings.changed',
      actorUsername: ADMIN.username,
      actorAccountId: context.staff?.accountId,
      targetType: null,
      details: { setting: 'idleLockMinutes', from: 10, to: 5 },
    })
    expect(services.audit.verify().ok).toBe(true)
  })

  it('writes nothing when the value does not change', async () => {
    await dispatch(table, 'settings:setIdleLock', { minutes: 10 }, context)
    expect(settingsEntries()).toHaveLength(0)
  })

  it('refuses a value out of range without changing or recording anything', async () => {
    const result = await dispatch(table, 'settings:setIdleLock', { minutes: 300 }, context)
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(services.settings.get().idleLockMinutes).toBe(10)
    expect(settingsEntries()).toHaveLength(0)
  })

  it('is refused while the vault is locked', async () => {
    services.vault.lock()
    const result = await dispatch(table, 'settings:setIdleLock', { minutes: 5 }, { staff: null })
    expect(result).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(services.settings.get().idleLockMinutes).toBe(10)
  })
})
