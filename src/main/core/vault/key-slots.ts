import type { TRole } from '../../../shared/roles'
import type { TKeySlot } from './keyring'

/**
 * What a service that changes the keyring gets from the vault (accounts, the recovery key): new slots wrapping the
 * open vault's keys, and writes of the keyring — never the keys themselves. When survivor data gets a key of its
 * own, only this port learns which roles' slots wrap it.
 */
export type TKeySlots = {
  /**
   * One key operation at a time, in the same queue as unlock and restore: slow key derivations must not
   * interleave. Re-ask for the session after each await: the vault may have been locked meanwhile.
   */
  exclusive<T>(operation: () => Promise<T>): Promise<T>
  /** A slot opening the vault for `account` with `passphrase` (costs a key derivation). LOCKED while locked. */
  wrapForStaff(account: { id: string; username: string; role: TRole }, passphrase: string): Promise<TKeySlot>
  /** A slot opening the vault with `recoveryKey`. */
  wrapForRecovery(recoveryKey: string): Promise<TKeySlot>
  /**
   * Checks the signed-in person's own passphrase against their slot, under the unlock throttle: NOT_FOUND without
   * a slot, WRONG_PASSPHRASE (a failure counted) when it does not open it, THROTTLED while they must wait.
   */
  checkOwnPassphrase(passphrase: string): Promise<void>
  /**
   * Put `slot` in the keyring, replacing the slot with its id (atomic file write). Call it last inside the
   * transaction that records why: if the write fails, the database change rolls back with it.
   */
  put(slot: TKeySlot): void
  /** Remove an account's slot, the same way. */
  remove(accountId: string): void
}
