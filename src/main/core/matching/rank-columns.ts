/**
 * The case page's walk over a roster as numbers: who is excluded and every ranked lawyer's score, read from typed
 * columns (one per fact, in the roster's name order, made once per roster) instead of one facts object per lawyer,
 * with nothing allocated per lawyer. Ranking 10,000 lawyers through the rules' own functions (eligibility.ts,
 * soft-factors.ts) pushed every reason of every lawyer onto scratch arrays, made closures per lawyer for the
 * survivor's lists and read each lawyer's scattered object; the page then showed 200 of them. The reasons of the
 * lawyers shown are still built by those functions (rank.ts), and the whole ranking's equality with the reference
 * (rank-facts.test.ts) and a property test (rank-columns.test.ts: this walk's verdict and score against the rules'
 * reasons, lawyer by lawyer) hold the two to the same answer.
 *
 * The survivors the columns cannot say everything about (a list past 30 codes, a province or airport outside the
 * vocabularies: never in practice) are walked through the rules' functions instead (`columnsFor` returns null).
 */
import { bitCount } from '../../../shared/bit-count'
import { PROVINCES } from '../../../shared/cases/vocabulary'
import { AIRPORTS } from '../../../shared/roster/airports'
import { isOnCallAt } from '../../../shared/roster/on-call'
import { JURISDICTION_RULES, needsToCheck } from './eligibility'
import { CODES, cityKeyOf, fairnessPointsAt, type CodeBits, type TLawyerFacts } from './lawyer-facts'
import type { TRankContext, TSurvivorProfile } from './types'
import { MATCH_WEIGHTS as W } from './weights'

/** A roster's facts as columns, by place in its name order. */
export type TRosterColumns = {
  /** Active with a place free. */
  readonly open: Uint8Array
  /** Licensed provinces as PROVINCES bits; 1 when licensed anywhere. */
  readonly licences: Int32Array
  readonly licensed: Uint8Array
  /** CODES sets (−1: the lawyer's list is looked in). */
  readonly areas: Int32Array
  readonly languages: Int32Array
  readonly experiences: Int32Array
  readonly countries: Int32Array
  /** The lawyer's province as a PROVINCES bit, the city as an id of `cities` (−1: none). */
  readonly province: Int32Array
  readonly city: Int32Array
  readonly cities: ReadonlyMap<string, number>
  /** AIRPORTS bits of the airports the lawyer covers (on call there in some window). */
  readonly covers: Int32Array
  /** The load's points, and what an urgent survivor adds for the places free. */
  readonly load: Float64Array
  readonly urgent: Float64Array
  /** 1 when never offered a referral; else the last offer's time (NaN when unreadable). */
  readonly neverOffered: Uint8Array
  readonly offeredAt: Float64Array
}

const airportBit = (airport: string): number => {
  const at = (AIRPORTS as readonly string[]).indexOf(airport)
  return at === -1 ? 0 : 1 << at
}

const made = new WeakMap<readonly TLawyerFacts[], TRosterColumns>()

/** The columns of a roster's facts in name order, made once per array (rank.ts keeps one per roster). */
export const rosterColumnsOf = (inOrder: readonly TLawyerFacts[]): TRosterColumns => {
  const known = made.get(inOrder)
  if (known !== undefined) return known
  const count = inOrder.length
  const cities = new Map<string, number>()
  const columns: TRosterColumns = {
    open: new Uint8Array(count),
    licences: new Int32Array(count),
    licensed: new Uint8Array(count),
    areas: new Int32Array(count),
    languages: new Int32Array(count),
    experiences: new Int32Array(count),
    countries: new Int32Array(count),
    province: new Int32Array(count),
    city: new Int32Array(count),
    cities,
    covers: new Int32Array(count),
    load: new Float64Array(count),
    urgent: new Float64Array(count),
    neverOffered: new Uint8Array(count),
    offeredAt: new Float64Array(count),
  }
  for (let place = 0; place < count; place++) {
    const facts = inOrder[place]!
    const lawyer = facts.lawyer
    columns.open[place] = facts.active && facts.full === null ? 1 : 0
    columns.licences[place] = facts.provinceBits
    columns.licensed[place] = facts.licensed ? 1 : 0
    columns.areas[place] = facts.areas
    columns.languages[place] = facts.languages
    columns.experiences[place] = facts.experiences
    columns.countries[place] = facts.countries
    columns.province[place] = facts.provinceBit
    let city = -1
    if (facts.cityKey !== '') {
      city = cities.get(facts.cityKey) ?? cities.size
      if (city === cities.size) cities.set(facts.cityKey, city)
    }
    columns.city[place] = city
    let covers = 0
    if (lawyer.onCallWindows.length > 0) for (const airport of lawyer.airports) covers |= airportBit(airport)
    columns.covers[place] = covers
    columns.load[place] = facts.load.points
    columns.urgent[place] = facts.urgentFreePlaces?.points ?? 0
    columns.neverOffered[place] = facts.offeredAt === null ? 1 : 0
    columns.offeredAt[place] = facts.offeredAt ?? 0
  }
  made.set(inOrder, columns)
  return columns
}

/** A survivor's list of one vocabulary as CODES bits, item by item (0: no lawyer set without −1 holds it). */
const bitsOf = (table: CodeBits, codes: readonly string[]): Int32Array =>
  Int32Array.from(codes, (code) => table.bitOf(code))

/**
 * Which items of a survivor's list (`codes`, their `bits`) a lawyer has: bit i for item i. A set of −1 is looked
 * up in the lawyer's own list.
 */
