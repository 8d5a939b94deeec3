/**
 * Invented data for tests and the bench, never shipped with the app: deterministic for a given seed, with names
 * built from syllables so they behave like names without being anyone's.
 */
export { seededRandom } from './random'
export { lawyerConsent, syntheticImportRows, syntheticIntake, syntheticNamePools } from './intakes'
export { syntheticLawyer, syntheticLawyers, syntheticLawyerCsv } from './lawyers'
