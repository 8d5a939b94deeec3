/**
 * `npm run bench -- --plans`: SQLite's query plan for every statement the case list, its filters, a search and the
 * duplicate check run, read from the encrypted vault after the run, for BENCHMARKS.md's "what limits each figure".
 */
import type { TCaseListQuery } from '../../src/shared/contract/cases'
import { sql } from '../../src/main/core/db/sql'
import type { TCaseload } from './caseload'
import type { TCaseServices, TRecordedQuery } from './plain-twin'
import { searchesFrom } from './workloads'

type TPlanRow = { id: number; parent: number; detail: string }

/** The plan as SQLite's shell draws it: children indented under their parent. */
function drawPlan(rows: readonly TPlanRow[]): string[] {
  const depth = new Map<number, number>([[0, 0]])
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? 0) + 1
    depth.set(row.id, level)
    return `${'  '.repeat(level)}${row.detail}`
  })
}

export function queryPlans(caseload: TCaseload): string {
  const search = searchesFrom(caseload.samples, 1)[0]?.text ?? 'checkpoint'
  const listed = (query: TCaseListQuery) => (services: TCaseServices) => services.caseList.list(query)
  const entered = caseload.samples[0]?.intake
  const sections: (readonly [string, (services: TCaseServices) => unknown])[] = [
    ['case list, first page', listed({ offset: 0, limit: 100 })],
    ['filter: province', listed({ province: 'QC', offset: 0, limit: 100 })],
    ['filter: language and need', listed({ language: 'ar', need: 'refugee_claim', offset: 0, limit: 100 })],
    ['filter: status', listed({ statuses: ['awaiting_match'], offset: 0, limit: 100 })],
    [`search: "${search}"`, listed({ search, limit: 100 })],
    ...(entered === undefined
      ? []
      : [['duplicate check', (services: TCaseServices) => services.intake.findDuplicates(entered)] as const]),
  ]
  const { db } = caseload.vault.services.vault.session()
  const lines: string[] = []
  for (const [title, call] of sections) {
    const recorder = caseload.plain.recorder()
    call(recorder.services)
    lines.push(`## ${title}`)
    const reads = recorder.statements.filter(({ query }: TRecordedQuery) =>
      /\b(cases|case_search|match_keys)\b/.test(query.text),
    )
    for (const { query } of reads) {
      lines.push('', query.text.replace(/\s+/g, ' ').trim())
      lines.push(...drawPlan(db.all<TPlanRow>(sql`EXPLAIN QUERY PLAN ${query}`)))
    }
    lines.push('')
  }
  return lines.join('\n')
}
