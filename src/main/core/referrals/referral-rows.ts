/** Rows of casework.db's referral tables, as stored (migration 0002 of casework.db). */
export type TReferralRow = {
  id: string
  case_id: string
  recipient_kind: string
  recipient_id: string
  recipient_name: string
  state: string
  holds_place: number
  urgent: number
  score: number | null
  reasons: string
  follow_up_on: string | null
  conflict_confirmed_at: string | null
  conflict_confirmation: string
  sent_at: string | null
  responded_at: string | null
  closed_at: string | null
  note: string
  proposed_by: string | null
  proposed_at: string
  updated_at: string
}

/** A referral row with its case's reference, as lists show it. */
export type TReferralListRow = TReferralRow & { reference: string }

export type TConflictReviewRow = {
  id: string
  case_id: string
  lawyer_id: string
  hit_key: string
  decision: string
  reason: string
  reviewed_by: string | null
  reviewed_at: string
}
