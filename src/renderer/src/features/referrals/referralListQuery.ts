import type { TReferralListQuery } from '../../../../shared/contract/referrals'
import {
  REFERRAL_RECIPIENT_KINDS,
  REFERRAL_STATES,
  type TReferralRecipientKind,
  type TReferralState,
} from '../../../../shared/referrals/vocabulary'

/** The referrals page's filters, as kept in its URL (`?state=open&kind=lawyer&overdue=1`). */
export type TReferralFilters = {
  state: TReferralState | 'open' | null
  kind: TReferralRecipientKind | null
  overdue: boolean
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null

export function referralFiltersFromParams(params: URLSearchParams): TReferralFilters {
  const state = params.get('state')
  return {
    state: state === 'open' ? 'open' : oneOf(REFERRAL_STATES, state),
    kind: oneOf(REFERRAL_RECIPIENT_KINDS, params.get('kind')),
    overdue: params.get('overdue') === '1',
  }
}

export function referralFiltersToParams(filters: TReferralFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.state !== null) params.set('state', filters.state)
  if (filters.kind !== null) params.set('kind', filters.kind)
  if (filters.overdue) params.set('overdue', '1')
  return params
}

export const toReferralListQuery = (
  filters: TReferralFilters,
  offset: number,
  limit: number,
): TReferralListQuery => ({
  ...(filters.state === null ? {} : { state: filters.state }),
  ...(filters.kind === null ? {} : { recipientKind: filters.kind }),
  overdue: filters.overdue,
  offset,
  limit,
})
