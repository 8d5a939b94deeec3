import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TChannelName } from '../../src/shared/contract'
import { dispatch } from '../../src/main/ipc/dispatch'
import { createHandlerTable } from '../../src/main/ipc/handler-table'
import { createProgressTracker } from '../../src/main/ipc/handlers/progress'
import { CHANNEL_SAMPLES } from '#test-support/channel-samples'
import { HARNESS_ADMIN, unlockedServices } from '#test-support/handler-harness'
import { makeTempFolder, removeFolder } from '#test-support/vault-fixtures'

/*
 * The progress bar's source: the one long operation running, what it reports, and nothing once it ends, however
 * it ends. Then through the handler table: each long channel reports under its own name while it runs (the
 * renderer labels the bar by it), read the way the renderer reads it, by polling 'backup:progress'.
 */

describe('the progress tracker', () => {
  it('is empty until an operation starts, shows what its listener reports, and is empty after', async () => {
    const tracker = createProgressTracker()
    expect(tracker.current()).toBeNull()
    let report: (done: number, total: number) => void = () => undefined
    let finish: (value: string) => void = () => undefined
    const running = tracker.track('backup', async (listener) => {
      report = (bytesDone, bytesTotal) => listener({ bytesDone, bytesTotal })
      return new Promise<string>((resolve) => (finish = resolve))
    })
    expect(tracker.current()).toEqual({ operation: 'backup', bytesDone: 0, bytesTotal: 0 })
    report(512, 2048)
    expect(tracker.current()).toEqual({ operation: 'backup', bytesDone: 512, bytesTotal: 2048 })
    finish('written')
    expect(await running).toBe('written')
    expect(tracker.current()).toBeNull()
  })

  it('is empty after an operation that failed, and the failure reaches the caller', async () => {
    const tracker = createProgressTracker()
    const failing = tracker.track('restore', async (listener) => {
      listener({ bytesDone: 1, bytesTotal: 2 })
      throw new Error('the backup could not be read')
    })
    await expect(failing).rejects.toThrow('the backup could not be read')
    expect(tracker.current()).toBeNull()
  })
})

