/**
 * The hard constraints that do not need the conflict check: status, capacity and jurisdiction. Every failing
 * constraint is reported, not only the first, so staff see at once everything that would have to change.
 */
import type { TLegalNeed } from '../../../shared/cases/vocabulary'
import type { TExclusionReason, TScoreReason } from '../../../shared/matching/reasons'
import type { TAirport } from '../../../shared/roster/airports'
import type { TLawyerProfile, TSurvivorProfile } from './types'

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

export const checkEligibility = (survivor: TSurvivorProfile, lawyer: TLawyerProfile): TEligibility => {
  const excluded: TExclusionReason[] = []
  const because: TScoreReason[] = []
  if (lawyer.status !== 'active') excluded.push({ key: 'excluded.paused', params: {} })
  if (survivor.declinedBy?.has(lawyer.id) === true) excluded.push({ key: 'excluded.declined', params: {} })
  if (placesFree(lawyer) === 0) {
    excluded.push({
      key: 'excluded.full',
      params: { capacity: lawyer.capacity, active: lawyer.activeReferrals },
    })
  }
  let saidCanada = false
  for (const need of needsToCheck(survivor)) {
    const rule = JURISDICTION_RULES[need]
    if (rule === 'province') {
      if (survivor.province === null) excluded.push({ key: 'excluded.province_unknown', params: { need } })
      else if (!lawyer.licensedProvinces.includes(survivor.province)) {
        excluded.push({ key: 'excluded.licence_province', params: { need, province: survivor.province } })
      } else if (!because.some((reason) => reason.key === 'licence.province')) {
        because.push({ key: 'licence.province', points: 0, params: { province: survivor.province } })
      }
    } else if (rule === 'canada') {
      if (lawyer.licensedProvinces.length === 0)
        excluded.push({ key: 'excluded.licence_canada', params: { need } })
      else if (!saidCanada) {
        saidCanada = true
        because.push({
          key: 'licence.canada',
          points: 0,
          params: { provinces: [...lawyer.licensedProvinces] },
        })
      }
    } else if (survivor.airport === null) {
      excluded.push({ key: 'excluded.airport_unknown', params: { need } })
    } else if (!coversAirport(lawyer, survivor.airport)) {
      excluded.push({ key: 'excluded.airport_not_covered', params: { need, airport: survivor.airport } })
    } else {
      because.push({ key: 'airport.covers', points: 0, params: { airport: survivor.airport } })
    }
  }
  return { excluded, because }
}
