/**
 * Person matching: is this new intake someone we already know, however the name was written? Used by the
 * duplicate check on saving a survivor, and later by conflict checks against adverse parties.
 */
export type { MatchReason, Person, PersonMatch } from './types'
export { normalizeName, analyzeName, isParticleWord, type AnalyzedName } from './normalize'
export { toLatin } from './transliterate'
export { phoneticKeys, consonantSkeleton } from './phonetic'
export { preparePerson, type PreparedName, type PreparedPerson } from './prepare'
export { scorePersonMatch, scorePrepared, MATCH_THRESHOLDS, EVIDENCE_EFFECTS } from './score'
export { TOKEN_WEIGHTS } from './name-similarity'
export { buildSearchKeys, tokenSearchKeys, wholeNameSearchKeys } from './search-keys'
export { findCandidates, type Candidate, type CandidateOptions } from './candidates'
export {
  scoreSearch,
  isSearchMatch,
  prepareSearch,
  undoubledLatin,
  SEARCH_THRESHOLDS,
  type PreparedSearch,
  type SearchMatch,
} from './search-similarity'
export { storeNames, readStoredNames, STORED_NAMES_VERSION, type TaggedName } from './stored-names'
