import { z } from 'zod'
import {
  ADVERSE_PARTY_KINDS,
  ANSWERS,
  EXPERIENCES,
  GENDERS,
  IMMIGRATION_STATUSES,
  LEGAL_NEEDS,
  PROVINCES,
} from '../cases/vocabulary'
import { ADMIN_ONLY } from '../roles'
import { AIRPORTS } from '../roster/airports'
import { defineChannel } from './channel'
import { ZCsvUploadIdSchema } from './csv-upload'

/**
 * Moving intakes in from spreadsheets and out to them (docs/intake-csv.md). The renderer reads the chosen file with
 * the File API a slice at a time and sends the slices (csv-upload.ts); main parses and validates each row with the
 * intake schema as it arrives, and imports all rows or none.
 * A refused file is an answer, not an error: the row problems come back as data, as codes the screen translates.
 */

/**
 * The vocabulary behind each column that takes keys: what the reader accepts, and what a "choice" problem lists as
 * allowed (the keys as the file must hold them), in the CLI's English and on the screen alike.
 */
export const CSV_CHOICES = {
  gender: GENDERS,
  immigration_status: IMMIGRATION_STATUSES,
  legal_needs: LEGAL_NEEDS,
  experiences: EXPERIENCES,
  interpreter_needed: ANSWERS,
  detained: ANSWERS,
  adverse_parties: ADVERSE_PARTY_KINDS,
  province: PROVINCES,
  airport: AIRPORTS,
} as const
export type TCsvChoiceColumn = keyof typeof CSV_CHOICES

/** The keys a column accepts, or undefined for a column without a vocabulary. */
export const csvChoicesOf = (column: string): readonly string[] | undefined =>
  Object.hasOwn(CSV_CHOICES, column) ? CSV_CHOICES[column as TCsvChoiceColumn] : undefined

/** Everything that can be wrong with a file or one of its rows. The screen words each one in EN and FR. */
export const CSV_ERROR_CODES = [
  // The file as a whole (line 0 when it has no line, else the line it was found on).
  'empty',
  'notUtf8',
  'unclosedQuote',
  'badQuote',
  'csvSyntax',
  'unknownColumn',
  'duplicateColumn',
  'unnamedColumn',
  'noNameColumn',
  'tooManyRows',
  /** More bytes than the import reads (a 50 MB cap): the reader stops there. */
  'tooLarge',
  // One cell of one row.
  'tooManyCells',
  'nameRequired',
  'notADate',
  'dateInFuture',
  'province',
  'language',
  'country',
  'choice',
  'boolean',
  'phone',
  'email',
  'tooLong',
  'tooMany',
  'partyName',
  'reference',
  'referenceDuplicate',
  'referenceExists',
  'invalid',
  /** A date written right whose day does not exist: 2024-02-30. */
  'noSuchDay',
] as const
export type TCsvErrorCode = (typeof CSV_ERROR_CODES)[number]

/** Rows per file at most; a bigger spreadsheet can be split. */
export const CSV_MAX_ROWS = 50_000
/** The longest file text accepted (characters), about 50 MB. */
export const CSV_MAX_CHARS = 50_000_000
/** At most this many problems come back; `errorCount` says how many there were in all. */
export const CSV_MAX_REPORTED_ERRORS = 2_000

export const ZCsvRowErrorSchema = z.object({
  /** The physical line of the file where the row starts (the header is line 1); 0 for the file as a whole. */
  line: z.number().int().min(0),
  /** The column's canonical name (`date_of_birth`), or for unknown columns the header as written (shortened). */
  field: z.string().max(80),
  code: z.enum(CSV_ERROR_CODES),
  /** The short offending value, for dates, codes and vocabulary keys only; never names, contact details or text. */
  value: z.string().max(80).optional(),
  /** A number the message needs: the length or count limit, the cell count. */
  limit: z.number().int().optional(),
  /** For a reference given twice: the other row's line. */
  otherLine: z.number().int().optional(),
})
export type TCsvRowError = z.infer<typeof ZCsvRowErrorSchema>

