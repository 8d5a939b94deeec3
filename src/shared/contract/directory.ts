import { z } from 'zod'
import { PROVINCES } from '../cases/vocabulary'
import { ANY_STAFF, STAFF_WHO_HANDLE_CASES } from '../roles'
import { ZOrganizationFieldsSchema, ZResourceFieldsSchema } from '../roster/directory-schema'
import { ORGANIZATION_CATEGORIES, ORGANIZATION_SERVICES, RESOURCE_KINDS } from '../roster/vocabulary'
import { defineChannel } from './channel'
import { ZIdSchema } from './intake'

/** Identity and dates every directory entry carries. */
const ZEntryMetaSchema = z.object({
  id: ZIdSchema,
  /** ISO 8601; null while in use. Retired entries stay for history (referrals name them) but leave the lists. */
  retiredAt: z.string().nullable(),
  /** Never verified, or last verified more than STALE_AFTER_MONTHS ago. */
  isStale: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

export const ZOrganizationSchema = ZOrganizationFieldsSchema.and(ZEntryMetaSchema)
export type TOrganization = z.infer<typeof ZOrganizationSchema>

export const ZResourceSchema = ZResourceFieldsSchema.and(ZEntryMetaSchema)
export type TResource = z.infer<typeof ZResourceSchema>

export const ZOrganizationQuerySchema = z.strictObject({
  /** Name, services or notes; accent- and case-insensitive. */
  search: z.string().trim().max(200).default(''),
  /** Serving this province: national organizations always included. */
  province: z.enum(PROVINCES).optional(),
  category: z.enum(ORGANIZATION_CATEGORIES).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  service: z.enum(ORGANIZATION_SERVICES).optional(),
  staleOnly: z.boolean().default(false),
  includeRetired: z.boolean().default(false),
})
export type TOrganizationQuery = z.input<typeof ZOrganizationQuerySchema>

export const ZResourceQuerySchema = z.strictObject({
  search: z.string().trim().max(200).default(''),
  kind: z.enum(RESOURCE_KINDS).optional(),
  includeRetired: z.boolean().default(false),
})
export type TResourceQuery = z.input<typeof ZResourceQuerySchema>

export const directoryChannels = {
  /** Organizations matching the filters, by name. Every role may read the directory. */
  'directory:organizations': defineChannel({
    request: ZOrganizationQuerySchema,
    response: z.array(ZOrganizationSchema),
    access: ANY_STAFF,
  }),
  'directory:organization': defineChannel({
    request: z.strictObject({ id: ZIdSchema }),
    response: ZOrganizationSchema,
    access: ANY_STAFF,
  }),
  'directory:createOrganization': defineChannel({
    request: z.strictObject({ organization: ZOrganizationFieldsSchema }),
    response: ZOrganizationSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  'directory:updateOrganization': defineChannel({
    request: z.strictObject({ id: ZIdSchema, organization: ZOrganizationFieldsSchema }),
    response: ZOrganizationSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Retire (leave the lists, kept for history) or bring back. */
  'directory:setOrganizationRetired': defineChannel({
    request: z.strictObject({ id: ZIdSchema, retired: z.boolean() }),
    response: ZOrganizationSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  'directory:resources': defineChannel({
    request: ZResourceQuerySchema,
    response: z.array(ZResourceSchema),
    access: ANY_STAFF,
  }),
  'directory:createResource': defineChannel({
    request: z.strictObject({ resource: ZResourceFieldsSchema }),
    response: ZResourceSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  'directory:updateResource': defineChannel({
    request: z.strictObject({ id: ZIdSchema, resource: ZResourceFieldsSchema }),
    response: ZResourceSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  'directory:setResourceRetired': defineChannel({
    request: z.strictObject({ id: ZIdSchema, retired: z.boolean() }),
    response: ZResourceSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
}
