/**
 * Referrals: a survivor sent to a lawyer or an organization. Stable keys (stored, worded by the catalogs as
 * `vocab.referralState.<key>` and `vocab.referralAction.<key>`); append, never rename. docs/matching.md draws the
 * state machine.
 */

export const REFERRAL_RECIPIENT_KINDS = ['lawyer', 'organization'] as const
export type TReferralRecipientKind = (typeof REFERRAL_RECIPIENT_KINDS)[number]

// prettier-ignore
export const REFERRAL_STATES = [
  'proposed', 'conflict_cleared', 'sent', 'accepted', 'declined', 'no_response', 'closed',
] as const
export type TReferralState = (typeof REFERRAL_STATES)[number]

/** What staff record on a referral; each moves it along one edge of the state machine. */
// prettier-ignore
export const REFERRAL_ACTIONS = [
  'confirm_no_conflict', 'send', 'accepted', 'declined', 'no_response', 'close',
] as const
export type TReferralAction = (typeof REFERRAL_ACTIONS)[number]

/** From conflict cleared on, lawyers and organizations walk the same edges. */
const ONCE_SENT = {
  conflict_cleared: { send: 'sent', close: 'closed' },
  sent: { accepted: 'accepted', declined: 'declined', no_response: 'no_response', close: 'closed' },
  no_response: { accepted: 'accepted', declined: 'declined', close: 'closed' },
  accepted: { close: 'closed' },
  declined: { close: 'closed' },
  closed: {},
} as const satisfies Readonly<Record<string, Partial<Record<TReferralAction, TReferralState>>>>

/**
 * The edges: from a state, which action leads where. A lawyer must confirm they have no conflict before the
 * referral is sent (identifying details go out with it); an organization is sent straight from proposed. A late
 * answer after "no response" is still recorded. Closing ends any referral that is not closed yet.
 */
export const REFERRAL_TRANSITIONS: Readonly<
  Record<
    TReferralRecipientKind,
    Readonly<Record<TReferralState, Partial<Record<TReferralAction, TReferralState>>>>
  >
> = {
  lawyer: { ...ONCE_SENT, proposed: { confirm_no_conflict: 'conflict_cleared', close: 'closed' } },
  organization: { ...ONCE_SENT, proposed: { send: 'sent', close: 'closed' } },
}

/** The actions open to staff on a referral in this state. */
export const referralActionsFrom = (kind: TReferralRecipientKind, state: TReferralState): TReferralAction[] =>
  REFERRAL_ACTIONS.filter((action) => REFERRAL_TRANSITIONS[kind][state][action] !== undefined)

/** States in which a referral holds one of the lawyer's places (counts against their capacity). */
export const PLACE_HOLDING_STATES: readonly TReferralState[] = [
  'proposed',
  'conflict_cleared',
  'sent',
  'accepted',
]

/** States still waiting on someone: shown in the referrals list's "open" filter. */
export const OPEN_REFERRAL_STATES: readonly TReferralState[] = [
  'proposed',
  'conflict_cleared',
  'sent',
  'no_response',
]

/** Days from sending to the follow-up call: one when the case is urgent. */
export const FOLLOW_UP_DAYS = { calm: 3, urgent: 1 } as const

/** How staff received the lawyer's own "no conflict" confirmation. */
export const CONFLICT_CONFIRMATION_METHODS = ['email', 'phone', 'in_writing', 'in_person'] as const
export type TConflictConfirmationMethod = (typeof CONFLICT_CONFIRMATION_METHODS)[number]

/** A staff review of one conflict hit: cleared lets the lawyer be ranked again; confirmed keeps them out. */
export const CONFLICT_DECISIONS = ['cleared', 'confirmed'] as const
export type TConflictDecision = (typeof CONFLICT_DECISIONS)[number]

/**
 * Why a case's lawyer referrals refuse a status change made by hand (`details.refusal` of the CONFLICT; the
 * renderer words each under casePage.status.errors). See docs/matching.md, "Case status and referrals".
 */
export const STATUS_REFUSALS = ['needs_sent_referral', 'needs_accepted_referral', 'referral_out'] as const
export type TStatusRefusal = (typeof STATUS_REFUSALS)[number]
