import { z } from 'zod'
import { CASES_FILE_MAX_CASES, CASES_FILE_MAX_CHARS } from '../cases/cases-file-schema'
import { MESSAGES } from '../cases/intake-schema'
import { ADMIN_ONLY } from '../roles'
import { defineChannel } from './channel'

/**
 * Every case whole, as a `ccij-cases-v1` JSON file (docs/cases-json.md): the complete copy the intakes CSV cannot
 * be. Admins only, like the CSV; the export's path comes from main's save dialog, an import's text from the file the
 * admin chose. A refused file is an answer listing its problems as codes the screen words in EN and FR.
 */

/** The intake's own field rules, by the last part of their message key (`vocab.validation.<code>`). */
const FIELD_RULE_CODES = Object.values(MESSAGES).map((key) => key.replace('vocab.validation.', ''))

export const CASES_FILE_ERROR_CODES = [
  'notJson',
  'notCasesFile',
  'required',
  'wrongType',
  'unknownField',
  'invalid',
  'referenceExists',
  'referenceInFile',
  'idExists',
  'idInFile',
  ...FIELD_RULE_CODES,
] as const

export const CASES_FILE_MAX_REPORTED_ERRORS = 2_000

export const ZCasesFileErrorSchema = z.object({
  /** The case's position in the file (1 for the first); 0 for the file as a whole. */
  case: z.number().int().min(0),
  /** Its reference when the file gives one (references are not survivor data). */
  reference: z.string().max(40),
  /** Where in the case: 'intakes.0.person.dateOfBirth'. */
  field: z.string().max(200),
  code: z.string().max(40),
})
export type TCasesFileError = z.infer<typeof ZCasesFileErrorSchema>

export const ZCasesFileImportResultSchema = z.object({
  accepted: z.boolean(),
  dryRun: z.boolean(),
  /** Cases in the file. */
  cases: z.number().int().min(0),
  created: z.number().int().min(0),
  errors: z.array(ZCasesFileErrorSchema).max(CASES_FILE_MAX_REPORTED_ERRORS),
  errorCount: z.number().int().min(0),
  createdCases: z
    .array(z.object({ caseId: z.string().max(64), reference: z.string().max(40) }))
    .max(CASES_FILE_MAX_CASES),
})
export type TCasesFileImportResult = z.infer<typeof ZCasesFileImportResultSchema>

export const casesFileChannels = {
  /** Check a `ccij-cases-v1` file and, unless `dryRun`, add every case in it in one transaction (or none). */
  'casesFile:import': defineChannel({
    request: z.strictObject({ json: z.string().max(CASES_FILE_MAX_CHARS), dryRun: z.boolean() }),
    response: ZCasesFileImportResultSchema,
    access: ADMIN_ONLY,
  }),
  /** Ask where to save (native dialog in main), then write every case whole there. */
  'casesFile:export': defineChannel({
    request: z.strictObject({}),
    response: z.object({
      exported: z.boolean(),
      count: z.number().int().min(0),
      /** The saved file's base name only (never the folder). */
      fileName: z.string().max(255).nullable(),
    }),
    access: ADMIN_ONLY,
  }),
}
