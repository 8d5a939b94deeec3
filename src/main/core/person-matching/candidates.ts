/** In-memory duplicate search: score one person against a list and keep the best. */
import type { TokenMemo } from './name-similarity'
import { preparePerson, type PreparedPerson } from './prepare'
import { scorePrepared } from './score'
import type { Person, PersonMatch } from './types'

export type CandidateOptions = {
  /** At most this many candidates, best first (default 10). */
  limit?: number
  /** Leave out candidates scoring below this (default 0.5). */
  minScore?: number
}

export type Candidate = {
  /** Position in the list that was searched. */
  index: number
  person: Person
  match: PersonMatch
}

export const DEFAULT_CANDIDATE_OPTIONS = { limit: 10, minScore: 0.5 } as const

/**
 * The people most likely to be the same as `person`, best first. Pass prepared people (preparePerson)
 * when searching the same list repeatedly: preparing is most of the cost.
 */
export const findCandidates = (
  person: Person | PreparedPerson,
  people: ReadonlyArray<Person | PreparedPerson>,
  options: CandidateOptions = {},
): Candidate[] => {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_CANDIDATE_OPTIONS.limit))
  const minScore = options.minScore ?? DEFAULT_CANDIDATE_OPTIONS.minScore
  if (limit === 0) return []
  const query = preparePerson(person)
  const memo: TokenMemo = new Map()
  const kept: Candidate[] = []
  let floor = minScore
  for (let index = 0; index < people.length; index++) {
    const other = people[index]
    if (other === undefined) continue
    const prepared = preparePerson(other)
    const match = scorePrepared(query, prepared, memo)
    if (match.score < floor) continue
    kept.push({ index, person: prepared.source, match })
    if (kept.length > limit * 4) {
      // Keep the list short so a large caseload costs memory for the best few only.
      kept.sort((left, right) => right.match.score - left.match.score)
      kept.length = limit
      floor = Math.max(floor, kept[kept.length - 1]?.match.score ?? floor)
    }
  }
  kept.sort((left, right) => right.match.score - left.match.score || left.index - right.index)
  return kept.slice(0, limit)
}
