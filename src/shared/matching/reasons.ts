/**
 * Why a lawyer ranks where they do, or why they are left out: a stable key with its parameters and the points it
 * added. The renderer words each key through its catalog (EN/FR); the CLI prints the English table in
 * `reason-text.ts`. Keys are stored in audit details and referral records: append, never rename.
 */
import type { TExperience, TLegalNeed } from '../cases/vocabulary'

/** Which side of a conflict a lawyer's name came from. */
export const CONFLICT_SOURCES = ['declared', 'referral_client', 'referral_opponent'] as const
export type TConflictSource = (typeof CONFLICT_SOURCES)[number]

/** Which of the survivor's names met it: their own names or one of their adverse parties. */
export const CONFLICT_SUBJECTS = ['survivor', 'adverse_party'] as const
export type TConflictSubjectRole = (typeof CONFLICT_SUBJECTS)[number]

/** The parameters of each soft factor. */
export type TScoreReasonParams = {
  /** Needs the lawyer practises, of all the survivor's needs. */
  'needs.covered': { needs: TLegalNeed[]; total: number }
  'needs.none': { total: number }
  'language.preferred': { language: string }
  'language.other': { language: string }
  'language.interpreter': { language: string }
  'location.city': { city: string }
  'location.province': { province: string }
  /** The jurisdiction that made the lawyer eligible (0 points: said so the ranking explains itself). */
  'licence.province': { province: string }
  'licence.canada': { provinces: string[] }
  'airport.covers': { airport: string }
  'airport.on_call_now': { airport: string }
  'urgent.free_places': { free: number; capacity: number }
  'load.places_free': { free: number; capacity: number }
  'experience.atrocity': { experiences: TExperience[] }
  'experience.country': { countries: string[] }
  'fairness.never_offered': Record<string, never>
  'fairness.last_offered': { days: number }
  'conflict.cleared': { survivorName: string; lawyerName: string; hitKey: string }
}

/** One name on the survivor's side that met one name on the lawyer's side. */
export type TConflictHit = {
  subject: TConflictSubjectRole
  survivorName: string
  source: TConflictSource
  lawyerName: string
  /** Person matching's score, 0..1, and its evidence keys (name.skeleton, name.phonetic…). */
  score: number
  evidence: string[]
  /** Identifies this pair of names for a conflict review. */
  hitKey: string
}

/** The parameters of each hard constraint that can leave a lawyer out. */
export type TExclusionReasonParams = {
  'excluded.paused': Record<string, never>
  'excluded.full': { capacity: number; active: number }
  'excluded.conflict': TConflictHit
  'excluded.conflict_confirmed': TConflictHit
  'excluded.licence_province': { need: TLegalNeed; province: string }
  'excluded.province_unknown': { need: TLegalNeed }
  'excluded.licence_canada': { need: TLegalNeed }
  'excluded.airport_not_covered': { need: TLegalNeed; airport: string }
  'excluded.airport_unknown': { need: TLegalNeed }
  /** The lawyer declined a referral of this case: re-matching looks further. */
  'excluded.declined': Record<string, never>
}

export type TScoreReasonKey = keyof TScoreReasonParams
export type TExclusionReasonKey = keyof TExclusionReasonParams

export type TScoreReason = {
  [K in TScoreReasonKey]: { key: K; points: number; params: TScoreReasonParams[K] }
}[TScoreReasonKey]

export type TExclusionReason = {
  [K in TExclusionReasonKey]: { key: K; params: TExclusionReasonParams[K] }
}[TExclusionReasonKey]
