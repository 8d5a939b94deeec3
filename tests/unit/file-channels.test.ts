import { describe, expect, it, vi } from 'vitest'
import type { TServices } from '../../src/main/core/services'
import { batchMatchingHandlers } from '../../src/main/ipc/handlers/batch-matching'
import { casesFileHandlers } from '../../src/main/ipc/handlers/cases-file'
import { csvUploadHandlers } from '../../src/main/ipc/handlers/csv-upload'
import type { THandlerContext } from '../../src/main/ipc/types'

/*
 * The cases-file, batch-matching and CSV-upload channels' handlers alone, over services that record each call (the
 * file transfer and the CSV readers mocked). cases-file-batch-handlers.test.ts and ipc-handlers.test.ts drive the same
 * channels through real vaults; this file loads no service, so a mutation run of these files costs milliseconds a
 * mutant instead of a vault each.
 */

const seen = vi.hoisted(() => ({ calls: [] as unknown[][] }))
vi.mock('../../src/main/core/cases/json/cases-file-transfer', () => ({
  importCasesFile: (service: unknown, json: string, options: unknown) => {
    seen.calls.push(['importCasesFile', service, json, options])
    return { imported: 2 }
  },
  exportCasesFile: (service: unknown, destination: string) => {
    seen.calls.push(['exportCasesFile', service, destination])
    return { count: 7, fileName: 'cases.json' }
  },
}))
vi.mock('../../src/main/core/roster/csv/lawyer-csv-upload', () => ({
  lawyerCsvReader: () => 'lawyer-reader',
}))
vi.mock('../../src/main/core/cases/csv/intake-csv-worker-reader', () => ({
  intakeCsvWorkerReader: (options: { sink: unknown }) => ({ intakeReader: options.sink }),
}))

const context: THandlerContext = { staff: null }
type TCall = (request?: unknown) => Promise<unknown>

function casesFile(destination: string | null | undefined) {
  seen.calls = []
  const caseTransfer = { name: 'caseTransfer' }
  const handlers = casesFileHandlers({
    caseTransfer,
    options: {
      desktop:
        destination === undefined
          ? {}
          : {
              chooseCasesFileDestination: async () => {
                seen.calls.push(['chooseCasesFileDestination'])
                return destination
              },
            },
    },
  } as unknown as TServices)
  const call = (channel: keyof typeof handlers): TCall =>
    (async (request: unknown = {}) =>
      (handlers[channel] as (request: unknown, context: THandlerContext) => unknown)(
        request,
        context,
      )) as TCall
  return { caseTransfer, call }
}

describe('the cases file channels', () => {
  it('import passes the JSON and the dry-run switch to the transfer, and answers what it answers', async () => {
    const { caseTransfer, call } = casesFile('/x')
    expect(await call('casesFile:import')({ json: '{"a":1}', dryRun: true })).toEqual({ imported: 2 })
    expect(await call('casesFile:import')({ json: '[]', dryRun: false })).toEqual({ imported: 2 })
    expect(seen.calls).toEqual([
      ['importCasesFile', caseTransfer, '{"a":1}', { dryRun: true }],
      ['importCasesFile', caseTransfer, '[]', { dryRun: false }],
    ])
  })

  it('export writes where the person chose and answers the count and the file’s name', async () => {
    const { caseTransfer, call } = casesFile('/home/alex/cases.json')
    expect(await call('casesFile:export')()).toEqual({ exported: true, count: 7, fileName: 'cases.json' })
    expect(seen.calls).toEqual([
      ['chooseCasesFileDestination'],
      ['exportCasesFile', caseTransfer, '/home/alex/cases.json'],
    ])
  })

  it('export writes nothing when the person cancels the dialog', async () => {
    const { call } = casesFile(null)
    expect(await call('casesFile:export')()).toEqual({ exported: false, count: 0, fileName: null })
    expect(seen.calls).toEqual([['chooseCasesFileDestination']])
  })

  it('export is not available where there is no save dialog', async () => {
    const { call } = casesFile(undefined)
    await expect(call('casesFile:export')()).rejects.toMatchObject({
      code: 'CANCELLED',
      message: 'Choosing where to save an export is not available here.',
    })
    expect(seen.calls).toEqual([])
  })
})

function batch() {
  const calls: unknown[][] = []
  let finish: (value: unknown) => void = () => undefined
  let steps: { onProgress: (value: unknown) => void; isCancelled: () => boolean } | undefined
  const batchMatching = {
    requireAccess: () => void calls.push(['requireAccess']),
    proposeInSteps: (options: NonNullable<typeof steps>) => {
      calls.push(['proposeInSteps'])
      steps = options
      return new Promise((resolve) => (finish = resolve))
    },
    approve: (request: unknown) => {
      calls.push(['approve', request])
      return { approved: 1 }
    },
  }
  const handlers = batchMatchingHandlers({ batchMatching } as unknown as TServices)
  const call = (channel: keyof typeof handlers, request: unknown = {}) =>
    (handlers[channel] as (request: unknown, context: THandlerContext) => unknown)(request, context)
  return { calls, call, steps: () => steps!, finish: (value: unknown) => finish(value) }
}

