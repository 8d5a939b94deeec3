import type { TMatchReason, TReferral } from '../../../shared/contract/referrals'
import {
  referralActionsFrom,
  type TReferralRecipientKind,
  type TReferralState,
} from '../../../shared/referrals/vocabulary'
import type { TReferralListRow } from './referral-rows'

/** A stored referral as staff see it; `today` (YYYY-MM-DD) decides whether its follow-up is overdue. */
export const toReferral = (
  row: TReferralListRow,
  today: string,
  names: ReadonlyMap<string, string>,
): TReferral => {
  const recipientKind = row.recipient_kind as TReferralRecipientKind
  const state = row.state as TReferralState
  return {
    id: row.id,
    caseId: row.case_id,
    reference: row.reference,
    recipientKind,
    recipientId: row.recipient_id,
    recipientName: row.recipient_name,
    state,
    urgent: row.urgent === 1,
    score: row.score,
    reasons: JSON.parse(row.reasons) as TMatchReason[],
    followUpOn: row.follow_up_on,
    isOverdue: row.follow_up_on !== null && row.follow_up_on < today,
    conflictConfirmedAt: row.conflict_confirmed_at,
    conflictConfirmation: row.conflict_confirmation,
    sentAt: row.sent_at,
    respondedAt: row.responded_at,
    closedAt: row.closed_at,
    note: row.note,
    proposedAt: row.proposed_at,
    proposedBy: row.proposed_by === null ? null : (names.get(row.proposed_by) ?? null),
    updatedAt: row.updated_at,
    actions: referralActionsFrom(recipientKind, state),
  }
}

/** YYYY-MM-DD plus whole days. */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
