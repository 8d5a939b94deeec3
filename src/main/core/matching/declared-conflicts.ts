/**
 * Every lawyer's declared conflict names, prepared and indexed by blocking key once and kept in memory for as long
 * as the roster's conflicts stay the same (roster-generation.ts). Reading the 200,000 names of a 10,000-lawyer
 * roster, and preparing each candidate again, for every survivor ranked was most of a ranking. The vault keeps only
 * each lawyer's list of names (lawyer_conflict_lists); the blocking keys exist only here (docs/matching.md,
 * "Blocking"). Held per connection, so locking the vault lets it go.
 */
import type { TAdversePartyKind } from '../../../shared/cases/vocabulary'
import type { TReadableDb } from '../db/connection'
import { sql } from '../db/sql'
import { rosterGeneration } from '../roster/roster-generation'
import { ConflictNameIndex } from './conflict-name-index'
import type { TLawyerPartyName } from './types'

type TDeclaredRow = { lawyer_id: string; kind: string; name: string }

const indexes = new WeakMap<TReadableDb, { generation: string; index: ConflictNameIndex }>()

function* declaredNames(db: TReadableDb): Iterable<TLawyerPartyName> {
  // Each lawyer's list as stored (lawyer_conflict_lists), one name at a time, in the lawyer's order.
  for (const row of db.iterate<TDeclaredRow>(
    sql`SELECT list.lawyer_id, item.value->>'kind' AS kind, item.value->>'name' AS name
        FROM lawyer_conflict_lists AS list, json_each(list.conflicts) AS item ORDER BY list.rowid, item.key`,
  )) {
    yield {
      lawyerId: row.lawyer_id,
      source: 'declared',
      kind: row.kind as TAdversePartyKind,
      names: [row.name],
    }
  }
}

/** The declared conflicts as this connection sees them now, built again only after a change. */
export function declaredConflictIndex(db: TReadableDb): ConflictNameIndex {
  const generation = rosterGeneration(db)
  const known = indexes.get(db)
  if (known !== undefined && known.generation === generation) return known.index
  const index = new ConflictNameIndex(declaredNames(db))
  indexes.set(db, { generation, index })
  return index
}
