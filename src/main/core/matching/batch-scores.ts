/**
 * A batch's scores: every survivor against every lawyer as numbers only. Ranking one survivor builds a reason
 * object for every factor of every lawyer, which is what a caseworker reads on the case page but, for 1,000
 * survivors over 10,000 lawyers, ten million pairs of garbage nobody reads. Here each lawyer's facts are worked out
 * once per batch into typed arrays (bit masks of licences, practice areas, experiences, airports covered and on
 * call now; the points that do not depend on the survivor), each survivor's once, and a pair costs a few mask tests
 * and integer additions with nothing allocated. Languages and countries of experience, open-ended, are looked up the
 * other way round: the lawyers who speak the survivor's languages are marked once per survivor. The reasons are
 * built afterwards, for the chosen pairs only, by the ranking itself. The same rules as `eligibility.ts` and
 * `soft-factors.ts`, to the point: a property test holds this scorer to `rankWithConflicts` pair by pair
 * (batch-scores.test.ts).
 */
import { EXPERIENCES, LEGAL_NEEDS, PROVINCES } from '../../../shared/cases/vocabulary'
import { AIRPORTS } from '../../../shared/roster/airports'
import { isOnCallAt } from '../../../shared/roster/on-call'
import type { TConflictFindings } from './conflicts'
import { coversAirport, JURISDICTION_RULES, needsToCheck, placesFree } from './eligibility'
import { softFactorsFor } from './soft-factors'
import type { TLawyerProfile, TRankContext, TSurvivorProfile } from './types'
import { MATCH_WEIGHTS as W } from './weights'

/**
 * The roster's facts for one batch, read at one instant (on call now, days since the last offer): per lawyer, by
 * position in `lawyers`. `marks` is scratch for one survivor at a time, cleared before `scoreSurvivor` returns.
 */
export type TBatchRoster = {
  lawyers: readonly TLawyerProfile[]
  /** Active with a place free: the survivor-independent hard constraints. */
  open: Uint8Array
  /** Holds any licence (in a province or not). */
  licensedAnywhere: Uint8Array
  licensed: Int32Array
  practice: Int32Array
  experiences: Int32Array
  covers: Int32Array
  onCallNow: Int32Array
  /** Province and city as ids of `places` (−1: none). */
  province: Int32Array
  city: Int32Array
  /** Load and fairness: the points every survivor gives this lawyer alike. */
  fixed: Float64Array
  /** What an urgent survivor adds for the lawyer's free places. */
  urgentFree: Float64Array
  /** Lawyer id → position; a place name (province or city) → id; a language or country → the lawyers with it. */
  positions: ReadonlyMap<string, number>
  places: ReadonlyMap<string, number>
  speakers: ReadonlyMap<string, Int32Array>
  countryExperts: ReadonlyMap<string, Int32Array>
  marks: Uint8Array
  /**
   * The open lawyers as groups, each in roster order: all of them, those licensed anywhere, those licensed in each
   * province (by its bit), those covering each airport (by its bit). A survivor walks only the smallest group its
   * jurisdiction rule allows (a civil claim in PE: the few licensed there), not the whole roster.
   */
  openAll: Int32Array
  openLicensed: Int32Array
  openInProvince: ReadonlyMap<number, Int32Array>
  openAtAirport: ReadonlyMap<number, Int32Array>
  /** Scratch columns for one survivor at a time, copied out at the end (no array grown pair by pair). */
  scratchLawyers: Int32Array
  scratchScores: Float64Array
}

const PREFERRED_LANGUAGE = 1
const OTHER_LANGUAGE = 2
const COUNTRY = 4
const LEFT_OUT = 8

/** Bit positions of a closed vocabulary (each fits in 31 bits); a value outside it has no bit. */
const bitsOf = (vocabulary: readonly string[]): ((values: Iterable<string>) => number) => {
  const bit = new Map(vocabulary.map((value, index) => [value, 1 << index]))
  return (values) => {
    let mask = 0
    for (const value of values) mask |= bit.get(value) ?? 0
    return mask
  }
}
const provinceBits = bitsOf(PROVINCES)
const needBits = bitsOf(LEGAL_NEEDS)
const experienceBits = bitsOf(EXPERIENCES)
const airportBits = bitsOf(AIRPORTS)

