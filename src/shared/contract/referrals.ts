import { z } from 'zod'
import {
  CONFLICT_CONFIRMATION_METHODS,
  CONFLICT_DECISIONS,
  REFERRAL_ACTIONS,
  REFERRAL_RECIPIENT_KINDS,
  REFERRAL_STATES,
} from '../referrals/vocabulary'
import { STAFF_WHO_HANDLE_CASES } from '../roles'
import { defineChannel } from './channel'
import { ZIdSchema } from './intake'

/** A ranking reason as it crosses IPC: its key, points (soft factors) and parameters (`shared/matching/reasons`). */
export const ZMatchReasonSchema = z.object({
  key: z.string().max(64),
  points: z.number().int().optional(),
  params: z.record(z.string(), z.unknown()),
})
export type TMatchReason = z.infer<typeof ZMatchReasonSchema>

/** How many ranked and excluded lawyers one answer carries; the totals say how many there were. */
export const RANKING_LIST_MAX = 100

export const ZRankedLawyerSchema = z.object({
  lawyerId: ZIdSchema,
  name: z.string(),
  email: z.string(),
  score: z.number().int(),
  reasons: z.array(ZMatchReasonSchema),
})
export type TRankedLawyerView = z.infer<typeof ZRankedLawyerSchema>

export const ZExcludedLawyerSchema = z.object({
  lawyerId: ZIdSchema,
  name: z.string(),
  email: z.string(),
  reasons: z.array(ZMatchReasonSchema),
})
export type TExcludedLawyerView = z.infer<typeof ZExcludedLawyerSchema>

export const ZCaseRankingSchema = z.object({
  caseId: ZIdSchema,
  reference: z.string(),
  urgent: z.boolean(),
  /** Best first, at most RANKING_LIST_MAX. */
  ranked: z.array(ZRankedLawyerSchema),
  rankedTotal: z.number().int(),
  /** Lawyers with a conflict to review first, then by name; at most RANKING_LIST_MAX. */
  excluded: z.array(ZExcludedLawyerSchema),
  excludedTotal: z.number().int(),
})
export type TCaseRankingView = z.infer<typeof ZCaseRankingSchema>

export const ZReferralSchema = z.object({
  id: ZIdSchema,
  caseId: ZIdSchema,
  reference: z.string(),
  recipientKind: z.enum(REFERRAL_RECIPIENT_KINDS),
  recipientId: ZIdSchema,
  recipientName: z.string(),
  state: z.enum(REFERRAL_STATES),
  urgent: z.boolean(),
  /** The ranking's score and reasons when proposed; null for organizations. */
  score: z.number().int().nullable(),
  reasons: z.array(ZMatchReasonSchema),
  /** YYYY-MM-DD; null once answered or closed. */
  followUpOn: z.string().nullable(),
  /** The follow-up date has passed without an answer. */
  isOverdue: z.boolean(),
  /** When the lawyer's own "no conflict" confirmation was recorded, and how it came. */
  conflictConfirmedAt: z.string().nullable(),
  conflictConfirmation: z.string(),
  sentAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  note: z.string(),
  proposedAt: z.string(),
  proposedBy: z.string().nullable(),
  updatedAt: z.string(),
  /** What staff may record next. */
  actions: z.array(z.enum(REFERRAL_ACTIONS)),
})
export type TReferral = z.infer<typeof ZReferralSchema>

/** The referrals list's filters, kept in the page's URL. */
export const ZReferralListQuerySchema = z.strictObject({
  /** A state, or 'open' for every state still waiting on someone. */
  state: z.union([z.enum(REFERRAL_STATES), z.literal('open')]).optional(),
  recipientKind: z.enum(REFERRAL_RECIPIENT_KINDS).optional(),
  /** Only referrals whose follow-up date has passed. */
  overdue: z.boolean().default(false),
  caseId: ZIdSchema.optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
})
export type TReferralListQuery = z.input<typeof ZReferralListQuerySchema>

export const ZReferralListPageSchema = z.object({
  rows: z.array(ZReferralSchema),
  total: z.number().int(),
})
export type TReferralListPage = z.infer<typeof ZReferralListPageSchema>

const ZNoteSchema = z.string().trim().max(2_000)

export const ZReferralActionRequestSchema = z.strictObject({
  referralId: ZIdSchema,
  action: z.enum(REFERRAL_ACTIONS),
  /** How the lawyer confirmed they have no conflict: required for confirm_no_conflict. */
  confirmation: z.enum(CONFLICT_CONFIRMATION_METHODS).optional(),
  /** Why (required to close) or what was said. */
  note: ZNoteSchema.default(''),
})
export type TReferralActionRequest = z.input<typeof ZReferralActionRequestSchema>

export const ZConflictReviewRequestSchema = z.strictObject({
  caseId: ZIdSchema,
  lawyerId: ZIdSchema,
  hitKey: z.string().min(1).max(64),
  decision: z.enum(CONFLICT_DECISIONS),
  reason: z.string().trim().min(1).max(2_000),
})
export type TConflictReviewRequest = z.input<typeof ZConflictReviewRequestSchema>

export const referralsChannels = {
  /** Every lawyer ranked (score and reasons) or excluded (why) for one case. Audited as a view of the case. */
  'matching:rank': defineChannel({
    request: z.strictObject({ caseId: ZIdSchema }),
    response: ZCaseRankingSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Staff's review of one conflict hit: cleared (ranked again, hit shown) or confirmed (kept out). Audited. */
  'matching:reviewConflict': defineChannel({
    request: ZConflictReviewRequestSchema,
    response: z.object({ decision: z.enum(CONFLICT_DECISIONS) }),
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Propose a referral to a lawyer the ranking holds eligible, or to a directory organization. */
  'referrals:propose': defineChannel({
    request: z.strictObject({
      caseId: ZIdSchema,
      recipientKind: z.enum(REFERRAL_RECIPIENT_KINDS),
      recipientId: ZIdSchema,
    }),
    response: ZReferralSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** One step along the state machine: the case's status and the follow-up date move with it. */
  'referrals:act': defineChannel({
    request: ZReferralActionRequestSchema,
    response: ZReferralSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  'referrals:list': defineChannel({
    request: ZReferralListQuerySchema,
    response: ZReferralListPageSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
}
