/**
 * The soft factors: each returns its reasons with the points they add (weights.ts). A factor that does not apply
 * says nothing, so the reasons a caseworker reads are the ones that moved the score.
 */
import type { TScoreReason } from '../../../shared/matching/reasons'
import { isOnCallAt } from '../../../shared/roster/on-call'
import { coversAirport } from './eligibility'
import {
  CODES,
  cityKeyOf,
  factsOf,
  lastOfferedReason,
  provinceBit,
  type CodeBits,
  type TLawyerFacts,
} from './lawyer-facts'
import type { TLawyerProfile, TRankContext, TReasonSink, TSurvivorProfile } from './types'
import { MATCH_WEIGHTS as W } from './weights'

/** No language in common: an interpreter is needed (nothing said when the case records no language). */
const interpreterNeeded = (survivor: TSurvivorProfile): TScoreReason | null => {
  const language = survivor.preferredLanguage ?? survivor.otherLanguages[0]
  return language === undefined
    ? null
    : { key: 'language.interpreter', points: W.interpreterNeeded, params: { language } }
}

export type TSoftFactors = (lawyer: TLawyerProfile) => TScoreReason[]

/** Every soft factor's reasons for one eligible lawyer's facts (lawyer-facts.ts), pushed onto `reasons`. */
export type TFactsSoftFactors = (facts: TLawyerFacts, reasons: TReasonSink<TScoreReason>) => void

/**
 * A survivor's codes of one vocabulary and their bits (lawyer-facts.ts), read again only when the vocabulary grew: a
 * lawyer's set holds the survivor's code `at` when `has(set, list, at)` (its list looked in when the set is -1).
 */
const codesOf = (table: CodeBits, codes: readonly string[]): THas => {
  let size = -1
  let bits: number[] = []
  return (set: number, list: readonly string[], at: number): boolean => {
    if (set === -1) return list.includes(codes[at] ?? '')
    if (table.size !== size) {
      size = table.size
      bits = codes.map((code) => table.bitOf(code))
    }
    return (set & (bits[at] ?? 0)) !== 0
  }
}

/** Whether a lawyer's set (or list) holds a survivor's code `at` (see `codesOf`). */
type THas = (set: number, list: readonly string[], at: number) => boolean

/**
 * The items of a survivor's list that a lawyer has, in the list's order. Apart from `bySubset`'s closure on purpose:
 * a function made inside it over `set` and `codes` would make V8 allocate a context for them on every call (one per
 * lawyer and factor, 46 bytes, most of the soft factors' garbage), not only when a subset is first built.
 */
const subsetOf = <T>(list: readonly T[], has: THas, set: number, codes: readonly string[]): T[] =>
  list.filter((_, at) => has(set, codes, at))

/**
 * One reason per distinct subset of a survivor's list that a lawyer has (needs covered, experiences, countries),
 * built the first time a lawyer has that subset: bit i of the subset is the list's item i. Asked with the lawyer's
 * set and list rather than a function of them, so no function is made per lawyer.
 */
const bySubset = <T>(
  list: readonly T[],
  has: THas,
  build: (subset: T[]) => TScoreReason,
): ((set: number, codes: readonly string[]) => TScoreReason | null) => {
  const built = new Map<number, TScoreReason>()
  // More items than bits (never in practice): built each time.
  const memo = list.length <= 30
  return (set, codes) => {
    let bits = 0
    for (let at = 0; at < list.length; at++) if (has(set, codes, at)) bits |= 1 << (at % 30)
    if (bits === 0) return null
    const known = memo ? built.get(bits) : undefined
    if (known !== undefined) return known
    const reason = build(subsetOf(list, has, set, codes))
    if (memo) built.set(bits, reason)
    return reason
  }
}

/**
 * Every soft factor's reasons for one eligible lawyer, in the order a caseworker reads them, over the lawyer's facts.
 * The reasons that depend on the survivor alone, or on the lawyer alone (lawyer-facts.ts), are built once and
 * shared (see `eligibilityCheckFor`: garbage, not arithmetic, was most of ranking 10,000 lawyers).
 */
