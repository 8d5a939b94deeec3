/**
 * Why a directory organization ranks where it does for a survivor, or why it is left out: the organization
 * ranking's own keys (`org.`), worded by `reason-text.ts` for the CLI and by the catalogs for the renderer
 * (`referrals.reason.<key>`). Stored in audit details: append, never rename.
 */
import type { TExperience, TLegalNeed, TProvince } from '../cases/vocabulary'

export type TOrganizationScoreReasonParams = {
  /** Needs the organization serves (by category or by the services it lists), of all the survivor's needs. */
  'org.needs': { needs: TLegalNeed[]; total: number }
  /** Support for survivors of what the survivor lived through (survivor support, counselling). */
  'org.survivor_support': { experiences: TExperience[] }
  /** Settlement help for a newcomer (settlement, housing). */
  'org.settlement': Record<string, never>
  /** Urgent case (detained, at an airport, removal soon) and the organization supports people in detention. */
  'org.detention_support': Record<string, never>
  'org.province': { province: TProvince }
  'org.national': Record<string, never>
  'org.language.preferred': { language: string }
  'org.language.other': { language: string }
  'org.language.interpreter': { language: string }
  /** 'YYYY-MM' of the last verification, within the directory's twelve months. */
  'org.verified': { month: string }
  'org.verified_stale': { month: string }
  'org.unverified': Record<string, never>
}

export type TOrganizationExclusionReasonParams = {
  'org.excluded.retired': Record<string, never>
  /** Not national and not serving the survivor's province. */
  'org.excluded.province': { province: TProvince }
  /** Not national, and the case records no province: nobody can say it serves the survivor. */
  'org.excluded.province_unknown': Record<string, never>
  /** Serves none of the survivor's needs and offers no survivor support or settlement help they could use. */
  'org.excluded.unrelated': Record<string, never>
}

export type TOrganizationScoreReasonKey = keyof TOrganizationScoreReasonParams
export type TOrganizationExclusionReasonKey = keyof TOrganizationExclusionReasonParams

export type TOrganizationScoreReason = {
  [K in TOrganizationScoreReasonKey]: { key: K; points: number; params: TOrganizationScoreReasonParams[K] }
}[TOrganizationScoreReasonKey]

export type TOrganizationExclusionReason = {
  [K in TOrganizationExclusionReasonKey]: { key: K; params: TOrganizationExclusionReasonParams[K] }
}[TOrganizationExclusionReasonKey]
