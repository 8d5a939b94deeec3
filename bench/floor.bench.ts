/**
 * The figures we steer by: what encryption costs (the same read workload through the same services on the
 * encrypted vault and on its plain twin) and what our code costs over SQLite itself (the whole core call on the
 * encrypted vault against the bare SQL of the same query, prepared once and run through better-sqlite3 on the
 * plain database: the statements the list and search ran, recorded, without validation, mapping or cache
 * bookkeeping). The three sides run in turn, so load from other work falls on all of them alike.
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { TCaseListQuery } from '../src/shared/contract/cases'
import type { TIntake } from '../src/shared/cases/intake-schema'
import type { TBenchModule } from './module'
import { median, ms, ratio, sum, time } from './support/measure'
import type { TCaseServices, TPlainTwin, TRecordedQuery } from './support/plain-twin'
import { duplicateChecksFrom, forgetCounts, listFilters, searchesFrom } from './support/workloads'

/** How many searches and duplicate checks the comparison takes (each is run once per round on every side). */
const SEARCHES = 48
const DUPLICATE_CHECKS = 12
const SIDES = ['encrypted', 'plain', 'floor'] as const

type TReadOperation =
  { kind: 'list' | 'filter' | 'search'; query: TCaseListQuery } | { kind: 'duplicate check'; intake: TIntake }

/** Milliseconds one operation takes through the services of one side, made to count its rows again first. */
function timeThrough(services: TCaseServices, operation: TReadOperation): number {
  forgetCounts(services)
  return operation.kind === 'duplicate check'
    ? time(() => services.intake.findDuplicates(operation.intake))
    : time(() => services.caseList.list(operation.query))
}

/** Statements that read survivors' cases: the query itself, without the count cache's check or staff names. */
const readsCases = (recorded: TRecordedQuery): boolean => /\b(cases|case_search)\b/.test(recorded.query.text)

/** The bare-SQL floor of a list or search: its recorded statements, prepared once on the plain database. */
function floorOf(plain: TPlainTwin, query: TCaseListQuery): () => void {
  const recorder = plain.recorder()
  recorder.services.caseList.list(query)
  const steps = recorder.statements.filter(readsCases).map(({ query: recorded, method }) => {
    const statement: Statement = plain.database.prepare(recorded.text)
    statement.pluck(method === 'column' || method === 'value')
    const params = [...recorded.params]
    return method === 'get' || method === 'value'
      ? () => statement.get(...params)
      : () => statement.all(...params)
  })
  return () => {
    for (const step of steps) step()
  }
}

export const floorBench: TBenchModule = {
  name: 'encrypted vs plain, and the bare-SQL floor',
  figures: ['encrypted_vs_plain_reads', 'list_vs_floor', 'search_vs_floor'],
  async run(bench) {
    const { caseload, scale } = bench
    const { plain } = caseload
    const searches = searchesFrom(caseload.samples, SEARCHES)
    const operations: TReadOperation[] = [
      { kind: 'list', query: { offset: 0, limit: 100 } },
      ...listFilters(undefined).map((filter) => ({
        kind: 'filter' as const,
        query: { ...filter, offset: 0, limit: 100 },
      })),
      ...searches.map((search) => ({ kind: 'search' as const, query: { search: search.text, limit: 100 } })),
      ...duplicateChecksFrom(caseload.samples, DUPLICATE_CHECKS, caseload.today).map((intake) => ({
        kind: 'duplicate check' as const,
        intake,
      })),
    ]
    const floors = operations.map((operation) =>
      operation.kind === 'list' || operation.kind === 'search' ? floorOf(plain, operation.query) : null,
    )
    const times = operations.map(() => ({
      encrypted: [] as number[],
      plain: [] as number[],
      floor: [] as number[],
    }))
    // Round -1 warms every side (compiled code, statement caches) and is left out.
    for (let round = -1; round < scale.runs.floorRounds; round++) {
      operations.forEach((operation, index) => {
        const floor = floors[index] ?? null
        const measure = {
          encrypted: () => timeThrough(caseload.vault.services, operation),
          plain: () => timeThrough(plain.services, operation),
          floor: () => (floor === null ? null : time(floor)),
        }
        for (let turn = 0; turn < SIDES.length; turn++) {
          const side = SIDES[(turn + round + 1 + index) % SIDES.length] ?? 'floor'
          const elapsed = measure[side]()
          if (elapsed !== null && round >= 0) times[index]?.[side].push(elapsed)
        }
      })
    }

    const medians = (kinds: readonly TReadOperation['kind'][], side: 'encrypted' | 'plain' | 'floor') =>
      sum(
        operations.flatMap((operation, index) =>
          kinds.includes(operation.kind) ? [median(times[index]?.[side] ?? [])] : [],
        ),
      )
    const reads = ratio(
      medians(['list', 'filter', 'search', 'duplicate check'], 'encrypted'),
      medians(['list', 'filter', 'search', 'duplicate check'], 'plain'),
    )
    const list = ratio(medians(['list'], 'encrypted'), medians(['list'], 'floor'))
    const search = ratio(medians(['search'], 'encrypted'), medians(['search'], 'floor'))
    bench.note(
      'encrypted_vs_plain_reads',
      `sum of medians over ${operations.length} reads (first page of the list and ${operations.filter((each) => each.kind === 'filter').length} filters, ${SEARCHES} searches, ${DUPLICATE_CHECKS} duplicate checks), ${scale.runs.floorRounds} rounds`,
    )
    bench.note(
      'list_vs_floor',
      `our call ${ms(medians(['list'], 'encrypted'))} ms (plain: ${ms(medians(['list'], 'plain'))} ms) vs its ${ms(medians(['list'], 'floor'))} ms of SQL`,
    )
    bench.note(
      'search_vs_floor',
      `over ${SEARCHES} searches: ours ${ms(medians(['search'], 'encrypted'))} ms (plain: ${ms(medians(['search'], 'plain'))} ms) vs ${ms(medians(['search'], 'floor'))} ms of SQL`,
    )
    return { encrypted_vs_plain_reads: reads, list_vs_floor: list, search_vs_floor: search }
  },
}
