import { z } from 'zod'
import { ORGANIZATION_CATEGORIES } from '../roster/vocabulary'
import { STAFF_WHO_HANDLE_CASES } from '../roles'
import { defineChannel } from './channel'
import { ZIdSchema } from './intake'
import { RANKING_LIST_MAX, ZMatchReasonSchema } from './referrals'

export const ZRankedOrganizationSchema = z.object({
  organizationId: ZIdSchema,
  name: z.string().max(300),
  category: z.enum(ORGANIZATION_CATEGORIES),
  national: z.boolean(),
  website: z.string().max(2_000),
  phone: z.string().max(100),
  email: z.string().max(320),
  score: z.number().int(),
  /** `shared/matching/organization-reasons.ts` keys (`org.…`), worded by the renderer's catalogs. */
  reasons: z.array(ZMatchReasonSchema),
})
export type TRankedOrganizationView = z.infer<typeof ZRankedOrganizationSchema>

export const ZExcludedOrganizationSchema = z.object({
  organizationId: ZIdSchema,
  name: z.string().max(300),
  reasons: z.array(ZMatchReasonSchema),
})
export type TExcludedOrganizationView = z.infer<typeof ZExcludedOrganizationSchema>

export const ZOrganizationRankingSchema = z.object({
  caseId: ZIdSchema,
  /** Best first, at most RANKING_LIST_MAX; the totals say how many there were. */
  ranked: z.array(ZRankedOrganizationSchema).max(RANKING_LIST_MAX),
  rankedTotal: z.number().int(),
  /** By name, at most RANKING_LIST_MAX. */
  excluded: z.array(ZExcludedOrganizationSchema).max(RANKING_LIST_MAX),
  excludedTotal: z.number().int(),
})
export type TOrganizationRankingView = z.infer<typeof ZOrganizationRankingSchema>

export const organizationMatchingChannels = {
  /**
   * The directory's organizations ranked for one case (province or national, needs, languages), or excluded with
   * the reason. Caseworkers and admins: the reasons come from the survivor's record. Audited as a view of the case.
   */
  'matching:rankOrganizations': defineChannel({
    request: z.strictObject({ caseId: ZIdSchema }),
    response: ZOrganizationRankingSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
}
