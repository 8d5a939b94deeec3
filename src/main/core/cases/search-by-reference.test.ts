import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../../shared/cases/intake-schema'
import { createTestVault, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import type { TVaultServices } from '../services'
import { referencePrefixOf } from './case-search'

const TODAY = new Date('2026-11-27T15:00:00Z')

describe('a reference typed in the search box is looked up by reference', () => {
  it('takes one reference-shaped word, whole or begun past its year, in any letter case', () => {
    expect(referencePrefixOf(' ccij-2026-0042 ')).toBe('CCIJ-2026-0042')
    expect(referencePrefixOf('CCIJ-2026-004')).toBe('CCIJ-2026-004')
    for (const other of ['CCIJ-2026', '0042', 'CCIJ-2026-0042 Haddad', 'CCIJ-26-0042', 'Haddad']) {
      expect(referencePrefixOf(other), other).toBeNull()
    }
  })

  let root: string
  let services: TVaultServices
  const references: string[] = []

  beforeAll(async () => {
    root = makeTempFolder()
    services = await createTestVault(root, { now: () => TODAY.getTime() })
    for (const [given, family] of [
      ['Oltrana', 'Vesketh'],
      ['Marivel', 'Quandro'],
    ] as const) {
      const intake = emptyIntake('2026-11-20')
      intake.person.givenNames = given
      intake.person.familyName = family
      // A note quoting another case's reference: the reference search lists that case, not this one.
      if (given === 'Marivel') intake.meta.notes = 'Synthetic: sister of the survivor of CCIJ-2026-0001'
      references.push(
        services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] }).reference,
      )
    }
    // A reference the caseworker typed by hand in an import, longer than the four digits the app hands out.
    const imported = emptyIntake('2026-11-21')
    imported.person.givenNames = 'Tessaly'
    imported.person.familyName = 'Brunmark'
    services.caseTransfer.importIntakes([{ line: 2, reference: 'CCIJ-2026-00019', intake: imported }], {
      dryRun: false,
    })
    references.push('CCIJ-2026-00019')
  }, 60_000)
  afterAll(() => {
    services.vault.lock()
    removeFolder(root)
  })

  const found = (search: string, statuses: ('new' | 'closed')[] = []) =>
    services.caseList.list({ search, statuses }).rows.map((row) => row.reference)

  it('finds the case of a whole reference (and longer ones it begins, as the index did), typed in any case, and says it matched by reference', () => {
    const [first] = references
    expect(found(first?.toLowerCase() ?? '')).toEqual([first, 'CCIJ-2026-00019'])
    expect(services.caseList.list({ search: first ?? '' }).rows[0]?.whyMatched).toEqual([
      { kind: 'reference', text: '', script: 'Latn', spelledOtherwise: false },
    ])
  })

  it('finds every reference a begun one starts, in order, and counts them; not a note quoting one', () => {
    expect(references.slice(0, 2)).toEqual(['CCIJ-2026-0001', 'CCIJ-2026-0002'])
    expect(found('CCIJ-2026-000')).toEqual(['CCIJ-2026-0001', 'CCIJ-2026-00019', 'CCIJ-2026-0002'])
    expect(found('CCIJ-2026-0001')).toEqual(['CCIJ-2026-0001', 'CCIJ-2026-00019'])
    expect(services.caseList.list({ search: 'CCIJ-2026-0', limit: 1 }).total).toBe(3)
    expect(found('CCIJ-2025-0001')).toEqual([])
  })

  it('applies the list filters to a reference too', () => {
    expect(found('CCIJ-2026-0001', ['closed'])).toEqual([])
    expect(found('CCIJ-2026-0001', ['new'])).toEqual(['CCIJ-2026-0001', 'CCIJ-2026-00019'])
  })

  it('audits a reference search as every search: who, how many words and results', () => {
    const before = services.audit.list({ limit: 1 }).entries[0]?.seq ?? 0
    found('CCIJ-2026-0002')
    const entries = services.audit.list({ limit: 10 }).entries.filter((entry) => entry.seq > before)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'cases.searched', details: { words: 1, results: 1 } })
  })
})
