/**
 * The one numeric copy of the ranking's rules, for the case page and the batch alike: a roster's facts as typed
 * columns (one per fact, by position in the roster array, made once per array: a kept roster snapshot is one array)
 * and one walk that says, for one survivor, which lawyers of a list pass every hard constraint and the score their
 * soft factors add up to, with nothing allocated per lawyer. The rules' own functions (eligibility.ts,
 * soft-factors.ts) stay the reference and build the reasons of the lawyers shown; property tests hold this walk to
 * them lawyer by lawyer (rank-columns.test.ts, batch-scores.test.ts) and the rankings to the reference ranking.
 *
 * Closed vocabularies (provinces, needs, experiences, airports) are bits; languages and countries of experience,
 * open-ended, are looked up the other way round: the lawyers holding the survivor's are marked once per walk.
 * A survivor with a code outside a closed vocabulary (never in practice) is not `decidable` here: the ranking then
 * walks the rules' functions instead.
 */
import { EXPERIENCES, LEGAL_NEEDS, PROVINCES } from '../../../shared/cases/vocabulary'
import { AIRPORTS } from '../../../shared/roster/airports'
import { isOnCallAt } from '../../../shared/roster/on-call'
import { JURISDICTION_RULES, needsToCheck } from './eligibility'
import { factsOf, fairnessPointsAt, type TLawyerFacts } from './lawyer-facts'
import type { TConflictFindings } from './conflicts'
import type { TLawyerProfile, TSurvivorProfile } from './types'
import { MATCH_WEIGHTS as W } from './weights'

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
const inVocabulary = (vocabulary: readonly string[], values: readonly (string | null)[]): boolean =>
  values.every((value) => value === null || vocabulary.includes(value))

const normalCity = (city: string): string => city.trim().toLocaleLowerCase('en-CA')

/** A roster's facts as columns, by position in the roster array. */
export type TRosterColumns = {
  readonly lawyers: readonly TLawyerProfile[]
  readonly facts: readonly TLawyerFacts[]
  /** Active with a place free: the survivor-independent hard constraints. */
  readonly open: Uint8Array
  /** Holds any licence (in a province or not); the provinces licensed in as PROVINCES bits. */
  readonly licensedAnywhere: Uint8Array
  readonly licensed: Int32Array
  /** Practice areas, experiences, airports covered (on call there in some window) as vocabulary bits. */
  readonly practice: Int32Array
  readonly experiences: Int32Array
  readonly covers: Int32Array
  /** Province and city as ids of `places` (−1: none). */
  readonly province: Int32Array
  readonly city: Int32Array
  readonly places: ReadonlyMap<string, number>
  /** The load's points, and what an urgent survivor adds for the places free. */
  readonly load: Float64Array
  readonly urgentFree: Float64Array
  /** Lawyer id → positions; a language or country → the lawyers with it. */
  readonly positions: ReadonlyMap<string, readonly number[]>
  readonly speakers: ReadonlyMap<string, Int32Array>
  readonly countryExperts: ReadonlyMap<string, Int32Array>
  /** Scratch for one walk at a time: flags by position (cleared before the walk returns), the lawyers kept. */
  readonly marks: Uint8Array
  readonly keptLawyers: Int32Array
  readonly keptScores: Float64Array
  /** The points that depend on the instant (fairness, on call now), for the last instant asked. */
  instant: TInstant | null
}

/** Fairness points at one instant, and on call now at each airport (−1: not worked out yet), by position. */
type TInstant = { nowMs: number; fairness: Float64Array; onCall: Map<number, Int8Array> }

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

const made = new WeakMap<readonly TLawyerProfile[], TRosterColumns>()

/** The columns of a roster array, made once per array. */
export const rosterColumnsOf = (lawyers: readonly TLawyerProfile[]): TRosterColumns => {
  const known = made.get(lawyers)
  if (known !== undefined) return known
  const count = lawyers.length
  const places = new Map<string, number>()
  const placeId = (name: string | null): number => {
    if (name === null) return -1
    const id = places.get(name) ?? places.size
    if (id === places.size) places.set(name, id)
    return id
  }
  const positions = new Map<string, number[]>()
  const columns: TRosterColumns = {
    lawyers,
    facts: lawyers.map(factsOf),
    open: new Uint8Array(count),
    licensedAnywhere: new Uint8Array(count),
    licensed: new Int32Array(count),
    practice: new Int32Array(count),
    experiences: new Int32Array(count),
    covers: new Int32Array(count),
    province: new Int32Array(count),
    city: new Int32Array(count),
    places,
    load: new Float64Array(count),
    urgentFree: new Float64Array(count),
    positions,
    speakers: holdersOf(lawyers, (lawyer) => lawyer.languages),
    countryExperts: holdersOf(lawyers, (lawyer) => lawyer.countries),
    marks: new Uint8Array(count),
    keptLawyers: new Int32Array(count),
    keptScores: new Float64Array(count),
    instant: null,
  }
  columns.facts.forEach((facts, position) => {
    const lawyer = facts.lawyer
    columns.open[position] = facts.active && facts.full === null ? 1 : 0
    columns.licensedAnywhere[position] = facts.licensed ? 1 : 0
    columns.licensed[position] = provinceBits(lawyer.licensedProvinces)
    columns.practice[position] = needBits(lawyer.practiceAreas)
    columns.experiences[position] = experienceBits(lawyer.experiences)
    columns.covers[position] = lawyer.onCallWindows.length > 0 ? airportBits(lawyer.airports) : 0
    // Province and city share one id space: a city is kept by its province-free normal form, prefixed apart.
    columns.province[position] = placeId(lawyer.province)
    columns.city[position] = placeId(`city:${normalCity(lawyer.city)}`)
    columns.load[position] = facts.load.points
    columns.urgentFree[position] = facts.urgentFreePlaces?.points ?? 0
    const list = positions.get(lawyer.id)
    if (list === undefined) positions.set(lawyer.id, [position])
    else list.push(position)
  })
  made.set(lawyers, columns)
  return columns
}

