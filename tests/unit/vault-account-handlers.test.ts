import { describe, expect, it } from 'vitest'
import type { TServices } from '../../src/main/core/services'
import { accountsHandlers } from '../../src/main/ipc/handlers/accounts'
import { createProgressTracker } from '../../src/main/ipc/handlers/progress'
import { vaultHandlers } from '../../src/main/ipc/handlers/vault'
import type { THandlerContext } from '../../src/main/ipc/types'

/*
 * The vault and account channels' handlers alone, over services that record each call: which service method each
 * channel calls, with which of the request's fields, and the answer it shapes from the result. ipc-handlers.test.ts
 * drives the same channels through real vaults; this file loads no service, so a mutation run of these two files
 * costs milliseconds a mutant instead of a vault each.
 */

const context: THandlerContext = { staff: null }

function setUp() {
  const calls: unknown[][] = []
  const record =
    (name: string, answer: unknown) =>
    (...args: unknown[]) => {
      calls.push([name, ...args])
      return answer
    }
  /** A rekey that reports one step, so the handler's progress listener is seen to reach the service. */
  const rekeying =
    (name: string, answer: unknown) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args])
      const options = args.at(-1) as {
        onProgress: (progress: { bytesDone: number; bytesTotal: number }) => void
      }
      options.onProgress({ bytesDone: 1, bytesTotal: 2 })
      seenProgress.push(progress.current())
      return answer
    }
  const seenProgress: unknown[] = []
  const progress = createProgressTracker()
  const services = {
    vault: {
      status: record('vault.status', { state: 'locked' }),
      create: record('vault.create', { recoveryKey: 'RK' }),
      unlock: async (...args: unknown[]) =>
        record('vault.unlock', undefined)(...args) ?? { username: 'alex' },
      unlockWithRecoveryKey: async (...args: unknown[]) =>
        record('vault.unlockWithRecoveryKey', undefined)(...args) ?? { username: 'sam' },
      lock: record('vault.lock', undefined),
    },
    accounts: {
      changeOwnPassphrase: async (...args: unknown[]) =>
        void record('accounts.changeOwnPassphrase', 1)(...args),
      list: record('accounts.list', ['account-list']),
      add: async (...args: unknown[]) => record('accounts.add', 'added')(...args),
      disable: rekeying('accounts.disable', 'disabled'),
      changeRole: rekeying('accounts.changeRole', 'role-changed'),
      resetPassphrase: async (...args: unknown[]) => record('accounts.resetPassphrase', 'reset')(...args),
    },
    recovery: {
      replace: rekeying('recovery.replace', 'NEW-KEY'),
      confirm: record('recovery.confirm', 'ignored'),
      status: record('recovery.status', { confirmed: false }),
    },
  } as unknown as TServices
  const handlers = { ...vaultHandlers(services, progress), ...accountsHandlers(services, progress) }
  // The request types are the contract's; these tests hand plain objects.
  const call = (channel: keyof typeof handlers, request: unknown = {}) =>
    (handlers[channel] as (request: unknown, context: THandlerContext) => unknown)(request, context)
  return { calls, call, seenProgress, progress }
}

describe('the vault channels’ handlers', () => {
  it('status, create and the recovery key’s status answer what the service answers', async () => {
    const { calls, call } = setUp()
    expect(await call('vault:status')).toEqual({ state: 'locked' })
    expect(await call('vault:create', { username: 'alex' })).toEqual({ recoveryKey: 'RK' })
    expect(await call('vault:recoveryKeyStatus')).toEqual({ confirmed: false })
    expect(calls).toEqual([['vault.status'], ['vault.create', { username: 'alex' }], ['recovery.status']])
  })

  it('unlock and recover pass the request’s own fields and answer the staff signed in', async () => {
    const { calls, call } = setUp()
    expect(await call('vault:unlock', { username: 'alex', passphrase: 'p1' })).toEqual({
      staff: { username: 'alex' },
    })
    expect(await call('vault:recover', { recoveryKey: 'RK', username: 'sam', newPassphrase: 'p2' })).toEqual({
      staff: { username: 'sam' },
    })
    expect(calls).toEqual([
      ['vault.unlock', 'alex', 'p1'],
      ['vault.unlockWithRecoveryKey', 'RK', 'sam', 'p2'],
    ])
  })

  it('lock passes the reason given, or "manual"', async () => {
    const { calls, call } = setUp()
    expect(await call('vault:lock', { reason: 'idle' })).toEqual({ locked: true })
    expect(await call('vault:lock', {})).toEqual({ locked: true })
    expect(calls).toEqual([
      ['vault.lock', 'idle'],
      ['vault.lock', 'manual'],
    ])
  })

  it('a passphrase change passes both passphrases, in order', async () => {
    const { calls, call } = setUp()
    expect(await call('vault:changePassphrase', { currentPassphrase: 'old', newPassphrase: 'new' })).toEqual({
      changed: true,
    })
    expect(calls).toEqual([['accounts.changeOwnPassphrase', 'old', 'new']])
  })

  it('a new recovery key is a rekey the progress bar sees, and answers the key', async () => {
    const { calls, call, seenProgress, progress } = setUp()
    expect(await call('vault:replaceRecoveryKey')).toEqual({ recoveryKey: 'NEW-KEY' })
    expect(calls.map(([name]) => name)).toEqual(['recovery.replace'])
    expect(seenProgress).toEqual([{ operation: 'rekey', bytesDone: 1, bytesTotal: 2 }])
    expect(progress.current()).toBeNull()
  })

  it('confirming the recovery key answers confirmed, whatever the service returns', async () => {
    const { calls, call } = setUp()
    expect(await call('vault:confirmRecoveryKey')).toEqual({ confirmed: true })
    expect(calls).toEqual([['recovery.confirm']])
  })
})

describe('the account channels’ handlers', () => {
  it('list and add answer under their own keys', async () => {
    const { calls, call } = setUp()
    expect(await call('accounts:list')).toEqual({ accounts: ['account-list'] })
    expect(await call('accounts:add', { username: 'kim', role: 'staff' })).toEqual({ account: 'added' })
    expect(calls).toEqual([['accounts.list'], ['accounts.add', { username: 'kim', role: 'staff' }]])
  })

  it('disable and a role change are rekeys of the account named, seen by the progress bar', async () => {
    const { calls, call, seenProgress } = setUp()
    expect(await call('accounts:disable', { accountId: 'a-1' })).toEqual({ account: 'disabled' })
    expect(await call('accounts:changeRole', { accountId: 'a-2', role: 'viewer' })).toEqual({
      account: 'role-changed',
    })
    expect(calls.map((entry) => entry.slice(0, -1))).toEqual([
      ['accounts.disable', 'a-1'],
      ['accounts.changeRole', 'a-2', 'viewer'],
    ])
    expect(seenProgress).toEqual([
      { operation: 'rekey', bytesDone: 1, bytesTotal: 2 },
      { operation: 'rekey', bytesDone: 1, bytesTotal: 2 },
    ])
  })

  it('a passphrase reset passes the account and the new passphrase', async () => {
    const { calls, call } = setUp()
    expect(await call('accounts:resetPassphrase', { accountId: 'a-3', passphrase: 'temp' })).toEqual({
      account: 'reset',
    })
    expect(calls).toEqual([['accounts.resetPassphrase', 'a-3', 'temp']])
  })
})
