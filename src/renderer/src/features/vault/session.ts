import { createContext, useContext } from 'react'
import type { TStaffIdentityResponse } from '../../../../shared/contract/vault'

/** Who unlocked the vault, and the organization's name (both read from the vault once it is open). */
export type TVaultSession = {
  staff: TStaffIdentityResponse
  organizationName: string | null
}

export const VaultSessionContext = createContext<TVaultSession | null>(null)

/** The signed-in staff member. Only screens inside the unlocked shell may call this. */
export function useVaultSession(): TVaultSession {
  const session = useContext(VaultSessionContext)
  if (session === null) throw new Error('useVaultSession is only available while the vault is unlocked')
  return session
}
