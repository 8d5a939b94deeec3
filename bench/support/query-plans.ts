/**
 * `npm run bench -- --plans`: SQLite's query plan for every statement the case list, a filter and a search run,
 * read from the encrypted vault after the run, for BENCHMARKS.md's "what limits each figure".
 */
import type { TCaseListQuery } from '../../src/shared/contract/cases'
import { sql } from '../../src/main/core/db/sql'
import type { TCaseload } from './caseload'
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
  const queries: [string, TCaseListQuery][] = [
    ['case list, first page', { offset: 0, limit: 100 }],
    ['filter: province', { province: 'QC', offset: 0, limit: 100 }],
    ['filter: language and need', { language: 'ar', need: 'refugee_claim', offset: 0, limit: 100 }],
    ['filter: status', { statuses: ['awaiting_match'], offset: 0, limit: 100 }],
    [`search: "${search}"`, { search, limit: 100 }],
  ]
  const { db } = caseload.vault.services.vault.session()
  const lines: string[] = []
  for (const [title, query] of queries) {
    const recorder = caseload.plain.recorder()
    recorder.services.caseList.list(query)
    lines.push(`## ${title}`)
    for (const { query: statement } of recorder.statements) {
      if (!/\b(cases|case_search)\b/.test(statement.text)) continue
      lines.push('', statement.text.replace(/\s+/g, ' ').trim())
      lines.push(...drawPlan(db.all<TPlanRow>(sql`EXPLAIN QUERY PLAN ${statement}`)))
    }
    lines.push('')
  }
  return lines.join('\n')
}
