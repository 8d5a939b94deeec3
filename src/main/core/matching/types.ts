/**
 * What the ranking knows about a survivor and about a lawyer: plain values, no database rows, so the rules can be
 * tested on their own and the adapters (roster rows, case records) stay thin.
 */
import type { TAdversePartyKind, TExperience, TLegalNeed, TProvince } from '../../../shared/cases/vocabulary'
import type { TConflictSource } from '../../../shared/matching/reasons'
import type { TAirport } from '../../../shared/roster/airports'
import type { TOnCallWindow } from '../../../shared/roster/on-call'

/** A name on the survivor's side of the conflict check. */
export type TSurvivorParty = {
  /** 'survivor' for the survivor's own names; 'adverse_party' for people, units, organizations, states. */
  role: 'survivor' | 'adverse_party'
  /** What kind of party; the survivor's own names are a person. */
  kind: TAdversePartyKind
  /** The name as written and its original-script form, either may be empty. */
  names: readonly string[]
}

export type TSurvivorProfile = {
  /** Case id; referral and review records hang off it. */
  caseId: string
  needs: readonly TLegalNeed[]
  province: TProvince | null
  city: string
  /** The airport when the survivor is at, or arrived through, one. */
  airport: TAirport | null
  /** ISO 639 codes. */
  preferredLanguage: string | null
  otherLanguages: readonly string[]
  /** Detained, at an airport now, or removal within 14 days: the case list's urgency rule. */
  urgent: boolean
  experiences: readonly TExperience[]
  /** ISO 3166 alpha-2: where it happened and the country of origin. */
  countries: readonly string[]
  parties: readonly TSurvivorParty[]
  /** Lawyers who declined a referral of this case: re-matching leaves them out. */
  declinedBy?: ReadonlySet<string>
}

export type TLawyerProfile = {
  id: string
  name: string
  email: string
  status: 'active' | 'paused'
  /** Provinces of the law societies where the lawyer is a member in good standing. */
  licensedProvinces: readonly TProvince[]
  practiceAreas: readonly TLegalNeed[]
  /** ISO 639 codes. */
  languages: readonly string[]
  city: string
  province: TProvince | null
  /** Airports they can reach when on call, and their weekly windows (each airport's local time). */
  airports: readonly TAirport[]
  onCallWindows: readonly TOnCallWindow[]
  /** Most active referrals at once; 0 means full. */
  capacity: number
  activeReferrals: number
  experiences: readonly TExperience[]
  countries: readonly string[]
  /** ISO timestamp of the last referral offered to them, or null. */
  lastOfferedAt: string | null
}

/** A name on the lawyer's side: a declared conflict, or a party of one of their other active referrals. */
export type TLawyerPartyName = {
  lawyerId: string
  source: TConflictSource
  kind: TAdversePartyKind
  /** The names of one party (as written, original script). */
  names: readonly string[]
  /** The case the name came from, for referral sources: a survivor's own other case is not a conflict. */
  caseId?: string
}

/**
 * Where the rules (eligibility.ts, soft-factors.ts) push a lawyer's reasons: an array, or one list the whole ranking
 * reuses lawyer after lawyer (rank.ts's `Gathered`).
 */
export type TReasonSink<T> = { push(reason: T): unknown }

/** Staff decisions on earlier hits, by lawyer id then hit key. */
export type TConflictReviews = ReadonlyMap<string, ReadonlyMap<string, 'cleared' | 'confirmed'>>

export type TRankContext = {
  /** "On call now" and "days since the last offer" are read at this instant. */
  now: Date
}
