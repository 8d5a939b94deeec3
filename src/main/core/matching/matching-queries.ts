/**
 * What matching reads of the roster: every lawyer with their memberships in two statements (not three per lawyer),
 * and the declared conflict names sharing a blocking key with a survivor's names. The roster's repository writes
 * these tables and builds the keys (`unkeyedConflicts`, `storeConflictKeys`); this only reads them.
 */
import type { TAdversePartyKind } from '../../../shared/cases/vocabulary'
import type { TReadableDb } from '../db/connection'
import { sql } from '../db/sql'
import type { TConflictRow, TLawyerRow, TMembershipRow } from '../roster/lawyer-rows'
import {
  tokensRequired,
  type TBlockingName,
  type TCandidateName,
  type TConflictNameSource,
} from './conflicts'

export class MatchingQueries implements TConflictNameSource {
  constructor(private readonly db: TReadableDb) {}

  lawyers(): TLawyerRow[] {
    return this.db.all<TLawyerRow>(sql`SELECT * FROM lawyers ORDER BY id`)
  }

  memberships(): TMembershipRow[] {
    return this.db.all<TMembershipRow>(
      sql`SELECT lawyer_id, province, licence_number, status, verified_on FROM lawyer_memberships`,
    )
  }

  *candidatesFor(names: readonly TBlockingName[]): Iterable<TCandidateName> {
    const seen = new Set<number>()
    const rows: TConflictRow[] = this.db.all<TConflictRow>(
      sql`SELECT id, lawyer_id, kind, name FROM lawyer_conflicts WHERE kind <> 'person'`,
    )
    for (const name of names) {
      // (key, token) pairs; whole-name keys count as token -1, which meets the rule on its own.
      const wanted = [
        ...name.wholeKeys.map((key) => [key, -1]),
        ...name.tokenKeys.flatMap((keys, token) => keys.map((key) => [key, token])),
      ]
      rows.push(
        ...this.db.all<TConflictRow>(sql`
          SELECT id, lawyer_id, kind, name FROM lawyer_conflicts WHERE id IN (
            SELECT k.conflict_id
            FROM (SELECT json_extract(value, '$[0]') AS key, json_extract(value, '$[1]') AS token
                  FROM json_each(${JSON.stringify(wanted)})) AS w
            JOIN lawyer_conflict_keys k ON k.key = w.key
            GROUP BY k.conflict_id
            HAVING min(w.token) = -1 OR count(DISTINCT w.token) >= ${tokensRequired(name)})`),
      )
    }
    for (const row of rows) {
      if (seen.has(row.id)) continue
      seen.add(row.id)
      yield {
        lawyerId: row.lawyer_id,
        source: 'declared',
        kind: row.kind as TAdversePartyKind,
        names: [row.name],
      }
    }
  }
}
