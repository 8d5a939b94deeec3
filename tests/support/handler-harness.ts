import { createServices, type TDesktopPort, type TServices } from '../../src/main/core/services'
import { createHandlerTable } from '../../src/main/ipc/handler-table'
import type { THandlerContext, THandlerTable } from '../../src/main/ipc/types'
import { ADMIN_PASSPHRASE, FAST_KDF } from './vault-fixtures'

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
