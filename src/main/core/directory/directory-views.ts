import type { TOrganization, TResource } from '../../../shared/contract/directory'
import type { TProvince } from '../../../shared/cases/vocabulary'
import type { TOrganizationFields, TResourceFields } from '../../../shared/roster/directory-schema'
import {
  STALE_AFTER_MONTHS,
  type TOrganizationCategory,
  type TOrganizationService,
  type TResourceJurisdiction,
  type TResourceKind,
  type TSourceConfidence,
} from '../../../shared/roster/vocabulary'
import { keysOf } from '../db/key-list'
import type { TOrganizationRow, TResourceRow } from './directory-rows'

/** The day before which a verification is stale ('YYYY-MM-DD'): STALE_AFTER_MONTHS before today. */
export function staleBefore(now: Date): string {
  const cutoff = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - STALE_AFTER_MONTHS, now.getUTCDate()),
  )
  return cutoff.toISOString().slice(0, 10)
}

const isStale = (lastVerifiedOn: string, cutoff: string): boolean =>
  lastVerifiedOn === '' || lastVerifiedOn < cutoff

export const toOrganizationFields = (row: TOrganizationRow): TOrganizationFields => ({
  name: row.name,
  category: row.category as TOrganizationCategory,
  national: row.national === 1,
  // A national organization's key column lists every province; its own list of provinces is empty.
  provinces: row.national === 1 ? [] : (keysOf(row.province_keys) as TProvince[]),
  services: row.services,
  serviceKeys: keysOf(row.service_keys) as TOrganizationService[],
  languages: keysOf(row.language_keys),
  website: row.website,
  phone: row.phone,
  email: row.email,
  source: row.source,
  confidence: row.confidence as TSourceConfidence | '',
  lastVerifiedOn: row.last_verified_on,
  notes: row.notes,
})

export const toOrganization = (row: TOrganizationRow, cutoff: string): TOrganization => ({
  ...toOrganizationFields(row),
  id: row.id,
  retiredAt: row.retired_at,
  isStale: isStale(row.last_verified_on, cutoff),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export const toResourceFields = (row: TResourceRow): TResourceFields => ({
  title: row.title,
  kind: row.kind as TResourceKind,
  link: row.link,
  jurisdiction: row.jurisdiction as TResourceJurisdiction,
  summary: row.summary,
  source: row.source,
  lastVerifiedOn: row.last_verified_on,
})

export const toResource = (row: TResourceRow, cutoff: string): TResource => ({
  ...toResourceFields(row),
  id: row.id,
  retiredAt: row.retired_at,
  isStale: isStale(row.last_verified_on, cutoff),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})
