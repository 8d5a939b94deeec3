import { z } from 'zod'
import { ZOptionalDateSchema } from '../cases/intake-schema'
import { STAFF_WHO_HANDLE_CASES } from '../roles'
import { defineChannel } from './channel'

/** The breakdowns of the caseload report, in the order the screen shows them. */
export const REPORT_BREAKDOWNS = [
  'status',
  'legalNeed',
  'province',
  'countryOfOrigin',
  'experience',
  'monthOpened',
] as const
export type TReportBreakdown = (typeof REPORT_BREAKDOWNS)[number]

/** The most months one report covers (ten years). */
export const REPORT_MAX_MONTHS = 120

/** Cases opened in a date range (inclusive, 'YYYY-MM-DD'; '' leaves that end open). */
export const ZCaseReportQuerySchema = z
  .strictObject({ from: ZOptionalDateSchema.default(''), to: ZOptionalDateSchema.default('') })
  .refine((range) => range.from === '' || range.to === '' || range.from <= range.to, {
    path: ['to'],
    error: 'reports.errors.toBeforeFrom',
  })
export type TCaseReportQuery = z.input<typeof ZCaseReportQuerySchema>

export const ZReportCellSchema = z.object({
  /** A vocabulary key (status, need, province, experience), an ISO country code, 'YYYY-MM', or '' for not answered. */
  key: z.string().max(40),
  /** Cases; null when withheld because it is small (or would give a small count away). */
  count: z.number().int().min(0).nullable(),
})
export type TReportCell = z.infer<typeof ZReportCellSchema>

/**
 * Counts only: no name, reference or any other field of a case ever enters a report, and small counts are
 * withheld (shared/reports/small-counts.ts), so the report can go to a board or a funder.
 */
export const ZCaseReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Cases opened in the range; null when fewer than 5. */
  total: z.number().int().min(0).nullable(),
  breakdowns: z.object(
    Object.fromEntries(
      REPORT_BREAKDOWNS.map((name) => [name, z.array(ZReportCellSchema).max(400)]),
    ) as Record<TReportBreakdown, z.ZodArray<typeof ZReportCellSchema>>,
  ),
})
export type TCaseReport = z.infer<typeof ZCaseReportSchema>

export const reportsChannels = {
  /** Counts of cases opened in a range, by status, legal need, province, country, experience and month (audited). */
  'reports:caseload': defineChannel({
    request: ZCaseReportQuerySchema,
    response: ZCaseReportSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
}
