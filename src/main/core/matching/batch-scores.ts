/**
 * A batch's scores: every survivor against every lawyer as numbers only. Ranking one survivor builds a reason
 * object for every factor of every lawyer, which is what a caseworker reads on the case page but, for 1,000
 * survivors over 10,000 lawyers, ten million pairs of garbage nobody reads. Here each lawyer's facts are worked out
 * once per batch (sets for the hard constraints, the points that do not depend on the survivor), each survivor's
 * once, and a pair costs a few set lookups. The reasons are built afterwards, for the chosen pairs only, by the
 * ranking itself. The same rules as `eligibility.ts` and `soft-factors.ts`, to the point: a property test holds
 * this scorer to `rankWithConflicts` pair by pair (batch-scores.test.ts).
 */
import type { TAirport } from '../../../shared/roster/airports'
import { isOnCallAt } from '../../../shared/roster/on-call'
import type { TConflictFindings } from './conflicts'
import { coversAirport, JURISDICTION_RULES, needsToCheck, placesFree } from './eligibility'
import { softFactorsFor } from './soft-factors'
import type { TLawyerProfile, TRankContext, TSurvivorProfile } from './types'
import { MATCH_WEIGHTS as W } from './weights'

type TLawyerFacts = {
  id: string
  /** Active with a place free: the survivor-independent hard constraints. */
  open: boolean
  licensed: ReadonlySet<string>
  practice: ReadonlySet<string>
  languages: ReadonlySet<string>
  city: string
  province: string | null
  covers: ReadonlySet<TAirport>
  onCallNow: ReadonlySet<TAirport>
  experiences: ReadonlySet<string>
  countries: ReadonlySet<string>
  /** Load and fairness: the points every survivor gives this lawyer alike. */
  fixed: number
  /** What an urgent survivor adds for the lawyer's free places. */
  urgentFree: number
}

/** The roster's facts for one batch, read at one instant (on call now, days since the last offer). */
export type TBatchRoster = { lawyers: readonly TLawyerProfile[]; facts: readonly TLawyerFacts[] }

const normalCity = (city: string): string => city.trim().toLocaleLowerCase('en-CA')

const pointsOf = (reasons: ReadonlyArray<{ points: number }>): number =>
  reasons.reduce((total, reason) => total + reason.points, 0)

/** A survivor who brings nothing but their urgency: what the ranking gives every lawyer alike. */
const neutralSurvivor = (urgent: boolean): TSurvivorProfile => ({
  caseId: '',
  needs: [],
  province: null,
  city: '',
  airport: null,
  preferredLanguage: null,
  otherLanguages: [],
  urgent,
  experiences: [],
  countries: [],
  parties: [],
})

export const batchRosterOf = (lawyers: readonly TLawyerProfile[], context: TRankContext): TBatchRoster => {
  // The survivor-independent points come from the soft factors themselves, so a change of weights or of the load
  // and fairness rules reaches the batch without being written twice.
  const calm = softFactorsFor(neutralSurvivor(false), context)
  const urgent = softFactorsFor(neutralSurvivor(true), context)
  const facts = lawyers.map((lawyer): TLawyerFacts => {
    const fixed = pointsOf(calm(lawyer))
    const covers = new Set(lawyer.airports.filter((airport) => coversAirport(lawyer, airport)))
    return {
      id: lawyer.id,
      open: lawyer.status === 'active' && placesFree(lawyer) > 0,
      licensed: new Set(lawyer.licensedProvinces),
      practice: new Set(lawyer.practiceAreas),
      languages: new Set(lawyer.languages),
      city: normalCity(lawyer.city),
      province: lawyer.province,
      covers,
      onCallNow: new Set(
        [...covers].filter((airport) => isOnCallAt(lawyer.onCallWindows, airport, context.now)),
      ),
      experiences: new Set(lawyer.experiences),
      countries: new Set(lawyer.countries),
      fixed,
      urgentFree: pointsOf(urgent(lawyer)) - fixed,
    }
  })
  return { lawyers, facts }
}

/** One survivor's eligible lawyers (positions in the roster) and their scores, in roster order. */
export type TSurvivorScores = { lawyers: number[]; scores: number[] }

/** Scores one survivor over the batch's roster; `conflicts` excludes the lawyers it blocks. */
export const scoreSurvivor = (
  roster: TBatchRoster,
  survivor: TSurvivorProfile,
  conflicts: TConflictFindings,
): TSurvivorScores => {
  const result: TSurvivorScores = { lawyers: [], scores: [] }
  const checked = needsToCheck(survivor)
  const rules = new Set(checked.map((need) => JURISDICTION_RULES[need]))
  const { province, airport } = survivor
  // A province or airport missing from the case excludes every lawyer alike.
  if ((rules.has('province') && province === null) || (rules.has('airport') && airport === null))
    return result
  const needsProvince = rules.has('province') ? province : null
  const needsAirport = rules.has('airport') ? airport : null
  const needsLicence = rules.has('canada')
  const { needs, preferredLanguage, otherLanguages, experiences, countries } = survivor
  const interpreter = (preferredLanguage ?? otherLanguages[0]) !== undefined
  const city = survivor.city.trim() === '' ? null : normalCity(survivor.city)
  const onCallPoints = W.onCallNow * (survivor.urgent ? W.urgentMultiplier : 1)
  const declined = survivor.declinedBy
  const { facts } = roster
  for (let position = 0; position < facts.length; position++) {
    const lawyer = facts[position] as TLawyerFacts
    if (!lawyer.open) continue
    if (needsProvince !== null && !lawyer.licensed.has(needsProvince)) continue
    if (needsLicence && lawyer.licensed.size === 0) continue
    if (needsAirport !== null && !lawyer.covers.has(needsAirport)) continue
    if (declined?.has(lawyer.id) === true || (conflicts.blocking.get(lawyer.id)?.length ?? 0) > 0) continue
    let score = lawyer.fixed
    if (survivor.urgent) score += lawyer.urgentFree
    if (needs.length > 0) {
      let covered = 0
      for (const need of needs) if (lawyer.practice.has(need)) covered++
      if (covered > 0) score += Math.round((W.needsCovered * covered) / needs.length)
    }
    if (preferredLanguage !== null && lawyer.languages.has(preferredLanguage)) score += W.preferredLanguage
    else if (otherLanguages.some((language) => lawyer.languages.has(language))) score += W.otherLanguage
    else if (interpreter) score += W.interpreterNeeded
    if (province !== null && lawyer.province === province)
      score += city !== null && city === lawyer.city ? W.sameCity : W.sameProvince
    if (airport !== null && lawyer.onCallNow.has(airport)) score += onCallPoints
    if (experiences.some((kind) => lawyer.experiences.has(kind))) score += W.atrocityExperience
    if (countries.some((country) => lawyer.countries.has(country))) score += W.countryExperience
    result.lawyers.push(position)
    result.scores.push(score)
  }
  return result
}
