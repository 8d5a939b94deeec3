/**
 * Ranking directory organizations for one survivor, the explainable way the lawyers are ranked: each organization
 * is either ranked (score and the reasons that make it up) or excluded (every rule it fails). Pure: plain
 * profiles in, no database. docs/matching.md, "Organizations", explains the rules and the weights.
 */
import type { TExperience, TLegalNeed, TProvince } from '../../../shared/cases/vocabulary'
import type {
  TOrganizationExclusionReason,
  TOrganizationScoreReason,
} from '../../../shared/matching/organization-reasons'
import type { TOrganizationCategory, TOrganizationService } from '../../../shared/roster/vocabulary'
import { staleBefore } from '../directory/directory-views'
import type { TRankContext, TSurvivorProfile } from './types'
import { ORGANIZATION_WEIGHTS as W } from './weights'

/** What the ranking reads of a directory organization (the directory's `TOrganization` fits it). */
export type TOrganizationProfile = {
  id: string
  name: string
  category: TOrganizationCategory
  national: boolean
  /** Provinces served; empty for a national organization. */
  provinces: readonly TProvince[]
  serviceKeys: readonly TOrganizationService[]
  /** ISO 639 codes; empty when the directory does not say. */
  languages: readonly string[]
  /** 'YYYY-MM-DD', or '' when never verified. */
  lastVerifiedOn: string
  retiredAt: string | null
}

export type TRankedOrganization<O extends TOrganizationProfile = TOrganizationProfile> = {
  organization: O
  score: number
  reasons: TOrganizationScoreReason[]
}
export type TExcludedOrganization<O extends TOrganizationProfile = TOrganizationProfile> = {
  organization: O
  reasons: TOrganizationExclusionReason[]
}
/** Generic over the organization so a caller passing directory rows gets them back whole (contacts too). */
export type TOrganizationRanking<O extends TOrganizationProfile = TOrganizationProfile> = {
  ranked: TRankedOrganization<O>[]
  excluded: TExcludedOrganization<O>[]
}

type TServes = { categories: readonly TOrganizationCategory[]; services: readonly TOrganizationService[] }

/**
 * Which organizations serve which legal need: by category, or by a service key staff recorded. The federal
 * immigration matters go to refugee and immigration legal clinics and the legal aid plans; the claims against
 * perpetrators (civil, criminal) to human rights and civil liberties organizations.
 */
export const NEED_SERVED_BY: Readonly<Record<TLegalNeed, TServes>> = {
  refugee_claim: {
    categories: ['refugee_immigration_legal', 'legal_aid_plan'],
    services: ['legal_representation', 'hearing_preparation', 'legal_aid'],
  },
  detention_review: {
    categories: ['refugee_immigration_legal', 'legal_aid_plan'],
    services: ['detention_support', 'legal_representation'],
  },
  removal_prra: {
    categories: ['refugee_immigration_legal', 'legal_aid_plan'],
    services: ['legal_representation', 'legal_aid'],
  },
  federal_court: {
    categories: ['refugee_immigration_legal', 'legal_aid_plan'],
    services: ['litigation', 'legal_representation'],
  },
  family_reunification: {
    categories: ['refugee_immigration_legal', 'legal_aid_plan'],
    services: ['sponsorship'],
  },
  civil_claim: { categories: ['human_rights_civil_liberties'], services: ['litigation'] },
  criminal_complaint: { categories: ['human_rights_civil_liberties'], services: ['advocacy'] },
  airport_support: { categories: ['refugee_immigration_legal'], services: ['detention_support'] },
  other: { categories: ['legal_aid_plan'], services: ['legal_information', 'legal_aid'] },
}

/** Needs that make a survivor a newcomer who may use settlement help. */
const NEWCOMER_NEEDS: readonly TLegalNeed[] = ['refugee_claim', 'removal_prra', 'family_reunification']

const serves = (organization: TOrganizationProfile, need: TLegalNeed): boolean => {
  const by = NEED_SERVED_BY[need]
  return (
    by.categories.includes(organization.category) ||
    by.services.some((service) => organization.serviceKeys.includes(service))
  )
}

const offers = (organization: TOrganizationProfile, services: readonly TOrganizationService[]): boolean =>
  services.some((service) => organization.serviceKeys.includes(service))

const needsFactor = (
  survivor: TSurvivorProfile,
  organization: TOrganizationProfile,
): TOrganizationScoreReason[] => {
  const needs = survivor.needs
  const served = needs.filter((need) => serves(organization, need))
  if (served.length === 0) return []
  const points = Math.round((W.needsServed * served.length) / needs.length)
  return [{ key: 'org.needs', points, params: { needs: [...served], total: needs.length } }]
}

