import type { TWritableDb } from '../db/connection'
import { sql } from '../db/sql'

/** Column mappings remembered per vault, by import kind ('lawyers'), so the next file from the same form maps itself. */
export class ImportMappingRepository {
  constructor(private readonly db: TWritableDb) {}

  get(kind: string): unknown {
    const text = this.db.value<string>(sql`SELECT mapping FROM import_mappings WHERE kind = ${kind}`)
    return text === undefined ? undefined : (JSON.parse(text) as unknown)
  }

  save(kind: string, mapping: unknown, at: string): void {
    this.db.run(sql`
      INSERT INTO import_mappings (kind, mapping, updated_at) VALUES (${kind}, ${JSON.stringify(mapping)}, ${at})
      ON CONFLICT (kind) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`)
  }
}
