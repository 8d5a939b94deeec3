import { z } from 'zod'

/**
 * What every CSV import reports, whatever it imports: one problem per cell (or per file, row 0), as a code the
 * screen and the CLI word in EN or FR, with the few parameters the message needs. Parameters are limits, counts,
 * short codes and column names: never a person's name, contact details or free text.
 */
export const ZCsvProblemSchema = z.object({
  /** The physical line where the row starts (the header is line 1); 0 for the file as a whole. */
  row: z.number().int().min(0),
  /** The column's field name (`licence_number`), the header as written for unknown columns, or '' for the file. */
  column: z.string().max(80),
  code: z.string().max(40),
  params: z.record(z.string().max(40), z.union([z.string().max(80), z.number()])).optional(),
})
export type TCsvProblem = z.infer<typeof ZCsvProblemSchema>

/** At most this many problems come back; `problemCount` says how many there were in all. */
export const CSV_MAX_REPORTED_PROBLEMS = 2_000
