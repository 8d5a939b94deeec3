import { createContext, useContext } from 'react'
import type { TStaffIdentityResponse } from '../../../../shared/contract/vault'
import { STAFF_WHO_HANDLE_CASES, type TRole } from '../../../../shared/roles'

/** Who unlocked the vault, and the organization's name (both read from the vault once it is open). */
export type TVaultSession = {
  staff: TStaffIdentityResponse
  organizationName: string | null
}

/** Provided by the app's gate around the unlocked shell; null before (the gate screens never read it). */
export const VaultSessionContext = createContext<TVaultSession | null>(null)

/** The open vault's session. Only screens inside the unlocked shell may call this. */
export function useVaultSession(): TVaultSession {
  const session = useContext(VaultSessionContext)
  if (session === null) throw new Error('useVaultSession is only available while the vault is unlocked')
  return session
}

/**
 * The signed-in staff member (account id, sign-in name, display name, role): the one place screens learn who is
 * using the app. Main checks the role on every request anyway; screens use it to say why something is not theirs.
 */
export function useSignedInStaff(): TStaffIdentityResponse {
  return useVaultSession().staff
}

/** Admins and caseworkers handle survivor records; viewers see the directory and the roster only. */
export const canHandleCases = (role: TRole): boolean => STAFF_WHO_HANDLE_CASES.includes(role)
