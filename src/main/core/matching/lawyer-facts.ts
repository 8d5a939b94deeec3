/**
 * What the ranking reads of a lawyer that no survivor changes, worked out once per lawyer profile and kept with it:
 * places free, the provinces licensed in as bits, the reasons that say only the lawyer's own facts ("licensed in
 * ON, QC", "3 of 5 places free", "full") built once and shared by every ranking, the city as compared.
 *
 * Ranking 10,000 lawyers read each profile's scattered fields and arrays, built the same reasons again, and sorted
 * by the collator: most of its time went to memory, not to the rules. A roster's facts sit in one array with its
 * columns (rank-columns.ts), walked once per ranking; the rules (eligibility.ts, soft-factors.ts) read only these.
 * A lawyer profile is never changed once made (the roster is read afresh after any change), so what is derived
 * from it stays true for as long as the profile lives.
 */
import { PROVINCES, type TProvince } from '../../../shared/cases/vocabulary'
import type { TExclusionReason, TScoreReason } from '../../../shared/matching/reasons'
import type { TLawyerProfile } from './types'
import { MATCH_WEIGHTS as W } from './weights'

/**
 * Codes of one vocabulary (needs, languages, experiences, countries) as bits: the first 30 codes met get one each,
 * for good (a code's bit never changes). A set is its codes' bits, or -1 when one of them has none: then the list
 * itself is looked in.
 */
export class CodeBits {
  private readonly bits = new Map<string, number>()

  /** How many codes have a bit: bits read at one size stay right until it grows. */
  get size(): number {
    return this.bits.size
  }

  setOf(codes: readonly string[]): number {
    let set = 0
    for (const code of codes) {
      let bit = this.bits.get(code)
      if (bit === undefined && this.bits.size < 30) {
        bit = 1 << this.bits.size
        this.bits.set(code, bit)
      }
      if (bit === undefined) return -1
      set |= bit
    }
    return set
  }

  /** The code's bit, 0 when it has none (no set without -1 holds it). */
  bitOf(code: string): number {
    return this.bits.get(code) ?? 0
  }
}

export const CODES = {
  needs: new CodeBits(),
  languages: new CodeBits(),
  experiences: new CodeBits(),
  countries: new CodeBits(),
} as const

export type TLawyerFacts = {
  readonly lawyer: TLawyerProfile
  /** The lawyer's practice areas, languages, experiences and countries as sets of CODES' bits (-1: see the list). */
  readonly areas: number
  readonly languages: number
  readonly experiences: number
  readonly countries: number
  /** The lawyer's province as a bit of PROVINCES (0: none, or one outside the list). */
  readonly provinceBit: number
  readonly active: boolean
  /** max(0, capacity − active referrals). */
  readonly free: number
  /** "Full: N of N": the exclusion when no place is free, else null. */
  readonly full: TExclusionReason | null
  /** Bit i: licensed in PROVINCES[i]; `licensed`: licensed anywhere (a province outside the list counts). */
  readonly provinceBits: number
  readonly licensed: boolean
  /** "Licensed in …" for the federal matters, when licensed anywhere. */
  readonly licensedInCanada: TScoreReason | null
  /** The city as compared (trimmed, lower case), '' when none, and "same city" with its points. */
  readonly cityKey: string
  readonly sameCity: TScoreReason
  readonly load: TScoreReason
  /** "N of M places free" for urgent cases (capacity above 0), else null. */
  readonly urgentFreePlaces: TScoreReason | null
  /** The last offer's time (ms; NaN when unreadable), null when never offered. */
  readonly offeredAt: number | null
  /** The last fairness reason built and the days it says: a ranking a day later builds it again. */
  fairness: { days: number; reason: TScoreReason } | null
}

const DAY_MS = 24 * 60 * 60 * 1000

export const cityKeyOf = (city: string): string => city.trim().toLocaleLowerCase('en-CA')

export const provinceBit = (province: TProvince | null): number => {
  const at = province === null ? -1 : PROVINCES.indexOf(province)
  return at === -1 ? 0 : 1 << at
}

const made = new WeakMap<TLawyerProfile, TLawyerFacts>()

const factsFrom = (lawyer: TLawyerProfile): TLawyerFacts => {
  const free = Math.max(0, lawyer.capacity - lawyer.activeReferrals)
  let provinceBits = 0
  for (const province of lawyer.licensedProvinces) provinceBits |= provinceBit(province)
  const used = lawyer.capacity > 0 ? Math.min(1, lawyer.activeReferrals / lawyer.capacity) : 1
  return {
    lawyer,
    areas: CODES.needs.setOf(lawyer.practiceAreas),
    languages: CODES.languages.setOf(lawyer.languages),
    experiences: CODES.experiences.setOf(lawyer.experiences),
    countries: CODES.countries.setOf(lawyer.countries),
    provinceBit: provinceBit(lawyer.province),
    active: lawyer.status === 'active',
    free,
    full:
      free === 0
        ? { key: 'excluded.full', params: { capacity: lawyer.capacity, active: lawyer.activeReferrals } }
        : null,
    provinceBits,
    licensed: lawyer.licensedProvinces.length > 0,
    licensedInCanada:
      lawyer.licensedProvinces.length === 0
        ? null
        : { key: 'licence.canada', points: 0, params: { provinces: [...lawyer.licensedProvinces] } },
    cityKey: lawyer.city.trim() === '' ? '' : cityKeyOf(lawyer.city),
    sameCity: { key: 'location.city', points: W.sameCity, params: { city: lawyer.city.trim() } },
    load: {
      key: 'load.places_free',
      points: -Math.round(W.load * used),
      params: { free, capacity: lawyer.capacity },
    },
    urgentFreePlaces:
      lawyer.capacity > 0
        ? {
            key: 'urgent.free_places',
            points: Math.round((W.urgentFreeCapacity * free) / lawyer.capacity),
            params: { free, capacity: lawyer.capacity },
          }
        : null,
    offeredAt: lawyer.lastOfferedAt === null ? null : Date.parse(lawyer.lastOfferedAt),
    fairness: null,
  }
}

/** The facts of one lawyer profile, made the first time they are asked for. */
export const factsOf = (lawyer: TLawyerProfile): TLawyerFacts => {
  let facts = made.get(lawyer)
  if (facts === undefined) {
    facts = factsFrom(lawyer)
    made.set(lawyer, facts)
  }
  return facts
}

/** Whole days from the last offer (ms; NaN when unreadable: counted as long ago) to `nowMs`. */
const daysSinceOffer = (offeredAt: number, nowMs: number): number =>
  Number.isNaN(offeredAt) ? W.fairnessDays : Math.max(0, Math.floor((nowMs - offeredAt) / DAY_MS))

const fairnessPointsOf = (days: number): number =>
  Math.round((W.fairness * Math.min(days, W.fairnessDays)) / W.fairnessDays)

/** The points of "last offered N days ago" at `nowMs` (rank-columns.ts), without the reason. */
export const fairnessPointsAt = (offeredAt: number, nowMs: number): number =>
  fairnessPointsOf(daysSinceOffer(offeredAt, nowMs))

/** "Last offered N days ago" at `now`, kept with the lawyer while N stays the same. */
export const lastOfferedReason = (facts: TLawyerFacts, offeredAt: number, now: Date): TScoreReason => {
  const days = daysSinceOffer(offeredAt, now.getTime())
  if (facts.fairness !== null && facts.fairness.days === days) return facts.fairness.reason
  const points = fairnessPointsOf(days)
  const reason: TScoreReason = { key: 'fairness.last_offered', points, params: { days } }
  facts.fairness = { days, reason }
  return reason
}
