/**
 * Invented data for tests and the bench, never shipped with the app: deterministic for a given seed, with names
 * built from syllables of each naming tradition so they behave like names (scripts, transliterations, common and
 * rare) without being anyone's.
 */
export { seededRandom, type TRandom } from './random'
export { NAME_TRADITIONS, type TScript, type TTraditionName } from './names'
export {
  lawyerConsent,
  syntheticImportRows,
  syntheticIntake,
  syntheticPopulation,
  type TPopulation,
} from './intakes'
export {
  CASE_STATUS_WEIGHTS,
  syntheticCaseHistory,
  syntheticCaseload,
  type TCaseHistory,
  type TCaseloadCase,
} from './caseload'
export { partyKey } from './parties'
export { SYNTHETIC_AIRPORTS, syntheticLawyers, type TSyntheticLawyer } from './lawyers'
export {
  SYNTHETIC_ORGANIZATION_CATEGORIES,
  syntheticOrganizations,
  type TSyntheticOrganization,
} from './directory'
export {
  SYNTHETIC_REFERRAL_STATUSES,
  syntheticReferrals,
  type TSyntheticReferral,
  type TSyntheticReferralStatus,
} from './referrals'
export { syntheticRoster, syntheticSurvivors, type TSyntheticRoster } from './matching'
export { syntheticLawyerCsv, syntheticRosterLawyer, syntheticRosterLawyers } from './roster-lawyers'