/** Rows of a checked file shown before it is imported. */
export const CSV_PREVIEW_ROWS = 10

/** One row as the app read it: enough to recognize the row, before anything is stored. */
export const ZCsvPreviewRowSchema = z.object({
  /** The file's line where the row starts. */
  line: z.number().int().min(2),
  reference: z.string().max(40),
  name: z.string().max(400),
  dateOfBirth: z.string().max(10),
  province: z.string().max(2),
  countryOfOrigin: z.string().max(2),
  intakeDate: z.string().max(10),
  legalNeeds: z.array(z.enum(LEGAL_NEEDS)).max(LEGAL_NEEDS.length),
})
export type TCsvPreviewRow = z.infer<typeof ZCsvPreviewRowSchema>

export const ZIntakeCsvImportResultSchema = z.object({
  /** True when the file was valid: on a dry run nothing was stored; otherwise every row was. */
  accepted: z.boolean(),
  dryRun: z.boolean(),
  /** Rows in the file (blank rows not counted). */
  rows: z.number().int().min(0),
  /** Cases created (0 on a dry run or a refused file). */
  created: z.number().int().min(0),
  /** The first CSV_MAX_REPORTED_ERRORS problems, in file order; empty when accepted. */
  errors: z.array(ZCsvRowErrorSchema).max(CSV_MAX_REPORTED_ERRORS),
  errorCount: z.number().int().min(0),
  /** The first CSV_PREVIEW_ROWS rows as read, when the file was accepted (dry run or not). */
  preview: z.array(ZCsvPreviewRowSchema).max(CSV_PREVIEW_ROWS),
  /** The cases an import created, in file order (empty on a dry run or a refused file): links on the screen. */
  createdCases: z
    .array(z.object({ caseId: z.string().max(64), reference: z.string().max(40) }))
    .max(CSV_MAX_ROWS),
})
export type TIntakeCsvImportResult = z.infer<typeof ZIntakeCsvImportResultSchema>

/** The languages a blank template comes in. */
export const TEMPLATE_LANGUAGES = ['en', 'fr'] as const
export type TTemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number]

export const ZIntakeCsvTemplateSchema = z.object({
  /** The suggested file name. */
  fileName: z.string().max(80),
  /** Header line and one invented example row; the import accepts it unchanged. */
  csv: z.string().max(20_000),
  /** Every column in file order: its canonical name and the header the template gives it in this language. */
  columns: z.array(z.object({ column: z.string().max(80), header: z.string().max(80) })).max(200),
})
export type TIntakeCsvTemplate = z.infer<typeof ZIntakeCsvTemplateSchema>

export const intakeCsvChannels = {
  /**
   * Check a CSV file of intakes and, unless `dryRun`, create one case per row in one transaction. A file with any
   * bad row is refused whole: the answer lists every problem by line and column.
   */
  'intakeCsv:import': defineChannel({
    request: z.strictObject({
      /** The file, sent beforehand in slices (csvUpload:open, csvUpload:append) and read as it arrived. */
      uploadId: ZCsvUploadIdSchema,
      dryRun: z.boolean(),
    }),
    response: ZIntakeCsvImportResultSchema,
    access: ADMIN_ONLY,
  }),
  /** A blank intakes file to fill in (headers in English or French, one invented example row) and its columns. */
  'intakeCsv:template': defineChannel({
    request: z.strictObject({ language: z.enum(TEMPLATE_LANGUAGES) }),
    response: ZIntakeCsvTemplateSchema,
    access: ADMIN_ONLY,
  }),
  /**
   * Ask where to save (native dialog in main), then write every case as one CSV row there. The file is plaintext
   * survivor data; the screen says so before the person chooses.
   */
  'intakeCsv:export': defineChannel({
    request: z.strictObject({}),
    response: z.object({
      exported: z.boolean(),
      /** Cases written. */
      count: z.number().int().min(0),
      /** The saved file's base name only (never the folder). */
      fileName: z.string().max(255).nullable(),
    }),
    access: ADMIN_ONLY,
  }),
}
