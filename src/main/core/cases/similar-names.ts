/**
 * The second half of the case search: people whose names are spelled otherwise than typed (other vowels, doubled
 * letters, another transliteration or script). Candidates come from the index's sound-alike and skeleton codes;
 * person matching (`scoreSearch`, the duplicate check's own token comparison) decides which are results, and
 * orders them best first. Bounded: at most SIMILAR_POOL candidates are read and scored per search. Their names are
 * read as prepared when each case was written (`case_names`), so scoring is comparing, not transliterating.
 */
import type { TSearchReason, TSearchReasonKind } from '../../../shared/contract/cases'
import {
  isSearchMatch,
  prepareSearch,
  scoreSearch,
  SEARCH_THRESHOLDS,
  type PreparedName,
} from '../person-matching'
import type { CaseListQueries, TExactHits, TListFilters } from './case-list-queries'
import { nameKindOf, preparedNamesOf, readCaseNames } from './case-names'
import { similarNameCodes } from './case-search'
import { reasonForName } from './search-reasons'

/** Candidates scored per search: enough for a whole family name's spellings, cheap enough for the list's budget. */
export const SIMILAR_POOL = 150

export type TSimilarName = { rowid: number; name: string; score: number; reason: TSearchReason }

type TCandidateNames = { names: PreparedName[]; kindOf: (name: string) => TSearchReasonKind }

/**
 * Each candidate's names: as stored, or prepared from its profile when the stored copy is missing or from another
 * version of the preparing (one read of those profiles for the whole pool).
 */
function namesOfCandidates(
  queries: CaseListQueries,
  candidates: readonly { rowid: number; names: string | null }[],
): Map<number, TCandidateNames> {
  const found = new Map<number, TCandidateNames>()
  const missing: number[] = []
  for (const candidate of candidates) {
    const stored = readCaseNames(candidate.names)
    if (stored === null) missing.push(candidate.rowid)
    else
      found.set(candidate.rowid, { names: stored.names, kindOf: (name) => stored.kinds.get(name) ?? 'name' })
  }
  for (const [rowid, person] of queries.namedPeopleOf(missing)) {
    found.set(rowid, { names: preparedNamesOf(person).names, kindOf: (name) => nameKindOf(person, name) })
  }
  return found
}

/**
 * Cases the exact search (`exact`: its FTS5 expression and how many it found) missed whose names person matching
 * calls a match for `search`, best first.
 */
export function findSimilarNames(
  queries: CaseListQueries,
  search: string,
  exact: TExactHits,
  filters: TListFilters,
  cutoff: string,
): TSimilarName[] {
  const codes = similarNameCodes(search)
  if (codes.length === 0) return []
  const typed = prepareSearch(search)
  const memo = new Map()
  const found: TSimilarName[] = []
  const candidates = queries.similarNameCandidates(codes, exact, filters, cutoff, SIMILAR_POOL)
  const namesByRowid = namesOfCandidates(queries, candidates)
  for (const { rowid } of candidates) {
    const candidate = namesByRowid.get(rowid)
    if (candidate === undefined) continue
    // Exact for every result (a score at least the match threshold); a candidate below it is left out whatever it scores.
    const match = scoreSearch(typed, candidate, memo, SEARCH_THRESHOLDS.match)
    if (!isSearchMatch(match)) continue
    const reason = reasonForName(candidate.kindOf(match.name), match.name, true)
    found.push({ rowid, name: match.name, score: match.score, reason })
  }
  return found.sort((left, right) => right.score - left.score || left.rowid - right.rowid)
}