describe('the batch matching channels', () => {
  it('propose runs in steps that report progress, one run at a time, and answers the proposal', async () => {
    const run = batch()
    expect(run.call('matching:batchProgress')).toBeNull()
    const proposal = run.call('matching:batchPropose') as Promise<unknown>
    expect(run.call('matching:batchProgress')).toEqual({ casesRanked: 0, cases: 0 })
    run.steps().onProgress({ casesRanked: 3, cases: 10 })
    expect(run.call('matching:batchProgress')).toEqual({ casesRanked: 3, cases: 10 })
    expect(() => run.call('matching:batchPropose')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'A batch proposal is already being made: wait for it, or stop it.',
      }),
    )
    run.finish({ proposals: ['p'] })
    expect(await proposal).toEqual({ proposals: ['p'] })
    expect(run.call('matching:batchProgress')).toBeNull()
    expect(run.calls.filter(([name]) => name === 'proposeInSteps')).toHaveLength(1)
  })

  it('cancel stops the running proposal, and says so only when one was running', async () => {
    const run = batch()
    expect(run.call('matching:batchCancel')).toEqual({ cancelled: false })
    const proposal = run.call('matching:batchPropose') as Promise<unknown>
    expect(run.steps().isCancelled()).toBe(false)
    expect(run.call('matching:batchCancel')).toEqual({ cancelled: true })
    expect(run.steps().isCancelled()).toBe(true)
    run.finish(null)
    await proposal
  })

  it('every channel but approve checks access first; approve passes the request on', () => {
    const run = batch()
    run.call('matching:batchProgress')
    run.call('matching:batchCancel')
    expect(run.calls).toEqual([['requireAccess'], ['requireAccess']])
    run.calls.length = 0
    void run.call('matching:batchPropose')
    expect(run.calls).toEqual([['requireAccess'], ['proposeInSteps']])
    run.calls.length = 0
    expect(run.call('matching:batchApprove', { ids: ['a'] })).toEqual({ approved: 1 })
    expect(run.calls).toEqual([['approve', { ids: ['a'] }]])
  })

  it('refuses before anything runs when access is refused', () => {
    const denied = new Error('FORBIDDEN')
    const handlers = batchMatchingHandlers({
      batchMatching: {
        requireAccess: () => {
          throw denied
        },
        proposeInSteps: () => {
          throw new Error('ran')
        },
      },
    } as unknown as TServices)
    const call = (channel: keyof typeof handlers) =>
      (handlers[channel] as (request: unknown, context: THandlerContext) => unknown)({}, context)
    for (const channel of [
      'matching:batchPropose',
      'matching:batchProgress',
      'matching:batchCancel',
    ] as const) {
      expect(() => call(channel), channel).toThrow(denied)
    }
  })
})

function uploads() {
  const calls: unknown[][] = []
  const services = {
    csvUploads: {
      open: (reader: unknown, bytes: number) => (calls.push(['open', reader, bytes]), { uploadId: 'u-1' }),
      append: (uploadId: string, text: string, last: boolean) => (
        calls.push(['append', uploadId, text, last]),
        { received: text.length }
      ),
      cancel: (uploadId: string) => void calls.push(['cancel', uploadId]),
    },
    lawyerImport: { discardUpload: (uploadId: string) => void calls.push(['discardUpload', uploadId]) },
    caseTransfer: { intakeSink: (options: { dryRun: boolean }) => ({ sink: options }) },
  } as unknown as TServices
  const handlers = csvUploadHandlers(services)
  const call = (channel: keyof typeof handlers, request: unknown) =>
    (handlers[channel] as (request: unknown, context: THandlerContext) => unknown)(request, context)
  return { calls, call }
}

describe('the CSV upload channels', () => {
  it('open gives lawyer files the lawyer reader, and intakes the worker reader with a dry run only when asked', () => {
    const { calls, call } = uploads()
    expect(call('csvUpload:open', { kind: 'lawyers', bytes: 10 })).toEqual({ uploadId: 'u-1' })
    call('csvUpload:open', { kind: 'intakes', bytes: 20, dryRun: true })
    call('csvUpload:open', { kind: 'intakes', bytes: 30 })
    expect(calls).toEqual([
      ['open', 'lawyer-reader', 10],
      ['open', { intakeReader: { sink: { dryRun: true } } }, 20],
      ['open', { intakeReader: { sink: { dryRun: false } } }, 30],
    ])
  })

  it('append passes the upload, the slice and whether it is the last', () => {
    const { calls, call } = uploads()
    expect(call('csvUpload:append', { uploadId: 'u-1', text: 'a,b\n', last: true })).toEqual({ received: 4 })
    expect(calls).toEqual([['append', 'u-1', 'a,b\n', true]])
  })

  it('cancel drops the upload and any lawyer file read from it', () => {
    const { calls, call } = uploads()
    expect(call('csvUpload:cancel', { uploadId: 'u-2' })).toEqual({})
    expect(calls).toEqual([
      ['cancel', 'u-2'],
      ['discardUpload', 'u-2'],
    ])
  })
})
