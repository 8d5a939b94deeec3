import { StaffDirectory } from '../accounts/accounts-repository'
import type { TOperation } from './operation-guard'
import { rekeyVault } from './rekey'
import { isEndorsed } from './slot-keys'
import type { VaultKeeper } from './vault-keeper'
import { lowerRole } from './vault-keys'

/**
 * What an admin's unlock checks in the keyring, since only admins hold K_admin:
 * - slots whose public part no admin endorsed (someone edited keyring.json): recorded in the audit trail, and given
 *   nothing at the next rekey;
 * - a disable or demotion the database recorded but whose rekey a crash or lock cut short (a slot of a disabled
 *   account, or one granted more than the account's role): finished now, with a rekey.
 */
export async function healKeyring(keeper: VaultKeeper, operation: TOperation): Promise<void> {
  const session = keeper.require()
  const adminKey = session.keys.admin
  if (adminKey === null) return
  const keyring = keeper.requireKeyring()
  const directory = new StaffDirectory(session.db)
  const unendorsed: string[] = []
  let isChangeUnfinished = false
  for (const slot of keyring.slots) {
    if (slot.kind === 'legacy') continue
    if (!isEndorsed(adminKey, keyring.vaultId, slot)) unendorsed.push(slot.id)
    if (slot.kind !== 'staff') continue
    const account = directory.findById(slot.id)
    if (account === null || account.status !== 'active' || lowerRole(slot.role, account.role) !== slot.role) {
      isChangeUnfinished = true
    }
  }
  if (unendorsed.length > 0) {
    session.audit.record(
      'keyring.tamper_detected',
      { type: 'vault', id: keyring.vaultId },
      { unendorsedSlots: unendorsed },
    )
  }
  if (isChangeUnfinished) {
    operation.throwIfCancelled()
    await rekeyVault(keeper, 'interrupted-change')
  }
}
