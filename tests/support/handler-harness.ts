import type { z } from 'zod'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { createServices, type TDesktopPort, type TServices } from '../../src/main/core/services'
import type { TChannelName, TContract } from '../../src/shared/contract'
import { dispatch } from '../../src/main/ipc/dispatch'
import { createHandlerTable } from '../../src/main/ipc/handler-table'
import type { THandlerContext, THandlerTable } from '../../src/main/ipc/types'
import { ADMIN_PASSPHRASE, FAST_KDF, makeTempFolder, removeFolder } from './vault-fixtures'

/** The first admin of a harness vault. Synthetic. */
export const HARNESS_ADMIN = {
  organizationName: 'Test Office (synthetic)',
  username: 'alex.example',
  displayName: 'Alex Staff-Example',
  passphrase: ADMIN_PASSPHRASE,
}

/**
 * The services main builds, over a new vault in `dataDirectory` left unlocked as HARNESS_ADMIN. `desktop` stands in
 * for native dialogs. Tests that share one vault between tests build the handler table inside each test from these
 * (mutation testing credits a handler only to the tests that ran the code creating it; see docs/testing.md).
 */
export async function unlockedServices(
  dataDirectory: string,
  desktop: Partial<TDesktopPort> = {},
): Promise<{ services: TServices; context: THandlerContext }> {
  const services = createServices({
    dataDirectory,
    runtime: 'bridge',
    appVersion: 'test',
    desktop: { openExternalAfterConfirm: async () => false, ...desktop },
    vault: { kdf: FAST_KDF },
  })
  await services.vault.create(HARNESS_ADMIN)
  return { services, context: { staff: services.currentStaff() } }
}

/** unlockedServices and the handler table over them, for tests that send requests through `dispatch`. */
export async function unlockedHandlers(
  dataDirectory: string,
  desktop: Partial<TDesktopPort> = {},
): Promise<{ services: TServices; table: THandlerTable; context: THandlerContext }> {
  const { services, context } = await unlockedServices(dataDirectory, desktop)
  return { services, table: createHandlerTable(services), context }
}

/** A channel called as the renderer calls it; a refusal throws with its code and message. */
export type THandlerCall = <C extends TChannelName>(
  channel: C,
  request: z.input<TContract[C]['request']>,
) => Promise<z.output<TContract[C]['response']>>

/**
 * One vault for a whole test file (unlocked as HARNESS_ADMIN, locked and removed after it) and `call` through a
 * handler table built in each test, so each test is credited with the handlers it runs (see unlockedServices).
 * Registers its own vitest hooks: call it once inside the file's describe.
 */
export function sharedVaultHandlers(folderPrefix: string): {
  call: THandlerCall
  outcome: (channel: TChannelName, request: unknown) => Promise<string>
  services: () => TServices
} {
  let root = ''
  let unlocked: Awaited<ReturnType<typeof unlockedServices>> | undefined
  let table: THandlerTable | undefined
  const opened = () => {
    if (unlocked === undefined) throw new Error('the shared vault is not open yet')
    return unlocked
  }
  beforeAll(async () => {
    root = makeTempFolder(folderPrefix)
    unlocked = await unlockedServices(root)
  })
  beforeEach(() => {
    table = createHandlerTable(opened().services)
  })
  afterAll(() => {
    unlocked?.services.vault.lock()
    removeFolder(root)
  })
  const call: THandlerCall = async (channel, request) => {
    if (table === undefined) throw new Error('no handler table: call from inside a test')
    const result = await dispatch(table, channel, request, opened().context)
    if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`)
    return result.value as never
  }
  /** The code a request is answered with (`ok` when it succeeds), for the tests of refusals. */
  const outcome = async (channel: TChannelName, request: unknown): Promise<string> => {
    if (table === undefined) throw new Error('no handler table: call from inside a test')
    const result = await dispatch(table, channel, request, opened().context)
    return result.ok ? 'ok' : result.error.code
  }
  return { call, outcome, services: () => opened().services }
}
