/**
 * The second half of the case search: people whose names are spelled otherwise than typed (other vowels, doubled
 * letters, another transliteration or script). Candidates come from the index's sound-alike and skeleton codes;
 * person matching (`scoreSearch`, the duplicate check's own token comparison) decides which are results, and
 * orders them best first. Bounded: at most SIMILAR_POOL candidates are read and scored per search.
 */
import { intakeNames } from '../../../shared/cases/intake-schema'
import { isSearchMatch, preparePerson, scoreSearch } from '../person-matching'
import type { TProfile } from './case-records'
import type { CaseListQueries, TListFilters } from './case-list-queries'
import { buildSimilarNameQuery } from './case-search'
import { parse } from './case-views'
import { nameReason } from './search-reasons'
import type { TSearchReason } from '../../../shared/contract/cases'

/** Candidates scored per search: enough for a whole family name's spellings, cheap enough for the list's budget. */
export const SIMILAR_POOL = 150

export type TSimilarName = { rowid: number; name: string; score: number; reason: TSearchReason }

/** Cases the exact search (`exact`) missed whose names person matching calls a match for `search`, best first. */
export function findSimilarNames(
  queries: CaseListQueries,
  search: string,
  exact: string,
  filters: TListFilters,
  cutoff: string,
): TSimilarName[] {
  const similar = buildSimilarNameQuery(search)
  if (similar === null) return []
  const typed = preparePerson({ names: [search] })
  const memo = new Map()
  const found: TSimilarName[] = []
  for (const candidate of queries.similarNameCandidates(similar, exact, filters, cutoff, SIMILAR_POOL)) {
    const { person } = parse<TProfile>(candidate.profile)
    const match = scoreSearch(typed, preparePerson({ names: intakeNames(person) }), memo)
    if (!isSearchMatch(match)) continue
    const reason = nameReason(person, match.name, true)
    found.push({ rowid: candidate.rowid, name: match.name, score: match.score, reason })
  }
  return found.sort((left, right) => right.score - left.score || left.rowid - right.rowid)
}
