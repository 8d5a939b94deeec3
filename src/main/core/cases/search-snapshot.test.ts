import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestVault, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import type { Connection } from '../db/connection'
import type { TVaultServices } from '../services'
import { CaseListQueries } from './case-list-queries'
import { importIntakesCsv } from './csv/intake-csv-transfer'

/* Synthetic, obviously invented people only. */

const TODAY = new Date('2026-11-27T15:00:00Z')
const HEADER = 'reference,family_name,given_names,aliases,province\n'

describe('a search reads in one transaction and audits after it', () => {
  let root: string
  let services: TVaultServices
  const inTransaction = (): boolean => (services.vault.session().db as Connection).database.inTransaction

  beforeAll(async () => {
    root = makeTempFolder()
    services = await createTestVault(root, { now: () => TODAY.getTime() })
    const rows = [
      'CCIJ-2020-00001,Snapwell,Ranya,,ON\n',
      'CCIJ-2020-00002,Snapwel,Rania,,QC\n',
      'CCIJ-2020-00003,Testmouse,Orla,Ranya Snapwell,ON\n',
    ]
    const result = importIntakesCsv(services.caseTransfer, HEADER + rows.join(''), {
      dryRun: false,
      today: '2026-11-20',
    })
    expect(result).toMatchObject({ accepted: true, created: rows.length })
  }, 120_000)
  afterEach(() => {
    vi.restoreAllMocks()
  })
  afterAll(() => {
    services.vault.lock()
    removeFolder(root)
  })

  /** Whether each call of these query methods ran inside a transaction. */
  function watchQueries(): boolean[] {
    const seen: boolean[] = []
    for (const method of ['search', 'listRows', 'namedPeopleOf', 'similarNameCandidates'] as const) {
      const original = CaseListQueries.prototype[method] as (...args: unknown[]) => unknown
      vi.spyOn(CaseListQueries.prototype, method).mockImplementation(function (
        this: CaseListQueries,
        ...args: unknown[]
      ) {
        seen.push(inTransaction())
        return original.apply(this, args)
      } as never)
    }
    return seen
  }

  it('the count, the page, the reasons and the names spelled otherwise share one snapshot', () => {
    const seen = watchQueries()
    const page = services.caseList.list({ search: 'Ranya Snapwell', limit: 100 })
    expect(page.rows.length).toBeGreaterThan(1)
    expect(seen.length).toBeGreaterThanOrEqual(4)
    expect(seen.every(Boolean)).toBe(true)
    expect(inTransaction()).toBe(false)
  })

  it('the audit entry is written after the reads’ transaction ended, in one of its own', () => {
    const session = services.vault.session()
    const record = session.audit.record
    const atRecord: boolean[] = []
    vi.spyOn(session.audit, 'record').mockImplementation((...args) => {
      atRecord.push(inTransaction())
      record(...args)
    })
    services.caseList.list({ search: 'Snapwel', limit: 100 })
    expect(atRecord).toEqual([false])
    const entry = services.audit.list({ limit: 1 }).entries[0]
    expect(entry).toMatchObject({ action: 'cases.searched', details: { words: 1 } })
  })

  it('a read that fails leaves no transaction open and writes no entry', () => {
    const before = services.audit.list({ limit: 1 }).entries[0]?.seq
    vi.spyOn(CaseListQueries.prototype, 'namedPeopleOf').mockImplementation(() => {
      throw new Error('invented failure')
    })
    expect(() => services.caseList.list({ search: 'Snapwell', limit: 100 })).toThrow('invented failure')
    expect(inTransaction()).toBe(false)
    vi.restoreAllMocks()
    expect(services.audit.list({ limit: 1 }).entries[0]?.seq).toBe(before)
    expect(services.caseList.list({ search: 'Snapwell', limit: 100 }).rows.length).toBeGreaterThan(0)
  })
})
