import { buildSearchKeys } from '../person-matching'
import type { LawyerRepository } from './lawyer-repository'

/**
 * Builds the person-matching blocking keys of declared conflict names that have none yet, at most `limit` of them.
 * A lawyer saved from the form gets its keys at once (a few hundred names at most); a bulk import leaves them for
 * this catch-up (about 0.25 ms a name: 200,000 names would hold an import for close to a minute). Matching calls it
 * before a conflict check, in batches, until it returns 0. Returns how many names it keyed.
 */
export function buildPendingConflictKeys(lawyers: LawyerRepository, at: string, limit = 5_000): number {
  const pending = lawyers.unkeyedConflicts(limit)
  for (const conflict of pending)
    lawyers.storeConflictKeys(conflict.id, buildSearchKeys({ names: [conflict.name] }), at)
  return pending.length
}
