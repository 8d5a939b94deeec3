import type { accountsChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const accountsHandlers = ({ vault }: TServices): THandlersFor<typeof accountsChannels> => ({
  'accounts:list': () => ({ accounts: vault.listAccounts() }),
  'accounts:add': async (request) => ({ account: await vault.addAccount(request) }),
  'accounts:disable': ({ accountId }) => ({ account: vault.disableAccount(accountId) }),
})
