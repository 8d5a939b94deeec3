// The ranking's rules as they were before lawyer-facts.ts (main at d5d6150), kept verbatim as the reference the
// fast ranking must equal exactly (src/main/core/matching/rank-facts.test.ts). Not used by the app.
/**
 * The soft factors: each returns its reasons with the points they add (weights.ts). A factor that does not apply
 * says nothing, so the reasons a caseworker reads are the ones that moved the score.
 */
import type { TScoreReason } from '../../../src/shared/matching/reasons'
import { isOnCallAt } from '../../../src/shared/roster/on-call'
import { coversAirport, placesFree } from './eligibility'
import type { TLawyerProfile, TRankContext, TSurvivorProfile } from '../../../src/main/core/matching/types'
import { MATCH_WEIGHTS as W } from '../../../src/main/core/matching/weights'

const DAY_MS = 24 * 60 * 60 * 1000

const sameCity = (left: string, right: string): boolean =>
  left.trim() !== '' && left.trim().toLocaleLowerCase('en-CA') === right.trim().toLocaleLowerCase('en-CA')

const needsFactor = (survivor: TSurvivorProfile, lawyer: TLawyerProfile): TScoreReason[] => {
  if (survivor.needs.length === 0) return []
  const covered = survivor.needs.filter((need) => lawyer.practiceAreas.includes(need))
  if (covered.length === 0)
    return [{ key: 'needs.none', points: 0, params: { total: survivor.needs.length } }]
  const points = Math.round((W.needsCovered * covered.length) / survivor.needs.length)
  return [{ key: 'needs.covered', points, params: { needs: covered, total: survivor.needs.length } }]
}

/** No language in common: an interpreter is needed (nothing said when the case records no language). */
const interpreterNeeded = (survivor: TSurvivorProfile): TScoreReason | null => {
  const language = survivor.preferredLanguage ?? survivor.otherLanguages[0]
  return language === undefined
    ? null
    : { key: 'language.interpreter', points: W.interpreterNeeded, params: { language } }
}

const availabilityFactor = (
  survivor: TSurvivorProfile,
  lawyer: TLawyerProfile,
  context: TRankContext,
): TScoreReason[] => {
  const reasons: TScoreReason[] = []
  const multiplier = survivor.urgent ? W.urgentMultiplier : 1
  const airport = survivor.airport
  if (airport !== null) {
    if (coversAirport(lawyer, airport) && isOnCallAt(lawyer.onCallWindows, airport, context.now)) {
      reasons.push({ key: 'airport.on_call_now', points: W.onCallNow * multiplier, params: { airport } })
    }
  }
  const free = placesFree(lawyer)
  if (survivor.urgent && lawyer.capacity > 0) {
    const points = Math.round((W.urgentFreeCapacity * free) / lawyer.capacity)
    reasons.push({ key: 'urgent.free_places', points, params: { free, capacity: lawyer.capacity } })
  }
  const used = lawyer.capacity > 0 ? Math.min(1, lawyer.activeReferrals / lawyer.capacity) : 1
  reasons.push({
    key: 'load.places_free',
    points: -Math.round(W.load * used),
    params: { free, capacity: lawyer.capacity },
  })
  return reasons
}

const experienceFactor = (survivor: TSurvivorProfile, lawyer: TLawyerProfile): TScoreReason[] => {
  const reasons: TScoreReason[] = []
  const experiences = [...new Set(survivor.experiences)].filter((kind) => lawyer.experiences.includes(kind))
  if (experiences.length > 0) {
    reasons.push({ key: 'experience.atrocity', points: W.atrocityExperience, params: { experiences } })
  }
  const countries = [...new Set(survivor.countries)].filter((country) => lawyer.countries.includes(country))
  if (countries.length > 0) {
    reasons.push({ key: 'experience.country', points: W.countryExperience, params: { countries } })
  }
  return reasons
}

const lastOffered = (lastOfferedAt: string, context: TRankContext): TScoreReason => {
  const offered = Date.parse(lastOfferedAt)
  const days = Number.isNaN(offered)
    ? W.fairnessDays
    : Math.max(0, Math.floor((context.now.getTime() - offered) / DAY_MS))
  const points = Math.round((W.fairness * Math.min(days, W.fairnessDays)) / W.fairnessDays)
  return { key: 'fairness.last_offered', points, params: { days } }
}

export type TSoftFactors = (lawyer: TLawyerProfile) => TScoreReason[]

/**
 * Every soft factor's reasons for one eligible lawyer, in the order a caseworker reads them, with the reasons that
 * depend on the survivor alone built once and shared (see `eligibilityCheckFor`: garbage, not arithmetic, was most
 * of ranking 10,000 lawyers).
 */
export const softFactorsFor = (survivor: TSurvivorProfile, context: TRankContext): TSoftFactors => {
  const neverOffered: TScoreReason = { key: 'fairness.never_offered', points: W.fairness, params: {} }
  const inProvince: TScoreReason | null =
    survivor.province === null
      ? null
      : { key: 'location.province', points: W.sameProvince, params: { province: survivor.province } }
  const spoken = new Map<string, TScoreReason>()
  const speaks = (key: 'language.preferred' | 'language.other', language: string): TScoreReason => {
    const known = spoken.get(`${key}\n${language}`)
    if (known !== undefined) return known
    const reason: TScoreReason = {
      key,
      points: key === 'language.preferred' ? W.preferredLanguage : W.otherLanguage,
      params: { language },
    }
    spoken.set(`${key}\n${language}`, reason)
    return reason
  }
  const interpreter = interpreterNeeded(survivor)
  return (lawyer) => {
    const reasons = needsFactor(survivor, lawyer)
    const preferred = survivor.preferredLanguage
    const other =
      preferred !== null && lawyer.languages.includes(preferred)
        ? null
        : survivor.otherLanguages.find((language) => lawyer.languages.includes(language))
    if (other === null && preferred !== null) reasons.push(speaks('language.preferred', preferred))
    else if (other !== undefined && other !== null) reasons.push(speaks('language.other', other))
    else if (interpreter !== null) reasons.push(interpreter)
    if (inProvince !== null && lawyer.province === survivor.province) {
      reasons.push(
        sameCity(survivor.city, lawyer.city)
          ? { key: 'location.city', points: W.sameCity, params: { city: lawyer.city.trim() } }
          : inProvince,
      )
    }
    reasons.push(...availabilityFactor(survivor, lawyer, context), ...experienceFactor(survivor, lawyer))
    reasons.push(lawyer.lastOfferedAt === null ? neverOffered : lastOffered(lawyer.lastOfferedAt, context))
    return reasons
  }
}

export const softFactors = (
  survivor: TSurvivorProfile,
  lawyer: TLawyerProfile,
  context: TRankContext,
): TScoreReason[] => softFactorsFor(survivor, context)(lawyer)