const instantOf = (columns: TRosterColumns, nowMs: number): TInstant => {
  if (columns.instant !== null && columns.instant.nowMs === nowMs) return columns.instant
  const fairness = new Float64Array(columns.facts.length)
  columns.facts.forEach((facts, position) => {
    fairness[position] = facts.offeredAt === null ? W.fairness : fairnessPointsAt(facts.offeredAt, nowMs)
  })
  columns.instant = { nowMs, fairness, onCall: new Map() }
  return columns.instant
}

/** The survivor's side of the rules as masks and points, worked out once per survivor. */
export type TColumnsQuery = {
  readonly survivor: TSurvivorProfile
  /** Every code in the closed vocabularies: else the rules' functions must decide (the ranking's fallback). */
  readonly decidable: boolean
  /** A province or airport a need asks for and the case lacks: every lawyer is excluded alike. */
  readonly everyone: boolean
  /** −1 when the rule does not apply. */
  readonly needsProvince: number
  readonly needsAirport: number
  readonly needsLicence: boolean
  readonly needMasks: Int32Array
  readonly needTable: { union: number; points: Float64Array } | null
  readonly experienceMask: number
  readonly airportMask: number
  readonly interpreter: boolean
  readonly onCallPoints: number
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
    for (let need = 0; need < needMasks.length; need++) if ((areas & needMasks[need]!) !== 0) covered++
    points[areas] = covered > 0 ? Math.round((W.needsCovered * covered) / needMasks.length) : 0
  }
  return { union, points }
}

export const columnsQueryOf = (survivor: TSurvivorProfile): TColumnsQuery => {
  const rules = new Set(needsToCheck(survivor).map((need) => JURISDICTION_RULES[need]))
  const { province, airport, preferredLanguage, otherLanguages } = survivor
  const needMasks = Int32Array.from(survivor.needs, (need) => needBits([need]))
  return {
    survivor,
    decidable:
      inVocabulary(PROVINCES, [province]) &&
      inVocabulary(AIRPORTS, [airport]) &&
      inVocabulary(LEGAL_NEEDS, survivor.needs) &&
      inVocabulary(EXPERIENCES, survivor.experiences),
    everyone: (rules.has('province') && province === null) || (rules.has('airport') && airport === null),
    needsProvince: rules.has('province') && province !== null ? provinceBits([province]) : -1,
    needsAirport: rules.has('airport') && airport !== null ? airportBits([airport]) : -1,
    needsLicence: rules.has('canada'),
    needMasks,
    needTable: needPointsTable(needMasks),
    experienceMask: experienceBits(survivor.experiences),
    airportMask: airport === null ? 0 : airportBits([airport]),
    interpreter: (preferredLanguage ?? otherLanguages[0]) !== undefined,
    onCallPoints: W.onCallNow * (survivor.urgent ? W.urgentMultiplier : 1),
  }
}

const PREFERRED_LANGUAGE = 1
const OTHER_LANGUAGE = 2
const COUNTRY = 4
const LEFT_OUT = 8

/** Sets `flag` in `marks` for every lawyer of `positions` (or clears it). */
const mark = (
  marks: Uint8Array,
  positions: ArrayLike<number> | undefined,
  flag: number,
  on: boolean,
): void => {
  if (positions === undefined) return
  for (let index = 0; index < positions.length; index++) {
    const position = positions[index]!
    marks[position] = on ? marks[position]! | flag : marks[position]! & ~flag
  }
}

/**
 * Who is on call now at `bit`'s airport, by position: 1 or 0, −1 while not worked out (each lawyer covering it is
 * looked at once per instant, the first time a walk needs it).
 */
const onCallColumn = (columns: TRosterColumns, instant: TInstant, bit: number): Int8Array => {
  let known = instant.onCall.get(bit)
  if (known === undefined) {
    known = new Int8Array(columns.facts.length).fill(-1)
    instant.onCall.set(bit, known)
  }
  return known
}

