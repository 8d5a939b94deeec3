import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../../shared/cases/intake-schema'
import { createTestVault, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import type { TVaultServices } from '../services'
import { buildSearchQuery } from './case-search'

const TODAY = new Date('2026-11-27T15:00:00Z')

describe('a word of one or two letters is searched as a whole word', () => {
  it('asks the index for the word whole, and for longer words (and syllabic scripts) their beginning', () => {
    const short = buildSearchQuery('Li') ?? ''
    expect(short).toContain('names : "li" OR')
    expect(short).toContain('reference : "li" OR')
    expect(short).toContain('notes : "li" OR')
    expect(short).not.toContain('*')
    expect(buildSearchQuery('Lis')).toContain('names : "lis"*')
    expect(buildSearchQuery('李')).toContain('names : "李"*')
  })

  let root: string
  let services: TVaultServices
  let references: { li: string; lisbetta: string }

  beforeAll(async () => {
    root = makeTempFolder()
    services = await createTestVault(root, { now: () => TODAY.getTime() })
    const li = emptyIntake('2026-11-20')
    li.person.givenNames = 'Wenqiao'
    li.person.familyName = 'Li'
    li.person.originalScriptName = '李文桥'
    const lisbetta = emptyIntake('2026-11-21')
    lisbetta.person.givenNames = 'Lisbetta'
    lisbetta.person.familyName = 'Korvanek'
    lisbetta.meta.notes = 'Synthetic: met at the limestone hall'
    const submit = (intake: typeof li): string =>
      services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] }).reference
    references = { li: submit(li), lisbetta: submit(lisbetta) }
  }, 60_000)
  afterAll(() => {
    services.vault.lock()
    removeFolder(root)
  })

  const found = (search: string) =>
    services.caseList.list({ search }).rows.map(({ reference, whyMatched }) => ({ reference, whyMatched }))

  it('"Li" finds the person named Li, not everyone whose name or notes begin with "li"', () => {
    expect(found('Li')).toEqual([
      {
        reference: references.li,
        whyMatched: [{ kind: 'name', text: 'Wenqiao Li', script: 'Latn', spelledOtherwise: false }],
      },
    ])
  })

  it('three letters are begun again, and one Han character still begins a name written without spaces', () => {
    expect(found('Lis').map((row) => row.reference)).toEqual([references.lisbetta])
    expect(found('lim').map((row) => row.reference)).toEqual([references.lisbetta])
    expect(found('李').map((row) => row.reference)).toEqual([references.li])
    expect(found('李文').map((row) => row.reference)).toEqual([references.li])
  })
})