export const softFactorsOfFactsFor = (
  survivor: TSurvivorProfile,
  context: TRankContext,
): TFactsSoftFactors => {
  const neverOffered: TScoreReason = { key: 'fairness.never_offered', points: W.fairness, params: {} }
  const inProvince: TScoreReason | null =
    survivor.province === null
      ? null
      : { key: 'location.province', points: W.sameProvince, params: { province: survivor.province } }
  // One reason per language spoken, built when first met (looked up by the language alone: a key made of the
  // reason's key and the language was a new string per lawyer).
  const spoken = {
    'language.preferred': new Map<string, TScoreReason>(),
    'language.other': new Map<string, TScoreReason>(),
  }
  const speaks = (key: 'language.preferred' | 'language.other', language: string): TScoreReason => {
    const known = spoken[key].get(language)
    if (known !== undefined) return known
    const reason: TScoreReason = {
      key,
      points: key === 'language.preferred' ? W.preferredLanguage : W.otherLanguage,
      params: { language },
    }
    spoken[key].set(language, reason)
    return reason
  }
  const interpreter = interpreterNeeded(survivor)
  const total = survivor.needs.length
  const noNeeds: TScoreReason = { key: 'needs.none', points: 0, params: { total } }
  const needs = codesOf(CODES.needs, survivor.needs)
  const needsCovered = bySubset(survivor.needs, needs, (covered) => ({
    key: 'needs.covered',
    points: Math.round((W.needsCovered * covered.length) / total),
    params: { needs: covered, total },
  }))
  const cityKey = survivor.city.trim() === '' ? null : cityKeyOf(survivor.city)
  const airport = survivor.airport
  const onCallNow: TScoreReason | null =
    airport === null
      ? null
      : {
          key: 'airport.on_call_now',
          points: W.onCallNow * (survivor.urgent ? W.urgentMultiplier : 1),
          params: { airport },
        }
  const atrocityList = [...new Set(survivor.experiences)]
  const countryList = [...new Set(survivor.countries)]
  const lived = codesOf(CODES.experiences, atrocityList)
  const from = codesOf(CODES.countries, countryList)
  const atrocities = bySubset(atrocityList, lived, (experiences) => ({
    key: 'experience.atrocity',
    points: W.atrocityExperience,
    params: { experiences },
  }))
  const countries = bySubset(countryList, from, (shared) => ({
    key: 'experience.country',
    points: W.countryExperience,
    params: { countries: shared },
  }))
  const now = context.now
  const preferred = survivor.preferredLanguage
  const spokenFirst = codesOf(CODES.languages, preferred === null ? [] : [preferred])
  const spokenOther = codesOf(CODES.languages, survivor.otherLanguages)
  const here = provinceBit(survivor.province)
  const sameProvince = (facts: TLawyerFacts): boolean =>
    here !== 0 ? facts.provinceBit === here : facts.lawyer.province === survivor.province
  return (facts, reasons) => {
    const lawyer = facts.lawyer
    if (total > 0) reasons.push(needsCovered(facts.areas, lawyer.practiceAreas) ?? noNeeds)
    let other: string | null | undefined
    if (preferred !== null && spokenFirst(facts.languages, lawyer.languages, 0)) other = null
    else {
      other = undefined
      for (let at = 0; at < survivor.otherLanguages.length; at++) {
        if (spokenOther(facts.languages, lawyer.languages, at)) {
          other = survivor.otherLanguages[at]
          break
        }
      }
    }
    if (other === null && preferred !== null) reasons.push(speaks('language.preferred', preferred))
    else if (other !== undefined && other !== null) reasons.push(speaks('language.other', other))
    else if (interpreter !== null) reasons.push(interpreter)
    if (inProvince !== null && sameProvince(facts)) {
      reasons.push(cityKey !== null && facts.cityKey === cityKey ? facts.sameCity : inProvince)
    }
    if (onCallNow !== null && airport !== null) {
      if (coversAirport(lawyer, airport) && isOnCallAt(lawyer.onCallWindows, airport, now))
        reasons.push(onCallNow)
    }
    if (survivor.urgent && facts.urgentFreePlaces !== null) reasons.push(facts.urgentFreePlaces)
    reasons.push(facts.load)
    const experience = atrocities(facts.experiences, lawyer.experiences)
    if (experience !== null) reasons.push(experience)
    const country = countries(facts.countries, lawyer.countries)
    if (country !== null) reasons.push(country)
    reasons.push(facts.offeredAt === null ? neverOffered : lastOfferedReason(facts, facts.offeredAt, now))
  }
}

export const softFactorsFor = (survivor: TSurvivorProfile, context: TRankContext): TSoftFactors => {
  const score = softFactorsOfFactsFor(survivor, context)
  return (lawyer) => {
    const reasons: TScoreReason[] = []
    score(factsOf(lawyer), reasons)
    return reasons
  }
}

export const softFactors = (
  survivor: TSurvivorProfile,
  lawyer: TLawyerProfile,
  context: TRankContext,
): TScoreReason[] => softFactorsFor(survivor, context)(lawyer)
