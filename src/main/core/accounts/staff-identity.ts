import type { TStaffAccount } from '../../../shared/contract/accounts'
import type { TRole } from '../../../shared/roles'

/** The signed-in staff member, as main knows them: from the account whose key slot opened the vault, never from a request. */
export type TStaffIdentity = {
  accountId: string
  username: string
  displayName: string
  role: TRole
  /**
   * True while they signed in with a passphrase an admin chose and have not replaced it: every request but changing
   * it (and locking) is refused. Set on the snapshots hosts take (`currentStaff()`), never on a request.
   */
  mustChangePassphrase?: boolean
}

export const identityOf = (account: TStaffAccount): TStaffIdentity => ({
  accountId: account.id,
  username: account.username,
  displayName: account.displayName,
  role: account.role,
})
