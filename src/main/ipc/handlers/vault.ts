import type { vaultChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'
import type { TProgressTracker } from './progress'

export const vaultHandlers = (
  { vault, accounts, recovery }: TServices,
  progress: TProgressTracker,
): THandlersFor<typeof vaultChannels> => ({
  'vault:status': () => vault.status(),
  'vault:create': (request) => vault.create(request),
  'vault:unlock': async ({ username, passphrase }) => ({ staff: await vault.unlock(username, passphrase) }),
  'vault:recover': async ({ recoveryKey, username, newPassphrase }) => ({
    staff: await vault.unlockWithRecoveryKey(recoveryKey, username, newPassphrase),
  }),
  'vault:lock': ({ reason }) => {
    vault.lock(reason ?? 'manual')
    return { locked: true }
  },
  'vault:changePassphrase': async ({ currentPassphrase, newPassphrase }) => {
    await accounts.changeOwnPassphrase(currentPassphrase, newPassphrase)
    return { changed: true }
  },
  'vault:replaceRecoveryKey': async () => ({
    recoveryKey: await progress.track('rekey', (onProgress) => recovery.replace({ onProgress })),
  }),
  'vault:confirmRecoveryKey': () => {
    recovery.confirm()
    return { confirmed: true }
  },
  'vault:recoveryKeyStatus': () => recovery.status(),
})
