/**
 * The conflict check across a batch: the same candidates and the same scoring as one survivor's ranking
 * (`findConflicts` over the roster's name source), with each lawyer-side name prepared once for the whole batch
 * instead of once per survivor it meets. Preparing (normalizing, transliterating, phonetic keys) was about half of
 * each check, and the same declared names meet survivor after survivor.
 */
import { preparePerson, type PreparedPerson } from '../person-matching'
import type { TBlockingName, TCandidateName, TConflictNameSource } from './conflicts'

/** Names kept prepared at most (a few hundred bytes each); beyond it the cache starts again. */
const PREPARED_LIMIT = 100_000

export const preparedOnce = (source: TConflictNameSource): TConflictNameSource => {
  const prepared = new Map<string, PreparedPerson>()
  const preparedOf = (names: readonly string[]): PreparedPerson => {
    const key = names.join('\u0000')
    let person = prepared.get(key)
    if (person === undefined) {
      if (prepared.size >= PREPARED_LIMIT) prepared.clear()
      person = preparePerson({ names })
      prepared.set(key, person)
    }
    return person
  }
  return {
    *candidatesFor(names: readonly TBlockingName[]): Iterable<TCandidateName> {
      for (const candidate of source.candidatesFor(names)) {
        yield candidate.prepared === undefined
          ? { ...candidate, prepared: preparedOf(candidate.names) }
          : candidate
      }
    },
  }
}
