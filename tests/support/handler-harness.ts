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
 * The services and handler table main builds, over a new vault in `dataDirectory` left unlocked as HARNESS_ADMIN,
 * for tests that send requests through `dispatch` as the renderer would. `desktop` stands in for native dialogs.
 */
export async function unlockedHandlers(
  dataDirectory: string,
  desktop: Partial<TDesktopPort> = {},
): Promise<{ services: TServices; table: THandlerTable; context: THandlerContext }> {
  const services = createServices({
    dataDirectory,
    runtime: 'bridge',
    appVersion: 'test',
    desktop: { openExternalAfterConfirm: async () => false, ...desktop },
    vault: { kdf: FAST_KDF },
  })
  const table = createHandlerTable(services)
  await services.vault.create(HARNESS_ADMIN)
  return { services, table, context: { staff: services.currentStaff() } }
}
