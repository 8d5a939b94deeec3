/**
 * The English words for every matching reason, for the admin CLI (main has no i18next). The renderer words the
 * same keys through its catalogs in English and French. Typed by key, so a new reason without words does not
 * compile.
 */
import type { TExperience, TLegalNeed } from '../cases/vocabulary'
import { countryName, languageName } from '../cases/codes'
import type {
  TExclusionReason,
  TExclusionReasonKey,
  TExclusionReasonParams,
  TScoreReason,
  TScoreReasonKey,
  TScoreReasonParams,
} from './reasons'
import type {
  TOrganizationExclusionReason,
  TOrganizationExclusionReasonKey,
  TOrganizationExclusionReasonParams,
  TOrganizationScoreReason,
  TOrganizationScoreReasonKey,
  TOrganizationScoreReasonParams,
} from './organization-reasons'

const NEED_WORDS: Readonly<Record<TLegalNeed, string>> = {
  refugee_claim: 'refugee claims',
  detention_review: 'detention reviews',
  removal_prra: 'removals and PRRA',
  federal_court: 'Federal Court reviews',
  family_reunification: 'family reunification',
  criminal_complaint: 'criminal complaints',
  civil_claim: 'civil claims',
  airport_support: 'airport support',
  other: 'other matters',
}

const EXPERIENCE_WORDS: Readonly<Record<TExperience, string>> = {
  torture: 'torture',
  war_crimes: 'war crimes',
  genocide: 'genocide',
  crimes_against_humanity: 'crimes against humanity',
  sexual_violence: 'sexual violence in conflict',
  enforced_disappearance: 'enforced disappearance',
  other: 'other atrocities',
}

const SOURCE_WORDS = {
  declared: 'declared by the lawyer',
  referral_client: 'the lawyer’s client in another referral',
  referral_opponent: 'the adverse party in another of the lawyer’s referrals',
} as const

const language = (code: string): string => languageName(code, 'en')
const list = (items: readonly string[]): string => items.join(', ')

const SCORE_TEXT: { [K in TScoreReasonKey]: (params: TScoreReasonParams[K]) => string } = {
  'needs.covered': ({ needs, total }) =>
    `practises ${list(needs.map((need) => NEED_WORDS[need]))} (${needs.length} of ${total} needs)`,
  'needs.none': ({ total }) => `practises none of the ${total} needs`,
  'language.preferred': (params) => `speaks ${language(params.language)}`,
  'language.other': (params) => `speaks ${language(params.language)} (not the preferred language)`,
  'language.interpreter': (params) => `interpreter needed for ${language(params.language)}`,
  'location.city': ({ city }) => `same city (${city})`,
  'location.province': ({ province }) => `same province (${province})`,
  'licence.province': ({ province }) => `licensed in ${province}`,
  'licence.canada': ({ provinces }) => `member of a Canadian law society (${list(provinces)})`,
  'airport.covers': ({ airport }) => `covers ${airport}`,
  'airport.on_call_now': ({ airport }) => `on call at ${airport} now`,
  'urgent.free_places': ({ free, capacity }) => `urgent: ${free} of ${capacity} places free`,
  'load.places_free': ({ free, capacity }) => `${free} of ${capacity} places free`,
  'experience.atrocity': ({ experiences }) =>
    `experience with ${list(experiences.map((kind) => EXPERIENCE_WORDS[kind]))}`,
  'experience.country': ({ countries }) =>
    `experience with ${list(countries.map((code) => countryName(code, 'en')))}`,
  'fairness.never_offered': () => 'never offered a referral',
  'fairness.last_offered': ({ days }) => `last offered a referral ${days} day${days === 1 ? '' : 's'} ago`,
  'conflict.cleared': ({ survivorName, lawyerName }) =>
    `possible conflict cleared by staff (${survivorName} ~ ${lawyerName})`,
}

const conflictText = (params: TExclusionReasonParams['excluded.conflict']): string =>
  `${params.survivorName} ~ ${params.lawyerName} (${SOURCE_WORDS[params.source]}; match ${params.score.toFixed(2)}: ${list(params.evidence)})`

