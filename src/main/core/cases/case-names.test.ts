import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TCaseFileChanges } from '../../../shared/cases/case-file-schema'
import { emptyIntake, type TIntake } from '../../../shared/cases/intake-schema'
import { createTestVault } from '#test-support/vault-fixtures'
import { tempFolderPerTest } from '#test-support/per-test'
import { sql } from '../db/sql'
import { readCaseNames } from './case-names'
import type { TVaultServices } from '../services'

const START = Date.parse('2026-11-27T15:00:00Z')

function intake(edit: (draft: TIntake) => void): TIntake {
  const draft = emptyIntake('2026-11-20')
  edit(draft)
  return draft
}

const asChanges = (changes: Record<string, unknown>): TCaseFileChanges => changes as TCaseFileChanges

describe('the names a case is stored with for the similar-name search', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices

  beforeEach(async () => {
    let tick = START
    services = await createTestVault(root(), { now: () => (tick += 1000) })
  })
  afterEach(() => services.vault.lock())

  const db = () => services.vault.session().db
  const storedOf = (caseId: string) =>
    readCaseNames(db().value<string>(sql`SELECT names FROM case_names WHERE case_id = ${caseId}`) ?? null)
  const tokensOf = (caseId: string) =>
    storedOf(caseId)?.names.flatMap((name) => name.tokens.map((token) => token.text)) ?? []
  const found = (search: string) =>
    services.caseList.list({ search, limit: 100 }).rows.map((row) => ({ id: row.id, why: row.whyMatched }))

  const saveRania = () =>
    services.intake.submit({
      intake: intake((draft) => {
        draft.person.givenNames = 'Rania'
        draft.person.familyName = 'Testhaddad'
        draft.person.aliases = ['Umm Testsami']
        draft.person.originalScriptName = 'رانية'
      }),
      decision: { kind: 'new' },
      reviewedCandidates: [],
    }).caseId

  it('are written with a new case, each name with which of the person’s names it is', () => {
    const caseId = saveRania()
    const stored = storedOf(caseId)
    expect(stored?.names.map((name) => name.written)).toEqual(['Rania Testhaddad', 'Umm Testsami', 'رانية'])
    expect([...(stored?.kinds ?? [])]).toEqual([
      ['Rania Testhaddad', 'name'],
      ['Umm Testsami', 'alias'],
      ['رانية', 'originalScript'],
    ])
    expect(found('Testsamy')).toEqual([
      { id: caseId, why: [{ kind: 'alias', text: 'Umm Testsami', script: 'Latn', spelledOtherwise: true }] },
    ])
  })

  it('follow an edit of the names in the same write: the new spelling is found, the old one no longer', () => {
    const caseId = saveRania()
    const before = services.caseFile.get(caseId)
    services.caseFile.edit({
      caseId,
      version: before.updatedAt,
      changes: asChanges({ person: { ...before.person, familyName: 'Testmansour', aliases: [] } }),
    })
    expect(tokensOf(caseId)).toContain('testmansour')
    expect(tokensOf(caseId)).not.toContain('testhaddad')
    expect(tokensOf(caseId)).not.toContain('testsami')
    expect(found('Testmansur').map((hit) => hit.id)).toEqual([caseId])
    expect(found('Testsamy')).toEqual([])
  })

  it('are written for every case an intakes import creates, in its transaction', () => {
    const rows = ['Testkarim Testnouri', 'Testleyla Testahmadi'].map((name, index) => ({
      line: index + 2,
      intake: intake((draft) => {
        const [given = '', family = ''] = name.split(' ')
        draft.person.givenNames = given
        draft.person.familyName = family
      }),
    }))
    const { caseIds } = services.caseTransfer.importIntakes(rows, { dryRun: false })
    expect(caseIds.map(tokensOf)).toEqual([
      ['testkarim', 'testnouri'],
      ['testleyla', 'testahmadi'],
    ])
    expect(found('Testnoury').map((hit) => hit.id)).toEqual([caseIds[0]])
  })

  it('are prepared again from the profile when missing or unreadable, so a search never loses a case', () => {
    const caseId = saveRania()
    const expected = found('Testsamy')
    db().run(sql`UPDATE case_names SET names = '[0,[]]' WHERE case_id = ${caseId}`)
    expect(found('Testsamy')).toEqual(expected)
    db().run(sql`DELETE FROM case_names WHERE case_id = ${caseId}`)
    expect(found('Testsamy')).toEqual(expected)
  })

  it('leave with their case', () => {
    const caseId = saveRania()
    db().run(sql`DELETE FROM cases WHERE id = ${caseId}`)
    expect(db().value<number>(sql`SELECT count(*) FROM case_names`)).toBe(0)
  })

  it('score the best candidates even when the exact hits outrank them all (the pool is ranked inside the index)', () => {
    const rows = Array.from({ length: 160 }, (_, index) => ({
      line: index + 2,
      intake: intake((draft) => {
        draft.person.givenNames = `Given${index}`
        draft.person.familyName = 'Testhaddad'
      }),
    }))
    // The one spelled otherwise has the longest search document, so every exact hit ranks above it.
    rows.push({
      line: 200,
      intake: intake((draft) => {
        draft.person.givenNames = 'Zed'
        draft.person.familyName = 'Testhadad'
        draft.person.aliases = ['Kora Wenlo', 'Pim Sarotu', 'Bex Dalimor', 'Quin Havret', 'Ulo Menstar']
      }),
    })
    services.caseTransfer.importIntakes(rows, { dryRun: false })
    const page = services.caseList.list({ search: 'Testhaddad', limit: 500 })
    expect(page.total).toBe(161)
    expect(page.rows.at(-1)?.displayName).toBe('Zed Testhadad')
    expect(page.rows.at(-1)?.whyMatched[0]?.spelledOtherwise).toBe(true)
  })
})
