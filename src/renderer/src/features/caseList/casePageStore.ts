import type { TCaseListPage, TCaseListQuery, TCaseListRow } from '../../../../shared/contract/cases'

export type TFetchCasePage = (
  query: TCaseListQuery,
) => Promise<{ ok: true; value: TCaseListPage } | { ok: false; error: unknown }>

type TEntry = {
  query: Omit<TCaseListQuery, 'offset' | 'limit'>
  /** From the first answer; null until then. Later answers update it (a case may be added meanwhile). */
  total: number | null
  /** More cases match the search than `total` (the service counted up to its cap). */
  capped: boolean
  pages: Map<number, readonly TCaseListRow[]>
  /** Last use of each page, for evicting the ones furthest from what the person looks at. */
  lastUsed: Map<number, number>
  inFlight: Set<number>
  failed: boolean
}

export type TCasePageStoreOptions = {
  pageSize?: number
  /** How many queries keep their pages (the current one and a few before it, for going back). */
  maxQueries?: number
  /** Pages kept per query; at 100 rows a page, 30 pages are 3,000 rows. */
  maxPagesPerQuery?: number
}

/**
 * The case list's rows, fetched a page (window) at a time and cached per query. Screens read it through
 * useSyncExternalStore: `version` changes whenever a page arrives, a total changes or a request fails.
 * It lives as long as the list screen; locking reloads the page, so nothing outlives the session.
 */
export class CasePageStore {
  readonly pageSize: number
  private readonly maxQueries: number
  private readonly maxPagesPerQuery: number
  private readonly entries = new Map<string, TEntry>()
  private readonly listeners = new Set<() => void>()
  private version = 0
  private tick = 0

  constructor(
    private readonly fetchPage: TFetchCasePage,
    options: TCasePageStoreOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 100
    this.maxQueries = options.maxQueries ?? 4
    this.maxPagesPerQuery = options.maxPagesPerQuery ?? 30
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getVersion = (): number => this.version

  /** Rows matching the query, or null before its first answer. */
  total(key: string): number | null {
    return this.entries.get(key)?.total ?? null
  }

  /** Whether more cases match than `total(key)` says (a search counts up to SEARCH_COUNT_CAP). */
  isCapped(key: string): boolean {
    return this.entries.get(key)?.capped ?? false
  }

  hasFailed(key: string): boolean {
    return this.entries.get(key)?.failed ?? false
  }

  /** The row at an absolute index, or undefined while its page is loading. */
  row(key: string, index: number): TCaseListRow | undefined {
    const entry = this.entries.get(key)
    if (entry === undefined) return undefined
    return entry.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize]
  }

  /**
   * Makes sure the pages holding rows first..last (inclusive) are loaded or on their way. `query` starts a new
   * entry; null only continues one (a list scrolling through rows it already has a total for).
   */
  ensure(key: string, query: TEntry['query'] | null, first: number, last: number): void {
    let entry = this.entries.get(key)
    if (entry === undefined) {
      if (query === null) return
      entry = {
        query,
        total: null,
        capped: false,
        pages: new Map(),
        lastUsed: new Map(),
        inFlight: new Set(),
        failed: false,
      }
      this.entries.set(key, entry)
      this.evictQueries()
    } else {
      // Most recently used query last, so eviction drops the oldest.
      this.entries.delete(key)
      this.entries.set(key, entry)
    }
    const lastIndex = entry.total === null ? Math.max(first, 0) : Math.min(last, entry.total - 1)
    const firstPage = Math.floor(Math.max(first, 0) / this.pageSize)
    const lastPage = Math.floor(Math.max(lastIndex, 0) / this.pageSize)
    this.tick += 1
    for (let page = firstPage; page <= lastPage; page++) {
      entry.lastUsed.set(page, this.tick)
      // After a failure nothing more is asked until the person retries, so a broken vault is not hammered.
      if (!entry.failed && !entry.pages.has(page) && !entry.inFlight.has(page))
        void this.load(key, entry, page)
    }
    this.evictPages(entry)
  }

  /** After a failure: forget the failure and ask again for what is on screen. */
  retry(key: string): void {
    const entry = this.entries.get(key)
    if (entry === undefined) return
    entry.failed = false
    this.emit()
  }

  private async load(key: string, entry: TEntry, page: number): Promise<void> {
    entry.inFlight.add(page)
    let answer: Awaited<ReturnType<TFetchCasePage>>
    try {
      answer = await this.fetchPage({ ...entry.query, offset: page * this.pageSize, limit: this.pageSize })
    } catch (error) {
      answer = { ok: false, error }
    }
    entry.inFlight.delete(page)
    // An evicted query's answer is dropped: nobody is looking at it any more.
    if (this.entries.get(key) !== entry) return
    if (answer.ok) {
      entry.pages.set(page, answer.value.rows)
      entry.total = answer.value.total
      entry.capped = answer.value.totalCapped === true
      entry.failed = false
    } else {
      entry.failed = true
    }
    this.emit()
  }

  private evictQueries(): void {
    while (this.entries.size > this.maxQueries) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
  }

  private evictPages(entry: TEntry): void {
    if (entry.pages.size <= this.maxPagesPerQuery) return
    const byAge = [...entry.pages.keys()].sort(
      (left, right) => (entry.lastUsed.get(left) ?? 0) - (entry.lastUsed.get(right) ?? 0),
    )
    for (const page of byAge.slice(0, entry.pages.size - this.maxPagesPerQuery)) {
      entry.pages.delete(page)
      entry.lastUsed.delete(page)
    }
  }

  private emit(): void {
    this.version += 1
    for (const listener of this.listeners) listener()
  }
}
