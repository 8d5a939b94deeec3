/**
 * The case list, search and the duplicate check, through the services every host calls (validation, query,
 * mapping: everything main does for `cases:list` but the IPC hop), on the encrypted vault. Every first page follows
 * a write (a draft saved and discarded), which throws away every count the list caches; the case counts of the
 * session's count table stay (case-counts.ts). The notes add the same page right after, as the next pages of a
 * scrolling list are, and the slowest filter.
 */
import type { TBenchModule } from './module'
import { median, ms, percentile, Series } from './support/measure'
import { duplicateChecksFrom, forgetCounts, listFilters, searchesFrom } from './support/workloads'

/** Calls left out before each series: the first of each kind compiles code and fills caches. */
const WARM_UP = 2

export const caseListBench: TBenchModule = {
  name: 'case list',
  figures: [
    'list_p50_ms',
    'list_p95_ms',
    'filter_first_page_p95_ms',
    'search_p50_ms',
    'search_p95_ms',
    'duplicate_check_p95_ms',
  ],
  async run(bench) {
    const { caseload, scale } = bench
    const { services } = caseload.vault
    const { caseList, intake } = services
    const firstPage = { offset: 0, limit: 100 }

    for (let run = 0; run < WARM_UP; run++) caseList.list(firstPage)
    const list = new Series()
    const cached = new Series()
    for (let run = 0; run < scale.runs.list; run++) {
      forgetCounts(services)
      const { total } = list.time(() => caseList.list(firstPage))
      if (total !== caseload.count) throw new Error(`the list counts ${total} cases, not ${caseload.count}`)
      cached.time(() => caseList.list(firstPage))
    }
    bench.note(
      'list_p95_ms',
      `${list.wall.length} first pages of 100 rows, urgent first, each after a write (${list.cpuSummary()}); the same page again at once: p50 ${ms(median(cached.wall))} ms, p95 ${ms(percentile(cached.wall, 0.95))} ms (${cached.cpuSummary()})`,
    )

    const filters = listFilters(caseload.vault.caseworkerIds[0])
    const filtered = new Series()
    const byFilter = new Map<string, number[]>()
    for (let round = 0; round < scale.runs.filterRounds; round++) {
      for (const filter of filters) {
        forgetCounts(services)
        filtered.time(() => caseList.list({ ...filter, ...firstPage }))
        const name = Object.keys(filter).join(' and ')
        byFilter.set(name, [...(byFilter.get(name) ?? []), filtered.wall.at(-1) ?? Number.NaN])
      }
    }
    const slowest = [...byFilter].sort(([, left], [, right]) => median(right) - median(left))[0]
    bench.note(
      'filter_first_page_p95_ms',
      `${filtered.wall.length} first pages over ${filters.length} filters (${filtered.cpuSummary()}); slowest: ${slowest?.[0] ?? '—'}, median ${ms(median(slowest?.[1] ?? []))} ms`,
    )

    const searches = searchesFrom(caseload.samples, scale.runs.searches)
    for (const search of searches.slice(0, WARM_UP * 4)) caseList.list({ search: search.text, limit: 100 })
    const searched = new Series()
    let rows = 0
    for (const search of searches) {
      forgetCounts(services)
      rows += searched.time(() => caseList.list({ search: search.text, limit: 100 })).rows.length
    }
    bench.note(
      'search_p95_ms',
      `${searches.length} searches (names as typed, other spellings, original scripts, fragments, typos, references, words of the notes, no match; ${(rows / searches.length).toFixed(0)} rows on a first page on average) (${searched.cpuSummary()})`,
    )

    const intakes = duplicateChecksFrom(caseload.samples, scale.runs.duplicateChecks, caseload.today)
    for (const entered of intakes.slice(0, WARM_UP)) intake.findDuplicates(entered)
    const checked = new Series()
    let found = 0
    for (const entered of intakes) found += checked.time(() => intake.findDuplicates(entered)).length
    bench.note(
      'duplicate_check_p95_ms',
      `${checked.wall.length} intakes entered again under another spelling, or new; ${found} likely matches shown in all; p50 ${ms(median(checked.wall))} ms (${checked.cpuSummary()})`,
    )

    return {
      list_p50_ms: ms(median(list.wall)),
      list_p95_ms: ms(percentile(list.wall, 0.95)),
      filter_first_page_p95_ms: ms(percentile(filtered.wall, 0.95)),
      search_p50_ms: ms(median(searched.wall)),
      search_p95_ms: ms(percentile(searched.wall, 0.95)),
      duplicate_check_p95_ms: ms(percentile(checked.wall, 0.95)),
    }
  },
}
