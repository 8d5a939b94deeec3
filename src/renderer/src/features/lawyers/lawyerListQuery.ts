import type { TLawyerListQuery } from '../../../../shared/contract/lawyers'
import { LEGAL_NEEDS, PROVINCES, type TLegalNeed, type TProvince } from '../../../../shared/cases/vocabulary'
import { AIRPORTS, type TAirport } from '../../../../shared/roster/airports'
import { LAWYER_STATUSES, type TLawyerStatus } from '../../../../shared/roster/vocabulary'

/** What the person asked the roster for. Lives in the URL's search params, so a filtered list can be shared. */
export type TLawyerFilters = {
  search: string
  status: TLawyerStatus | null
  province: TProvince | null
  language: string | null
  practiceArea: TLegalNeed | null
  airport: TAirport | null
  onCallNow: boolean
  hasCapacity: boolean
}

export const EMPTY_LAWYER_FILTERS: TLawyerFilters = {
  search: '',
  status: null,
  province: null,
  language: null,
  practiceArea: null,
  airport: null,
  onCallNow: false,
  hasCapacity: false,
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null

/** Reads the filters from the URL; anything unknown is ignored rather than sent to main. */
export function lawyerFiltersFromParams(params: URLSearchParams): TLawyerFilters {
  const language = params.get('language')
  return {
    search: (params.get('q') ?? '').slice(0, 200),
    status: oneOf(LAWYER_STATUSES, params.get('status')),
    province: oneOf(PROVINCES, params.get('province')),
    language: language !== null && /^[a-z]{2,3}$/.test(language) ? language : null,
    practiceArea: oneOf(LEGAL_NEEDS, params.get('area')),
    airport: oneOf(AIRPORTS, params.get('airport')),
    onCallNow: params.get('oncall') === '1',
    hasCapacity: params.get('capacity') === '1',
  }
}

export function lawyerFiltersToParams(filters: TLawyerFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.search !== '') params.set('q', filters.search)
  if (filters.status !== null) params.set('status', filters.status)
  if (filters.province !== null) params.set('province', filters.province)
  if (filters.language !== null) params.set('language', filters.language)
  if (filters.practiceArea !== null) params.set('area', filters.practiceArea)
  if (filters.airport !== null) params.set('airport', filters.airport)
  if (filters.onCallNow) params.set('oncall', '1')
  if (filters.hasCapacity) params.set('capacity', '1')
  return params
}

export const toLawyerListQuery = (
  filters: TLawyerFilters,
  offset: number,
  limit: number,
): TLawyerListQuery => ({
  search: filters.search,
  ...(filters.status === null ? {} : { status: filters.status }),
  ...(filters.province === null ? {} : { province: filters.province }),
  ...(filters.language === null ? {} : { language: filters.language }),
  ...(filters.practiceArea === null ? {} : { practiceArea: filters.practiceArea }),
  ...(filters.airport === null ? {} : { airport: filters.airport }),
  onCallNow: filters.onCallNow,
  hasCapacity: filters.hasCapacity,
  offset,
  limit,
})
