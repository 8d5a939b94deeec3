import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNEL_NAMES, contract, type TChannelName } from '../../src/shared/contract'
import type { TServices } from '../../src/main/core/services'
import { dispatch } from '../../src/main/ipc/dispatch'
import type { THandlerContext, THandlerTable } from '../../src/main/ipc/types'
import { hashVaultFiles, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import { unlockedHandlers } from '#test-support/handler-harness'

/** Requests per channel; every channel gets the same number. Reported in the test name. */
const RUNS_PER_CHANNEL = 250

/** Nested `depth` levels deep, as arrays or objects. */
const deeplyNested = (depth: number, asObject: boolean): unknown => {
  let value: unknown = 'bottom'
  for (let level = 0; level < depth; level++) value = asObject ? { a: value } : [value]
  return value
}

/** What a compromised renderer (or anything that can reach IPC) might send. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withNullPrototype: true,
  }),
  fc.constantFrom(
    deeplyNested(20_000, false),
    deeplyNested(20_000, true),
    { email: 'x'.repeat(10 * 1024 * 1024) },
    JSON.parse('{"__proto__": {"isAdmin": true}}') as unknown,
    { constructor: { prototype: { role: 'admin' } } },
    10n ** 30n,
    Number.NaN,
    Infinity,
    undefined,
    Symbol('request'),
    () => 'function',
  ),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.anything({ withBigInt: true, maxDepth: 3 }), { maxKeys: 6 }),
)

/** Same keys as a real request, with hostile values in them. */
const hostileWithRealKeys = (channel: TChannelName): fc.Arbitrary<unknown> => {
  const shape = (contract[channel].request as { shape?: Record<string, unknown> }).shape ?? {}
  const keys = Object.keys(shape)
  if (keys.length === 0) return hostileValue
  return fc.record(Object.fromEntries(keys.map((key) => [key, hostileValue])), { requiredKeys: [] })
}

describe('hostile requests on every channel', () => {
  let folder: string
  let services: TServices
  let table: THandlerTable
  let context: THandlerContext
  beforeAll(async () => {
    folder = makeTempFolder('ccij-hostile-')
    ;({ services, table, context } = await unlockedHandlers(join(folder, 'data'), {
      chooseBackupDestination: async () => null,
      chooseBackupSource: async () => null,
      chooseExportDestination: async () => null,
    }))
  })
  afterAll(() => {
    services.vault.lock()
    removeFolder(folder)
  })

  it(`${CHANNEL_NAMES.length} channels × ${RUNS_PER_CHANNEL} invalid or adversarial requests: dispatch never throws, never answers INTERNAL, changes nothing`, async () => {
    const vaultFolder = join(folder, 'data', 'vault')
    let total = 0
    for (const channel of CHANNEL_NAMES) {
      const before = hashVaultFiles(vaultFolder)
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileValue, hostileWithRealKeys(channel)), async (request) => {
          // Only requests the contract refuses: a valid one may rightly change data (that is the channel's job).
          let isValid: boolean
          try {
            isValid = contract[channel].request.safeParse(request).success
          } catch {
            isValid = false
          }
          fc.pre(!isValid)
          total++
          const answer = await dispatch(table, channel, request, context)
          expect(answer.ok, channel).toBe(false)
          if (!answer.ok)
            expect(answer.error.code, `${channel}: ${answer.error.message}`).not.toBe('INTERNAL')
        }),
        { numRuns: RUNS_PER_CHANNEL, seed: 20261130 },
      )
      expect(hashVaultFiles(vaultFolder), channel).toEqual(before)
      expect(services.vault.currentStaff()?.username, channel).toBe('alex.example')
    }
    process.stdout.write(`hostile requests: ${total} sent over ${CHANNEL_NAMES.length} channels\n`)
    expect(total).toBeGreaterThanOrEqual(CHANNEL_NAMES.length * RUNS_PER_CHANNEL * 0.9)
  }, 300_000)

  it('a caller without the role is refused before the request is even looked at', async () => {
    const viewer = { staff: { ...context.staff, role: 'viewer' } } as THandlerContext
    const answer = await dispatch(table, 'accounts:list', deeplyNested(20_000, true), viewer)
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await dispatch(table, 'accounts:list', 10n, { staff: null })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    })
  })
})
