/**
 * Matching survivors to lawyers: hard constraints, soft factors with their reasons, the cross-script conflict
 * check, and the proven-optimal batch assignment. Pure rules over plain profiles; docs/matching.md explains them.
 */
export type {
  TConflictReviews,
  TLawyerPartyName,
  TLawyerProfile,
  TRankContext,
  TSurvivorParty,
  TSurvivorProfile,
} from './types'
export { MATCH_WEIGHTS, CONFLICT_MIN_SCORE } from './weights'
export { checkEligibility, coversAirport, JURISDICTION_RULES, placesFree } from './eligibility'
export { softFactors } from './soft-factors'
export { ConflictNameIndex } from './conflict-name-index'
export {
  conflictHitKey,
  findConflicts,
  type TCandidateName,
  type TConflictFindings,
  type TConflictNameSource,
} from './conflicts'
export {
  prepareRoster,
  rankLawyers,
  rankWithConflicts,
  type TExcludedLawyer,
  type TRankedLawyer,
  type TRanking,
} from './rank'
export {
  assignBatch,
  type TBatchInput,
  type TBatchOption,
  type TBatchResult,
  type TBatchSurvivor,
} from './batch-assignment'
export {
  rankOrganizations,
  NEED_SERVED_BY,
  type TExcludedOrganization,
  type TOrganizationProfile,
  type TOrganizationRanking,
  type TRankedOrganization,
} from './organization-ranking'
export { ORGANIZATION_WEIGHTS } from './weights'
export { batchRosterOf, scoreSurvivor, type TBatchRoster, type TSurvivorScores } from './batch-scores'
