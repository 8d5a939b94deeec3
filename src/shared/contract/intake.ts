import { z } from 'zod'
import { ZIntakeSchema, INTAKE_STEP_IDS } from '../cases/intake-schema'
import { CASE_STATUSES } from '../cases/vocabulary'
import { STAFF_WHO_HANDLE_CASES } from '../roles'
import { defineChannel } from './channel'

export const ZIdSchema = z.string().min(1).max(64)
/** CCIJ-2026-0042: the year the case was opened and its number within that year. */
export const REFERENCE_PATTERN = /^CCIJ-\d{4}-\d{4,}$/
export const ZReferenceSchema = z.string().regex(REFERENCE_PATTERN)

const DRAFT_MAX_CHARS = 400_000
/**
 * A draft is whatever the wizard holds, valid or not (a half-typed date is still worth keeping). Main checks its
 * size and that it is a plain JSON object; the full intake schema applies on submit.
 */
export const ZDraftDataSchema = z
  .record(z.string(), z.unknown())
  .refine((value) => JSON.stringify(value).length <= DRAFT_MAX_CHARS, { error: 'The draft is too large.' })

export const ZDraftSummarySchema = z.object({
  id: ZIdSchema,
  step: z.enum(INTAKE_STEP_IDS),
  /** The name typed so far, or '' (the list shows "Unnamed draft"). */
  displayName: z.string(),
  /** ISO 8601. */
  updatedAt: z.string(),
})
export type TDraftSummary = z.infer<typeof ZDraftSummarySchema>

export const ZDraftSchema = ZDraftSummarySchema.extend({ data: ZDraftDataSchema })
export type TDraft = z.infer<typeof ZDraftSchema>

/** A stored case that may be the same person as the intake being saved, with what the two have in common. */
export const ZDuplicateCandidateSchema = z.object({
  caseId: ZIdSchema,
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  displayName: z.string(),
  /** Every name on file (legal, preferred, aliases, original script). */
  names: z.array(z.string()),
  dateOfBirth: z.string(),
  approximateAge: z.number().int().nullable(),
  gender: z.string(),
  countryOfOrigin: z.string(),
  province: z.string(),
  city: z.string(),
  preferredLanguage: z.string(),
  /** Only the last digits: enough to compare, not enough to call. */
  phoneEnding: z.string(),
  openedOn: z.string(),
  intakeCount: z.number().int(),
  /** 0..1 */
  score: z.number(),
  /** person-matching reason keys, e.g. 'name.phonetic', 'dob.exact'. */
  reasons: z.array(z.string()),
  /** The two names, as written, that matched best: [the intake's, the case's]. */
  bestPair: z.tuple([z.string(), z.string()]),
})
export type TDuplicateCandidate = z.infer<typeof ZDuplicateCandidateSchema>

export const ZDuplicateDecisionSchema = z.discriminatedUnion('kind', [
  /** A new case: none of the candidates is this person. */
  z.strictObject({ kind: z.literal('new') }),
  /** Same person: add this intake to the existing case. */
  z.strictObject({ kind: z.literal('existing'), caseId: ZIdSchema }),
])
export type TDuplicateDecision = z.infer<typeof ZDuplicateDecisionSchema>

export const intakeChannels = {
  /** The signed-in person's unfinished intakes, newest first. Drafts are private to the staff member. */
  'intake:listDrafts': defineChannel({
    request: z.strictObject({}),
    response: z.array(ZDraftSummarySchema),
    access: STAFF_WHO_HANDLE_CASES,
  }),
  'intake:getDraft': defineChannel({
    request: z.strictObject({ id: ZIdSchema }),
    response: ZDraftSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Create (no id) or overwrite a draft; called at every step so nothing typed is lost to a lock. */
  'intake:saveDraft': defineChannel({
    request: z.strictObject({
      id: ZIdSchema.optional(),
      step: z.enum(INTAKE_STEP_IDS),
      data: ZDraftDataSchema,
    }),
    response: z.object({ id: ZIdSchema, updatedAt: z.string() }),
    access: STAFF_WHO_HANDLE_CASES,
  }),
  'intake:discardDraft': defineChannel({
    request: z.strictObject({ id: ZIdSchema }),
    response: z.object({ discarded: z.boolean() }),
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Stored cases that may be the same person, best first (names in any script, date of birth, phone, email). */
  'intake:findDuplicates': defineChannel({
    request: z.strictObject({ intake: ZIntakeSchema }),
    response: z.array(ZDuplicateCandidateSchema),
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /**
   * Save the intake as a new case or add it to an existing one. `reviewedCandidates` are the case ids the person was
   * shown; main runs the duplicate check again and refuses (CONFLICT) when a likely match was not among them. The
   * decision is audited. The draft, if given, is deleted in the same transaction.
   */
  'intake:submit': defineChannel({
    request: z.strictObject({
      intake: ZIntakeSchema,
      draftId: ZIdSchema.optional(),
      decision: ZDuplicateDecisionSchema,
      reviewedCandidates: z.array(ZIdSchema).max(50),
    }),
    response: z.object({ caseId: ZIdSchema, reference: z.string(), createdCase: z.boolean() }),
    access: STAFF_WHO_HANDLE_CASES,
  }),
}
