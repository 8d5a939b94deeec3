import { PROVINCES, type TProvince } from '../../../shared/cases/vocabulary'
import type { TOrganizationFields } from '../../../shared/roster/directory-schema'
import { foldForSearch } from '../../../shared/search-fold'
import type { TReadableDb, TWritableDb } from '../db/connection'
import { hasKey, hasWords, keyList } from '../db/key-list'
import { sql, sqlAnd, type TSql } from '../db/sql'
import type { TOrganizationRow } from './directory-rows'

/** What the organization list can be narrowed by (already validated and folded by the service). */
export type TOrganizationFilter = {
  words: readonly string[]
  province?: TProvince
  category?: string
  language?: string
  service?: string
  /** Verified before this date ('YYYY-MM-DD'), or never. */
  staleBefore?: string
  includeRetired: boolean
}

const searchTextOf = (fields: TOrganizationFields): string =>
  foldForSearch([fields.name, fields.services, fields.notes, fields.website].join(' '))

/** The province keys: every province and territory for a national organization, so one filter serves both. */
const provinceKeysOf = (fields: TOrganizationFields): string =>
  keyList(fields.national ? [...PROVINCES] : fields.provinces)

/** Reading the directory's organizations. */
export class OrganizationQueries {
  constructor(protected readonly db: TReadableDb) {}

  get(id: string): TOrganizationRow | undefined {
    return this.db.get<TOrganizationRow>(sql`SELECT * FROM organizations WHERE id = ${id}`)
  }

  list(filter: TOrganizationFilter): TOrganizationRow[] {
    const conditions: TSql[] = [hasWords(sql`search_text`, filter.words)]
    if (!filter.includeRetired) conditions.push(sql`retired_at IS NULL`)
    if (filter.province !== undefined) conditions.push(hasKey(sql`province_keys`, filter.province))
    if (filter.category !== undefined) conditions.push(sql`category = ${filter.category}`)
    if (filter.language !== undefined) conditions.push(hasKey(sql`language_keys`, filter.language))
    if (filter.service !== undefined) conditions.push(hasKey(sql`service_keys`, filter.service))
    if (filter.staleBefore !== undefined)
      conditions.push(sql`(last_verified_on = '' OR last_verified_on < ${filter.staleBefore})`)
    return this.db.all<TOrganizationRow>(
      sql`SELECT * FROM organizations WHERE ${sqlAnd(conditions)} ORDER BY name COLLATE NOCASE, id`,
    )
  }

  count(): number {
    return this.db.value<number>(sql`SELECT count(*) FROM organizations`) ?? 0
  }
}

/** Reading and writing organizations. */
export class OrganizationRepository extends OrganizationQueries {
  constructor(protected override readonly db: TWritableDb) {
    super(db)
  }

  insert(id: string, fields: TOrganizationFields, at: string): void {
    this.db.run(sql`
      INSERT INTO organizations (id, name, category, national, province_keys, service_keys, language_keys, services,
        website, phone, email, source, confidence, last_verified_on, notes, search_text, created_at, updated_at)
      VALUES (${id}, ${fields.name}, ${fields.category}, ${fields.national ? 1 : 0}, ${provinceKeysOf(fields)},
        ${keyList(fields.serviceKeys)}, ${keyList(fields.languages)}, ${fields.services}, ${fields.website},
        ${fields.phone}, ${fields.email}, ${fields.source}, ${fields.confidence}, ${fields.lastVerifiedOn},
        ${fields.notes}, ${searchTextOf(fields)}, ${at}, ${at})`)
  }

  /** False when there is no such organization. */
  update(id: string, fields: TOrganizationFields, at: string): boolean {
    return (
      this.db.run(sql`
        UPDATE organizations SET name = ${fields.name}, category = ${fields.category},
          national = ${fields.national ? 1 : 0}, province_keys = ${provinceKeysOf(fields)},
          service_keys = ${keyList(fields.serviceKeys)}, language_keys = ${keyList(fields.languages)},
          services = ${fields.services}, website = ${fields.website}, phone = ${fields.phone},
          email = ${fields.email}, source = ${fields.source}, confidence = ${fields.confidence},
          last_verified_on = ${fields.lastVerifiedOn}, notes = ${fields.notes},
          search_text = ${searchTextOf(fields)}, updated_at = ${at}
        WHERE id = ${id}`).changes === 1
    )
  }

  setRetired(id: string, retiredAt: string | null, at: string): boolean {
    return (
      this.db.run(
        sql`UPDATE organizations SET retired_at = ${retiredAt}, updated_at = ${at} WHERE id = ${id}`,
      ).changes === 1
    )
  }
}
