/**
 * The hard constraints that do not need the conflict check: status, capacity and jurisdiction. Every failing
 * constraint is reported, not only the first, so staff see at once everything that would have to change.
 */
import type { TLegalNeed } from '../../../shared/cases/vocabulary'
import type { TExclusionReason, TScoreReason } from '../../../shared/matching/reasons'
import type { TAirport } from '../../../shared/roster/airports'
import { factsOf, provinceBit, type TLawyerFacts } from './lawyer-facts'
import type { TLawyerProfile, TReasonSink, TSurvivorProfile } from './types'

/** What each need asks of a lawyer's licences or on-call coverage (docs/matching.md, "Hard constraints"). */
export const JURISDICTION_RULES: Readonly<Record<TLegalNeed, 'province' | 'canada' | 'airport'>> = {
  civil_claim: 'province',
  refugee_claim: 'canada',
  detention_review: 'canada',
  removal_prra: 'canada',
  federal_court: 'canada',
  family_reunification: 'canada',
  criminal_complaint: 'canada',
  airport_support: 'airport',
  other: 'canada',
}

export type TEligibility = {
  excluded: TExclusionReason[]
  /** Why the lawyer may act (0 points each): "licensed in QC", "covers YUL". */
  because: TScoreReason[]
}

/** A survivor with no needs recorded yet is treated as needing "other": any Canadian licence. */
export const needsToCheck = (survivor: TSurvivorProfile): readonly TLegalNeed[] =>
  survivor.needs.length > 0 ? survivor.needs : ['other']

/** On call at that airport in some weekly window (whether or not right now). */
export const coversAirport = (lawyer: TLawyerProfile, airport: TAirport): boolean =>
  lawyer.airports.includes(airport) && lawyer.onCallWindows.length > 0

export const placesFree = (lawyer: TLawyerProfile): number =>
  Math.max(0, lawyer.capacity - lawyer.activeReferrals)

export type TEligibilityCheck = (lawyer: TLawyerProfile) => TEligibility

/**
 * The rules over one lawyer's facts (lawyer-facts.ts): the exclusions are pushed onto `excluded`, the reasons the
 * lawyer may act onto `because`, in the order a caseworker reads them.
 */
export type TFactsEligibility = (
  facts: TLawyerFacts,
  declined: boolean,
  excluded: TReasonSink<TExclusionReason>,
  because: TReasonSink<TScoreReason>,
) => void

export const eligibilityOfFactsFor = (survivor: TSurvivorProfile): TFactsEligibility => {
  const paused: TExclusionReason = { key: 'excluded.paused', params: {} }
  const declined: TExclusionReason = { key: 'excluded.declined', params: {} }
  const province = survivor.province
  const airport = survivor.airport
  const needs = needsToCheck(survivor)
  const provinceNeeds = needs.filter((need) => JURISDICTION_RULES[need] === 'province')
  const canadaNeeds = needs.filter((need) => JURISDICTION_RULES[need] === 'canada')
  const airportNeeds = needs.filter((need) => JURISDICTION_RULES[need] === 'airport')
  // Reasons fixed by the survivor alone: a province or airport missing from the case excludes every lawyer alike.
  const always: TExclusionReason[] = [
    ...(province === null
      ? provinceNeeds.map((need): TExclusionReason => ({
          key: 'excluded.province_unknown',
          params: { need },
        }))
      : []),
    ...(airport === null
      ? airportNeeds.map((need): TExclusionReason => ({ key: 'excluded.airport_unknown', params: { need } }))
      : []),
  ]
  const unlicensedHere: TExclusionReason[] =
    province === null
      ? []
      : provinceNeeds.map((need) => ({ key: 'excluded.licence_province', params: { need, province } }))
  const unlicensed: TExclusionReason[] = canadaNeeds.map((need) => ({
    key: 'excluded.licence_canada',
    params: { need },
  }))
  const uncovered: TExclusionReason[] =
    airport === null
      ? []
      : airportNeeds.map((need) => ({ key: 'excluded.airport_not_covered', params: { need, airport } }))
  const licensedHere: TScoreReason | null =
    province === null || provinceNeeds.length === 0
      ? null
      : { key: 'licence.province', points: 0, params: { province } }
  const covers: TScoreReason | null =
    airport === null || airportNeeds.length === 0
      ? null
      : { key: 'airport.covers', points: 0, params: { airport } }
  // The survivor's province as a bit of the lawyers' licences (a province outside the list is looked for by name).
  const here = provinceBit(province)
  const isLicensedHere = (facts: TLawyerFacts): boolean =>
    here !== 0
      ? (facts.provinceBits & here) !== 0
      : province !== null && facts.lawyer.licensedProvinces.includes(province)

  return (facts, isDeclined, excluded, because) => {
    if (!facts.active) excluded.push(paused)
    if (isDeclined) excluded.push(declined)
    if (facts.full !== null) excluded.push(facts.full)
    for (const reason of always) excluded.push(reason)
    if (licensedHere !== null) {
      if (isLicensedHere(facts)) because.push(licensedHere)
      else for (const reason of unlicensedHere) excluded.push(reason)
    }
    if (canadaNeeds.length > 0) {
      if (facts.licensedInCanada === null) for (const reason of unlicensed) excluded.push(reason)
      else because.push(facts.licensedInCanada)
    }
    if (covers !== null && airport !== null) {
      if (coversAirport(facts.lawyer, airport)) because.push(covers)
      else for (const reason of uncovered) excluded.push(reason)
    }
  }
}

/**
 * The survivor's side of the rules worked out once: which needs ask for what, and the reasons that depend on the
 * survivor alone, built once and shared by every lawyer they apply to. Ranking 10,000 lawyers otherwise allocated
 * the same "licensed in QC" tens of thousands of times, and collecting that garbage cost more than the rules.
 * Shared reasons are never mutated (the ranking only reads them and the contract serializes them).
 */
export const eligibilityCheckFor = (survivor: TSurvivorProfile): TEligibilityCheck => {
  const check = eligibilityOfFactsFor(survivor)
  const noReasons: TScoreReason[] = []
  return (lawyer) => {
    const excluded: TExclusionReason[] = []
    const because: TScoreReason[] = []
    check(factsOf(lawyer), survivor.declinedBy?.has(lawyer.id) === true, excluded, because)
    return { excluded, because: because.length === 0 ? noReasons : because }
  }
}

export const checkEligibility = (survivor: TSurvivorProfile, lawyer: TLawyerProfile): TEligibility =>
  eligibilityCheckFor(survivor)(lawyer)
