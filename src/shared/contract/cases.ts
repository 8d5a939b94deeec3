import { z } from 'zod'
import {
  ZAdversePartySchema,
  ZConsentEntrySchema,
  ZContactSchema,
  ZDateSchema,
  ZExperienceSchema,
} from '../cases/intake-schema'
import {
  CASE_STATUSES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  LEGAL_NEEDS,
  PROVINCES,
  SENSITIVE_SECTIONS,
  STAFF_TIMELINE_KINDS,
  TASK_ORIGINS,
  TIMELINE_KINDS,
  URGENCIES,
} from '../cases/vocabulary'
import { ZCaseFileChangesSchema } from '../cases/case-file-schema'
import { NAME_SCRIPTS } from '../cases/name-scripts'
import { STAFF_WHO_HANDLE_CASES } from '../roles'
import { defineChannel } from './channel'
import { ZIdSchema } from './intake'

const ZStatusSchema = z.enum(CASE_STATUSES)
const ZStaffRefSchema = z.object({ accountId: z.string(), displayName: z.string() })
export type TStaffRef = z.infer<typeof ZStaffRefSchema>

/** The case list's query: one search box, filters, and a window of rows. */
export const ZCaseListQuerySchema = z.strictObject({
  /** Names in any form or script, reference numbers, notes. Accent-insensitive and typo-tolerant. */
  search: z.string().trim().max(200).default(''),
  statuses: z.array(ZStatusSchema).max(CASE_STATUSES.length).default([]),
  urgency: z.enum(URGENCIES).optional(),
  province: z.enum(PROVINCES).optional(),
  /** ISO 639 code: preferred or other language. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  need: z.enum(LEGAL_NEEDS).optional(),
  /** An account id, or 'unassigned'. */
  assignee: z.string().min(1).max(64).optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})
export type TCaseListQuery = z.input<typeof ZCaseListQuerySchema>

/** Where a search met a case: its reference, the name it is shown under, an alias, the name in its own script, its city, a note. */
export const SEARCH_REASON_KINDS = ['reference', 'name', 'alias', 'originalScript', 'city', 'note'] as const
export type TSearchReasonKind = (typeof SEARCH_REASON_KINDS)[number]

/** One reason a search found a case, for the row to say. Never a note's text: a note is only "in a note". */
export const ZSearchReasonSchema = z.object({
  kind: z.enum(SEARCH_REASON_KINDS),
  /** The alias or name met ('name', 'alias'), the city ('city'); '' for the reference, a note, a script name. */
  text: z.string().max(1_000),
  /** The script of the name met ('originalScript'): ISO 15924 code. */
  script: z.enum(NAME_SCRIPTS),
  /** Met through a spelling other than the one typed (person matching), not as typed. */
  spelledOtherwise: z.boolean(),
})
export type TSearchReason = z.infer<typeof ZSearchReasonSchema>

export const ZCaseListRowSchema = z.object({
  id: ZIdSchema,
  reference: z.string(),
  displayName: z.string(),
  status: ZStatusSchema,
  province: z.string(),
  city: z.string(),
  preferredLanguage: z.string(),
  needs: z.array(z.enum(LEGAL_NEEDS)),
  detained: z.boolean(),
  atAirport: z.boolean(),
  removalDate: z.string(),
  hearingDate: z.string(),
  /** Detained, at an airport now, or removal within REMOVAL_URGENT_DAYS (and not closed). */
  urgent: z.boolean(),
  assignee: ZStaffRefSchema.nullable(),
  openedOn: z.string(),
  /** ISO 8601. */
  updatedAt: z.string(),
  /** Why a search found this case (empty when the list is not searched): see ZSearchReasonSchema. */
  whyMatched: z.array(ZSearchReasonSchema).max(SEARCH_REASON_KINDS.length),
})
export type TCaseListRow = z.infer<typeof ZCaseListRowSchema>

/**
 * A search counts its matches up to this many and lists at most this many: past it the list says "more than 1,000
 * cases" (`totalCapped`), since counting and ranking every hit of a word in 16,000 notes is the search's slowest
 * part, and nobody reads past the first thousand results of a search (a word or a filter more narrows it).
 */
export const SEARCH_COUNT_CAP = 1_000

export const ZCaseListPageSchema = z.object({
  rows: z.array(ZCaseListRowSchema),
  /** Rows matching the query, for the scroll height (at most SEARCH_COUNT_CAP for a search: see totalCapped). */
  total: z.number().int(),
  /** Present when more cases match the search than `total` (the count stopped at SEARCH_COUNT_CAP). */
  totalCapped: z.literal(true).optional(),
  offset: z.number().int(),
})
export type TCaseListPage = z.infer<typeof ZCaseListPageSchema>

