import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../../shared/cases/intake-schema'
import type { TCaseListQuery } from '../../../shared/contract/cases'
import { addTestCaseworker, createTestVault, vaultKeysOf } from '#test-support/vault-fixtures'
import { tempFolderPerTest } from '#test-support/per-test'
import { openEncryptedDatabase } from '../db/open-database'
import { sql, type TSql } from '../db/sql'
import type { TVaultServices } from '../services'
import { removalCutoff } from './case-records'

const START = Date.parse('2026-11-27T15:00:00Z')
const PROVINCES = ['ON', 'QC', 'BC', ''] as const

/** A made-up name per number, unlike any other (so the duplicate check lets each intake through as new). */
function fixtureName(number: number): string {
  let value = (number + 1) * 2_654_435_761
  let name = ''
  for (let letter = 0; letter < 9; letter++) {
    name += String.fromCharCode(97 + (value % 26))
    value = Math.floor(value / 26) + letter * 7_919
  }
  return `Zq${name}`
}

/**
 * The list's counts come from a count table kept by triggers (case-counts.ts) when no language or need filter is
 * set. Each count is checked against a plain count(*) over `cases` after every kind of write: new cases, status
 * changes, assignments, a commit by another connection, and a rolled-back transaction.
 */
describe('the case list counts', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices
  let caseworkerId = ''
  const cutoff = removalCutoff(new Date(START))

  beforeEach(async () => {
    let tick = START
    services = await createTestVault(root(), { now: () => (tick += 1000) })
    caseworkerId = (await addTestCaseworker(services.accounts)).id
  })
  afterEach(() => services.vault.lock())

  const addCases = (count: number, seed: number): string[] =>
    Array.from({ length: count }, (_, index) => {
      const draft = emptyIntake('2026-11-20')
      draft.person.familyName = fixtureName(seed * 1000 + index)
      draft.location.province = PROVINCES[(index + seed) % PROVINCES.length] ?? ''
      if (index % 5 === 0) draft.needs.detained = 'yes'
      // Languages and needs: none, one, or several (a case is counted under each of its keys).
      draft.languages.preferred = (['ar', 'fa', 'ti', ''] as const)[(index + seed) % 4] ?? ''
      if (index % 3 === 0) draft.languages.others = ['fr', 'en']
      draft.needs.needs = [
        ...(index % 2 === 0 ? (['refugee_claim'] as const) : []),
        ...(index % 3 === 1 ? (['detention_review', 'other'] as const) : []),
      ]
      // Facing removal soon (urgent), long after the cutoff (not), or in the past (urgent while open).
      if (index % 7 === 1) draft.needs.removalDate = '2026-12-01'
      if (index % 7 === 2) draft.needs.removalDate = '2027-09-01'
      if (index % 11 === 3) draft.needs.removalDate = '2026-11-01'
      return services.intake.submit({ intake: draft, decision: { kind: 'new' }, reviewedCandidates: [] })
        .caseId
    })

  const urgentSql = sql`(c.status <> 'closed' AND (c.urgent_flag = 1 OR (c.removal_date IS NOT NULL AND c.removal_date <= ${cutoff})))`
  const filters = (): { query: TCaseListQuery; where: TSql }[] => [
    { query: {}, where: sql`1` },
    { query: { statuses: ['closed'] }, where: sql`c.status = 'closed'` },
    { query: { statuses: ['new', 'closed'] }, where: sql`c.status IN ('new', 'closed')` },
    { query: { province: 'ON' }, where: sql`c.province = 'ON'` },
    { query: { assignee: caseworkerId }, where: sql`c.assigned_account_id = ${caseworkerId}` },
    { query: { assignee: 'unassigned' }, where: sql`c.assigned_account_id IS NULL` },
    { query: { urgency: 'urgent' }, where: urgentSql },
    { query: { urgency: 'not_urgent', province: 'QC' }, where: sql`NOT ${urgentSql} AND c.province = 'QC'` },
    { query: { language: 'ar' }, where: sql`instr(c.language_keys, ' ar ') > 0` },
    {
      query: { language: 'fr', province: 'ON' },
      where: sql`instr(c.language_keys, ' fr ') > 0 AND c.province = 'ON'`,
    },
    { query: { need: 'refugee_claim' }, where: sql`instr(c.need_keys, ' refugee_claim ') > 0` },
    {
      query: { need: 'detention_review', urgency: 'urgent', statuses: ['new', 'closed'] },
      where: sql`instr(c.need_keys, ' detention_review ') > 0 AND ${urgentSql} AND c.status IN ('new', 'closed')`,
    },
    {
      query: { need: 'other', urgency: 'not_urgent', assignee: caseworkerId },
      where: sql`instr(c.need_keys, ' other ') > 0 AND NOT ${urgentSql} AND c.assigned_account_id = ${caseworkerId}`,
    },
    {
      query: { language: 'ti', need: 'refugee_claim' },
      where: sql`instr(c.language_keys, ' ti ') > 0 AND instr(c.need_keys, ' refugee_claim ') > 0`,
    },
    {
      query: { urgency: 'urgent', assignee: caseworkerId, statuses: ['new'] },
      where: sql`${urgentSql} AND c.assigned_account_id = ${caseworkerId} AND c.status = 'new'`,
    },
  ]

  const expectCountsRight = (when: string) => {
    const db = services.vault.session().db
    for (const { query, where } of filters()) {
      const expected = db.value<number>(sql`SELECT count(*) FROM cases c WHERE ${where}`)
      expect(services.caseList.list({ ...query, limit: 1 }).total, `${when}: ${JSON.stringify(query)}`).toBe(
        expected,
      )
    }
  }

  it('match a plain count after new cases, status changes and assignments', () => {
    const ids = addCases(40, 1)
    expectCountsRight('after the intakes')
    for (const [index, caseId] of ids.entries()) {
      if (index % 3 === 0) services.caseFile.assign({ caseId, accountId: caseworkerId })
      if (index % 4 === 0) services.caseFile.changeStatus({ caseId, to: 'closed', reason: 'Count fixture' })
    }
    expectCountsRight('after assignments and closing')
    for (const caseId of ids.slice(0, 12)) services.caseFile.assign({ caseId, accountId: null })
    addCases(9, 2)
    expectCountsRight('after unassigning and more intakes')
    // An edit of a case's languages or needs moves it between keys (as the case edit writes the key lists).
    const db = services.vault.session().db
    db.run(
      sql`UPDATE cases SET language_keys = ' ar ', need_keys = ' other refugee_claim ' WHERE rowid % 4 = 1`,
    )
    db.run(sql`UPDATE cases SET language_keys = ' ', need_keys = ' ' WHERE rowid % 4 = 2`)
    expectCountsRight('after languages and needs changed')
  })

  it('follow a commit by another connection, and ignore a rolled-back change', async () => {
    addCases(30, 3)
    expectCountsRight('at first')
    // Another connection (the admin command line, another window) moves cases: the next count sees it.
    const keys = await vaultKeysOf(root())
    const other = openEncryptedDatabase(keys.files.casework, keys.case ?? Buffer.alloc(0))
    other.prepare("UPDATE cases SET province = 'BC', status = 'closed' WHERE province = 'ON'").run()
    other.close()
    expectCountsRight('after another connection’s commit')

    const db = services.vault.session().db
    expect(() =>
      db.transaction(() => {
        db.run(sql`UPDATE cases SET status = 'closed', assigned_account_id = NULL`)
        throw new Error('rolled back')
      }),
    ).toThrow('rolled back')
    expectCountsRight('after a rolled-back change')
  })
})
