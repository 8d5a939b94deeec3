import { describe, expect, it, vi } from 'vitest'
import type { TServices } from '../../src/main/core/services'
import { backupHandlers } from '../../src/main/ipc/handlers/backup'
import { createProgressTracker } from '../../src/main/ipc/handlers/progress'
import type { THandlerContext } from '../../src/main/ipc/types'
import { AppError } from '../../src/shared/result'

/*
 * The backup channels' handlers alone, over a backup service and file dialogs that record each call, with the backup
 * file's header read mocked. backup-handler.test.ts drives the same channels with real vaults and real backup files;
 * this file loads no service, so a mutation run of backup.ts costs milliseconds a mutant instead of a vault each.
 */

vi.mock('../../src/main/core/vault/backup-file', () => ({
  readBackupMetadata: async (source: string) => ({ createdAt: `created-for:${source}` }),
}))

type TDialogs = { destination?: string | null; source?: string | null }

function setUp(dialogs: TDialogs) {
  const calls: unknown[][] = []
  const seenProgress: unknown[] = []
  const progress = createProgressTracker()
  const report = (listener: (value: { bytesDone: number; bytesTotal: number }) => void) => {
    listener({ bytesDone: 3, bytesTotal: 4 })
    seenProgress.push(progress.current())
  }
  const services = {
    backup: {
      create: async (destination: string, listener: never) => {
        calls.push(['create', destination])
        report(listener)
        return { bytes: 4096 }
      },
      restore: async (source: string, username: string, passphrase: string, listener: never) => {
        calls.push(['restore', source, username, passphrase])
        report(listener)
      },
    },
    options: {
      desktop: {
        ...('destination' in dialogs
          ? {
              chooseBackupDestination: async () => {
                calls.push(['chooseBackupDestination'])
                return dialogs.destination
              },
            }
          : {}),
        ...('source' in dialogs
          ? {
              chooseBackupSource: async () => {
                calls.push(['chooseBackupSource'])
                return dialogs.source
              },
            }
          : {}),
      },
    },
  } as unknown as TServices
  const handlers = backupHandlers(services, progress)
  const call = (channel: keyof typeof handlers, request: unknown, context: THandlerContext) =>
    (handlers[channel] as (request: unknown, context: THandlerContext) => Promise<unknown>)(request, context)
  return { calls, call, seenProgress, progress }
}

const signedIn: THandlerContext = { staff: { username: 'alex.example' } as THandlerContext['staff'] }

describe('backup:create', () => {
  it('saves where the person chose, tracked as a backup, and names the file by its base name only', async () => {
    const { calls, call, seenProgress, progress } = setUp({ destination: '/home/alex/backups/ccij.backup' })
    expect(await call('backup:create', {}, signedIn)).toEqual({
      created: true,
      bytes: 4096,
      fileName: 'ccij.backup',
    })
    expect(calls).toEqual([['chooseBackupDestination'], ['create', '/home/alex/backups/ccij.backup']])
    expect(seenProgress).toEqual([{ operation: 'backup', bytesDone: 3, bytesTotal: 4 }])
    expect(progress.current()).toBeNull()
  })

  it('writes nothing when the person cancels the dialog', async () => {
    const { calls, call } = setUp({ destination: null })
    expect(await call('backup:create', {}, signedIn)).toEqual({ created: false, bytes: null, fileName: null })
    expect(calls).toEqual([['chooseBackupDestination']])
  })

  it('is not available where there is no file dialog', async () => {
    const { calls, call } = setUp({})
    const refused = call('backup:create', {}, signedIn)
    await expect(refused).rejects.toBeInstanceOf(AppError)
    await expect(refused).rejects.toMatchObject({
      code: 'CANCELLED',
      message: 'Choosing a backup file is not available here.',
    })
    expect(calls).toEqual([])
  })
})

describe('backup:restore', () => {
  it('restores the file chosen as the person the request names, tracked as a restore', async () => {
    const { calls, call, seenProgress } = setUp({ source: '/media/usb/ccij.backup' })
    expect(await call('backup:restore', { username: 'sam.example', passphrase: 'p' }, signedIn)).toEqual({
      restored: true,
      backupCreatedAt: 'created-for:/media/usb/ccij.backup',
    })
    expect(calls).toEqual([['chooseBackupSource'], ['restore', '/media/usb/ccij.backup', 'sam.example', 'p']])
    expect(seenProgress).toEqual([{ operation: 'restore', bytesDone: 3, bytesTotal: 4 }])
  })

  it('restores as whoever is signed in when the request names nobody, and as nobody with no one signed in', async () => {
    const { calls, call } = setUp({ source: '/b' })
    await call('backup:restore', { passphrase: 'p' }, signedIn)
    await call('backup:restore', { passphrase: 'q' }, { staff: null })
    expect(calls.filter(([name]) => name === 'restore')).toEqual([
      ['restore', '/b', 'alex.example', 'p'],
      ['restore', '/b', '', 'q'],
    ])
  })

  it('restores nothing when the person cancels the dialog', async () => {
    const { calls, call } = setUp({ source: null })
    expect(await call('backup:restore', { passphrase: 'p' }, signedIn)).toEqual({
      restored: false,
      backupCreatedAt: null,
    })
    expect(calls).toEqual([['chooseBackupSource']])
  })

  it('is not available where there is no file dialog', async () => {
    const { calls, call } = setUp({})
    await expect(call('backup:restore', { passphrase: 'p' }, signedIn)).rejects.toMatchObject({
      code: 'CANCELLED',
      message: 'Choosing a backup file is not available here.',
    })
    expect(calls).toEqual([])
  })
})

describe('backup:progress', () => {
  it('answers the operation running, or null', async () => {
    const { call, progress } = setUp({})
    expect(await call('backup:progress', {}, signedIn)).toBeNull()
    let during: unknown
    await progress.track('rekey', async (listener) => {
      listener({ bytesDone: 1, bytesTotal: 9 })
      during = await call('backup:progress', {}, signedIn)
    })
    expect(during).toEqual({ operation: 'rekey', bytesDone: 1, bytesTotal: 9 })
  })
})
