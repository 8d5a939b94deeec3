import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SEARCH_COUNT_CAP } from '../../../shared/contract/cases'
import { CASE_STATUSES } from '../../../shared/cases/vocabulary'
import { createTestVault, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import type { TVaultServices } from '../services'
import { importIntakesCsv } from './csv/intake-csv-transfer'

/* Synthetic, obviously invented people only. */

const TODAY = new Date('2026-11-27T15:00:00Z')
const HEADER = 'reference,family_name,given_names,province,narrative\n'
/** Cases whose narrative holds "Capmarker": two more than the cap. */
const OVER = SEARCH_COUNT_CAP + 2
/** Cases whose narrative holds "Fewmarker": just under the cap. */
const UNDER = SEARCH_COUNT_CAP - 1

describe('a search counts up to the cap and says "more than" past it', () => {
  let root: string
  let services: TVaultServices

  beforeAll(async () => {
    root = makeTempFolder()
    services = await createTestVault(root, { now: () => TODAY.getTime() })
    // One person named like the marker, imported first (the oldest case): a name hit among 1,002 note hits.
    const named = 'CCIJ-2019-00001,Capmarker,Oriel,ON,"Invented story."\n'
    const rows = Array.from({ length: OVER + UNDER }, (_, index) => {
      const word = index < OVER ? 'Capmarker' : 'Fewmarker'
      const reference = `CCIJ-2020-${String(index + 1).padStart(5, '0')}`
      return `${reference},Countcap${index}-Example,Sample,ON,"Invented ${word} story ${index}."\n`
    })
    const result = importIntakesCsv(services.caseTransfer, HEADER + named + rows.join(''), {
      dryRun: false,
      today: '2026-11-20',
    })
    expect(result).toMatchObject({ accepted: true, created: OVER + UNDER + 1 })
  }, 120_000)
  afterAll(() => {
    services.vault.lock()
    removeFolder(root)
  })

  const lastSearchAudit = () =>
    services.audit.list({ limit: 5 }).entries.find((entry) => entry.action === 'cases.searched')

  it('past the cap: total is the cap, flagged, and the pages up to it are full', () => {
    const first = services.caseList.list({ search: 'capmarker', limit: 100 })
    expect(first.total).toBe(SEARCH_COUNT_CAP)
    expect(first.totalCapped).toBe(true)
    expect(first.rows).toHaveLength(100)
    expect(lastSearchAudit()?.details).toEqual({ words: 1, results: SEARCH_COUNT_CAP, moreResults: true })
    const last = services.caseList.list({ search: 'capmarker', offset: SEARCH_COUNT_CAP - 100, limit: 100 })
    expect(last.rows).toHaveLength(100)
    expect(last.totalCapped).toBe(true)
  })

  it('a reference search past the cap is capped the same way', () => {
    const page = services.caseList.list({ search: 'CCIJ-2020-0', limit: 50 })
    expect(page).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true })
    expect(page.rows.map((row) => row.reference).slice(0, 2)).toEqual(['CCIJ-2020-00001', 'CCIJ-2020-00002'])
  })

  it('under the cap: the exact count, no flag', () => {
    const page = services.caseList.list({ search: 'fewmarker', limit: 100 })
    expect(page.total).toBe(UNDER)
    expect(page.totalCapped).toBeUndefined()
    expect(lastSearchAudit()?.details).toEqual({ words: 1, results: UNDER })
    // Counted from the index alone (no filter) and joined to the cases (every status, a filter that keeps all):
    // the same, since every row of the index is a case's.
    const joined = services.caseList.list({ search: 'fewmarker', statuses: [...CASE_STATUSES], limit: 100 })
    expect(joined.total).toBe(page.total)
  })

  it('the list without a search keeps its exact count (from the count tables, cheap at any size)', () => {
    const page = services.caseList.list({ limit: 10 })
    expect(page.total).toBe(OVER + UNDER + 1)
    expect(page.totalCapped).toBeUndefined()
  })

  it('past the cap, a name hit comes first, then the note hits newest first, each once across the pages', () => {
    const pages = Array.from(
      { length: SEARCH_COUNT_CAP / 100 },
      (_, page) => services.caseList.list({ search: 'capmarker', offset: page * 100, limit: 100 }).rows,
    )
    const [first] = pages
    expect(first?.[0]?.reference).toBe('CCIJ-2019-00001')
    expect(first?.[0]?.whyMatched.map((reason) => reason.kind)).toEqual(['name'])
    const references = pages.flat().map((row) => row.reference)
    expect(new Set(references).size).toBe(SEARCH_COUNT_CAP)
    // The note hits, newest first: the last imported (CCIJ-2020-01002) right after the name hit.
    const notes = references.slice(1)
    expect(notes[0]).toBe(`CCIJ-2020-${String(OVER).padStart(5, '0')}`)
    expect(notes).toEqual([...notes].sort().reverse())
  })
})
