import type { TWritableDb } from '../db/connection'
import { sql } from '../db/sql'
import type { TDraftRow } from './case-rows'

/** Unfinished intakes, each visible only to the staff member who started it. */
export class DraftRepository {
  constructor(private readonly db: TWritableDb) {}

  draftsOf(accountId: string): Omit<TDraftRow, 'data'>[] {
    return this.db.all<Omit<TDraftRow, 'data'>>(
      sql`SELECT id, account_id, step, display_name, created_at, updated_at FROM intake_drafts
          WHERE account_id = ${accountId} ORDER BY updated_at DESC`,
    )
  }

  findDraft(accountId: string, id: string): TDraftRow | null {
    return (
      this.db.get<TDraftRow>(
        sql`SELECT * FROM intake_drafts WHERE account_id = ${accountId} AND id = ${id}`,
      ) ?? null
    )
  }

  /** Insert or update; a draft of another account with the same id is never touched. */
  upsertDraft(row: TDraftRow): void {
    this.db.run(
      sql`INSERT INTO intake_drafts (id, account_id, step, display_name, data, created_at, updated_at)
          VALUES (${row.id}, ${row.account_id}, ${row.step}, ${row.display_name}, ${row.data}, ${row.created_at},
            ${row.updated_at})
          ON CONFLICT (id) DO UPDATE SET step = excluded.step, display_name = excluded.display_name,
            data = excluded.data, updated_at = excluded.updated_at
          WHERE intake_drafts.account_id = excluded.account_id`,
    )
  }

  deleteDraft(accountId: string, id: string): boolean {
    return (
      this.db.run(sql`DELETE FROM intake_drafts WHERE account_id = ${accountId} AND id = ${id}`).changes > 0
    )
  }
}