export const ZConsentRecordSchema = z.object({
  id: ZIdSchema,
  purpose: z.enum(CONSENT_PURPOSES),
  granted: z.boolean(),
  method: z.union([z.literal(''), z.enum(CONSENT_METHODS)]),
  givenOn: z.string(),
  expiresOn: z.string(),
  notes: z.string(),
  recordedBy: ZStaffRefSchema.nullable(),
  /** ISO 8601. */
  recordedAt: z.string(),
})
export type TConsentRecord = z.infer<typeof ZConsentRecordSchema>

export const ZTimelineEntrySchema = z.object({
  id: ZIdSchema,
  kind: z.enum(TIMELINE_KINDS),
  /** When it happened (ISO 8601): for notes, calls and meetings, what the person entered. */
  occurredAt: z.string(),
  /** Staff text: a note, call or meeting, or the reason given for a status change; '' for other app entries. */
  body: z.string(),
  /** Machine details for app entries: { from, to, reason } for a status change, and so on. Never free text. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  author: ZStaffRefSchema.nullable(),
  recordedAt: z.string(),
})
export type TTimelineEntry = z.infer<typeof ZTimelineEntrySchema>

export const ZTaskSchema = z.object({
  id: ZIdSchema,
  title: z.string(),
  dueOn: z.string(),
  origin: z.enum(TASK_ORIGINS),
  doneAt: z.string().nullable(),
  createdBy: ZStaffRefSchema.nullable(),
  createdAt: z.string(),
})
export type TTask = z.infer<typeof ZTaskSchema>

export const ZIntakeSummarySchema = z.object({
  id: ZIdSchema,
  intakeDate: z.string(),
  method: z.string(),
  staff: ZStaffRefSchema.nullable(),
  recordedAt: z.string(),
})

/** A case without its sensitive sections; those come from cases:reveal, one audited view at a time. */
export const ZCaseDetailSchema = z.object({
  id: ZIdSchema,
  reference: z.string(),
  status: ZStatusSchema,
  statusReason: z.string(),
  nextStatuses: z.array(ZStatusSchema),
  assignee: ZStaffRefSchema.nullable(),
  openedOn: z.string(),
  updatedAt: z.string(),
  urgent: z.boolean(),
  person: z.object({
    displayName: z.string(),
    givenNames: z.string(),
    familyName: z.string(),
    preferredName: z.string(),
    aliases: z.array(z.string()),
    originalScriptName: z.string(),
    dateOfBirth: z.string(),
    approximateAge: z.number().int().nullable(),
    gender: z.string(),
    genderSelfDescribed: z.string(),
    pronouns: z.string(),
  }),
  languages: z.object({
    preferred: z.string(),
    others: z.array(z.string()),
    interpreterNeeded: z.string(),
    dialect: z.string(),
  }),
  location: z.object({
    province: z.string(),
    city: z.string(),
    countryOfOrigin: z.string(),
    immigrationStatus: z.string(),
    arrivalDate: z.string(),
    arrivalRoute: z.string(),
  }),
  needs: z.object({
    needs: z.array(z.enum(LEGAL_NEEDS)),
    otherNeed: z.string(),
    detained: z.string(),
    detentionPlace: z.string(),
    removalDate: z.string(),
    hearingDate: z.string(),
    atAirportNow: z.boolean(),
    airport: z.string(),
    // The IATA code (casework migration 3 fills it on older cases); '' when none.
    airportCode: z.string().max(8).default(''),
    urgencyNotes: z.string(),
  }),
  /** Which sensitive sections hold anything, so empty ones need no reveal. */
  sensitiveSections: z.array(z.object({ section: z.enum(SENSITIVE_SECTIONS), hasContent: z.boolean() })),
  /** The latest record per purpose. */
  consent: z.array(ZConsentRecordSchema),
  consentHistory: z.array(ZConsentRecordSchema),
  intakes: z.array(ZIntakeSummarySchema),
  tasks: z.array(ZTaskSchema),
  timeline: z.array(ZTimelineEntrySchema),
})
export type TCaseDetail = z.infer<typeof ZCaseDetailSchema>

/** Which intake a revealed part of the account comes from. */
const ZIntakeRefSchema = z.object({ intakeId: z.string(), intakeDate: z.string() })

export const ZRevealedSectionSchema = z.discriminatedUnion('section', [
  z.object({ section: z.literal('contact'), contact: ZContactSchema }),
  z.object({
    section: z.literal('experiences'),
    /** Every intake of the case, oldest first, with the experiences it recorded (an edit names the intake). */
    intakes: z.array(ZIntakeRefSchema.extend({ entries: z.array(ZExperienceSchema) })),
  }),
  z.object({
    section: z.literal('adverse_parties'),
    intakes: z.array(ZIntakeRefSchema.extend({ parties: z.array(ZAdversePartySchema) })),
  }),
  z.object({
    section: z.literal('narrative'),
    narratives: z.array(ZIntakeRefSchema.extend({ narrative: z.string(), notes: z.string() })),
  }),
])
export type TRevealedSection = z.infer<typeof ZRevealedSectionSchema>

const ZCaseRefSchema = z.strictObject({ caseId: ZIdSchema })

/** Which fields an edit changed, as 'section.field' (never their values). */
const ZChangedFieldSchema = z.string().max(64)

export const ZCaseEditResultSchema = z.object({
  /** The case's new version (its updatedAt), for the next edit. */
  version: z.string(),
  changedFields: z.array(ZChangedFieldSchema),
})
export type TCaseEditResult = z.infer<typeof ZCaseEditResultSchema>
const ZReasonSchema = z.string().trim().max(2000)

export const casesChannels = {
  /** One window of the case list: search, filters, urgent cases first. */
  'cases:list': defineChannel({
    request: ZCaseListQuerySchema,
    response: ZCaseListPageSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** The case page without its sensitive sections. Audited as a view of the record. */
  'cases:get': defineChannel({
    request: ZCaseRefSchema,
    response: ZCaseDetailSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** One sensitive section; each call is an audited view. */
  'cases:reveal': defineChannel({
    request: z.strictObject({ caseId: ZIdSchema, section: z.enum(SENSITIVE_SECTIONS) }),
    response: ZRevealedSectionSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /**
   * Change sections of the survivor's file with the intake's field rules. `version` is the case's updatedAt as the
   * editor loaded it: if the case changed since (another window, a colleague), the edit is refused with CONFLICT
   * and nothing is written. Recorded on the timeline and in the audit trail as which fields changed.
   */
  'cases:edit': defineChannel({
    request: z.strictObject({
      caseId: ZIdSchema,
      version: z.string().min(1).max(40),
      changes: ZCaseFileChangesSchema,
    }),
    response: ZCaseEditResultSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  'cases:addTimelineEntry': defineChannel({
    request: z.strictObject({
      caseId: ZIdSchema,
      kind: z.enum(STAFF_TIMELINE_KINDS),
      body: z.string().trim().min(1).max(20_000),
      /** Defaults to now. */
      occurredAt: z.iso.datetime({ offset: true }).optional(),
    }),
    response: ZTimelineEntrySchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Move along the workflow; a reason is required to close or to step back. */
  'cases:changeStatus': defineChannel({
    request: z.strictObject({ caseId: ZIdSchema, to: ZStatusSchema, reason: ZReasonSchema.default('') }),
    response: z.object({ status: ZStatusSchema }),
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Assign to an active admin or caseworker, or null to unassign. */
  'cases:assign': defineChannel({
    request: z.strictObject({ caseId: ZIdSchema, accountId: ZIdSchema.nullable() }),
    response: z.object({ assignee: ZStaffRefSchema.nullable() }),
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Grant, renew or withdraw consent for one purpose. Never overwrites: each call adds to the history. */
  'cases:recordConsent': defineChannel({
    request: z.strictObject({ caseId: ZIdSchema, entry: ZConsentEntrySchema }),
    response: ZConsentRecordSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  'cases:addTask': defineChannel({
    request: z.strictObject({
      caseId: ZIdSchema,
      title: z.string().trim().min(1).max(500),
      dueOn: ZDateSchema,
    }),
    response: ZTaskSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  'cases:setTaskDone': defineChannel({
    request: z.strictObject({ caseId: ZIdSchema, taskId: ZIdSchema, done: z.boolean() }),
    response: ZTaskSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Staff a case can be assigned to (active admins and caseworkers), for the assign menu and the filter. */
  'cases:assignees': defineChannel({
    request: z.strictObject({}),
    response: z.array(ZStaffRefSchema),
    access: STAFF_WHO_HANDLE_CASES,
  }),
}
