/**
 * How a lawyer referral moves its case (docs/matching.md): sent → the case is `referred`; accepted → `active`;
 * declined, no response or closed before an answer → back to `awaiting_match` when no other lawyer referral is
 * still out (re-match). Organization referrals never move the case: a survivor may be sent to a support group
 * while still waiting for a lawyer.
 */
import { STATUS_TRANSITIONS, type TCaseStatus } from '../../../shared/cases/vocabulary'
import type { TReferralState } from '../../../shared/referrals/vocabulary'
import type { TCaseWithFile } from '../cases/case-rows'
import { stateOf } from '../cases/case-views'
import type { CaseWriter } from '../cases/case-writer'

/** The statuses a case walks through for a referral reaching `state`; empty when it stays where it is. */
export const caseStatusPath = (
  from: TCaseStatus,
  state: TReferralState,
  otherLawyerReferralOut: boolean,
): TCaseStatus[] => {
  if (state === 'sent') return from === 'awaiting_match' ? ['referred'] : []
  if (state === 'accepted') {
    if (from === 'referred') return ['active']
    // A late yes after the case went back to awaiting a match.
    if (from === 'awaiting_match') return ['referred', 'active']
    return []
  }
  if (state === 'declined' || state === 'no_response' || state === 'closed') {
    return from === 'referred' && !otherLawyerReferralOut ? ['awaiting_match'] : []
  }
  return []
}

/** Writes each step of the path as the case page would: row, timeline entry, audit entry. */
export const moveCaseStatus = (
  writer: CaseWriter,
  row: TCaseWithFile,
  path: readonly TCaseStatus[],
  referralId: string,
  at: string,
): void => {
  let from = row.status as TCaseStatus
  for (const to of path) {
    if (!STATUS_TRANSITIONS[from].includes(to)) return
    const current = writer.requireCase(row.id)
    writer.rewriteCase(current, stateOf(current), { status: to, statusReason: '' }, at)
    writer.event(row.id, 'status', at, '', { from, to, referralId }, at)
    writer.audit('record.changed', row.id, { change: 'status', from, to, referralId })
    from = to
  }
}
