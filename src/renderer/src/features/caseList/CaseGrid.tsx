import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { TCaseListRow } from '../../../../shared/contract/cases'
import { languageName } from '../../../../shared/cases/codes'
import { Badge } from '../../ui'
import type { CasePageStore } from './casePageStore'
import { formatListDate, urgencyReasons, type TUrgencyReason } from './caseRowText'
import { WhyMatched } from './WhyMatched'

/** Fixed heights keep the arithmetic exact at 100,000 rows: no measuring, no jumps while scrolling. */
export const ROW_HEIGHT = 48
const HEADER_HEIGHT = 40
const OVERSCAN = 8

const STATUS_TONES = {
  new: 'indigo',
  screening: 'neutral',
  awaiting_match: 'neutral',
  referred: 'accent',
  active: 'accent',
  closed: 'neutral',
} as const

/** Where each list kept its place, so Back from a case returns to the same rows (memory only). */
const savedPlaces = new Map<string, { offset: number; activeIndex: number }>()
const MAX_SAVED_PLACES = 20

export const casePath = (caseId: string): string => `/survivors/${encodeURIComponent(caseId)}`

export type TCaseGridProps = {
  store: CasePageStore
  /** The cache key of the rows shown (the query they answer). */
  rowsKey: string
  total: number
  /** The store's version, so the grid re-renders when pages arrive. */
  version: number
  /** A newer query is on its way: these rows are about to be replaced. */
  isStale: boolean
  /** Where to remember the scroll position (history entry and query), so Back restores it. */
  placeKey: string
  labelledBy: string
  describedBy: string
  today: string
  onFirstRows?: () => void
  /** What the page around the grid may ask of it (ArrowDown in the search box focuses the first row). */
  handleRef?: Ref<TCaseGridHandle>
}

export type TCaseGridHandle = { focusFirstRow: () => void }

/**
 * The case list as an ARIA grid of rows, virtualized: only the rows in view (plus a few) are in the DOM, and
 * aria-rowcount / aria-rowindex tell assistive tech where they sit among all of them. One row is in the Tab
 * order (roving tabindex); arrows, Page Up/Down and Home/End move between rows, Enter opens the case.
 */
