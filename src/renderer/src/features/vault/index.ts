/**
 * The vault: the screens before the app opens (first run, unlock, recovery, an unconfirmed recovery key), the
 * signed-in session, locking, "My account", and the pieces other features reuse (the recovery key step).
 */
export { CaseworkOnly } from './CaseworkOnly'
export { accountRouteHandle, ChangePassphrasePage } from './ChangePassphrasePage'
export { confirmRecoveryKey } from './confirmRecoveryKey'
export { FirstPassphrasePage } from './FirstPassphrasePage'
export { FirstRunPage } from './FirstRunPage'
export { GateErrorScreen } from './GateErrorScreen'
export { registerBeforeLock } from './lock'
export { LockButton } from './LockButton'
export { NewPassphraseFields, type TNewPassphraseFieldsProps } from './NewPassphraseFields'
export { newPassphraseRule, type TNewPassphraseMessages } from './newPassphraseRule'
export { OpeningScreen } from './OpeningScreen'
export { RecoveryKeyStep } from './RecoveryKeyStep'
export { RecoveryKeyUnconfirmedPage } from './RecoveryKeyUnconfirmedPage'
export { RecoveryPage } from './RecoveryPage'
export {
  canHandleCases,
  useSignedInStaff,
  useVaultSession,
  VaultSessionContext,
  type TVaultSession,
} from './session'
export { SignedInStaff } from './SignedInStaff'
export { UnlockPage } from './UnlockPage'
export { useUnlockedSessionGuards } from './useUnlockedSessionGuards'
