import { AppError } from '../../../shared/result'
import type { TKeySlots } from './key-slots'
import { withSlot, writeKeyring, type TStaffSlot } from './keyring'
import { rekeyVault } from './rekey'
import {
  createGrantedSlot,
  isEndorsed,
  isPassphraseChangePending,
  openSlotPrivateKey,
  regrantSlot,
  resealSlot,
} from './slot-keys'
import type { VaultKeeper } from './vault-keeper'

const notEndorsed = (): AppError =>
  new AppError(
    'CONFLICT',
    "This account's key slot was not endorsed by an admin of this vault (the keyring was edited). Reset its passphrase.",
  )

/** The keeper's implementation of the port accounts and the recovery key use. */
export function createKeySlots(keeper: VaultKeeper): TKeySlots {
  const adminKeys = () => {
    const session = keeper.require()
    if (session.keys.admin === null) throw new AppError('FORBIDDEN', 'Only an admin can do this.')
    return { session, keys: session.keys }
  }
  return {
    exclusive: (operation) => keeper.exclusive(operation),

    newStaffSlot: async (account, passphrase) => {
      const { session, keys } = adminKeys()
      const created = await createGrantedSlot(
        // Chosen by an admin (a new account or a reset): its owner replaces it at their first unlock.
        {
          kind: 'staff',
          id: account.id,
          username: account.username,
          isAdminChosen: !keeper.isAdminChoiceFinal,
        },
        account.role,
        passphrase,
        { vaultId: session.vaultId, generation: session.generation, keys, kdf: keeper.kdf.create },
      )
      created.keyPair.privateKey.fill(0)
      // A lock during the key derivation closed the session and zeroed its keys: nothing was granted after it.
      keeper.require()
      return created.slot as TStaffSlot
    },

    resealOwnSlot: async (currentPassphrase, newPassphrase) => {
      const { staff, vaultId } = keeper.require()
      keeper.throttle.assertAllowed(staff.username)
      const slot = keeper.grantedSlotOf(keeper.requireKeyring(), staff.accountId)
      if (slot?.kind !== 'staff')
        throw new AppError('NOT_FOUND', 'Your account has no key slot. Ask an admin.')
      const privateKey = await openSlotPrivateKey(vaultId, slot, currentPassphrase)
      if (privateKey === null) {
        keeper.throttle.recordFailure(staff.username)
        throw new AppError('WRONG_PASSPHRASE', 'Your current passphrase is not right.')
      }
      try {
        keeper.throttle.recordSuccess(staff.username)
        return await resealSlot(vaultId, slot, privateKey, newPassphrase, keeper.kdf.create, 'owner')
      } finally {
        privateKey.fill(0)
      }
    },

    regrant: (accountId, role) => {
      const { session, keys } = adminKeys()
      const slot = keeper.grantedSlotOf(keeper.requireKeyring(), accountId)
      if (slot?.kind !== 'staff')
        throw new AppError('NOT_FOUND', 'This account has no key slot. Reset its passphrase.')
      if (keys.admin === null || !isEndorsed(keys.admin, session.vaultId, slot)) throw notEndorsed()
      return regrantSlot(slot, role, { vaultId: session.vaultId, generation: session.generation, keys })
    },

    put: (slot) => {
      writeKeyring(keeper.paths.keyring, withSlot(keeper.requireKeyring(), slot))
      // The signed-in person's own slot, sealed under their own passphrase: the must-change refusal ends with it.
      const session = keeper.current()
      if (session !== null && slot.id === session.staff.accountId) {
        session.passphraseChangePending = isPassphraseChangePending(slot)
      }
    },

    rekey: (reason, options) => rekeyVault(keeper, reason, options),
  }
}
