import type { TResourceFields } from '../../../shared/roster/directory-schema'
import { foldForSearch } from '../../../shared/search-fold'
import type { TReadableDb, TWritableDb } from '../db/connection'
import { hasWords } from '../db/key-list'
import { sql, sqlAnd, type TSql } from '../db/sql'
import type { TResourceRow } from './directory-rows'

export type TResourceFilter = { words: readonly string[]; kind?: string; includeRetired: boolean }

const searchTextOf = (fields: TResourceFields): string =>
  foldForSearch([fields.title, fields.summary, fields.link].join(' '))

/** Reading the directory's background resources. */
export class ResourceQueries {
  constructor(protected readonly db: TReadableDb) {}

  get(id: string): TResourceRow | undefined {
    return this.db.get<TResourceRow>(sql`SELECT * FROM resources WHERE id = ${id}`)
  }

  list(filter: TResourceFilter): TResourceRow[] {
    const conditions: TSql[] = [hasWords(sql`search_text`, filter.words)]
    if (!filter.includeRetired) conditions.push(sql`retired_at IS NULL`)
    if (filter.kind !== undefined) conditions.push(sql`kind = ${filter.kind}`)
    return this.db.all<TResourceRow>(
      sql`SELECT * FROM resources WHERE ${sqlAnd(conditions)} ORDER BY title COLLATE NOCASE, id`,
    )
  }
}

/** Reading and writing resources. */
export class ResourceRepository extends ResourceQueries {
  constructor(protected override readonly db: TWritableDb) {
    super(db)
  }

  insert(id: string, fields: TResourceFields, at: string): void {
    this.db.run(sql`
      INSERT INTO resources (id, title, kind, link, jurisdiction, summary, source, last_verified_on, search_text,
        created_at, updated_at)
      VALUES (${id}, ${fields.title}, ${fields.kind}, ${fields.link}, ${fields.jurisdiction}, ${fields.summary},
        ${fields.source}, ${fields.lastVerifiedOn}, ${searchTextOf(fields)}, ${at}, ${at})`)
  }

  update(id: string, fields: TResourceFields, at: string): boolean {
    return (
      this.db.run(sql`
        UPDATE resources SET title = ${fields.title}, kind = ${fields.kind}, link = ${fields.link},
          jurisdiction = ${fields.jurisdiction}, summary = ${fields.summary}, source = ${fields.source},
          last_verified_on = ${fields.lastVerifiedOn}, search_text = ${searchTextOf(fields)}, updated_at = ${at}
        WHERE id = ${id}`).changes === 1
    )
  }

  setRetired(id: string, retiredAt: string | null, at: string): boolean {
    return (
      this.db.run(sql`UPDATE resources SET retired_at = ${retiredAt}, updated_at = ${at} WHERE id = ${id}`)
        .changes === 1
    )
  }
}