const supportFactors = (
  survivor: TSurvivorProfile,
  organization: TOrganizationProfile,
): TOrganizationScoreReason[] => {
  const reasons: TOrganizationScoreReason[] = []
  const experiences: TExperience[] = [...new Set(survivor.experiences)]
  if (
    experiences.length > 0 &&
    (organization.category === 'survivor_support' || offers(organization, ['counselling']))
  ) {
    reasons.push({ key: 'org.survivor_support', points: W.survivorSupport, params: { experiences } })
  }
  if (
    survivor.needs.some((need) => NEWCOMER_NEEDS.includes(need)) &&
    (organization.category === 'settlement' || offers(organization, ['settlement', 'housing']))
  ) {
    reasons.push({ key: 'org.settlement', points: W.settlement, params: {} })
  }
  if (survivor.urgent && offers(organization, ['detention_support'])) {
    reasons.push({ key: 'org.detention_support', points: W.detentionSupport, params: {} })
  }
  return reasons
}

/** Nothing said when either side records no language: the directory often leaves it blank. */
const languageFactor = (
  survivor: TSurvivorProfile,
  organization: TOrganizationProfile,
): TOrganizationScoreReason[] => {
  if (organization.languages.length === 0) return []
  const preferred = survivor.preferredLanguage
  if (preferred !== null && organization.languages.includes(preferred)) {
    return [{ key: 'org.language.preferred', points: W.preferredLanguage, params: { language: preferred } }]
  }
  const other = survivor.otherLanguages.find((language) => organization.languages.includes(language))
  if (other !== undefined) {
    return [{ key: 'org.language.other', points: W.otherLanguage, params: { language: other } }]
  }
  const language = preferred ?? survivor.otherLanguages[0]
  return language === undefined
    ? []
    : [{ key: 'org.language.interpreter', points: W.interpreterNeeded, params: { language } }]
}

const verifiedFactor = (organization: TOrganizationProfile, cutoff: string): TOrganizationScoreReason => {
  const on = organization.lastVerifiedOn
  if (on === '') return { key: 'org.unverified', points: W.unverified, params: {} }
  const month = on.slice(0, 7)
  return on < cutoff
    ? { key: 'org.verified_stale', points: W.unverified, params: { month } }
    : { key: 'org.verified', points: W.verified, params: { month } }
}

const exclusionsOf = (
  survivor: TSurvivorProfile,
  organization: TOrganizationProfile,
  support: readonly TOrganizationScoreReason[],
  needs: readonly TOrganizationScoreReason[],
): TOrganizationExclusionReason[] => {
  const reasons: TOrganizationExclusionReason[] = []
  if (organization.retiredAt !== null) reasons.push({ key: 'org.excluded.retired', params: {} })
  if (!organization.national) {
    if (survivor.province === null) reasons.push({ key: 'org.excluded.province_unknown', params: {} })
    else if (!organization.provinces.includes(survivor.province)) {
      reasons.push({ key: 'org.excluded.province', params: { province: survivor.province } })
    }
  }
  if (needs.length === 0 && support.length === 0) reasons.push({ key: 'org.excluded.unrelated', params: {} })
  return reasons
}

const names = new Intl.Collator('en-CA')

/**
 * Every organization ranked for the survivor or excluded with every rule it fails: retired, outside the
 * survivor's province (national ones serve everyone), or serving none of their needs. Best first; equal scores
 * in name order.
 */
export const rankOrganizations = <O extends TOrganizationProfile>(
  survivor: TSurvivorProfile,
  organizations: readonly O[],
  context: TRankContext,
): TOrganizationRanking<O> => {
  const ranked: TRankedOrganization<O>[] = []
  const excluded: TExcludedOrganization<O>[] = []
  const cutoff = staleBefore(context.now)
  // No needs recorded reads as "other", as the lawyers' jurisdiction rule does.
  const profile: TSurvivorProfile = survivor.needs.length === 0 ? { ...survivor, needs: ['other'] } : survivor
  const ordered = [...organizations].sort(
    (left, right) => names.compare(left.name, right.name) || (left.id < right.id ? -1 : 1),
  )
  for (const organization of ordered) {
    const needs = needsFactor(profile, organization)
    const support = supportFactors(profile, organization)
    const exclusions = exclusionsOf(profile, organization, support, needs)
    if (exclusions.length > 0) {
      excluded.push({ organization, reasons: exclusions })
      continue
    }
    const where: TOrganizationScoreReason =
      organization.national &&
      (profile.province === null || !organization.provinces.includes(profile.province))
        ? { key: 'org.national', points: W.national, params: {} }
        : { key: 'org.province', points: W.sameProvince, params: { province: profile.province as TProvince } }
    const reasons = [
      ...needs,
      ...support,
      where,
      ...languageFactor(profile, organization),
      verifiedFactor(organization, cutoff),
    ]
    const score = reasons.reduce((sum, reason) => sum + reason.points, 0)
    ranked.push({ organization, score, reasons })
  }
  // Stable: equal scores keep name order.
  ranked.sort((left, right) => right.score - left.score)
  return { ranked, excluded }
}
