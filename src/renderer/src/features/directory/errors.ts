import type { TIpcError } from '../../../../shared/result'
import { fieldErrorTextHook } from '../../i18n/fieldErrorText'

export type TDirectoryErrorKey = 'notFound' | 'forbidden' | 'badRequest' | 'unexpected'

/** Maps an error from main to a key under directory.errors. Codes decide, never messages. */
export function directoryErrorKey(error: TIpcError | null): TDirectoryErrorKey {
  switch (error?.code) {
    case 'NOT_FOUND':
      return 'notFound'
    case 'FORBIDDEN':
      return 'forbidden'
    case 'BAD_REQUEST':
      return 'badRequest'
    default:
      return 'unexpected'
  }
}

/** Field errors of the directory's forms: our own keys (directory.*, vocab.*), zod's by code. */
export const useDirectoryFieldErrorText = fieldErrorTextHook(
  ['directory.', 'vocab.'],
  'directory.validation.invalid',
)
