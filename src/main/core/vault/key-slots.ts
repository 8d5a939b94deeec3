import type { TRole } from '../../../shared/roles'
import type { TKeySlot, TStaffSlot } from './keyring'
import type { TRekeyReason, TRekeyOptions, TRekeyResult } from './rekey'

/**
 * What a service that changes the keyring gets from the vault (accounts, the recovery key): new slots granted the
 * open vault's keys, the keyring written, and a rekey — never the keys themselves. Which keys each role is granted
 * is the keeper's business (`vault-keys.ts`).
 */
export type TKeySlots = {
  /**
   * One key operation at a time, in the same queue as unlock, backup and restore: slow key derivations and file
   * copies must not interleave. Re-ask for the session after each await: the vault may have been locked meanwhile.
   */
  exclusive<T>(operation: () => Promise<T>): Promise<T>
  /**
   * A new key pair for `account`, sealed under `passphrase`, endorsed, with the keys of `account.role` granted to it
   * (costs a key derivation). Needs an admin's session; LOCKED while locked.
   */
  newStaffSlot(
    account: { id: string; username: string; role: TRole },
    passphrase: string,
  ): Promise<TStaffSlot>
  /**
   * The signed-in person's own slot, sealed under `newPassphrase`, after `currentPassphrase` opened it (under the
   * unlock throttle: NOT_FOUND without a slot, WRONG_PASSPHRASE counted as a failure, THROTTLED while they must wait).
   */
  resealOwnSlot(currentPassphrase: string, newPassphrase: string): Promise<TStaffSlot>
  /** `accountId`'s slot granted the keys of `role` (a promotion), after its endorsement is checked. Admins only. */
  regrant(accountId: string, role: TRole): TStaffSlot
  /**
   * Put `slot` in the keyring, replacing the slot with its id (atomic file write). Call it AFTER the transaction
   * that records why has committed: a keyring never holds a change the audit trail does not.
   */
  put(slot: TKeySlot): void
  /**
   * New keys for the whole vault (see `rekey.ts`): after a colleague is disabled or demoted, or the recovery key is
   * replaced. Slow (copies both databases); progress and a lock's cancellation are handled inside.
   */
  rekey(reason: TRekeyReason, options?: TRekeyOptions): Promise<TRekeyResult>
}
