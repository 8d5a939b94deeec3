import { z } from 'zod'
import { ZCaseFileSchema } from './case-file-schema'
import { isIsoDate, ZConsentEntrySchema, ZIntakeSchema } from './intake-schema'
import { CASE_STATUSES, TASK_ORIGINS, TIMELINE_KINDS } from './vocabulary'

/*
 * `ccij-cases-v1`: every case whole, as JSON (docs/cases-json.md). The intakes CSV holds one merged intake per case
 * and no history; this file holds what the vault knows about each case — its current file, every intake as it was
 * submitted (experiences with where and when, adverse parties with original-script names, countries and notes, the
 * narrative), consent as history, the timeline with its notes, and tasks — so that export, import into a new vault
 * and export again give the same file. Staff are not in it (accounts belong to one vault): who wrote what, who
 * recorded a consent and who the case is assigned to stay behind; referrals and packets belong to the roster and
 * directory of the vault they were made in and stay behind too.
 */

export const CASES_FILE_FORMAT = 'ccij-cases-v1'
/** The longest file an import reads (characters), about 200 MB: tens of thousands of cases. */
export const CASES_FILE_MAX_CHARS = 200_000_000
/** Cases per file at most. */
export const CASES_FILE_MAX_CASES = 200_000

const ZIdSchema = z.string().min(1).max(64)
/** An instant as the vault stores it: '2026-11-27T15:00:00.000Z'. */
const ZInstantSchema = z
  .string()
  .max(40)
  .refine((value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value), {
    error: 'not an instant (YYYY-MM-DDTHH:MM:SS.sssZ)',
  })
  .refine((value) => isIsoDate(value.slice(0, 10)), { error: 'no such day' })
const ZDaySchema = z.string().refine(isIsoDate, { error: 'not a date (YYYY-MM-DD) or no such day' })

export const ZCasesFileIntakeSchema = z.strictObject({
  id: ZIdSchema,
  recordedAt: ZInstantSchema,
  /** The intake as submitted, under the intake's own rules. */
  intake: ZIntakeSchema,
})

/** One consent decision: consent is history, the latest per purpose counts. Oldest first. */
export const ZCasesFileConsentSchema = z.strictObject({
  id: ZIdSchema,
  recordedAt: ZInstantSchema,
  decision: ZConsentEntrySchema,
})

/** A timeline entry. `details` holds keys and ids (never free text); `body` is what staff wrote. Oldest first. */
export const ZCasesFileEventSchema = z.strictObject({
  id: ZIdSchema,
  kind: z.enum(TIMELINE_KINDS),
  occurredAt: ZInstantSchema,
  recordedAt: ZInstantSchema,
  body: z.string().max(20_000),
  details: z.record(z.string().max(64), z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()])),
})

export const ZCasesFileTaskSchema = z.strictObject({
  id: ZIdSchema,
  title: z.string().max(200),
  dueOn: ZDaySchema,
  origin: z.enum(TASK_ORIGINS),
  createdAt: ZInstantSchema,
  doneAt: ZInstantSchema.nullable(),
})

export const ZCasesFileCaseSchema = z.strictObject({
  id: ZIdSchema,
  reference: z
    .string()
    .max(40)
    .regex(/^CCIJ-\d{4}-\d{4,}$/, { error: 'not a case reference (CCIJ-YYYY-NNNN)' }),
  status: z.enum(CASE_STATUSES),
  statusReason: z.string().max(2_000),
  openedOn: ZDaySchema,
  createdAt: ZInstantSchema,
  updatedAt: ZInstantSchema,
  /** The survivor's file now: person, contact and safety, languages, location, needs (edits included). */
  file: ZCaseFileSchema,
  intakes: z.array(ZCasesFileIntakeSchema).min(1).max(500),
  consents: z.array(ZCasesFileConsentSchema).max(5_000),
  timeline: z.array(ZCasesFileEventSchema).max(50_000),
  tasks: z.array(ZCasesFileTaskSchema).max(5_000),
})
export type TCasesFileCase = z.output<typeof ZCasesFileCaseSchema>

/** The file's first lines, before its cases (the reader checks them first, so a wrong file fails in one sentence). */
export const ZCasesFileHeaderSchema = z.object({
  format: z.literal(CASES_FILE_FORMAT, { error: `not a ${CASES_FILE_FORMAT} file` }),
  exportedAt: ZInstantSchema,
  cases: z.array(z.unknown()).max(CASES_FILE_MAX_CASES),
})

export const ZCasesFileSchema = z.strictObject({
  format: z.literal(CASES_FILE_FORMAT),
  exportedAt: ZInstantSchema,
  cases: z.array(ZCasesFileCaseSchema).max(CASES_FILE_MAX_CASES),
})
export type TCasesFile = z.output<typeof ZCasesFileSchema>
