import type { accountsChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const accountsHandlers = ({ accounts }: TServices): THandlersFor<typeof accountsChannels> => ({
  'accounts:list': () => ({ accounts: accounts.list() }),
  'accounts:add': async (request) => ({ account: await accounts.add(request) }),
  'accounts:disable': ({ accountId }) => ({ account: accounts.disable(accountId) }),
  'accounts:changeRole': ({ accountId, role }) => ({ account: accounts.changeRole(accountId, role) }),
  'accounts:resetPassphrase': async ({ accountId, passphrase }) => ({
    account: await accounts.resetPassphrase(accountId, passphrase),
  }),
})