/** Positions of the lawyers holding each value (a language spoken, a country of experience). */
const holdersOf = (
  lawyers: readonly TLawyerProfile[],
  valuesOf: (lawyer: TLawyerProfile) => readonly string[],
) => {
  const lists = new Map<string, number[]>()
  lawyers.forEach((lawyer, position) => {
    for (const value of new Set(valuesOf(lawyer))) {
      const list = lists.get(value)
      if (list === undefined) lists.set(value, [position])
      else list.push(position)
    }
  })
  return new Map([...lists].map(([value, list]) => [value, Int32Array.from(list)]))
}

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
  const count = lawyers.length
  const places = new Map<string, number>()
  const placeId = (name: string | null): number => {
    if (name === null) return -1
    const known = places.get(name)
    if (known !== undefined) return known
    places.set(name, places.size)
    return places.size - 1
  }
  const roster: TBatchRoster = {
    lawyers,
    open: new Uint8Array(count),
    licensedAnywhere: new Uint8Array(count),
    licensed: new Int32Array(count),
    practice: new Int32Array(count),
    experiences: new Int32Array(count),
    covers: new Int32Array(count),
    onCallNow: new Int32Array(count),
    province: new Int32Array(count),
    city: new Int32Array(count),
    fixed: new Float64Array(count),
    urgentFree: new Float64Array(count),
    positions: new Map(lawyers.map((lawyer, position) => [lawyer.id, position])),
    places,
    speakers: holdersOf(lawyers, (lawyer) => lawyer.languages),
    countryExperts: holdersOf(lawyers, (lawyer) => lawyer.countries),
    marks: new Uint8Array(count),
    openAll: new Int32Array(0),
    openLicensed: new Int32Array(0),
    openInProvince: new Map(),
    openAtAirport: new Map(),
    scratchLawyers: new Int32Array(count),
    scratchScores: new Float64Array(count),
  }
  lawyers.forEach((lawyer, position) => {
    const fixed = pointsOf(calm(lawyer))
    const covers = lawyer.airports.filter((airport) => coversAirport(lawyer, airport))
    roster.open[position] = lawyer.status === 'active' && placesFree(lawyer) > 0 ? 1 : 0
    roster.licensedAnywhere[position] = lawyer.licensedProvinces.length > 0 ? 1 : 0
    roster.licensed[position] = provinceBits(lawyer.licensedProvinces)
    roster.practice[position] = needBits(lawyer.practiceAreas)
    roster.experiences[position] = experienceBits(lawyer.experiences)
    roster.covers[position] = airportBits(covers)
    roster.onCallNow[position] = airportBits(
      covers.filter((airport) => isOnCallAt(lawyer.onCallWindows, airport, context.now)),
    )
    // Province and city share one id space: a city is kept by its province-free normal form, prefixed apart.
    roster.province[position] = placeId(lawyer.province)
    roster.city[position] = placeId(`city:${normalCity(lawyer.city)}`)
    roster.fixed[position] = fixed
    roster.urgentFree[position] = pointsOf(urgent(lawyer)) - fixed
  })
  return { ...roster, ...openGroupsOf(roster) }
}

/** The open lawyers' positions whose `mask` (a column) has each bit of `bits`, one group per bit. */
const groupsByBit = (open: readonly number[], column: Int32Array, bits: number): Map<number, Int32Array> => {
  const groups = new Map<number, Int32Array>()
  for (let at = 0; at < 31; at++) {
    const bit = 1 << at
    if ((bits & bit) === 0) continue
    groups.set(bit, Int32Array.from(open.filter((position) => ((column[position] as number) & bit) !== 0)))
  }
  return groups
}

