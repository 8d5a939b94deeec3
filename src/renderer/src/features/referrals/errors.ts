import type { TIpcError } from '../../../../shared/result'
import { fieldErrorTextHook } from '../../i18n/fieldErrorText'

export type TReferralErrorKey = 'refused' | 'notFound' | 'forbidden' | 'locked' | 'failed'

/** Maps an error from main to a key under referrals.errors. Codes decide, never messages. */
export function referralErrorKey(error: TIpcError | null): TReferralErrorKey {
  switch (error?.code) {
    case 'CONFLICT':
    case 'BAD_REQUEST':
      return 'refused'
    case 'NOT_FOUND':
      return 'notFound'
    case 'FORBIDDEN':
      return 'forbidden'
    case 'LOCKED':
      return 'locked'
    default:
      return 'failed'
  }
}

/** Field errors of the referral dialogs: shared rules (`vocab.*`) and the feature's own (`referrals.*`). */
export const useReferralFieldErrorText = fieldErrorTextHook(
  ['vocab.', 'referrals.'],
  'referrals.errors.failed',
)
