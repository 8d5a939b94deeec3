import { z } from 'zod'
import { STAFF_WHO_HANDLE_CASES } from '../roles'
import { defineChannel } from './channel'
import { ZIdSchema } from './intake'
import { ZMatchReasonSchema } from './referrals'

/** Most pairs one approval may create (a batch larger than this is approved in parts). */
export const BATCH_APPROVE_MAX = 2_000

/** One case of the batch, with the lawyer the optimum gives it (and why), or null with why nobody. */
export const ZBatchCaseSchema = z.object({
  caseId: ZIdSchema,
  reference: z.string(),
  urgent: z.boolean(),
  /** How many lawyers the case's ranking holds eligible. */
  eligible: z.number().int(),
  proposal: z
    .object({
      lawyerId: ZIdSchema,
      lawyerName: z.string(),
      score: z.number().int(),
      reasons: z.array(ZMatchReasonSchema),
    })
    .nullable(),
  /** With no proposal: the commonest reasons lawyers were left out, most frequent first (at most three). */
  excludedBy: z.array(z.object({ key: z.string().max(64), lawyers: z.number().int() })),
})
export type TBatchCase = z.infer<typeof ZBatchCaseSchema>

export const ZBatchProposalSchema = z.object({
  /** Every case awaiting a match without an open lawyer referral: urgent first, then by reference. */
  cases: z.array(ZBatchCaseSchema),
  lawyers: z.number().int(),
  urgentAssigned: z.number().int(),
  assigned: z.number().int(),
  totalScore: z.number().int(),
  /** The solver's potentials certify the optimum over every eligible pair. */
  proven: z.boolean(),
  pairsUsed: z.number().int(),
  pairsEligible: z.number().int(),
  elapsedMs: z.number().int(),
})
export type TBatchProposal = z.infer<typeof ZBatchProposalSchema>

/** How far the running proposal has got: cases ranked of the cases awaiting a match. */
export const ZBatchProgressSchema = z.object({
  casesRanked: z.number().int().min(0),
  cases: z.number().int().min(0),
})
export type TBatchProgress = z.infer<typeof ZBatchProgressSchema>

export const ZBatchApproveRequestSchema = z.strictObject({
  pairs: z
    .array(z.strictObject({ caseId: ZIdSchema, lawyerId: ZIdSchema }))
    .min(1)
    .max(BATCH_APPROVE_MAX),
})
export type TBatchApproveRequest = z.input<typeof ZBatchApproveRequestSchema>

export const batchMatchingChannels = {
  /**
   * The proven-optimal assignment of every case awaiting a match to lawyers with free places (docs/matching.md).
   * Proposes only: nothing is written but the audit of the cases viewed.
   */
  'matching:batchPropose': defineChannel({
    request: z.strictObject({}),
    response: ZBatchProposalSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** How far the running proposal has got, for a progress bar; null when none is running. */
  'matching:batchProgress': defineChannel({
    request: z.strictObject({}),
    response: ZBatchProgressSchema.nullable(),
    access: STAFF_WHO_HANDLE_CASES,
    countsAsActivity: false,
  }),
  /** Stop the running proposal (it answers CANCELLED, having written nothing); false when none is running. */
  'matching:batchCancel': defineChannel({
    request: z.strictObject({}),
    response: z.object({ cancelled: z.boolean() }),
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** The pairs staff approved, each proposed as a referral; all or none (one transaction). */
  'matching:batchApprove': defineChannel({
    request: ZBatchApproveRequestSchema,
    response: z.object({ created: z.number().int(), referralIds: z.array(ZIdSchema) }),
    access: STAFF_WHO_HANDLE_CASES,
  }),
}
