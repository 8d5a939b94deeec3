import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TCaseListQuery } from '../../../shared/contract/cases'
import { createTestVault, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import { sql, sqlAnd, type TSql } from '../db/sql'
import type { TVaultServices } from '../services'
import { removalCutoff } from './case-records'
import { buildSearchQuery } from './case-search'
import { importIntakesCsv } from './csv/intake-csv-transfer'

/* Synthetic, obviously invented people only. */

const HEADER = 'reference,family_name,given_names,province,detained,removal_date,narrative\n'
const FIRST = Date.parse('2026-11-27T15:00:00Z')

/**
 * Under the count's cap, a search reads its hits once and sorts them in JavaScript (count and page from one pass,
 * `CaseListQueries.rankedHits`). Held here to the page query it replaced, `ORDER BY h.rank, urgent DESC,
 * c.updated_at DESC LIMIT … OFFSET …`, on a caseload full of ties: cases imported at one instant (one updated_at)
 * with the same words (one bm25 rank), where only SQLite's tie order (the rowid order the hits arrive in) decides.
 */
describe('a search under the cap: one pass gives the page query’s rows, ties included', () => {
  let root: string
  let services: TVaultServices
  let clock = FIRST

  beforeAll(async () => {
    root = makeTempFolder()
    services = await createTestVault(root, { now: () => clock })
    const rows = (from: number, count: number) =>
      Array.from({ length: count }, (_, offset) => {
        const index = from + offset
        const reference = `CCIJ-2020-${String(index + 1).padStart(5, '0')}`
        const detained = index % 7 === 0 ? 'yes' : ''
        const removal = index % 11 === 3 ? '2026-11-01' : index % 11 === 4 ? '2027-09-01' : ''
        const story = index % 13 === 0 ? 'Invented Tiemarker story.' : 'Invented story.'
        const province = index % 3 === 0 ? 'ON' : 'QC'
        return `${reference},Tiemarker,Sample,${province},${detained},${removal},"${story}"\n`
      }).join('')
    // Two imports at two instants: most cases share an updated_at, two groups differ.
    for (const [from, count] of [
      [0, 240],
      [240, 70],
    ] as const) {
      const result = importIntakesCsv(services.caseTransfer, HEADER + rows(from, count), {
        dryRun: false,
        today: '2026-11-20',
      })
      expect(result).toMatchObject({ accepted: true, created: count })
      clock += 60_000
    }
  }, 120_000)
  afterAll(() => {
    services.vault.lock()
    removeFolder(root)
  })

  /** The page query as it ran before the one pass: SQLite's own sort. */
  function expected(search: string, query: Partial<TCaseListQuery>, offset: number) {
    const db = services.vault.session().db
    const cutoff = removalCutoff(new Date(clock))
    const urgent = sql`(c.status <> 'closed' AND (c.urgent_flag = 1 OR (c.removal_date IS NOT NULL AND c.removal_date <= ${cutoff})))`
    const where: TSql[] = []
    if (query.province !== undefined) where.push(sql`c.province = ${query.province}`)
    if (query.urgency === 'not_urgent') where.push(sql`NOT ${urgent}`)
    const hits = sql`(SELECT rowid, rank FROM case_search WHERE case_search MATCH ${buildSearchQuery(search) ?? ''}) h
      JOIN cases c ON c.rowid = h.rowid WHERE ${sqlAnd(where)}`
    const page = db.all<{ reference: string; rank: number; urgent: number; updatedAt: string }>(
      sql`SELECT c.reference, h.rank, ${urgent} AS urgent, c.updated_at AS updatedAt FROM ${hits}
          ORDER BY h.rank, ${urgent} DESC, c.updated_at DESC LIMIT 100 OFFSET ${offset}`,
    )
    const total = db.value<number>(sql`SELECT count(*) FROM ${hits}`) ?? 0
    return { page, total }
  }

  const cases: [string, Partial<TCaseListQuery>][] = [
    ['tiemarker', {}],
    ['Tiemarker Sample', {}],
    ['tiemarker', { province: 'ON' }],
    ['sample', { urgency: 'not_urgent' }],
  ]

  it.each(cases)('"%s" %j: every page as SQLite sorted it, and the count', (search, query) => {
    let ties = 0
    for (const offset of [0, 100, 200, 300]) {
      const want = expected(search, query, offset)
      const got = services.caseList.list({ ...query, search, offset, limit: 100 })
      expect(got.total).toBe(want.total)
      expect(got.totalCapped).toBeUndefined()
      expect(got.rows.map((row) => row.reference)).toEqual(want.page.map((row) => row.reference))
      want.page.forEach((row, at) => {
        const next = want.page[at + 1]
        if (next?.rank === row.rank && next.urgent === row.urgent && next.updatedAt === row.updatedAt)
          ties += 1
      })
    }
    // The caseload is built for ties: without them this test would say nothing about their order.
    expect(ties).toBeGreaterThan(50)
  })
})
