import type { TCaseListQuery } from '../../../../shared/contract/cases'
import {
  CASE_STATUSES,
  LEGAL_NEEDS,
  PROVINCES,
  URGENCIES,
  type TCaseStatus,
  type TLegalNeed,
  type TProvince,
  type TUrgency,
} from '../../../../shared/cases/vocabulary'

/** What the person asked the list for: the search box and the filters. Lives in the URL's search params. */
export type TCaseListFilters = {
  search: string
  statuses: TCaseStatus[]
  urgency: TUrgency | null
  province: TProvince | null
  language: string | null
  need: TLegalNeed | null
  /** An account id, or 'unassigned'. */
  assignee: string | null
}

export const UNASSIGNED = 'unassigned'

export const EMPTY_FILTERS: TCaseListFilters = {
  search: '',
  statuses: [],
  urgency: null,
  province: null,
  language: null,
  need: null,
  assignee: null,
}

/** URL parameter names: short, stable, and readable in a bug report (they never hold more than the query). */
const PARAM = {
  search: 'q',
  status: 'status',
  urgency: 'urgency',
  province: 'province',
  language: 'language',
  need: 'need',
  assignee: 'assignee',
} as const

const MAX_SEARCH = 200
const LANGUAGE_CODE = /^[a-z]{2,3}$/
const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null

/** Reads the filters from the URL; anything unknown or malformed is ignored rather than sent to main. */
export function filtersFromParams(params: URLSearchParams): TCaseListFilters {
  const statuses = new Set(
    params
      .getAll(PARAM.status)
      .flatMap((value) => value.split(','))
      .map((value) => oneOf(CASE_STATUSES, value))
      .filter((status): status is TCaseStatus => status !== null),
  )
  const language = params.get(PARAM.language)
  const assignee = params.get(PARAM.assignee)
  return {
    search: (params.get(PARAM.search) ?? '').slice(0, MAX_SEARCH),
    // Vocabulary order, so the same filters always make the same query (and the same cache key).
    statuses: CASE_STATUSES.filter((status) => statuses.has(status)),
    urgency: oneOf(URGENCIES, params.get(PARAM.urgency)),
    province: oneOf(PROVINCES, params.get(PARAM.province)),
    language: language !== null && LANGUAGE_CODE.test(language) ? language : null,
    need: oneOf(LEGAL_NEEDS, params.get(PARAM.need)),
    assignee: assignee !== null && ACCOUNT_ID.test(assignee) ? assignee : null,
  }
}

/** The filters as URL params, leaving out empty ones so a plain list has a plain URL. */
export function paramsFromFilters(filters: TCaseListFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.search.trim() !== '') params.set(PARAM.search, filters.search)
  if (filters.statuses.length > 0) params.set(PARAM.status, filters.statuses.join(','))
  if (filters.urgency !== null) params.set(PARAM.urgency, filters.urgency)
  if (filters.province !== null) params.set(PARAM.province, filters.province)
  if (filters.language !== null) params.set(PARAM.language, filters.language)
  if (filters.need !== null) params.set(PARAM.need, filters.need)
  if (filters.assignee !== null) params.set(PARAM.assignee, filters.assignee)
  return params
}

/** The filters as the contract's query, without the window (offset and limit are the page cache's business). */
export function queryFromFilters(filters: TCaseListFilters): Omit<TCaseListQuery, 'offset' | 'limit'> {
  const search = filters.search.trim()
  return {
    ...(search === '' ? {} : { search }),
    ...(filters.statuses.length === 0 ? {} : { statuses: filters.statuses }),
    ...(filters.urgency === null ? {} : { urgency: filters.urgency }),
    ...(filters.province === null ? {} : { province: filters.province }),
    ...(filters.language === null ? {} : { language: filters.language }),
    ...(filters.need === null ? {} : { need: filters.need }),
    ...(filters.assignee === null ? {} : { assignee: filters.assignee }),
  }
}

/** A stable key for one query: equal filters give equal keys, whatever order the URL had them in. */
export function queryKey(filters: TCaseListFilters): string {
  return JSON.stringify(queryFromFilters(filters))
}

/** True when anything narrows the list (the search box included). */
export function hasAnyFilter(filters: TCaseListFilters): boolean {
  return queryKey(filters) !== queryKey(EMPTY_FILTERS)
}
