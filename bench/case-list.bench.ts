/**
 * The case list, search and the duplicate check, through the services every host calls (validation, query,
 * mapping: everything main does for `cases:list` but the IPC hop), on the encrypted vault. Every first page counts
 * its rows, as it does whenever anything changed since the last count.
 */
import type { TBenchModule } from './module'
import { median, ms, percentile, time } from './support/measure'
import { duplicateChecksFrom, forgetCounts, listFilters, searchesFrom } from './support/workloads'

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

    // Each series starts with calls left out of the figures: the first of each kind compiles code and fills caches.
    for (let run = 0; run < WARM_UP; run++) caseList.list({ offset: 0, limit: 100 })
    const list: number[] = []
    for (let run = 0; run < scale.runs.list; run++) {
      forgetCounts(services)
      let total = 0
      list.push(time(() => (total = caseList.list({ offset: 0, limit: 100 }).total)))
      if (total !== caseload.count) throw new Error(`the list counts ${total} cases, not ${caseload.count}`)
    }
    bench.note('list_p95_ms', `${list.length} first pages of 100 rows, urgent first, each counting its rows`)

    const filters = listFilters(caseload.vault.caseworkerIds[0])
    const filtered: number[] = []
    for (let round = 0; round < scale.runs.filterRounds; round++) {
      for (const filter of filters) {
        forgetCounts(services)
        filtered.push(time(() => caseList.list({ ...filter, offset: 0, limit: 100 })))
      }
    }
    bench.note('filter_first_page_p95_ms', `${filtered.length} first pages over ${filters.length} filters`)

    const searches = searchesFrom(caseload.samples, scale.runs.searches)
    for (const search of searches.slice(0, WARM_UP * 4)) caseList.list({ search: search.text, limit: 100 })
    const searched: number[] = []
    let rows = 0
    for (const search of searches) {
      forgetCounts(services)
      searched.push(time(() => (rows += caseList.list({ search: search.text, limit: 100 }).rows.length)))
    }
    bench.note(
      'search_p95_ms',
      `${searches.length} searches (names as typed, other spellings, original scripts, fragments, typos, references, words of the notes, no match); ${(rows / searches.length).toFixed(0)} rows on a first page on average`,
    )

    const intakes = duplicateChecksFrom(caseload.samples, scale.runs.duplicateChecks, caseload.today)
    for (const entered of intakes.slice(0, WARM_UP)) intake.findDuplicates(entered)
    const checked: number[] = []
    let found = 0
    for (const entered of intakes) checked.push(time(() => (found += intake.findDuplicates(entered).length)))
    bench.note(
      'duplicate_check_p95_ms',
      `${checked.length} intakes entered again under another spelling or new; ${found} likely matches shown in all`,
    )

    return {
      list_p50_ms: ms(median(list)),
      list_p95_ms: ms(percentile(list, 0.95)),
      filter_first_page_p95_ms: ms(percentile(filtered, 0.95)),
      search_p50_ms: ms(median(searched)),
      search_p95_ms: ms(percentile(searched, 0.95)),
      duplicate_check_p95_ms: ms(percentile(checked, 0.95)),
    }
  },
}
