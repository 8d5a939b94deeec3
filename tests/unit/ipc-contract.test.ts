import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createApi } from '../../src/shared/api'
import { CHANNEL_NAME_PATTERN, CHANNEL_NAMES, contract } from '../../src/shared/contract'
import { ROLES } from '../../src/shared/roles'
import { createServices } from '../../src/main/core/services'
import { dispatch } from '../../src/main/ipc/dispatch'
import { createHandlerTable } from '../../src/main/ipc/handler-table'
import type { THandlerTable } from '../../src/main/ipc/types'

const dataDirectory = mkdtempSync(join(tmpdir(), 'ccij-contract-'))
afterAll(() => rmSync(dataDirectory, { recursive: true, force: true }))

const services = createServices({
  dataDirectory,
  runtime: 'bridge',
  appVersion: 'test',
  desktop: { openExternalAfterConfirm: async () => false } as never,
})
// Built in each test that uses it: mutation testing credits a handler only to the tests that ran the code creating it.
const freshTable = () => createHandlerTable(services)

describe('the IPC contract', () => {
  it('names every channel feature:verb', () => {
    for (const name of CHANNEL_NAMES) expect(name).toMatch(CHANNEL_NAME_PATTERN)
  })

  it('has a handler for every channel and a channel for every handler', () => {
    const table = freshTable()
    expect(Object.keys(table).sort()).toEqual([...CHANNEL_NAMES].sort())
    for (const name of CHANNEL_NAMES) expect(typeof table[name]).toBe('function')
  })

  it('declares who may call each channel with known roles only', () => {
    for (const [name, channel] of Object.entries(contract)) {
      if (channel.access === 'public') continue
      expect(channel.access.length, name).toBeGreaterThan(0)
      for (const role of channel.access) expect(ROLES, name).toContain(role)
    }
  })

  it('refuses unknown keys in every object request (no smuggled fields)', () => {
    for (const [name, channel] of Object.entries(contract)) {
      if (!(channel.request instanceof z.ZodObject)) continue
      const result = channel.request.safeParse({ __proto__: null, smuggled: true })
      expect(result.success, name).toBe(false)
    }
  })

  it('gives the preload and the bridge the same API shape, one function per channel', async () => {
    const calls: [string, unknown][] = []
    const api = createApi(async (channel, request) => {
      calls.push([channel, request])
      return { ok: true, value: null }
    })
    for (const name of CHANNEL_NAMES) {
      const [feature, verb] = name.split(':') as [string, string]
      const call = (
        api as unknown as Record<string, Record<string, (request?: unknown) => Promise<unknown>>>
      )[feature]?.[verb]
      expect(typeof call, name).toBe('function')
    }
    await api.app.info()
    expect(calls).toEqual([['app:info', {}]])
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('never writes a channel name as a string outside the contract', () => {
    const places = [
      'src/preload/index.ts',
      'src/main/electron/ipc.ts',
      'src/main/bridge/client.ts',
      'src/main/bridge/server.ts',
    ]
    for (const place of places) {
      const source = readFileSync(join(import.meta.dirname, '../..', place), 'utf8')
      for (const name of CHANNEL_NAMES)
        expect(source.includes(`'${name}'`), `${name} in ${place}`).toBe(false)
    }
  })
})

describe('the paranoid receiver', () => {
  const caseworker = { accountId: 'a1', username: 'sam', displayName: 'Sam', role: 'caseworker' as const }
  const viewer = { ...caseworker, role: 'viewer' as const }

  it('answers a valid public request', async () => {
    const result = await dispatch(freshTable(), 'app:info', {}, { staff: null })
    expect(result).toMatchObject({ ok: true, value: { name: 'CCIJ Caseworker', runtime: 'bridge' } })
  })

  it('refuses a channel that is not in the contract', async () => {
    expect(await dispatch(freshTable(), 'fs:readFile', {}, { staff: caseworker })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    })
    expect(await dispatch(freshTable(), '__proto__', {}, { staff: caseworker })).toMatchObject({ ok: false })
  })

  it('says which field is wrong and why, without echoing the value', async () => {
    const result = await dispatch(
      freshTable(),
      'settings:setLocale',
      { locale: 'xx-secret' },
      { staff: null },
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('BAD_REQUEST')
    expect(result.error.message).toMatch(/^locale: /)
    expect(result.error.message).not.toContain('xx-secret')
  })

  it('hides an unexpected failure behind a generic message', async () => {
    const failing = {
      ...freshTable(),
      'app:info': () => {
        throw new Error('SQLITE_CORRUPT at /home/staff/vault.db: CANARY-NAME-7f3a')
      },
    } as THandlerTable
    const result = await dispatch(failing, 'app:info', {}, { staff: viewer })
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|vault\.db|CANARY-NAME/)
  })

  it('strips fields a handler returns beyond the contract', async () => {
    const leaky = {
      ...freshTable(),
      'app:info': () => ({ name: 'x', version: '1', platform: 'linux', runtime: 'bridge', secret: 'leak' }),
    } as THandlerTable
    const result = await dispatch(leaky, 'app:info', {}, { staff: null })
    expect(JSON.stringify(result)).not.toContain('leak')
  })

  it('remembers the interface language on disk, outside the vault', async () => {
    await dispatch(freshTable(), 'settings:setLocale', { locale: 'fr' }, { staff: null })
    const reopened = createHandlerTable(
      createServices({
        dataDirectory,
        runtime: 'bridge',
        appVersion: 'test',
        desktop: services.options.desktop,
      }),
    )
    expect(await dispatch(reopened, 'settings:get', {}, { staff: null })).toMatchObject({
      ok: true,
      value: { locale: 'fr' },
    })
  })
})
