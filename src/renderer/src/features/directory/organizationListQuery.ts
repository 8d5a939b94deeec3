import type { TOrganizationQuery } from '../../../../shared/contract/directory'
import { PROVINCES, type TProvince } from '../../../../shared/cases/vocabulary'
import {
  ORGANIZATION_CATEGORIES,
  ORGANIZATION_SERVICES,
  type TOrganizationCategory,
  type TOrganizationService,
} from '../../../../shared/roster/vocabulary'

/** What the person asked the directory for. Lives in the URL's search params, so a filtered list can be shared. */
export type TOrganizationFilters = {
  search: string
  province: TProvince | null
  category: TOrganizationCategory | null
  language: string | null
  service: TOrganizationService | null
  staleOnly: boolean
  includeRetired: boolean
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null

/** Reads the filters from the URL; anything unknown is ignored rather than sent to main. */
export function organizationFiltersFromParams(params: URLSearchParams): TOrganizationFilters {
  const language = params.get('language')
  return {
    search: (params.get('q') ?? '').slice(0, 200),
    province: oneOf(PROVINCES, params.get('province')),
    category: oneOf(ORGANIZATION_CATEGORIES, params.get('category')),
    language: language !== null && /^[a-z]{2,3}$/.test(language) ? language : null,
    service: oneOf(ORGANIZATION_SERVICES, params.get('service')),
    staleOnly: params.get('stale') === '1',
    includeRetired: params.get('retired') === '1',
  }
}

export function organizationFiltersToParams(filters: TOrganizationFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.search !== '') params.set('q', filters.search)
  if (filters.province !== null) params.set('province', filters.province)
  if (filters.category !== null) params.set('category', filters.category)
  if (filters.language !== null) params.set('language', filters.language)
  if (filters.service !== null) params.set('service', filters.service)
  if (filters.staleOnly) params.set('stale', '1')
  if (filters.includeRetired) params.set('retired', '1')
  return params
}

export const toOrganizationQuery = (filters: TOrganizationFilters): TOrganizationQuery => ({
  search: filters.search,
  ...(filters.province === null ? {} : { province: filters.province }),
  ...(filters.category === null ? {} : { category: filters.category }),
  ...(filters.language === null ? {} : { language: filters.language }),
  ...(filters.service === null ? {} : { service: filters.service }),
  staleOnly: filters.staleOnly,
  includeRetired: filters.includeRetired,
})