const EXCLUSION_TEXT: { [K in TExclusionReasonKey]: (params: TExclusionReasonParams[K]) => string } = {
  'excluded.paused': () => 'paused',
  'excluded.full': ({ capacity, active }) => `no place free (${active} of ${capacity} in use)`,
  'excluded.conflict': (params) => `possible conflict, not yet reviewed: ${conflictText(params)}`,
  'excluded.conflict_confirmed': (params) => `conflict confirmed by staff: ${conflictText(params)}`,
  'excluded.licence_province': ({ need, province }) => `not licensed in ${province} (${NEED_WORDS[need]})`,
  'excluded.province_unknown': ({ need }) => `the survivor’s province is not recorded (${NEED_WORDS[need]})`,
  'excluded.licence_canada': ({ need }) => `no Canadian law society membership (${NEED_WORDS[need]})`,
  'excluded.airport_not_covered': ({ airport }) => `not on call at ${airport}`,
  'excluded.airport_unknown': () => 'the survivor’s airport is not recorded (airport support)',
  'excluded.declined': () => 'declined a referral of this case',
}

/** "speaks Arabic +30", "licensed in QC". */
export const scoreReasonText = (reason: TScoreReason): string => {
  const words = (SCORE_TEXT[reason.key] as (params: TScoreReason['params']) => string)(reason.params)
  if (reason.points === 0) return words
  return `${words} ${reason.points > 0 ? '+' : '−'}${Math.abs(reason.points)}`
}

/** "not licensed in ON (civil claims)". */
export const exclusionReasonText = (reason: TExclusionReason): string =>
  (EXCLUSION_TEXT[reason.key] as (params: TExclusionReason['params']) => string)(reason.params)

const ORGANIZATION_SCORE_TEXT: {
  [K in TOrganizationScoreReasonKey]: (params: TOrganizationScoreReasonParams[K]) => string
} = {
  'org.needs': ({ needs, total }) =>
    `${list(needs.map((need) => NEED_WORDS[need]))} (${needs.length} of ${total} needs)`,
  'org.survivor_support': ({ experiences }) =>
    `supports survivors of ${list(experiences.map((kind) => EXPERIENCE_WORDS[kind]))}`,
  'org.settlement': () => 'settlement help',
  'org.detention_support': () => 'supports people in detention (urgent)',
  'org.province': ({ province }) => `serves ${province}`,
  'org.national': () => 'national',
  'org.language.preferred': (params) => `speaks ${language(params.language)}`,
  'org.language.other': (params) => `speaks ${language(params.language)} (not the preferred language)`,
  'org.language.interpreter': (params) => `interpreter needed for ${language(params.language)}`,
  'org.verified': ({ month }) => `verified ${month}`,
  'org.verified_stale': ({ month }) => `last verified ${month} (over a year ago)`,
  'org.unverified': () => 'never verified',
}

const ORGANIZATION_EXCLUSION_TEXT: {
  [K in TOrganizationExclusionReasonKey]: (params: TOrganizationExclusionReasonParams[K]) => string
} = {
  'org.excluded.retired': () => 'retired from the directory',
  'org.excluded.province': ({ province }) => `does not serve ${province}`,
  'org.excluded.province_unknown': () =>
    'the survivor’s province is not recorded (not a national organization)',
  'org.excluded.unrelated': () => 'serves none of the survivor’s needs',
}

/** "serves QC +10", "verified 2026-05 +5". */
export const organizationReasonText = (reason: TOrganizationScoreReason): string => {
  const words = (
    ORGANIZATION_SCORE_TEXT[reason.key] as (params: TOrganizationScoreReason['params']) => string
  )(reason.params)
  if (reason.points === 0) return words
  return `${words} ${reason.points > 0 ? '+' : '−'}${Math.abs(reason.points)}`
}

/** "does not serve ON". */
export const organizationExclusionText = (reason: TOrganizationExclusionReason): string =>
  (ORGANIZATION_EXCLUSION_TEXT[reason.key] as (params: TOrganizationExclusionReason['params']) => string)(
    reason.params,
  )