const openGroupsOf = (
  roster: TBatchRoster,
): Pick<TBatchRoster, 'openAll' | 'openLicensed' | 'openInProvince' | 'openAtAirport'> => {
  const open: number[] = []
  for (let position = 0; position < roster.open.length; position++)
    if (roster.open[position] === 1) open.push(position)
  return {
    openAll: Int32Array.from(open),
    openLicensed: Int32Array.from(open.filter((position) => roster.licensedAnywhere[position] === 1)),
    openInProvince: groupsByBit(open, roster.licensed, provinceBits(PROVINCES)),
    openAtAirport: groupsByBit(open, roster.covers, airportBits(AIRPORTS)),
  }
}

/**
 * The open lawyers a survivor's jurisdiction rules leave (each still tested in full): the smallest of the groups
 * every eligible lawyer belongs to.
 */
const groupFor = (
  roster: TBatchRoster,
  needsProvince: number,
  needsAirport: number,
  needsLicence: boolean,
): Int32Array => {
  const groups: Int32Array[] = [needsLicence ? roster.openLicensed : roster.openAll]
  const none = new Int32Array(0)
  if (needsProvince !== -1) groups.push(roster.openInProvince.get(needsProvince) ?? none)
  if (needsAirport !== -1) groups.push(roster.openAtAirport.get(needsAirport) ?? none)
  return groups.reduce((smallest, group) => (group.length < smallest.length ? group : smallest))
}

/**
 * Points for the needs a lawyer's practice covers, by the practice mask's bits among the survivor's needs: a table
 * over those bits when they are few (the rounding done once per pattern), else null.
 */
const needPointsTable = (needMasks: Int32Array): { union: number; points: Float64Array } | null => {
  let union = 0
  for (const need of needMasks) union |= need
  if (union === 0 || union >= 1 << 16) return null
  const points = new Float64Array(union + 1)
  for (let areas = 0; areas <= union; areas++) {
    if ((areas & ~union) !== 0) continue
    let covered = 0
    for (let need = 0; need < needMasks.length; need++)
      if ((areas & (needMasks[need] as number)) !== 0) covered++
    points[areas] = covered > 0 ? Math.round((W.needsCovered * covered) / needMasks.length) : 0
  }
  return { union, points }
}

/** Sets `flag` in `marks` for every lawyer of `positions` (or clears it). */
const mark = (marks: Uint8Array, positions: Int32Array | undefined, flag: number, on: boolean): void => {
  if (positions === undefined) return
  for (let index = 0; index < positions.length; index++) {
    const position = positions[index] as number
    marks[position] = on ? (marks[position] as number) | flag : (marks[position] as number) & ~flag
  }
}

/** One survivor's eligible lawyers (positions in the roster) and their scores, in roster order. */
export type TSurvivorScores = { lawyers: Int32Array; scores: Float64Array }

const NOBODY: TSurvivorScores = { lawyers: new Int32Array(0), scores: new Float64Array(0) }

