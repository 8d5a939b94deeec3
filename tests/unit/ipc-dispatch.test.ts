import { afterEach, describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES, contract, type TChannelName } from '../../src/shared/contract'
import { AppError } from '../../src/shared/result'
import { dispatch } from '../../src/main/ipc/dispatch'
import type { THandlerContext, THandlerTable } from '../../src/main/ipc/types'
import { CHANNEL_SAMPLES } from '#test-support/channel-samples'

/*
 * Each refusal of the paranoid receiver in the order it judges (channel, role, shape, schema, handler, answer),
 * with exactly the code it answers and a message that says something. ipc-access.test.ts covers every channel and
 * role; this pins what each branch answers, so a renderer can act on the code and a person can read the message.
 * The handlers here answer what each test needs: dispatch is what is under test, not the services.
 */

const admin = {
  accountId: 'account-admin',
  username: 'admin.example',
  displayName: 'Sample Admin',
  role: 'admin',
}
const asAdmin: THandlerContext = { staff: { ...admin, role: 'admin' } }
const locked: THandlerContext = { staff: null }

/** Every channel answers `answer()`; the calls are recorded, so "refused" also means "the handler never ran". */
function tableAnswering(answer: (channel: TChannelName) => unknown) {
  const calls: TChannelName[] = []
  const table = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [
      channel,
      () => {
        calls.push(channel)
        return answer(channel)
      },
    ]),
  ) as unknown as THandlerTable
  return { table, calls }
}

const APP_INFO = { name: 'CCIJ Caseworker', version: '1.0.0', platform: 'linux', runtime: 'bridge' }
const refusal = (code: string, message: RegExp) => ({
  ok: false,
  error: { code, message: expect.stringMatching(message) },
})

afterEach(() => vi.restoreAllMocks())

describe('dispatch answers each refusal with its own code', () => {
  it('a channel outside the contract: UNKNOWN_CHANNEL, and nothing runs', async () => {
    const { table, calls } = tableAnswering(() => APP_INFO)
    for (const name of ['fs:readFile', 'constructor', 'toString', '']) {
      expect(await dispatch(table, name, {}, asAdmin)).toEqual(
        refusal('UNKNOWN_CHANNEL', /not part of the app/),
      )
    }
    expect(calls).toEqual([])
  })

  it('a locked vault: LOCKED before the role or the request is looked at', async () => {
    const { table, calls } = tableAnswering(() => ({}))
    expect(await dispatch(table, 'app:activity', { smuggled: 1 }, locked)).toEqual(
      refusal('LOCKED', /locked/i),
    )
    expect(calls).toEqual([])
  })

  it('a role not listed: FORBIDDEN before the request is looked at', async () => {
    const { table, calls } = tableAnswering(() => ({}))
    const viewer = { staff: { ...admin, role: 'viewer' as const } }
    expect(await dispatch(table, 'accounts:list', { __proto__: null, constructor: 1 }, viewer)).toEqual(
      refusal('FORBIDDEN', /role/i),
    )
    expect(calls).toEqual([])
  })

  it('a request of the wrong shape: BAD_REQUEST with the shape’s reason, before zod parses it', async () => {
    const { table, calls } = tableAnswering(() => APP_INFO)
    const parse = vi.spyOn(contract['app:info'].request, 'safeParse')
    const hostile = JSON.parse('{"__proto__": {"polluted": true}}') as unknown
    expect(await dispatch(table, 'app:info', hostile, locked)).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'the key "__proto__" is not allowed' },
    })
    expect(await dispatch(table, 'app:info', { n: Number.NaN }, locked)).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'numbers must be finite' },
    })
    expect(parse).not.toHaveBeenCalled()
    expect(calls).toEqual([])
  })

  it('a request the schema cannot read: BAD_REQUEST, never the schema’s own error', async () => {
    const { table, calls } = tableAnswering(() => APP_INFO)
    vi.spyOn(contract['app:info'].request, 'safeParse').mockImplementation(() => {
      throw new Error('internal parser state at /home/staff')
    })
    expect(await dispatch(table, 'app:info', {}, locked)).toEqual(refusal('BAD_REQUEST', /could not be read/))
    expect(calls).toEqual([])
  })

  it('a request the schema refuses: BAD_REQUEST naming each field by its path, one reason per field', async () => {
    const { table, calls } = tableAnswering(() => ({ caseId: 'case-1', reference: 'REF-1' }))
    const draft = CHANNEL_SAMPLES['intake:submit']
    const nested = {
      ...draft,
      intake: { ...draft.intake, person: { ...draft.intake.person, familyName: 7 } },
    }
    const answer = await dispatch(table, 'intake:submit', nested, asAdmin)
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    if (answer.ok) return
    expect(answer.error.message).toMatch(/^intake\.person\.familyName: \S/)

    const two = await dispatch(
      table,
      'vault:create',
      { ...CHANNEL_SAMPLES['vault:create'], username: 1, passphrase: 2 },
      locked,
    )
    if (two.ok) throw new Error('two bad fields were accepted')
    expect(two.error.message.split('; ').map((part) => part.split(':')[0])).toEqual([
      'username',
      'passphrase',
    ])

    // A request that is not an object at all has no field to name: the reason alone.
    const whole = await dispatch(table, 'app:info', 'text', locked)
    if (whole.ok) throw new Error('a string was accepted as a request')
    expect(whole.error.code).toBe('BAD_REQUEST')
    expect(whole.error.message).toMatch(/^Invalid input\b.*object/)
    expect(calls).toEqual([])
  })
})

describe('dispatch answers what the handler did', () => {
  it('a valid answer: ok with the parsed answer', async () => {
    const { table, calls } = tableAnswering(() => APP_INFO)
    expect(await dispatch(table, 'app:info', {}, locked)).toEqual({ ok: true, value: APP_INFO })
    expect(calls).toEqual(['app:info'])
  })

  it('an answer outside the contract: INTERNAL, and none of it reaches the renderer', async () => {
    const { table } = tableAnswering(() => ({ name: 'CCIJ Caseworker', secret: 'CANARY-ANSWER-91' }))
    const answer = await dispatch(table, 'app:info', {}, locked)
    expect(answer).toEqual(refusal('INTERNAL', /answer it cannot send/))
    expect(JSON.stringify(answer)).not.toContain('CANARY')
  })

  it('an AppError: its own code, message and details', async () => {
    const { table } = tableAnswering(() => {
      throw new AppError('CONFLICT', 'Someone else changed this case.', { field: 'person' })
    })
    expect(await dispatch(table, 'app:info', {}, locked)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Someone else changed this case.', details: { field: 'person' } },
    })
  })

  it('any other failure, thrown or rejected: INTERNAL with a generic message', async () => {
    const leak = 'SQLITE_CORRUPT /home/staff/vault.db CANARY-NAME-7f3a'
    for (const failing of [
      () => {
        throw new Error(leak)
      },
      () => Promise.reject(Object.assign(new Error(leak), { code: 'CONFLICT' })),
    ]) {
      const table = { ...tableAnswering(() => APP_INFO).table, 'app:info': failing } as THandlerTable
      const answer = await dispatch(table, 'app:info', {}, locked)
      expect(answer).toEqual(refusal('INTERNAL', /went wrong inside the app/))
      expect(JSON.stringify(answer)).not.toMatch(/SQLITE|vault\.db|CANARY/)
    }
  })
})
