import { z } from 'zod'
import {
  checkPersonFacts,
  ZContactSchema,
  ZLanguagesSchema,
  ZLocationSchema,
  ZNeedsSchema,
  ZPersonSchema,
} from './intake-schema'

/*
 * The survivor's file as a case holds it after its intakes: who they are, how to reach them safely, their
 * languages, where they are and what they need. Editing a case changes these sections with the intake's own field
 * rules; experiences, adverse parties and the narrative stay as each intake recorded them, and consent is history
 * (recorded one purpose at a time, never overwritten).
 */

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
