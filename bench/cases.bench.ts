/**
 * The case list at 100,000 synthetic cases: a page of the default (urgent-first) list, filtered pages, and
 * searches (targets: page p95 ≤ 10 ms, search p95 ≤ 25 ms), plus the duplicate check on save. Measured through
 * the case services (CaseListService, IntakeService), i.e. everything main does for a `cases:list` request except the IPC hop.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { emptyIntake } from '../src/shared/cases/intake-schema'
import type { TCaseListQuery } from '../src/shared/contract/cases'
import { seededRandom, syntheticImportRows } from '#test-support/synthetic'
import { createVaultServices } from '../src/main/core/services'
import { BENCH_ADMIN, BENCH_KDF, BENCH_TODAY, seededVaultCopy } from './seed-cases'

const COUNT = Number(process.env['CCIJ_BENCH_CASES'] ?? 100_000)

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}
const report = (label: string, values: number[], target?: number): void => {
  const p95 = percentile(values, 95)
  const verdict =
    target === undefined ? '' : p95 <= target ? `  ✓ target ≤ ${target} ms` : `  ✗ target ≤ ${target} ms`
  process.stdout.write(
    `${label.padEnd(48)} p50 ${percentile(values, 50).toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  max ${Math.max(...values).toFixed(2)} ms  (n=${values.length})${verdict}\n`,
  )
}
const time = (run: () => unknown): number => {
  const started = performance.now()
  run()
  return performance.now() - started
}

const root = mkdtempSync(join(tmpdir(), 'ccij-bench-cases-'))
try {
  const { seedSeconds } = await seededVaultCopy(root, COUNT, { log: (line) => process.stdout.write(line) })
  process.stdout.write(
    seedSeconds === null
      ? `${COUNT} synthetic cases (cached vault)\n`
      : `${COUNT} synthetic cases seeded in ${seedSeconds.toFixed(1)} s (${((seedSeconds * 1e6) / COUNT).toFixed(0)} µs per case)\n`,
  )
  const {
    vault,
    caseList,
    intake: intakes,
  } = createVaultServices({
    directory: join(root, 'vault'),
    kdf: BENCH_KDF,
    now: () => BENCH_TODAY.getTime(),
  })
  await vault.unlock(BENCH_ADMIN.username, BENCH_ADMIN.passphrase)
  const total = caseList.list({}).total
  const random = seededRandom(7)

  // Pages anywhere in the list, as a scrolling virtual table asks for them (the first one counts the rows).
  const pageTimes: number[] = []
  for (let run = 0; run < 200; run++) {
    const offset = run < 20 ? run * 100 : Math.floor(random() * (total - 100))
    pageTimes.push(time(() => caseList.list({ offset, limit: 100 })))
  }
  report('case list page (100 rows, urgent first)', pageTimes, 10)

  const filters: TCaseListQuery[] = [
    { province: 'QC' },
    { statuses: ['new'] },
    { urgency: 'urgent' },
    { language: 'ar' },
    { need: 'detention_review' },
    { assignee: 'unassigned' },
    { province: 'ON', need: 'refugee_claim' },
  ]
  // The first page of a query also counts its rows; later pages reuse the count until the data changes.
  const firstPageTimes: number[] = []
  const filteredTimes: number[] = []
  for (let run = 0; run < 140; run++) {
    const filter = filters[run % filters.length] ?? {}
    const offset = run < filters.length ? 0 : Math.floor(random() * 2000)
    ;(run < filters.length ? firstPageTimes : filteredTimes).push(
      time(() => caseList.list({ ...filter, offset, limit: 100 })),
    )
  }
  report('first page of a new filter (rows counted)', firstPageTimes, 10)
  report('further pages with a filter', filteredTimes, 10)

  // Searches: names from the caseload as typed, misspelled, in part; references; notes; no hits.
  const sample = syntheticImportRows(300, 42, BENCH_TODAY).map((row) => row.intake)
  const searches: string[] = []
  for (const [index, intake] of sample.entries()) {
    const family = intake.person.familyName
    switch (index % 6) {
      case 0:
        searches.push(`${intake.person.givenNames} ${family}`)
        break
      case 1:
        searches.push(family.slice(0, 4))
        break
      case 2:
        searches.push(family.replace(/[aeiou]/, 'e'))
        break
      case 3:
        searches.push(`CCIJ-${2024 + (index % 3)}-${String(index * 7).padStart(4, '0')}`)
        break
      case 4:
        searches.push(intake.person.originalScriptName || family.toUpperCase())
        break
      default:
        searches.push(index % 2 === 0 ? 'narrative' : 'qqxz')
    }
  }
  const searchTimes: number[] = []
  let hits = 0
  for (const search of searches) {
    searchTimes.push(
      time(() => {
        hits += caseList.list({ search, limit: 100 }).rows.length
      }),
    )
  }
  report('search (first page, 100 rows)', searchTimes, 25)
  process.stdout.write(
    `  (${searches.length} searches, ${(hits / searches.length).toFixed(0)} rows per page on average)\n`,
  )

  const duplicateTimes: number[] = []
  for (const intake of sample.slice(0, 60)) {
    duplicateTimes.push(time(() => intakes.findDuplicates(intake)))
  }
  const stranger = emptyIntake('2026-11-20')
  stranger.person.givenNames = 'Mohammed'
  stranger.person.familyName = 'Al-Hassan'
  duplicateTimes.push(time(() => intakes.findDuplicates(stranger)))
  report('duplicate check on save', duplicateTimes)
  vault.lock()
} finally {
  rmSync(root, { recursive: true, force: true })
}
