/**
 * What a case's lawyer referrals allow of a status change made by hand (docs/matching.md, "Case status and
 * referrals"). The referral steps move the case themselves (`case-status-moves.ts`); by hand, the status may not
 * claim what the referrals deny: forward only with the referral step that justifies it, backward only once the
 * referral that holds the case is answered or closed. Closing the case is always allowed.
 */
import type { TCaseStatus } from '../../../shared/cases/vocabulary'
import type { TStatusRefusal } from '../../../shared/referrals/vocabulary'
import type { TReadableDb } from '../db/connection'
import { sql } from '../db/sql'

export const STATUS_REFUSAL_MESSAGES: Readonly<Record<TStatusRefusal, string>> = {
  needs_sent_referral:
    'A case is referred only once a referral to a lawyer is sent: send one from the Matching section.',
  needs_accepted_referral: 'A case is active only once a lawyer has accepted its referral.',
  referral_out:
    'A referral to a lawyer is sent or accepted for this case: record the answer or close the referral first.',
}

const BEFORE_REFERRAL: readonly TCaseStatus[] = ['new', 'screening', 'awaiting_match']

const lawyerReferralStates = (db: TReadableDb, caseId: string): Set<string> =>
  new Set(
    db.column<string>(
      sql`SELECT DISTINCT state FROM referrals WHERE case_id = ${caseId} AND recipient_kind = 'lawyer'`,
    ),
  )

/** Why the referrals refuse moving this case from `from` to `to` by hand; null when they allow it. */
export function statusRefusal(
  db: TReadableDb,
  caseId: string,
  from: TCaseStatus,
  to: TCaseStatus,
): TStatusRefusal | null {
  if (to === 'closed') return null
  const states = lawyerReferralStates(db, caseId)
  if (to === 'active') return states.has('accepted') ? null : 'needs_accepted_referral'
  if (to === 'referred') {
    // Forward: the referral is out. Back from active: only once the accepted referral is closed (a lawyer who
    // withdrew), on the way back to matching.
    if (from === 'active') return states.has('accepted') ? 'referral_out' : null
    return states.has('sent') ? null : 'needs_sent_referral'
  }
  if (BEFORE_REFERRAL.includes(to) && (states.has('sent') || states.has('accepted'))) return 'referral_out'
  return null
}
