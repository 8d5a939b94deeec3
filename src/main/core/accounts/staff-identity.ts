import type { TStaffAccount } from '../../../shared/contract/accounts'
import type { TRole } from '../../../shared/roles'

/** The signed-in staff member, as main knows them: from the account whose key slot opened the vault, never from a request. */
export type TStaffIdentity = {
  accountId: string
  username: string
  displayName: string
  role: TRole
}

export const identityOf = (account: TStaffAccount): TStaffIdentity => ({
  accountId: account.id,
  username: account.username,
  displayName: account.displayName,
  role: account.role,
})
