// The ranking's rules as they were before lawyer-facts.ts (main at d5d6150), kept verbatim as the reference the
// fast ranking must equal exactly (src/main/core/matching/rank-facts.test.ts). Not used by the app.
/**
 * The hard constraints that do not need the conflict check: status, capacity and jurisdiction. Every failing
 * constraint is reported, not only the first, so staff see at once everything that would have to change.
 */
import type { TLegalNeed } from '../../../src/shared/cases/vocabulary'
import type { TExclusionReason, TScoreReason } from '../../../src/shared/matching/reasons'
import type { TAirport } from '../../../src/shared/roster/airports'
import type { TLawyerProfile, TSurvivorProfile } from '../../../src/main/core/matching/types'

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

/**
 * The survivor's side of the rules worked out once: which needs ask for what, and the reasons that depend on the
 * survivor alone, built once and shared by every lawyer they apply to. Ranking 10,000 lawyers otherwise allocated
 * the same "licensed in QC" tens of thousands of times, and collecting that garbage cost more than the rules.
 * Shared reasons are never mutated (the ranking only reads them and the contract serializes them).
 */
export type TEligibilityCheck = (lawyer: TLawyerProfile) => TEligibility

export const eligibilityCheckFor = (survivor: TSurvivorProfile): TEligibilityCheck => {
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
  const noReasons: TScoreReason[] = []

  return (lawyer) => {
    const excluded: TExclusionReason[] = []
    if (lawyer.status !== 'active') excluded.push(paused)
    if (survivor.declinedBy?.has(lawyer.id) === true) excluded.push(declined)
    if (placesFree(lawyer) === 0) {
      excluded.push({
        key: 'excluded.full',
        params: { capacity: lawyer.capacity, active: lawyer.activeReferrals },
      })
    }
    excluded.push(...always)
    const because: TScoreReason[] = []
    if (licensedHere !== null && province !== null) {
      if (lawyer.licensedProvinces.includes(province)) because.push(licensedHere)
      else excluded.push(...unlicensedHere)
    }
    if (canadaNeeds.length > 0) {
      if (lawyer.licensedProvinces.length === 0) excluded.push(...unlicensed)
      else {
        because.push({
          key: 'licence.canada',
          points: 0,
          params: { provinces: [...lawyer.licensedProvinces] },
        })
      }
    }
    if (covers !== null && airport !== null) {
      if (coversAirport(lawyer, airport)) because.push(covers)
      else excluded.push(...uncovered)
    }
    return { excluded, because: because.length === 0 ? noReasons : because }
  }
}

export const checkEligibility = (survivor: TSurvivorProfile, lawyer: TLawyerProfile): TEligibility =>
  eligibilityCheckFor(survivor)(lawyer)