describe('long channels report their progress by name while they run', () => {
  let folder: string
  let unlocked: Awaited<ReturnType<typeof unlockedServices>>
  let send: (channel: TChannelName, request: unknown) => ReturnType<typeof dispatch>

  // One vault for both tests; the table is built in each test, so each is credited with the handlers it runs.
  beforeAll(async () => {
    folder = makeTempFolder('ccij-progress-')
    mkdirSync(join(folder, 'chosen'))
    const file = join(folder, 'chosen', 'office.ccijbackup')
    unlocked = await unlockedServices(join(folder, 'data'), {
      chooseBackupDestination: async () => file,
      chooseBackupSource: async () => file,
    })
  })
  beforeEach(() => {
    const table = createHandlerTable(unlocked.services)
    send = (channel, request) => dispatch(table, channel, request, unlocked.context)
  })
  afterEach(() => vi.restoreAllMocks())
  afterAll(() => {
    unlocked.services.vault.lock()
    removeFolder(folder)
  })

  /** Starts `channel`, reads the progress while it runs, and answers both once it ended. */
  const watched = async (channel: TChannelName, request: unknown) => {
    const running = send(channel, request)
    const during = await send('backup:progress', {})
    const result = await running
    expect(result, channel).toMatchObject({ ok: true })
    expect(await send('backup:progress', {}), channel).toEqual({ ok: true, value: null })
    return { during, result }
  }
  const operation = (answer: Awaited<ReturnType<typeof send>>) =>
    answer.ok ? (answer.value as { operation: string } | null)?.operation : answer.error.code

  it('rekey, for a role change, a disable and a new recovery key', async () => {
    const added = await send('accounts:add', CHANNEL_SAMPLES['accounts:add'])
    if (!added.ok) throw new Error(`accounts:add answered ${added.error.code}`)
    const accountId = (added.value as { account: { id: string } }).account.id

    const demoted = await watched('accounts:changeRole', { accountId, role: 'viewer' })
    expect(operation(demoted.during)).toBe('rekey')
    expect(demoted.result).toMatchObject({ value: { account: { id: accountId, role: 'viewer' } } })
    const disabled = await watched('accounts:disable', { accountId })
    expect(operation(disabled.during)).toBe('rekey')
    expect(disabled.result).toMatchObject({ value: { account: { id: accountId } } })
    const replaced = await watched('vault:replaceRecoveryKey', {})
    expect(operation(replaced.during)).toBe('rekey')
    expect(replaced.result).toMatchObject({ value: { recoveryKey: expect.any(String) } })
  })

  it('rekey hands the tracker its listener, so the bar moves with the bytes re-encrypted', async () => {
    // The operation's name alone is set by the tracker; only the listener passed down to the service carries bytes.
    const { services } = unlocked
    const added = await send('accounts:add', { ...CHANNEL_SAMPLES['accounts:add'], username: 'sam.progress' })
    if (!added.ok) throw new Error(`accounts:add answered ${added.error.code}`)
    const accountId = (added.value as { account: { id: string } }).account.id
    const seen: unknown[] = []
    const reportFromInside = <T extends object>(target: T, method: keyof T & string) => {
      const original = (target[method] as (...args: unknown[]) => Promise<unknown>).bind(target)
      vi.spyOn(target, method as never).mockImplementation((async (...args: unknown[]) => {
        const options = args.at(-1) as { onProgress?: (progress: object) => void }
        options.onProgress?.({ bytesDone: 3, bytesTotal: 7 })
        seen.push(await send('backup:progress', {}))
        return original(...args)
      }) as never)
    }
    reportFromInside(services.accounts, 'changeRole')
    reportFromInside(services.accounts, 'disable')
    reportFromInside(services.recovery, 'replace')

    await watched('accounts:changeRole', { accountId, role: 'viewer' })
    await watched('accounts:disable', { accountId })
    await watched('vault:replaceRecoveryKey', {})

    const reported = { ok: true, value: { operation: 'rekey', bytesDone: 3, bytesTotal: 7 } }
    expect(seen).toEqual([reported, reported, reported])
  })

  it('backup and restore, each under its own name', async () => {
    // Both ask for the file first, so their progress is read from inside the real operation.
    const { services } = unlocked
    const seen: (string | undefined)[] = []
    for (const method of ['create', 'restore'] as const) {
      const original = services.backup[method].bind(services.backup) as (
        ...args: unknown[]
      ) => Promise<unknown>
      vi.spyOn(services.backup, method).mockImplementation((async (...args: unknown[]) => {
        seen.push(operation(await send('backup:progress', {})))
        return original(...args)
      }) as never)
    }
    expect((await watched('backup:create', {})).result).toMatchObject({ value: { created: true } })
    expect((await watched('backup:restore', { passphrase: HARNESS_ADMIN.passphrase })).result).toMatchObject({
      value: { restored: true },
    })
    expect(seen).toEqual(['backup', 'restore'])
  })

  it('the batch proposal: "n of N cases ranked" while it runs, one at a time, and stopped on request', async () => {
    expect(await send('matching:batchProgress', {})).toEqual({ ok: true, value: null })
    expect(await send('matching:batchCancel', {})).toEqual({ ok: true, value: { cancelled: false } })

    // It ranks a slice, then lets other requests through: these are answered while it waits.
    const running = send('matching:batchPropose', {})
    expect(await send('matching:batchProgress', {})).toEqual({
      ok: true,
      value: { casesRanked: 0, cases: 0 },
    })
    expect(await send('matching:batchPropose', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await send('matching:batchCancel', {})).toEqual({ ok: true, value: { cancelled: true } })
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect(await send('matching:batchProgress', {})).toEqual({ ok: true, value: null })

    // Stopping one run does not stop the next.
    expect(await send('matching:batchPropose', {})).toMatchObject({ ok: true, value: { cases: [] } })
  })
})
