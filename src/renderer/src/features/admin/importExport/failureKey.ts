import type { TIpcError } from '../../../../../shared/result'

export type TTransferFailure = 'locked' | 'forbidden' | 'unavailable' | 'tooLarge' | 'unexpected'

/** An error answer as a key under importExport.failure. Codes decide, never messages. */
export function failureKey(error: TIpcError | null): TTransferFailure {
  switch (error?.code) {
    case 'LOCKED':
      return 'locked'
    case 'FORBIDDEN':
      return 'forbidden'
    case 'CANCELLED':
      return 'unavailable'
    case 'BAD_REQUEST':
      // The only request field that can be refused is the file text, for its size.
      return 'tooLarge'
    default:
      return 'unexpected'
  }
}
