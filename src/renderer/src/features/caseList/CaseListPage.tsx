import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useSearchParams } from 'react-router'
import type { TStaffRef } from '../../../../shared/contract/cases'
import { api } from '../../api'
import {
  announce,
  BusyIndicator,
  Button,
  EmptyState,
  IntakeIcon,
  LinkButton,
  Notice,
  PageHeader,
  SurvivorsIcon,
  TextField,
} from '../../ui'
import { DraftsList } from '../intake'
import { CaseFilters } from './CaseFilters'
import { CaseGrid, type TCaseGridHandle } from './CaseGrid'
import {
  EMPTY_FILTERS,
  filtersFromParams,
  hasAnyFilter,
  paramsFromFilters,
  queryFromFilters,
  queryKey,
  type TCaseListFilters,
} from './caseListQuery'
import { CasePageStore, type TFetchCasePage } from './casePageStore'
import { todayIso } from '../../lib/dates'
import { formatCount } from './caseRowText'
import { useDelayedFlag } from './useDelayedFlag'
import './CaseListPage.css'

/** Typing pauses this long before the list asks main again. */
const SEARCH_DEBOUNCE_MS = 150
/** Quick answers never show a loading state; slow ones do after this long. */
const LOADING_DELAY_MS = 400

const fetchCasePage: TFetchCasePage = (query) => api.cases.list(query)

/**
 * Survivors: every case, urgent ones first, in one virtualized list of up to 100,000 rows. One search box over
 * names (any spelling or script), references and notes; filters; the query lives in the URL, so Back and a
 * reload keep it.
 */
