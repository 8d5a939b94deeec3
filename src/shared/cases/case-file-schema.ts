import { z } from 'zod'
import {
  checkPersonFacts,
  ZAdversePartiesSchema,
  ZContactSchema,
  ZExperiencesSchema,
  ZIntakeMetaSchema,
  ZLanguagesSchema,
  ZLocationSchema,
  ZNeedsSchema,
  ZPersonSchema,
} from './intake-schema'

/*
 * The survivor's file as a case holds it after its intakes: who they are, how to reach them safely, their
 * languages, where they are and what they need. Editing a case changes these sections with the intake's own field
 * rules. Experiences, adverse parties and the narrative belong to the intake that recorded them (the survivor's
 * account as told that day): an edit names the intake and changes them there, with the same rules, as it does the intake's notes. Consent is
 * history (recorded one purpose at a time, never overwritten).
 */

const ZIntakeIdSchema = z.string().min(1).max(64)

export const CASE_FILE_SECTIONS = ['person', 'contact', 'languages', 'location', 'needs'] as const
export type TCaseFileSection = (typeof CASE_FILE_SECTIONS)[number]

export const ZCaseFileSchema = z
  .object({
    person: ZPersonSchema,
    contact: ZContactSchema,
    languages: ZLanguagesSchema,
    location: ZLocationSchema,
    needs: ZNeedsSchema,
  })
  .superRefine(checkPersonFacts)
export type TCaseFile = z.output<typeof ZCaseFileSchema>
export type TCaseFileInput = z.input<typeof ZCaseFileSchema>

/**
 * An edit: the sections the person changed, each whole. Sections left out stay as they are — the contact section
 * is only sent by someone who revealed it (an audited view), so editing the summary never needs the contact.
 */
export const ZCaseFileChangesSchema = z.strictObject({
  person: ZPersonSchema.optional(),
  contact: ZContactSchema.optional(),
  languages: ZLanguagesSchema.optional(),
  location: ZLocationSchema.optional(),
  needs: ZNeedsSchema.optional(),
  /** The intake whose account (experiences, narrative, adverse parties) this edit changes; required with them. */
  intakeId: ZIntakeIdSchema.optional(),
  /** The experiences, the narrative, or both (each is revealed, and so edited, on its own). */
  experiences: ZExperiencesSchema.partial().optional(),
  adverseParties: ZAdversePartiesSchema.optional(),
  /** The intake's notes (the interviewer's, as the intake or an import recorded them); with `intakeId`. */
  meta: ZIntakeMetaSchema.pick({ notes: true }).optional(),
})
export type TCaseFileChanges = z.output<typeof ZCaseFileChangesSchema>
export type TCaseFileChangesInput = z.input<typeof ZCaseFileChangesSchema>

/** The case page's two editors: the summary (everything shown without a reveal) and the contact section. */
export const ZCaseSummaryEditSchema = z
  .object({
    person: ZPersonSchema,
    languages: ZLanguagesSchema,
    location: ZLocationSchema,
    needs: ZNeedsSchema,
  })
  .superRefine(checkPersonFacts)
export type TCaseSummaryEdit = z.output<typeof ZCaseSummaryEditSchema>
export const ZCaseContactEditSchema = z.object({ contact: ZContactSchema })
export type TCaseContactEdit = z.output<typeof ZCaseContactEditSchema>

/** The case page's editors of one intake's account, each a section revealed on its own. */
export const ZExperiencesEditSchema = z.object({
  intakeId: ZIntakeIdSchema,
  experiences: ZExperiencesSchema.pick({ entries: true }),
})
export const ZNarrativeEditSchema = z.object({
  intakeId: ZIntakeIdSchema,
  experiences: ZExperiencesSchema.pick({ narrative: true }),
  meta: ZIntakeMetaSchema.pick({ notes: true }),
})
export const ZAdversePartiesEditSchema = z.object({
  intakeId: ZIntakeIdSchema,
  adverseParties: ZAdversePartiesSchema,
})