/**
 * One survivor's walk over `candidates` (positions, in the order the answer wants them): the lawyers that pass every
 * hard constraint and are not in `leftOut` (positions declined or blocked by a conflict hit) are written to
 * `columns.keptLawyers`, their scores to `columns.keptScores`, in the candidates' order; returns how many. Any
 * lawyer a hard constraint excludes may be left out of `candidates` (the batch walks only the smallest group).
 */
export const walkColumns = (
  columns: TRosterColumns,
  query: TColumnsQuery,
  nowMs: number,
  candidates: ArrayLike<number>,
  leftOut: ArrayLike<number>,
): number => {
  if (query.everyone) return 0
  const { survivor, needsProvince, needsAirport, needsLicence, needMasks, needTable, experienceMask } = query
  const { marks, open, licensed, licensedAnywhere, covers, practice, province, city, load, urgentFree } =
    columns
  const { keptLawyers, keptScores } = columns
  const instant = instantOf(columns, nowMs)
  const fairness = instant.fairness
  const provinceId = survivor.province === null ? -2 : (columns.places.get(survivor.province) ?? -2)
  const cityId =
    survivor.city.trim() === '' ? -2 : (columns.places.get(`city:${normalCity(survivor.city)}`) ?? -2)
  const { airportMask, onCallPoints, interpreter } = query
  const urgent = survivor.urgent
  const onCall = airportMask === 0 ? null : onCallColumn(columns, instant, airportMask)
  const now = new Date(nowMs)
  const lawyerExperiences = columns.experiences
  // The lawyers each survivor-side fact concerns, marked once (and cleared at the end): no set lookups per pair.
  const marked: Array<[Int32Array | undefined, number]> = [
    ...survivor.otherLanguages.map((language): [Int32Array | undefined, number] => [
      columns.speakers.get(language),
      OTHER_LANGUAGE,
    ]),
    [
      survivor.preferredLanguage === null ? undefined : columns.speakers.get(survivor.preferredLanguage),
      PREFERRED_LANGUAGE,
    ],
    ...survivor.countries.map((country): [Int32Array | undefined, number] => [
      columns.countryExperts.get(country),
      COUNTRY,
    ]),
  ]
  for (const [positions, flag] of marked) mark(marks, positions, flag, true)
  mark(marks, leftOut, LEFT_OUT, true)
  let kept = 0
  // The marks live on the roster's columns, shared by every walk over them: cleared even when a walk throws, or a
  // later survivor's walk would find this one's declined and blocked lawyers left out and its languages marked.
  try {
    for (let at = 0; at < candidates.length; at++) {
      const position = candidates[at]!
      if (open[position] === 0) continue
      if (needsProvince !== -1 && (licensed[position]! & needsProvince) === 0) continue
      if (needsLicence && licensedAnywhere[position] === 0) continue
      if (needsAirport !== -1 && (covers[position]! & needsAirport) === 0) continue
      const flags = marks[position]!
      if ((flags & LEFT_OUT) !== 0) continue
      let score = load[position]! + fairness[position]!
      if (urgent) score += urgentFree[position]!
      if (needTable !== null) score += needTable.points[practice[position]! & needTable.union]!
      else if (needMasks.length > 0) {
        let covered = 0
        const areas = practice[position]!
        for (let need = 0; need < needMasks.length; need++) if ((areas & needMasks[need]!) !== 0) covered++
        if (covered > 0) score += Math.round((W.needsCovered * covered) / needMasks.length)
      }
      if ((flags & PREFERRED_LANGUAGE) !== 0) score += W.preferredLanguage
      else if ((flags & OTHER_LANGUAGE) !== 0) score += W.otherLanguage
      else if (interpreter) score += W.interpreterNeeded
      if (provinceId !== -2 && province[position] === provinceId)
        score += cityId !== -2 && city[position] === cityId ? W.sameCity : W.sameProvince
      if (onCall !== null && (covers[position]! & airportMask) !== 0) {
        if (onCall[position] === -1)
          onCall[position] = isOnCallAt(columns.lawyers[position]!.onCallWindows, survivor.airport!, now)
            ? 1
            : 0
        if (onCall[position] === 1) score += onCallPoints
      }
      if ((lawyerExperiences[position]! & experienceMask) !== 0) score += W.atrocityExperience
      if ((flags & COUNTRY) !== 0) score += W.countryExperience
      keptLawyers[kept] = position
      keptScores[kept] = score
      kept++
    }
  } finally {
    for (const [positions, flag] of marked) mark(marks, positions, flag, false)
    mark(marks, leftOut, LEFT_OUT, false)
  }
  return kept
}

/** Positions of the lawyers `survivor` declined and of those `conflicts` blocks. */
export const leftOutOf = (
  columns: TRosterColumns,
  survivor: TSurvivorProfile,
  conflicts: TConflictFindings,
): number[] => {
  const left: number[] = []
  for (const id of survivor.declinedBy ?? [])
    for (const position of columns.positions.get(id) ?? []) left.push(position)
  for (const [id, hits] of conflicts.blocking)
    if (hits.length > 0) for (const position of columns.positions.get(id) ?? []) left.push(position)
  return left
}