export function CaseListPage() {
  const { t, i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const filters = useMemo(() => filtersFromParams(params), [params])
  // Each change of query asks main afresh (cases change meanwhile), so the cache key carries a round number;
  // within one query the cache serves the windows of rows as the person scrolls back and forth.
  const baseKey = queryKey(filters)
  const [round, setRound] = useState({ baseKey, count: 0 })
  if (round.baseKey !== baseKey) setRound({ baseKey, count: round.count + 1 })
  const key = `${baseKey}#${round.baseKey === baseKey ? round.count : round.count + 1}`
  const query = useMemo(() => queryFromFilters(filters), [filters])
  // Why nothing matched: the search, the filters, or both (the answered query's, not the box's words).
  const hasSearch = filters.search.trim() !== ''
  const hasFilters = hasAnyFilter({ ...filters, search: '' })
  const noResults = hasSearch ? (hasFilters ? 'both' : 'search') : 'filters'

  const [store] = useState(() => new CasePageStore(fetchCasePage))
  const version = useSyncExternalStore(store.subscribe, store.getVersion)
  const [assignees, setAssignees] = useState<readonly TStaffRef[]>([])
  const countRef = useRef<HTMLParagraphElement>(null)
  const searchRef = useRef<HTMLInputElement>(null)

  const setFilters = useCallback(
    (next: TCaseListFilters) => setParams(paramsFromFilters(next), { replace: true }),
    [setParams],
  )

  // The search box answers at once; the URL (and the query) follow after a pause in typing. When the URL's
  // words change for another reason (Back, a link, Clear filters), the box shows them.
  const [searchText, setSearchText] = useState(filters.search)
  const [urlSearch, setUrlSearch] = useState(filters.search)
  const [writtenSearch, setWrittenSearch] = useState<string | null>(null)
  if (filters.search !== urlSearch) {
    setUrlSearch(filters.search)
    if (filters.search !== writtenSearch) setSearchText(filters.search)
  }
  const writeSearch = useCallback(
    (text: string) => {
      setWrittenSearch(text)
      setFilters({ ...filters, search: text })
    },
    [filters, setFilters],
  )
  useEffect(() => {
    if (searchText.trim() === filters.search.trim()) return
    const timer = window.setTimeout(() => writeSearch(searchText), SEARCH_DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [searchText, filters.search, writeSearch])

  // ArrowDown in the search box goes to the first result (the grid's own arrows take over from there); when the
  // words typed are not yet asked, the first row of their answer gets focus once it is shown.
  const gridRef = useRef<TCaseGridHandle>(null)
  const wantsFirstRow = useRef(false)
  const onSearchKeyDown = (event: KeyboardEvent) => {
    const isPending = searchText.trim() !== filters.search.trim()
    if (event.key === 'Enter' && isPending) writeSearch(searchText)
    if (event.key !== 'ArrowDown') return
    event.preventDefault()
    if (isPending) {
      wantsFirstRow.current = true
      writeSearch(searchText)
    } else {
      gridRef.current?.focusFirstRow()
    }
  }

  const clearFilters = () => {
    setSearchText('')
    setFilters(EMPTY_FILTERS)
    countRef.current?.focus()
  }

  useEffect(() => {
    let isCurrent = true
    api.cases
      .assignees({})
      .then((result) => {
        if (isCurrent && result.ok) setAssignees(result.value)
      })
      .catch(() => {
        // The caseworker filter then offers only "Unassigned"; the list itself still works.
      })
    return () => {
      isCurrent = false
    }
  }, [])

  // While a new query is on its way the previous rows stay (dimmed after a moment): no flash of emptiness.
  const currentTotal = store.total(key)
  const [shownKey, setShownKey] = useState<string | null>(null)
  if (currentTotal !== null && shownKey !== key) setShownKey(key)
  const displayKey = currentTotal !== null ? key : shownKey
  const displayTotal = displayKey === null ? null : store.total(displayKey)
  const isStale = displayKey !== key
  useEffect(() => {
    if (!wantsFirstRow.current || isStale || displayTotal === null) return
    wantsFirstRow.current = false
    gridRef.current?.focusFirstRow()
  }, [isStale, displayTotal, displayKey])

  // The first page of the current query; the grid asks for the rest as the person scrolls.
  useEffect(() => {
    store.ensure(key, query, 0, 0)
  }, [store, key, query, version])
  const hasFailed = store.hasFailed(key) || (displayKey !== null && store.hasFailed(displayKey))
  const showLoading = useDelayedFlag(displayTotal === null && !hasFailed, LOADING_DELAY_MS)

  // "1,234 cases", or "More than 1,000 cases" when a search's count stopped at its cap.
  const countText = useCallback(
    (total: number, isCapped: boolean) =>
      t(isCapped ? 'caseList.countCapped' : 'caseList.count', {
        count: total,
        formatted: formatCount(total, i18n.language),
      }),
    [t, i18n.language],
  )

  // "1,234 cases", said politely when a search or filter change brings new results (not on arrival).
  const announcedKey = useRef<string | null>(null)
  useEffect(() => {
    if (currentTotal === null || announcedKey.current === key) return
    const isFirst = announcedKey.current === null
    announcedKey.current = key
    if (!isFirst) {
      announce(
        currentTotal === 0
          ? t(`caseList.noResults.${noResults}.title`)
          : countText(currentTotal, store.isCapped(key)),
      )
    }
  }, [key, currentTotal, noResults, countText, store, t])

  const firstRowsMarked = useRef(false)
  const onFirstRows = useCallback(() => {
    if (firstRowsMarked.current) return
    firstRowsMarked.current = true
    performance.mark('caseList:firstRows')
  }, [])

  const today = todayIso()
  const isFiltered = hasAnyFilter(filters)
  const isEmptyVault = displayTotal === 0 && !isStale && !isFiltered && searchText.trim() === ''

  return (
    <div className="case-list">
      <PageHeader
        title={t('caseList.title')}
        description={t('caseList.lede')}
        actions={
          <LinkButton variant="primary" href="/survivors/new">
            {t('caseList.newIntake')}
          </LinkButton>
        }
      />
      {/* The signed-in person's unfinished intakes (nothing when there are none). */}
      <DraftsList headingLevel={2} />
      {isEmptyVault ? (
        <EmptyState
          icon={<IntakeIcon size={28} />}
          title={t('caseList.empty.title')}
          body={t('caseList.empty.body')}
          action={
            <LinkButton variant="primary" href="/survivors/new">
              {t('caseList.newIntake')}
            </LinkButton>
          }
        />
      ) : (
        <>
          <div role="search" className="case-list__controls" aria-label={t('caseList.search.region')}>
            <TextField
              type="search"
              label={t('caseList.search.label')}
              description={t('caseList.search.description')}
              value={searchText}
              onChange={setSearchText}
              onKeyDown={onSearchKeyDown}
              inputRef={searchRef}
              autoComplete="off"
              className="case-list__search"
            />
            <CaseFilters filters={filters} onChange={setFilters} assignees={assignees} />
          </div>
          <div className="case-list__summary">
            <p className="case-list__count" ref={countRef} tabIndex={-1} id="case-list-count">
              {displayTotal === null
                ? ''
                : countText(displayTotal, displayKey !== null && store.isCapped(displayKey))}
              {isStale && displayTotal !== null ? (
                <span className="case-list__updating"> {t('caseList.updating')}</span>
              ) : null}
            </p>
            <Button
              variant="quiet"
              isDisabled={!isFiltered && searchText.trim() === ''}
              onPress={clearFilters}
              className="case-list__clear"
            >
              {t('caseList.filters.clear')}
            </Button>
            {displayTotal !== null && displayTotal > 0 ? (
              <p id="case-list-grid-hint" className="case-list__hint">
                {t('caseList.gridHint')}
              </p>
            ) : null}
          </div>
          {hasFailed ? (
            <Notice tone="danger" live="alert">
              <p>{t('caseList.failed')}</p>
              <Button
                onPress={() => {
                  store.retry(key)
                  if (displayKey !== null && displayKey !== key) store.retry(displayKey)
                }}
              >
                {t('caseList.retry')}
              </Button>
            </Notice>
          ) : null}
          {displayTotal === null && showLoading && !hasFailed ? (
            <div className="case-list__loading">
              <BusyIndicator label={t('caseList.loading')} />
            </div>
          ) : null}
          {displayKey !== null && displayTotal === 0 && !isStale ? (
            <EmptyState
              icon={<SurvivorsIcon size={28} />}
              title={t(`caseList.noResults.${noResults}.title`)}
              body={t(`caseList.noResults.${noResults}.body`)}
              action={
                <Button onPress={clearFilters}>
                  {noResults === 'search' ? t('caseList.filters.clearSearch') : t('caseList.filters.clear')}
                </Button>
              }
            />
          ) : null}
          {displayKey !== null && displayTotal !== null && displayTotal > 0 ? (
            <CaseGrid
              key={displayKey}
              store={store}
              rowsKey={displayKey}
              total={displayTotal}
              version={version}
              isStale={isStale}
              placeKey={`${location.key}|${baseKey}`}
              labelledBy="case-list-count"
              describedBy="case-list-grid-hint"
              today={today}
              onFirstRows={onFirstRows}
              handleRef={gridRef}
            />
          ) : null}
        </>
      )}
    </div>
  )
}
