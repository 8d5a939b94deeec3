import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestVault, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import { sql } from '../db/sql'
import type { TVaultServices } from '../services'
import { removalCutoff } from './case-records'
import { buildSearchQuery } from './case-search'
import { importIntakesCsv } from './csv/intake-csv-transfer'
import { orderPage, pageCandidates } from './search-page'

/* Synthetic, obviously invented people only. */

const TODAY = new Date('2026-11-27T15:00:00Z')
const HEADER = 'reference,family_name,given_names,aliases,province,detained\n'

describe('an unfiltered search page ordered without joining every hit (search-page.ts)', () => {
  it('keeps the hits tied on every key in the index’s order, urgent and newer first among equal ranks', () => {
    const hits = [
      { rowid: 1, rank: -2 },
      { rowid: 2, rank: -3 },
      { rowid: 3, rank: -2 },
      { rowid: 4, rank: -2 },
      { rowid: 5, rank: -1 },
    ]
    const candidates = pageCandidates(hits, 0, 2)
    // The best by rank, and every hit tied with the second of them; not the worst.
    expect(candidates.map((hit) => hit.rowid)).toEqual([2, 1, 3, 4])
    const facts = [
      { rowid: 1, urgent: 0, updated_at: '2026-01-01' },
      { rowid: 2, urgent: 0, updated_at: '2026-01-01' },
      { rowid: 3, urgent: 0, updated_at: '2026-01-01' },
      { rowid: 4, urgent: 1, updated_at: '2025-01-01' },
    ]
    expect(orderPage(candidates, facts, 0, 4)).toEqual([2, 4, 1, 3])
    expect(orderPage(candidates, facts, 2, 2)).toEqual([1, 3])
    expect(orderPage(candidates, facts.slice(1), 0, 4)).toBeNull()
    expect(pageCandidates([], 0, 10)).toEqual([])
  })

  describe('on a caseload of ties, the same pages as the SQL join', () => {
    let root: string
    let services: TVaultServices

    beforeAll(async () => {
      root = makeTempFolder()
      services = await createTestVault(root, { now: () => TODAY.getTime() })
      // Sixty people with the same names (the same rank), every seventh detained (urgent), a few with an alias.
      const rows = Array.from({ length: 60 }, (_, index) => {
        const reference = `CCIJ-2020-${String(index + 1).padStart(5, '0')}`
        const alias = index % 9 === 0 ? 'Orla Tiemark' : ''
        return `${reference},Tiemark,Orla,${alias},ON,${index % 7 === 0 ? 'yes' : 'no'}\n`
      })
      const result = importIntakesCsv(services.caseTransfer, HEADER + rows.join(''), {
        dryRun: false,
        today: '2026-11-20',
      })
      expect(result).toMatchObject({ accepted: true, created: rows.length })
    }, 120_000)
    afterAll(() => {
      services.vault.lock()
      removeFolder(root)
    })

    it('for every page of two searches', () => {
      const { db } = services.vault.session()
      const cutoff = removalCutoff(TODAY)
      let urgentSeen = 0
      for (const search of ['Tiemark', 'Orla Tiemark']) {
        const match = buildSearchQuery(search) ?? ''
        for (const offset of [0, 15, 30, 45]) {
          const joined = db.column<string>(
            sql`SELECT c.reference FROM (SELECT rowid, rank FROM case_search WHERE case_search MATCH ${match}) h
                JOIN cases c ON c.rowid = h.rowid
                ORDER BY h.rank, (c.status <> 'closed' AND (c.urgent_flag = 1 OR (c.removal_date IS NOT NULL
                  AND c.removal_date <= ${cutoff}))) DESC, c.updated_at DESC LIMIT 15 OFFSET ${offset}`,
          )
          const page = services.caseList.list({ search, offset, limit: 15 })
          expect(page.rows.map((row) => row.reference)).toEqual(joined)
          urgentSeen += page.rows.filter((row) => row.urgent).length
        }
      }
      expect(urgentSeen).toBeGreaterThan(0)
    })
  })
})