/** Scores one survivor over the batch's roster; `conflicts` excludes the lawyers it blocks. */
export const scoreSurvivor = (
  roster: TBatchRoster,
  survivor: TSurvivorProfile,
  conflicts: TConflictFindings,
): TSurvivorScores => {
  const checked = needsToCheck(survivor)
  const rules = new Set(checked.map((need) => JURISDICTION_RULES[need]))
  const { province, airport } = survivor
  // A province or airport missing from the case excludes every lawyer alike.
  if ((rules.has('province') && province === null) || (rules.has('airport') && airport === null))
    return { lawyers: new Int32Array(0), scores: new Float64Array(0) }
  const needsProvince = rules.has('province') && province !== null ? provinceBits([province]) : -1
  const needsAirport = rules.has('airport') && airport !== null ? airportBits([airport]) : -1
  const needsLicence = rules.has('canada')
  const { needs, preferredLanguage, otherLanguages, experiences, countries } = survivor
  const needMasks = Int32Array.from(needs, (need) => needBits([need]))
  const needTable = needPointsTable(needMasks)
  const experienceMask = experienceBits(experiences)
  const airportMask = airport === null ? 0 : airportBits([airport])
  const interpreter = (preferredLanguage ?? otherLanguages[0]) !== undefined
  const provinceId = province === null ? -2 : (roster.places.get(province) ?? -2)
  const cityId =
    survivor.city.trim() === '' ? -2 : (roster.places.get(`city:${normalCity(survivor.city)}`) ?? -2)
  const onCallPoints = W.onCallNow * (survivor.urgent ? W.urgentMultiplier : 1)
  const {
    marks,
    open,
    licensed,
    licensedAnywhere,
    covers,
    practice,
    province: provinces,
    city,
    fixed,
  } = roster
  // The lawyers each survivor-side fact concerns, marked once (and cleared at the end): no set lookups per pair.
  const marked: Array<[Int32Array | undefined, number]> = [
    ...otherLanguages.map((language): [Int32Array | undefined, number] => [
      roster.speakers.get(language),
      OTHER_LANGUAGE,
    ]),
    [preferredLanguage === null ? undefined : roster.speakers.get(preferredLanguage), PREFERRED_LANGUAGE],
    ...countries.map((country): [Int32Array | undefined, number] => [
      roster.countryExperts.get(country),
      COUNTRY,
    ]),
  ]
  const leftOut = [...(survivor.declinedBy ?? [])].concat(
    [...conflicts.blocking].filter(([, hits]) => hits.length > 0).map(([lawyerId]) => lawyerId),
  )
  const leftOutPositions = Int32Array.from(
    leftOut.map((lawyerId) => roster.positions.get(lawyerId) ?? -1).filter((position) => position >= 0),
  )
  for (const [positions, flag] of marked) mark(marks, positions, flag, true)
  mark(marks, leftOutPositions, LEFT_OUT, true)
  const group = groupFor(roster, needsProvince, needsAirport, needsLicence)
  const { scratchLawyers, scratchScores, urgentFree, onCallNow } = roster
  const lawyerExperiences = roster.experiences
  let kept = 0
  for (let at = 0; at < group.length; at++) {
    const position = group[at] as number
    if (open[position] === 0) continue
    if (needsProvince !== -1 && ((licensed[position] as number) & needsProvince) === 0) continue
    if (needsLicence && licensedAnywhere[position] === 0) continue
    if (needsAirport !== -1 && ((covers[position] as number) & needsAirport) === 0) continue
    const flags = marks[position] as number
    if ((flags & LEFT_OUT) !== 0) continue
    let score = fixed[position] as number
    if (survivor.urgent) score += urgentFree[position] as number
    if (needTable !== null)
      score += needTable.points[(practice[position] as number) & needTable.union] as number
    else if (needMasks.length > 0) {
      let covered = 0
      const areas = practice[position] as number
      for (let need = 0; need < needMasks.length; need++)
        if ((areas & (needMasks[need] as number)) !== 0) covered++
      if (covered > 0) score += Math.round((W.needsCovered * covered) / needMasks.length)
    }
    if ((flags & PREFERRED_LANGUAGE) !== 0) score += W.preferredLanguage
    else if ((flags & OTHER_LANGUAGE) !== 0) score += W.otherLanguage
    else if (interpreter) score += W.interpreterNeeded
    if (provinceId !== -2 && provinces[position] === provinceId)
      score += cityId !== -2 && city[position] === cityId ? W.sameCity : W.sameProvince
    if (((onCallNow[position] as number) & airportMask) !== 0) score += onCallPoints
    if (((lawyerExperiences[position] as number) & experienceMask) !== 0) score += W.atrocityExperience
    if ((flags & COUNTRY) !== 0) score += W.countryExperience
    scratchLawyers[kept] = position
    scratchScores[kept] = score
    kept++
  }
  for (const [positions, flag] of marked) mark(marks, positions, flag, false)
  mark(marks, leftOutPositions, LEFT_OUT, false)
  if (kept === 0) return NOBODY
  return { lawyers: scratchLawyers.slice(0, kept), scores: scratchScores.slice(0, kept) }
}