export function CaseGrid({
  store,
  rowsKey,
  total,
  version,
  isStale,
  placeKey,
  labelledBy,
  describedBy,
  today,
  onFirstRows,
  handleRef,
}: TCaseGridProps) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const scrollRef = useRef<HTMLDivElement>(null)
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const savedKey = placeKey
  const [activeIndex, setActiveIndex] = useState(() =>
    Math.min(savedPlaces.get(savedKey)?.activeIndex ?? 0, Math.max(total - 1, 0)),
  )
  const pendingFocus = useRef<number | null>(null)
  const activeIndexRef = useRef(activeIndex)
  useEffect(() => {
    activeIndexRef.current = activeIndex
  }, [activeIndex])

  // The focused row stays rendered even when scrolled out of view, so focus is never dropped and Tab
  // returns to the row the person left.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (activeIndex < range.count && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex)
        indexes.sort((left, right) => left - right)
      }
      return indexes
    },
    [activeIndex],
  )

  // The app is not built with the React Compiler; the grid re-renders on every scroll step by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    paddingStart: HEADER_HEIGHT,
    initialOffset: () => savedPlaces.get(savedKey)?.offset ?? 0,
    rangeExtractor,
  })

  const items = virtualizer.getVirtualItems()
  const range = virtualizer.range
  const firstWanted = range === null ? 0 : Math.max(range.startIndex - OVERSCAN, 0)
  const lastWanted = range === null ? 0 : range.endIndex + OVERSCAN

  useEffect(() => {
    store.ensure(rowsKey, null, firstWanted, lastWanted)
    if (activeIndex < firstWanted || activeIndex > lastWanted) {
      store.ensure(rowsKey, null, activeIndex, activeIndex)
    }
  }, [store, rowsKey, firstWanted, lastWanted, activeIndex, version])

  const hasRows = items.some((item) => store.row(rowsKey, item.index) !== undefined)
  useEffect(() => {
    if (hasRows) onFirstRows?.()
  }, [hasRows, onFirstRows])

  // Remember the place when leaving (opening a case, changing the query), for Back.
  useEffect(() => {
    const scrollElement = scrollRef.current
    return () => {
      savedPlaces.delete(savedKey)
      savedPlaces.set(savedKey, {
        offset: scrollElement?.scrollTop ?? 0,
        activeIndex: activeIndexRef.current,
      })
      while (savedPlaces.size > MAX_SAVED_PLACES) {
        const oldest = savedPlaces.keys().next().value
        if (oldest === undefined) break
        savedPlaces.delete(oldest)
      }
    }
  }, [savedKey])

  // Keyboard moves: focus the row once it is rendered (it always is: see rangeExtractor).
  useLayoutEffect(() => {
    const index = pendingFocus.current
    if (index === null) return
    const row = bodyRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)
    if (row) {
      row.focus({ preventScroll: true })
      // 'nearest' in the grid and in the page alike; the grid's scroll-padding keeps it clear of the sticky header.
      row.scrollIntoView({ block: 'nearest' })
      pendingFocus.current = null
    }
  })

  // Counts focus requests, so asking for the row already active still renders (and so focuses) it.
  const [, setFocusRequests] = useState(0)
  const moveTo = (index: number) => {
    if (total === 0) return
    const next = Math.min(Math.max(index, 0), total - 1)
    pendingFocus.current = next
    setActiveIndex(next)
    setFocusRequests((count) => count + 1)
  }

  useImperativeHandle(handleRef, () => ({
    focusFirstRow: () => {
      virtualizer.scrollToOffset(0)
      moveTo(0)
    },
  }))

  const open = (row: TCaseListRow | undefined) => {
    if (row !== undefined) void navigate(casePath(row.id))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement
    const index = Number(target.dataset['index'])
    if (target.getAttribute('role') !== 'row' || Number.isNaN(index)) return
    // One screenful less one row, so the row focused last stays in view as context.
    const viewport = scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10
    const rowsPerPage = Math.max(1, Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT) - 1)
    const moves: Record<string, number | undefined> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + rowsPerPage,
      PageUp: index - rowsPerPage,
      Home: 0,
      End: total - 1,
    }
    const destination = moves[event.key]
    if (destination !== undefined) {
      event.preventDefault()
      moveTo(destination)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      open(store.row(rowsKey, index))
    }
  }

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, row: TCaseListRow | undefined) => {
    // The name is a real link; let it navigate on its own.
    if ((event.target as HTMLElement).closest('a') !== null) return
    open(row)
  }

  const tabbableIndex = Math.min(activeIndex, Math.max(total - 1, 0))

  return (
    <div
      ref={scrollRef}
      className={isStale ? 'case-grid__scroll case-grid__scroll--stale' : 'case-grid__scroll'}
    >
      <table
        role="grid"
        aria-readonly="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-rowcount={total + 1}
        aria-colcount={COLUMN_COUNT}
        aria-busy={isStale || undefined}
        className="case-grid"
        style={{ height: `${virtualizer.getTotalSize()}px` }}
      >
        <thead role="rowgroup" className="case-grid__head">
          <tr role="row" aria-rowindex={1} className="case-grid__row case-grid__row--head">
            {COLUMNS.map((column) => {
              // The province column's header is short; its full name is said, and shown on hover.
              const fullName = column === 'province' ? t('caseList.filters.province') : undefined
              return (
                <th
                  key={column}
                  role="columnheader"
                  scope="col"
                  {...(fullName === undefined ? {} : { 'aria-label': fullName, title: fullName })}
                >
                  {t(`caseList.columns.${column}`)}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody role="rowgroup" ref={bodyRef} onKeyDown={onKeyDown} className="case-grid__body">
          {items.map((item) => {
            const row = store.row(rowsKey, item.index)
            return (
              <tr
                key={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                tabIndex={item.index === tabbableIndex ? 0 : -1}
                className={row?.urgent ? 'case-grid__row case-grid__row--urgent' : 'case-grid__row'}
                style={{ transform: `translateY(${item.start}px)` }}
                onFocus={(event) => {
                  if (event.target === event.currentTarget) setActiveIndex(item.index)
                }}
                onClick={(event) => onRowClick(event, row)}
              >
                {row === undefined ? (
                  <LoadingCells label={t('caseList.loadingRow')} />
                ) : (
                  <CaseCells row={row} language={i18n.language} today={today} />
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The grid's columns, in order; each header reads `caseList.columns.<column>`. */
const COLUMNS = [
  'reference',
  'name',
  'status',
  'urgency',
  'province',
  'language',
  'needs',
  'assignee',
  'updated',
] as const
const COLUMN_COUNT = COLUMNS.length

function LoadingCells({ label }: { label: string }) {
  return (
    <>
      <td role="gridcell" className="case-grid__cell">
        <span className="visually-hidden">{label}</span>
        <span className="case-grid__skeleton" aria-hidden="true" />
      </td>
      {Array.from({ length: COLUMN_COUNT - 1 }, (_, column) => (
        <td role="gridcell" key={column} className="case-grid__cell">
          <span className="case-grid__skeleton" aria-hidden="true" />
        </td>
      ))}
    </>
  )
}

function CaseCells({ row, language, today }: { row: TCaseListRow; language: string; today: string }) {
  const { t } = useTranslation()
  const needs = row.needs.map((need) => t(`vocab.legalNeed.${need}`))
  const notRecorded = (
    <>
      <span aria-hidden="true" className="case-grid__muted">
        —
      </span>
      <span className="visually-hidden">{t('caseList.notRecorded')}</span>
    </>
  )
  return (
    <>
      <td role="gridcell" className="case-grid__cell case-grid__reference">
        {row.reference}
      </td>
      <th
        role="rowheader"
        scope="row"
        className={`case-grid__cell case-grid__name${row.whyMatched.length > 0 ? ' case-grid__name--found' : ''}`}
      >
        <Link
          to={casePath(row.id)}
          tabIndex={-1}
          className="case-grid__link"
          draggable={false}
          title={row.displayName}
        >
          {row.displayName}
        </Link>
        <WhyMatched reasons={row.whyMatched} displayName={row.displayName} />
      </th>
      <td role="gridcell" className="case-grid__cell case-grid__status">
        <Badge tone={STATUS_TONES[row.status]}>{t(`vocab.status.${row.status}`)}</Badge>
      </td>
      <td role="gridcell" className="case-grid__cell">
        <Urgency reasons={urgencyReasons(row, today)} />
      </td>
      <td role="gridcell" className="case-grid__cell">
        {row.province === '' ? (
          notRecorded
        ) : (
          <>
            <span aria-hidden="true" title={t(`vocab.province.${row.province}`, row.province)}>
              {row.province}
            </span>
            <span className="visually-hidden">{t(`vocab.province.${row.province}`, row.province)}</span>
          </>
        )}
      </td>
      <td role="gridcell" className="case-grid__cell">
        {row.preferredLanguage === '' ? (
          notRecorded
        ) : (
          <span className="case-grid__wrap" title={languageName(row.preferredLanguage, language)}>
            {languageName(row.preferredLanguage, language)}
          </span>
        )}
      </td>
      <td role="gridcell" className="case-grid__cell">
        {needs.length === 0 ? (
          notRecorded
        ) : (
          <>
            <span aria-hidden="true" title={needs.join(', ')} className="case-grid__needs">
              <span className="case-grid__ellipsis">{needs[0]}</span>
              {needs.length > 1 ? <span className="case-grid__more">+{needs.length - 1}</span> : null}
            </span>
            <span className="visually-hidden">{needs.join(', ')}</span>
          </>
        )}
      </td>
      <td role="gridcell" className="case-grid__cell">
        {row.assignee === null ? (
          <span className="case-grid__muted">{t('caseList.unassigned')}</span>
        ) : (
          <span className="case-grid__wrap" title={row.assignee.displayName}>
            {row.assignee.displayName}
          </span>
        )}
      </td>
      <td role="gridcell" className="case-grid__cell case-grid__date">
        {formatListDate(row.updatedAt, language)}
      </td>
    </>
  )
}

function Urgency({ reasons }: { reasons: TUrgencyReason[] }) {
  const { t } = useTranslation()
  if (reasons.length === 0) {
    return (
      <>
        <span aria-hidden="true" className="case-grid__muted">
          —
        </span>
        <span className="visually-hidden">{t('caseList.urgency.none')}</span>
      </>
    )
  }
  const texts = reasons.map((reason) =>
    reason.kind === 'removal'
      ? reason.days < 0
        ? t('caseList.urgency.removalPassed')
        : reason.days === 0
          ? t('caseList.urgency.removalToday')
          : t('caseList.urgency.removalInDays', { count: reason.days })
      : t(`caseList.urgency.${reason.kind}`),
  )
  return (
    <span className="case-grid__urgent" title={texts.join(' · ')}>
      <svg
        width="14"
        height="14"
        viewBox="0 0 24 24"
        aria-hidden="true"
        focusable="false"
        className="case-grid__urgent-icon"
      >
        <path d="M12 3 2 21h20L12 3Z" fill="currentColor" />
        <path d="M12 10v5M12 18h.01" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span className="case-grid__ellipsis">{texts.join(' · ')}</span>
    </span>
  )
}
