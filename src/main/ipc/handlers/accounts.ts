import type { accountsChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const accountsHandlers = ({ vault }: TServices): THandlersFor<typeof accountsChannels> => ({
  'accounts:list': () => ({ accounts: vault.listAccounts() }),
  'accounts:add': async (request) => ({ account: await vault.addAccount(request) }),
  'accounts:disable': ({ accountId }) => ({ account: vault.disableAccount(accountId) }),
  'accounts:changeRole': ({ accountId, role }) => ({ account: vault.changeRole(accountId, role) }),
  'accounts:resetPassphrase': async ({ accountId, passphrase }) => ({
    account: await vault.resetPassphrase(accountId, passphrase),
  }),
})
