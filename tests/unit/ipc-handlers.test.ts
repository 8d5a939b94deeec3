import { existsSync, mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { type TChannelName, type TContract } from '../../src/shared/contract'
import { createServices, type TServices } from '../../src/main/core/services'
import { dispatch } from '../../src/main/ipc/dispatch'
import { createHandlerTable } from '../../src/main/ipc/handler-table'
import { CHANNEL_SAMPLES } from '#test-support/channel-samples'
import { tempFolderPerTest } from '#test-support/per-test'
import { FAST_KDF } from '#test-support/vault-fixtures'

/**
 * The real handler table over real services, called through dispatch as the renderer calls it: each channel does
 * what its name says with the request's own fields and answers with what the service did. (ipc-access.test.ts
 * proves who may call; this proves what a call does.) Synthetic people only.
 */

const ADMIN = { username: 'sample.admin', passphrase: 'sample lantern ferry orbit 31' }
const WORKER = { username: 'sample.worker', passphrase: 'sample granite tulip comet 58' }

function app(root: string) {
  const opened: string[] = []
  mkdirSync(join(root, 'chosen'), { recursive: true })
  const services: TServices = createServices({
    dataDirectory: root,
    runtime: 'bridge',
    appVersion: '9.8.7-test',
    vault: { kdf: FAST_KDF },
    desktop: {
      openExternalAfterConfirm: async (url) => {
        opened.push(url)
        return true
      },
      chooseExportDestination: async () => join(root, 'chosen', 'intakes.csv'),
      chooseBackupDestination: async () => join(root, 'chosen', 'office.ccijbackup'),
      chooseBackupSource: async () => join(root, 'chosen', 'office.ccijbackup'),
    },
  })
  const table = createHandlerTable(services)
  /** One call as the renderer makes it; a refusal fails the test with the channel and code. */
  async function call<C extends TChannelName>(
    channel: C,
    request: z.input<TContract[C]['request']>,
  ): Promise<z.output<TContract[C]['response']>> {
    const result = await dispatch(table, channel, request, { staff: services.currentStaff() })
    if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`)
    return result.value as z.output<TContract[C]['response']>
  }
  const codeOf = async (channel: TChannelName, request: unknown) => {
    const result = await dispatch(table, channel, request, { staff: services.currentStaff() })
    return result.ok ? null : result.error.code
  }
  return { services, call, codeOf, opened }
}

async function createdVault(root: string) {
  const running = app(root)
  const created = await running.call('vault:create', {
    organizationName: 'Sample Office (synthetic)',
    username: ADMIN.username,
    displayName: 'Sample Admin-Example',
    passphrase: ADMIN.passphrase,
  })
  return { ...running, created }
}

describe('every channel through the real handler table', () => {
  const root = tempFolderPerTest('ccij-handlers-')

  it('app: names the app, its version and runtime; opens a link only through the desktop’s confirmation', async () => {
    const { call, opened } = await createdVault(root())
    expect(await call('app:info', {})).toEqual({
      name: 'CCIJ Caseworker',
      version: '9.8.7-test',
      platform: process.platform,
      runtime: 'bridge',
    })
    expect(await call('app:openExternal', { url: 'https://example.org/help' })).toEqual({ opened: true })
    expect(opened).toEqual(['https://example.org/help'])
    expect(await call('app:activity', {})).toEqual({})
  })

  it('settings: the language and idle lock are stored, and an idle-lock change is audited once, from → to', async () => {
    const { call } = await createdVault(root())
    expect((await call('settings:setLocale', { locale: 'fr' })).locale).toBe('fr')
    const before = (await call('settings:get', {})).idleLockMinutes
    expect((await call('settings:setIdleLock', { minutes: 30 })).idleLockMinutes).toBe(30)
    expect(await call('settings:get', {})).toMatchObject({ locale: 'fr', idleLockMinutes: 30 })
    // The same value again changes nothing and is not audited again.
    await call('settings:setIdleLock', { minutes: 30 })
    const changes = (await call('audit:list', { limit: 100 })).entries.filter(
      (entry) => entry.action === 'settings.changed',
    )
    expect(changes.map((entry) => entry.details)).toEqual([
      { setting: 'idleLockMinutes', from: before, to: 30 },
    ])
  })

  it('vault: create, status, lock with its reason, unlock, change passphrase, recovery key', async () => {
    const { call, codeOf, created } = await createdVault(root())
    expect(created.staff).toMatchObject({ username: ADMIN.username, role: 'admin' })
    expect(created.recoveryKey).toMatch(/^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/)
    expect(await call('vault:status', {})).toMatchObject({ state: 'unlocked' })

    expect(await call('vault:recoveryKeyStatus', {})).toEqual({ confirmedAt: null })
    expect(await call('vault:confirmRecoveryKey', {})).toEqual({ confirmed: true })
    expect((await call('vault:recoveryKeyStatus', {})).confirmedAt).not.toBeNull()
    const { recoveryKey } = await call('vault:replaceRecoveryKey', {})
    expect(recoveryKey).not.toBe(created.recoveryKey)
    expect(await call('vault:recoveryKeyStatus', {})).toEqual({ confirmedAt: null })

    const changed = 'sample harbour violin kettle 64'
    expect(
      await call('vault:changePassphrase', { currentPassphrase: ADMIN.passphrase, newPassphrase: changed }),
    ).toEqual({ changed: true })
    expect(await call('vault:lock', { reason: 'shortcut' })).toEqual({ locked: true })
    expect(await call('vault:status', {})).toMatchObject({ state: 'locked', lastLockReason: 'shortcut' })
    expect(await codeOf('vault:unlock', ADMIN)).toBe('WRONG_PASSPHRASE')
    expect(await call('vault:unlock', { username: ADMIN.username, passphrase: changed })).toMatchObject({
      staff: { username: ADMIN.username, role: 'admin' },
    })
    await call('vault:lock', {})
    expect(await call('vault:status', {})).toMatchObject({ state: 'locked', lastLockReason: 'manual' })

    // The replaced key opens it; the first one no longer does.
    const recovered = 'sample orchid tundra pebble 77'
    expect(
      await codeOf('vault:recover', {
        recoveryKey: created.recoveryKey,
        username: ADMIN.username,
        newPassphrase: recovered,
      }),
    ).not.toBeNull()
    expect(
      await call('vault:recover', { recoveryKey, username: ADMIN.username, newPassphrase: recovered }),
    ).toMatchObject({ staff: { username: ADMIN.username } })
    await call('vault:lock', {})
    expect(await call('vault:unlock', { username: ADMIN.username, passphrase: recovered })).toMatchObject({
      staff: { username: ADMIN.username },
    })
  })

  it('accounts: add, list, change role, reset passphrase and disable act on the account named', async () => {
    const { call, codeOf } = await createdVault(root())
    const { account } = await call('accounts:add', {
      ...WORKER,
      displayName: 'Sample Worker-Example',
      role: 'caseworker',
    })
    expect(account).toMatchObject({ username: WORKER.username, role: 'caseworker', status: 'active' })
    expect((await call('accounts:list', {})).accounts.map((entry) => entry.username).sort()).toEqual([
      ADMIN.username,
      WORKER.username,
    ])
    expect(
      (await call('accounts:changeRole', { accountId: account.id, role: 'viewer' })).account,
    ).toMatchObject({ id: account.id, role: 'viewer' })
    const reset = 'sample maple harbour violin 19'
    expect(
      (await call('accounts:resetPassphrase', { accountId: account.id, passphrase: reset })).account.id,
    ).toBe(account.id)
    await call('vault:lock', {})
    expect(await call('vault:unlock', { username: WORKER.username, passphrase: reset })).toMatchObject({
      staff: { username: WORKER.username, role: 'viewer' },
    })
    await call('vault:lock', {})
    await call('vault:unlock', ADMIN)
    expect((await call('accounts:disable', { accountId: account.id })).account).toMatchObject({
      id: account.id,
      status: 'disabled',
    })
    await call('vault:lock', {})
    expect(await codeOf('vault:unlock', { username: WORKER.username, passphrase: reset })).not.toBeNull()
  })

  it('intake and cases: a draft, the duplicate check, the case and every change to it', async () => {
    const { call } = await createdVault(root())
    const draft = await call('intake:saveDraft', CHANNEL_SAMPLES['intake:saveDraft'])
    expect((await call('intake:listDrafts', {})).map((entry) => entry.id)).toEqual([draft.id])
    expect(await call('intake:getDraft', { id: draft.id })).toMatchObject({
      id: draft.id,
      data: { person: { familyName: 'Person-Example' } },
    })
    const other = await call('intake:saveDraft', CHANNEL_SAMPLES['intake:saveDraft'])
    await call('intake:discardDraft', { id: other.id })
    expect((await call('intake:listDrafts', {})).map((entry) => entry.id)).toEqual([draft.id])

    const intake = CHANNEL_SAMPLES['intake:submit'].intake
    expect(await call('intake:findDuplicates', { intake })).toEqual([])
    const submitted = await call('intake:submit', { ...CHANNEL_SAMPLES['intake:submit'], draftId: draft.id })
    const { caseId } = submitted
    expect(await call('intake:listDrafts', {})).toEqual([])
    expect((await call('intake:findDuplicates', { intake })).map((candidate) => candidate.caseId)).toEqual([
      caseId,
    ])
    expect((await call('cases:list', { search: 'Person-Example' })).rows.map((row) => row.id)).toEqual([
      caseId,
    ])
    expect((await call('cases:get', { caseId })).reference).toBe(submitted.reference)
    expect(await call('cases:reveal', { caseId, section: 'narrative' })).toBeDefined()

    await call('cases:addTimelineEntry', { caseId, kind: 'note', body: 'Called back (sample).' })
    const task = await call('cases:addTask', { caseId, title: 'Call back (sample)', dueOn: '2031-07-01' })
    await call('cases:setTaskDone', { caseId, taskId: task.id, done: true })
    await call('cases:recordConsent', { ...CHANNEL_SAMPLES['cases:recordConsent'], caseId })
    const assignees = await call('cases:assignees', {})
    expect(assignees.map((assignee) => assignee.displayName)).toEqual(['Sample Admin-Example'])
    await call('cases:assign', { caseId, accountId: assignees[0]!.accountId })
    await call('cases:changeStatus', { caseId, to: 'screening' })
    const detail = await call('cases:get', { caseId })
    expect(detail).toMatchObject({ status: 'screening', assignee: { accountId: assignees[0]!.accountId } })
    expect(JSON.stringify(detail)).toContain('Called back (sample).')
    expect(JSON.stringify(detail)).toContain('Call back (sample)')
  })

  it('intakes CSV: a dry run stores nothing, the import stores, the export writes the chosen file', async () => {
    const { call } = await createdVault(root())
    const csv = 'family_name,given_names\nCsvperson-Example,Sample\nOtherperson-Example,Sample\n'
    // The file goes in two slices, cut inside a name; each answer says how far the read got.
    const upload = async () => {
      const { uploadId } = await call('csvUpload:open', { kind: 'intakes', bytes: csv.length })
      expect(await call('csvUpload:append', { uploadId, text: csv.slice(0, 40), last: false })).toMatchObject(
        {
          bytesRead: 40,
          totalBytes: csv.length,
          ended: false,
        },
      )
      expect(await call('csvUpload:append', { uploadId, text: csv.slice(40), last: true })).toMatchObject({
        bytesRead: csv.length,
        records: 3,
        ended: true,
      })
      return uploadId
    }
    expect(await call('intakeCsv:import', { uploadId: await upload(), dryRun: true })).toMatchObject({
      created: 0,
      rows: 2,
    })
    expect((await call('cases:list', {})).total).toBe(0)
    expect(await call('intakeCsv:import', { uploadId: await upload(), dryRun: false })).toMatchObject({
      created: 2,
    })
    expect((await call('cases:list', {})).total).toBe(2)
    expect(await call('intakeCsv:export', {})).toEqual({ exported: true, count: 2, fileName: 'intakes.csv' })
    expect(existsSync(join(root(), 'chosen', 'intakes.csv'))).toBe(true)
  })

  it('audit and backup: the trail lists and verifies; a backup is written where chosen and restores', async () => {
    const { call } = await createdVault(root())
    const page = await call('audit:list', { limit: 1 })
    expect(page.entries).toHaveLength(1)
    expect((await call('audit:list', { limit: 500 })).entries.map((entry) => entry.action)).toContain(
      'vault.created',
    )
    expect(await call('audit:verify', {})).toMatchObject({ ok: true })
    const backup = await call('backup:create', {})
    const file = join(root(), 'chosen', 'office.ccijbackup')
    expect(backup).toEqual({ created: true, bytes: statSync(file).size, fileName: 'office.ccijbackup' })
    expect(await call('backup:progress', {})).toBeNull()
    expect(await call('backup:restore', { passphrase: ADMIN.passphrase })).toMatchObject({ restored: true })
  })
})
