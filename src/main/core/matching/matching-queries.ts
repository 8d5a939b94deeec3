/**
 * What matching reads of the roster: every lawyer with their memberships in two statements (not three per lawyer).
 * The declared conflict names are read by declared-conflicts.ts, which keeps them indexed in memory.
 */
import type { TReadableDb } from '../db/connection'
import { sql } from '../db/sql'
import type { TLawyerRow, TMembershipRow } from '../roster/lawyer-rows'

export class MatchingQueries {
  constructor(private readonly db: TReadableDb) {}

  lawyers(): TLawyerRow[] {
    return this.db.all<TLawyerRow>(sql`SELECT * FROM lawyers ORDER BY id`)
  }

  memberships(): TMembershipRow[] {
    return this.db.all<TMembershipRow>(
      sql`SELECT lawyer_id, province, licence_number, status, verified_on FROM lawyer_memberships`,
    )
  }
}
