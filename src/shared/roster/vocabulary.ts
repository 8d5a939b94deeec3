/**
 * The roster's and the directory's vocabularies. Like the case vocabularies (`../cases/vocabulary.ts`), each value is
 * a stable key stored in the vault and written in CSV files; the renderer words it (`vocab.<list>.<key>` in the
 * lawyers and directory catalogs). Append new keys at the end; never rename one.
 */

/** A lawyer on the roster is offered for referrals while active; paused lawyers stay listed but are not offered. */
export const LAWYER_STATUSES = ['active', 'paused'] as const
export type TLawyerStatus = (typeof LAWYER_STATUSES)[number]

/** Standing with a law society, as staff last verified it. */
export const LICENCE_STATUSES = ['practising', 'non_practising', 'suspended', 'unverified'] as const
export type TLicenceStatus = (typeof LICENCE_STATUSES)[number]

/** Most active referrals a lawyer can take at once. 0 means "full for now". */
export const MAX_ACTIVE_LIMIT = 200

// prettier-ignore
export const ORGANIZATION_CATEGORIES = [
  'human_rights_civil_liberties', 'refugee_immigration_legal', 'legal_aid_plan', 'survivor_support', 'settlement',
] as const
export type TOrganizationCategory = (typeof ORGANIZATION_CATEGORIES)[number]

/**
 * What an organization offers, as keys the directory filters and matching can use. The directory's own text
 * (`services`) says it in words; these keys are a summary staff can correct.
 */
// prettier-ignore
export const ORGANIZATION_SERVICES = [
  'legal_representation', 'legal_information', 'hearing_preparation', 'detention_support', 'legal_aid',
  'settlement', 'housing', 'counselling', 'sponsorship', 'advocacy', 'litigation', 'public_education',
] as const
export type TOrganizationService = (typeof ORGANIZATION_SERVICES)[number]

/** How sure the directory's source was: the organization's own or an official page, or news / third party. */
export const SOURCE_CONFIDENCES = ['high', 'medium', 'low'] as const
export type TSourceConfidence = (typeof SOURCE_CONFIDENCES)[number]

// prettier-ignore
export const RESOURCE_KINDS = [
  'treaty', 'statute', 'agreement', 'policy', 'guide', 'executive_order', 'tool',
] as const
export type TResourceKind = (typeof RESOURCE_KINDS)[number]

/** Whose law or guidance a resource is: international, Canada (federal), the United States, or one province. */
// prettier-ignore
export const RESOURCE_JURISDICTIONS = [
  'international', 'CA', 'US', 'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT',
] as const
export type TResourceJurisdiction = (typeof RESOURCE_JURISDICTIONS)[number]

/** A directory entry not verified for this many months (or never) is flagged as stale. */
export const STALE_AFTER_MONTHS = 12
