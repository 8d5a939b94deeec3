import type { accountsChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'
import type { TProgressTracker } from './progress'

export const accountsHandlers = (
  { accounts }: TServices,
  progress: TProgressTracker,
): THandlersFor<typeof accountsChannels> => ({
  'accounts:list': () => ({ accounts: accounts.list() }),
  'accounts:add': async (request) => ({ account: await accounts.add(request) }),
  'accounts:disable': async ({ accountId }) => ({
    account: await progress.track('rekey', (onProgress) => accounts.disable(accountId, { onProgress })),
  }),
  'accounts:changeRole': async ({ accountId, role }) => ({
    account: await progress.track('rekey', (onProgress) =>
      accounts.changeRole(accountId, role, { onProgress }),
    ),
  }),
  'accounts:resetPassphrase': async ({ accountId, passphrase }) => ({
    account: await accounts.resetPassphrase(accountId, passphrase),
  }),
})
