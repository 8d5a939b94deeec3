import { STATUS_REFUSALS, type TStatusRefusal } from '../../../../shared/referrals/vocabulary'
import type { TIpcError } from '../../../../shared/result'

export type TCaseErrorKey = 'notFound' | 'forbidden' | 'conflict' | 'badRequest' | 'locked' | 'unexpected'

/** Maps an error from main to a translation key under casePage.errors. Codes decide, never messages. */
export function caseErrorKey(error: TIpcError | null): TCaseErrorKey {
  switch (error?.code) {
    case 'NOT_FOUND':
      return 'notFound'
    case 'FORBIDDEN':
      return 'forbidden'
    case 'CONFLICT':
      return 'conflict'
    case 'BAD_REQUEST':
      return 'badRequest'
    case 'LOCKED':
      return 'locked'
    default:
      return 'unexpected'
  }
}

/**
 * The request fields a refusal names: `details.field` / `details.fields` when main sends them, else the
 * "field: rule" lines dispatch writes for a request that failed validation. Values are never in either.
 */
export function refusedFields(error: TIpcError | null): string[] {
  if (error === null) return []
  const details = error.details
  if (typeof details === 'object' && details !== null) {
    if ('field' in details && typeof details.field === 'string') return [details.field]
    if ('fields' in details && Array.isArray(details.fields)) {
      return details.fields.filter((field): field is string => typeof field === 'string')
    }
  }
  if (error.code !== 'BAD_REQUEST') return []
  return error.message
    .split('\n')
    .map((line) => /^([\w.]+):/.exec(line.trim())?.[1])
    .filter((field): field is string => field !== undefined)
}

/** Why the case's referrals refused a status change (`details.refusal`), or null when main gave no such reason. */
export function referralRefusal(error: TIpcError | null): TStatusRefusal | null {
  const details = error?.details
  if (typeof details !== 'object' || details === null || !('refusal' in details)) return null
  const refusal = details.refusal
  return STATUS_REFUSALS.find((known) => known === refusal) ?? null
}
