import type { TIpcError } from '../../../../shared/result'

/** What was being attempted, so the same code can be worded for the situation. */
export type TAdminOperation =
  | 'load'
  | 'addAccount'
  | 'disableAccount'
  | 'changeRole'
  | 'resetPassphrase'
  | 'backup'
  | 'restore'
  | 'saveSettings'
  | 'verify'

export type TAdminErrorKey =
  | 'usernameTaken'
  | 'lastAdmin'
  | 'lastAdminRole'
  | 'passphraseRefused'
  | 'wrongRestorePassphrase'
  | 'invalidBackup'
  | 'backupUnavailable'
  | 'throttled'
  | 'locked'
  | 'forbidden'
  | 'notFound'
  | 'badRequest'
  | 'unexpected'

/** Maps an error from main to a translation key under admin.errors. Codes decide, never messages. */
export function adminErrorKey(operation: TAdminOperation, error: TIpcError | null): TAdminErrorKey {
  switch (error?.code) {
    case 'CONFLICT':
      if (operation === 'disableAccount') return 'lastAdmin'
      return operation === 'changeRole' ? 'lastAdminRole' : 'usernameTaken'
    case 'BAD_REQUEST':
      return operation === 'addAccount' || operation === 'resetPassphrase'
        ? 'passphraseRefused'
        : 'badRequest'
    case 'WRONG_PASSPHRASE':
      return 'wrongRestorePassphrase'
    case 'INVALID_FILE':
      return 'invalidBackup'
    case 'CANCELLED':
      return 'backupUnavailable'
    case 'THROTTLED':
      return 'throttled'
    case 'LOCKED':
      return 'locked'
    case 'FORBIDDEN':
      return 'forbidden'
    case 'NOT_FOUND':
      return 'notFound'
    default:
      return 'unexpected'
  }
}