const heldOf = (set: number, list: readonly string[], codes: readonly string[], bits: Int32Array): number => {
  let held = 0
  if (set === -1) {
    for (let at = 0; at < codes.length; at++) if (list.includes(codes[at]!)) held |= 1 << at
  } else {
    for (let at = 0; at < bits.length; at++) if ((set & bits[at]!) !== 0) held |= 1 << at
  }
  return held
}

/**
 * One survivor's walk over the columns: `left[place]` is 1 for a lawyer declined or blocked by a conflict hit.
 * Fills `scores` for the ranked lawyers and the places of the ranked and excluded ones, in name order; returns how
 * many of each.
 */
export type TColumnsWalk = (
  facts: readonly TLawyerFacts[],
  left: Uint8Array,
  scores: Float64Array,
  ranked: Int32Array,
  excluded: Int32Array,
) => { rankedCount: number; excludedCount: number }

/** The survivor's side of the rules as masks and points; null when the columns cannot decide for them. */
export const columnsWalkFor = (survivor: TSurvivorProfile, context: TRankContext): TColumnsWalk | null => {
  const { province, airport, preferredLanguage, otherLanguages } = survivor
  const needs = needsToCheck(survivor)
  const rules = new Set(needs.map((need) => JURISDICTION_RULES[need]))
  const here = province === null ? 0 : 1 << PROVINCES.indexOf(province)
  const at = airport === null ? 0 : airportBit(airport)
  const atrocities = [...new Set(survivor.experiences)]
  const countries = [...new Set(survivor.countries)]
  const languages = preferredLanguage === null ? otherLanguages : [preferredLanguage, ...otherLanguages]
  if (
    (province !== null && !PROVINCES.includes(province)) ||
    (airport !== null && at === 0) ||
    [survivor.needs, languages, atrocities, countries].some((list) => list.length > 30)
  )
    return null
  // A province or airport a need asks for and the case lacks excludes every lawyer alike.
  const everyone = (rules.has('province') && province === null) || (rules.has('airport') && airport === null)
  const needsHere = rules.has('province') ? here : 0
  const needsLicence = rules.has('canada')
  const needsAirport = rules.has('airport') ? at : 0
  const needCodes = survivor.needs
  const total = needCodes.length
  const preferredHeld = preferredLanguage === null ? 0 : 1
  const interpreter = (preferredLanguage ?? otherLanguages[0]) === undefined ? 0 : W.interpreterNeeded
  const cityKey = survivor.city.trim() === '' ? null : cityKeyOf(survivor.city)
  const onCallPoints = W.onCallNow * (survivor.urgent ? W.urgentMultiplier : 1)
  const now = context.now
  const nowMs = now.getTime()
  return (facts, left, scores, ranked, excluded) => {
    const columns = rosterColumnsOf(facts)
    const count = facts.length
    // Read at each walk, after the roster's facts are made: a code may have been given its bit since.
    const needBits = bitsOf(CODES.needs, needCodes)
    const languageBits = bitsOf(CODES.languages, languages)
    const atrocityBits = bitsOf(CODES.experiences, atrocities)
    const countryBits = bitsOf(CODES.countries, countries)
    let rankedCount = 0
    let excludedCount = 0
    if (everyone) {
      for (let place = 0; place < count; place++) excluded[excludedCount++] = place
      return { rankedCount, excludedCount }
    }
    const { open, licences, licensed, areas, covers, province: provinces, city, load } = columns
    const city0 = cityKey === null ? -2 : (columns.cities.get(cityKey) ?? -2)
    for (let place = 0; place < count; place++) {
      if (
        open[place] === 0 ||
        left[place] === 1 ||
        (needsHere !== 0 && (licences[place]! & needsHere) === 0) ||
        (needsLicence && licensed[place] === 0) ||
        (needsAirport !== 0 && (covers[place]! & needsAirport) === 0)
      ) {
        excluded[excludedCount++] = place
        continue
      }
      let score = load[place]!
      if (total > 0) {
        const set = areas[place]!
        const held = heldOf(set, set === -1 ? facts[place]!.lawyer.practiceAreas : [], needCodes, needBits)
        if (held !== 0) score += Math.round((W.needsCovered * bitCount(held)) / total)
      }
      if (languageBits.length > 0) {
        const set = columns.languages[place]!
        const held = heldOf(set, set === -1 ? facts[place]!.lawyer.languages : [], languages, languageBits)
        if (preferredHeld === 1 && (held & 1) !== 0) score += W.preferredLanguage
        else if ((held & ~(preferredHeld === 1 ? 1 : 0)) !== 0) score += W.otherLanguage
        else score += interpreter
      }
      if (here !== 0 && provinces[place] === here)
        score += city0 !== -2 && city[place] === city0 ? W.sameCity : W.sameProvince
      if (
        at !== 0 &&
        (covers[place]! & at) !== 0 &&
        isOnCallAt(facts[place]!.lawyer.onCallWindows, airport!, now)
      )
        score += onCallPoints
      if (survivor.urgent) score += columns.urgent[place]!
      if (atrocityBits.length > 0) {
        const set = columns.experiences[place]!
        const list = set === -1 ? facts[place]!.lawyer.experiences : []
        if (heldOf(set, list, atrocities, atrocityBits) !== 0) score += W.atrocityExperience
      }
      if (countryBits.length > 0) {
        const set = columns.countries[place]!
        const list = set === -1 ? facts[place]!.lawyer.countries : []
        if (heldOf(set, list, countries, countryBits) !== 0) score += W.countryExperience
      }
      if (columns.neverOffered[place] === 1) score += W.fairness
      else score += fairnessPointsAt(columns.offeredAt[place]!, nowMs)
      scores[place] = score
      ranked[rankedCount++] = place
    }
    return { rankedCount, excludedCount }
  }
}
