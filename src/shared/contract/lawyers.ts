import { z } from 'zod'
import { LEGAL_NEEDS, PROVINCES } from '../cases/vocabulary'
import { ANY_STAFF, STAFF_WHO_HANDLE_CASES } from '../roles'
import { AIRPORTS } from '../roster/airports'
import { ZLawyerFieldsSchema } from '../roster/lawyer-schema'
import { LAWYER_STATUSES } from '../roster/vocabulary'
import { defineChannel } from './channel'
import { CSV_MAX_REPORTED_PROBLEMS, ZCsvProblemSchema } from './csv'
import { ZCsvUploadIdSchema } from './csv-upload'
import { ZIdSchema } from './intake'
import { TEMPLATE_LANGUAGES } from './intake-csv'

/** A lawyer as stored: the form's fields plus identity and dates. */
export const ZLawyerSchema = ZLawyerFieldsSchema.and(
  z.object({
    id: ZIdSchema,
    /** ISO 8601. */
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
)
export type TLawyer = z.infer<typeof ZLawyerSchema>

/** The roster list's query: every filter is kept in the screen's URL. */
export const ZLawyerListQuerySchema = z.strictObject({
  /** Name, firm, email or city; accent- and case-insensitive. */
  search: z.string().trim().max(200).default(''),
  status: z.enum(LAWYER_STATUSES).optional(),
  /** Licensed in, or based in, this province. */
  province: z.enum(PROVINCES).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  practiceArea: z.enum(LEGAL_NEEDS).optional(),
  /** Covers this airport (with onCallNow: on call there right now). */
  airport: z.enum(AIRPORTS).optional(),
  /** On call right now (at `airport`, or at any airport), in each airport's local time. */
  onCallNow: z.boolean().default(false),
  /** Only lawyers with room for another referral. */
  hasCapacity: z.boolean().default(false),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})
export type TLawyerListQuery = z.input<typeof ZLawyerListQuerySchema>

export const ZLawyerListRowSchema = z.object({
  id: ZIdSchema,
  displayName: z.string(),
  firm: z.string(),
  email: z.string(),
  phone: z.string(),
  city: z.string(),
  province: z.string(),
  /** Provinces of their law society memberships. */
  licensedIn: z.array(z.enum(PROVINCES)),
  languages: z.array(z.string()),
  practiceAreas: z.array(z.enum(LEGAL_NEEDS)),
  airports: z.array(z.enum(AIRPORTS)),
  /** Airports where they are on call at the moment the list was read. */
  onCallNowAt: z.array(z.enum(AIRPORTS)),
  status: z.enum(LAWYER_STATUSES),
  maxActive: z.number().int(),
  /** Active referrals they hold now (from open referrals; 0 for viewers, who cannot read referrals); capacity left is maxActive − activeReferrals. */
  activeReferrals: z.number().int(),
  updatedAt: z.string(),
})
export type TLawyerListRow = z.infer<typeof ZLawyerListRowSchema>

export const ZLawyerListPageSchema = z.object({
  rows: z.array(ZLawyerListRowSchema),
  total: z.number().int(),
  offset: z.number().int(),
})
export type TLawyerListPage = z.infer<typeof ZLawyerListPageSchema>

/** Who is on call at each airport right now. */
export const ZOnCallNowSchema = z.array(
  z.object({
    airport: z.enum(AIRPORTS),
    /** The airport's local time ('HH:MM') and weekday key, so the screen can say "Tue 02:10 at YUL". */
    localTime: z.string(),
    localDay: z.string(),
    lawyers: z.array(
      z.object({ id: ZIdSchema, displayName: z.string(), phone: z.string(), email: z.string() }),
    ),
  }),
)
export type TOnCallNow = z.infer<typeof ZOnCallNowSchema>

/** Places and lawyers of one province (the lawyer's own; '' when not recorded), for the dashboard. */
export const ZRosterCapacityRowSchema = z.object({
  province: z.union([z.literal(''), z.enum(PROVINCES)]),
  /** Active lawyers: the only ones ever offered a referral. */
  active: z.number().int().min(0),
  paused: z.number().int().min(0),
  /** Places the active lawyers offer in all (most active referrals at once, summed). */
  places: z.number().int().min(0),
  /** Active lawyers with no place left; null when the caller cannot read referrals (viewers). */
  full: z.number().int().min(0).nullable(),
  /** Places of active lawyers no open referral holds; null when the caller cannot read referrals (viewers). */
  placesFree: z.number().int().min(0).nullable(),
})
export type TRosterCapacityRow = z.infer<typeof ZRosterCapacityRowSchema>

export const ZRosterCapacitySchema = z.object({
  /** False for viewers: places in use are counted from referrals, survivor data their key cannot open. */
  placesKnown: z.boolean(),
  total: ZRosterCapacityRowSchema.omit({ province: true }),
  /** Provinces with at least one lawyer, most places first. */
  provinces: z.array(ZRosterCapacityRowSchema),
})
export type TRosterCapacity = z.infer<typeof ZRosterCapacitySchema>

/** Columns of the sign-up and roster CSV files (docs/lawyers-csv.md). The first 18 are the sign-up form's. */
// prettier-ignore
export const LAWYER_CSV_FIELDS = [
  'first_name', 'last_name', 'email', 'phone', 'firm', 'law_society_province', 'licence_number',
  'other_jurisdictions', 'practice_areas', 'languages', 'city', 'province', 'airport_on_call', 'airports',
  'max_active', 'conflicts', 'status', 'notes',
  // Written by `export lawyers` so that a roster round-trips; optional in sign-up files.
  'licence_status', 'licence_verified_on', 'experience_types', 'experience_countries',
] as const
export type TLawyerCsvField = (typeof LAWYER_CSV_FIELDS)[number]

/** Which field each header of the file feeds ('' = ignore this column). */
export const ZLawyerCsvMappingSchema = z
  .array(
    z.object({ header: z.string().max(200), field: z.union([z.literal(''), z.enum(LAWYER_CSV_FIELDS)]) }),
  )
  .max(200)
export type TLawyerCsvMapping = z.infer<typeof ZLawyerCsvMappingSchema>

/** What to do with a row whose lawyer is already on the roster (same licence or same email). */
export const DUPLICATE_ACTIONS = ['skip', 'update'] as const
export const ZDuplicateActionSchema = z.enum(DUPLICATE_ACTIONS)
export type TDuplicateAction = z.infer<typeof ZDuplicateActionSchema>

/** The largest sign-up file the app reads (characters); the reader also stops at LAWYER_CSV_MAX_ROWS rows. */
export const LAWYER_CSV_MAX_CHARS = 20_000_000
export const LAWYER_CSV_MAX_ROWS = 20_000

export const ZLawyerImportDuplicateSchema = z.object({
  row: z.number().int(),
  lawyerId: ZIdSchema,
  displayName: z.string(),
  matchedBy: z.enum(['licence', 'email']),
})
export type TLawyerImportDuplicate = z.infer<typeof ZLawyerImportDuplicateSchema>

export const ZLawyerImportCheckSchema = z.object({
  /** True when every row is valid (duplicates of roster entries are not problems: they are choices). */
  accepted: z.boolean(),
  rows: z.number().int().min(0),
  problems: z.array(ZCsvProblemSchema).max(CSV_MAX_REPORTED_PROBLEMS),
  problemCount: z.number().int().min(0),
  /** Rows that match a lawyer already on the roster. */
  duplicates: z.array(ZLawyerImportDuplicateSchema),
})
export type TLawyerImportCheck = z.infer<typeof ZLawyerImportCheckSchema>

export const ZLawyerImportResultSchema = z.object({
  added: z.number().int().min(0),
  updated: z.number().int().min(0),
  skipped: z.number().int().min(0),
})
export type TLawyerImportResult = z.infer<typeof ZLawyerImportResultSchema>

export const lawyersChannels = {
  /** One window of the roster, filtered. Every role may read the roster. */
  'lawyers:list': defineChannel({
    request: ZLawyerListQuerySchema,
    response: ZLawyerListPageSchema,
    access: ANY_STAFF,
  }),
  'lawyers:get': defineChannel({
    request: z.strictObject({ id: ZIdSchema }),
    response: ZLawyerSchema,
    access: ANY_STAFF,
  }),
  'lawyers:onCallNow': defineChannel({
    request: z.strictObject({}),
    response: ZOnCallNowSchema,
    access: ANY_STAFF,
  }),
  /** Places free and lawyers full or paused, by province: aggregate counts every role may see. */
  'lawyers:capacity': defineChannel({
    request: z.strictObject({}),
    response: ZRosterCapacitySchema,
    access: ANY_STAFF,
  }),
  'lawyers:create': defineChannel({
    request: z.strictObject({ lawyer: ZLawyerFieldsSchema }),
    response: ZLawyerSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  'lawyers:update': defineChannel({
    request: z.strictObject({ id: ZIdSchema, lawyer: ZLawyerFieldsSchema }),
    response: ZLawyerSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Pause (no new referrals offered) or make active again. */
  'lawyers:setStatus': defineChannel({
    request: z.strictObject({ id: ZIdSchema, status: z.enum(LAWYER_STATUSES) }),
    response: ZLawyerSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /**
   * The file's headers and the field each one feeds: as remembered from the last import, else guessed. The file is
   * an upload of kind `lawyers` (csvUpload:*, sent whole); main keeps it read for the check and the commit that
   * follow, until the commit, a csvUpload:cancel of it, another file, or the vault locking.
   */
  'lawyerImport:inspect': defineChannel({
    request: z.strictObject({ uploadId: ZCsvUploadIdSchema }),
    response: z.object({ headers: z.array(z.string()), mapping: ZLawyerCsvMappingSchema }),
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Dry run: every problem by row and column, and the rows that are already on the roster. Stores nothing. */
  'lawyerImport:check': defineChannel({
    request: z.strictObject({ uploadId: ZCsvUploadIdSchema, mapping: ZLawyerCsvMappingSchema }),
    response: ZLawyerImportCheckSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /**
   * Import every row or none: duplicates are skipped or update the roster entry, as `duplicates` says, except the
   * rows listed in `decisions`. A file with any problem is refused whole (the answer is then the check's problems).
   */
  'lawyerImport:commit': defineChannel({
    request: z.strictObject({
      uploadId: ZCsvUploadIdSchema,
      mapping: ZLawyerCsvMappingSchema,
      duplicates: ZDuplicateActionSchema,
      decisions: z
        .array(z.object({ row: z.number().int().min(1), action: ZDuplicateActionSchema }))
        .max(LAWYER_CSV_MAX_ROWS),
    }),
    response: z.union([
      z.object({ imported: z.literal(true), result: ZLawyerImportResultSchema }),
      z.object({ imported: z.literal(false), check: ZLawyerImportCheckSchema }),
    ]),
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /**
   * Save the blank sign-up file (default columns, headers in `language`, one invented row the import accepts):
   * main asks where through its native save dialog and answers with the base file name only.
   */
  'lawyerImport:saveTemplate': defineChannel({
    request: z.strictObject({ language: z.enum(TEMPLATE_LANGUAGES) }),
    response: z.object({ saved: z.boolean(), fileName: z.string().max(255).nullable() }),
    access: STAFF_WHO_HANDLE_CASES,
  }),
}
