import type { TIpcError } from '../../../../shared/result'
import { fieldErrorTextHook } from '../../i18n/fieldErrorText'

export type TLawyerErrorKey = 'notFound' | 'forbidden' | 'licenceTaken' | 'badRequest' | 'unexpected'

/** Maps an error from main to a key under lawyers.errors. Codes decide, never messages. */
export function lawyerErrorKey(error: TIpcError | null): TLawyerErrorKey {
  switch (error?.code) {
    case 'NOT_FOUND':
      return 'notFound'
    case 'FORBIDDEN':
      return 'forbidden'
    case 'CONFLICT':
      return 'licenceTaken'
    case 'BAD_REQUEST':
      return 'badRequest'
    default:
      return 'unexpected'
  }
}

/** Field errors of the roster's forms: our own keys (lawyers.*, vocab.*), zod's by code. */
export const useLawyerFieldErrorText = fieldErrorTextHook(
  ['lawyers.', 'vocab.'],
  'lawyers.validation.invalid',
)
