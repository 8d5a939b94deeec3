import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../../shared/cases/intake-schema'
import { scriptOfName } from '../../../shared/cases/name-scripts'
import { createTestVault, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import type { TVaultServices } from '../services'

const TODAY = new Date('2026-11-27T15:00:00Z')

/** Invented people: each is found through one part of the case only, so each reason has a case of its own. */
describe('the case search says why it found each case', () => {
  let root: string
  let services: TVaultServices
  let references: { zaytuna: string; orsolya: string }

  beforeAll(async () => {
    root = makeTempFolder()
    services = await createTestVault(root, { now: () => TODAY.getTime() })
    const zaytuna = emptyIntake('2026-11-20')
    zaytuna.person.givenNames = 'Zaytuna'
    zaytuna.person.familyName = 'Qarawelli'
    zaytuna.person.preferredName = 'Zayt'
    zaytuna.person.aliases = ['Samirelle Tabbouk']
    zaytuna.person.originalScriptName = 'زيتونة قرويلي'
    zaytuna.location.city = 'Montréal'
    zaytuna.meta.notes = 'Asked about the synthetic harbourlight clinic'
    const orsolya = emptyIntake('2026-11-21')
    orsolya.person.givenNames = 'Orsolya'
    orsolya.person.familyName = 'Brindakova'
    orsolya.person.originalScriptName = 'Орсоля Бриндакова'
    orsolya.location.city = 'Winnipeg'
    const submit = (intake: typeof zaytuna): string =>
      services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] }).reference
    references = { zaytuna: submit(zaytuna), orsolya: submit(orsolya) }
  }, 60_000)
  afterAll(() => {
    services.vault.lock()
    removeFolder(root)
  })

  const why = (search: string, reference = references.zaytuna) => {
    const row = services.caseList.list({ search }).rows.find((found) => found.reference === reference)
    expect(row, search).toBeDefined()
    return row?.whyMatched ?? []
  }
  const only = (kind: string, text: string, script = 'Latn', spelledOtherwise = false) => [
    { kind, text, script, spelledOtherwise },
  ]

  it('a hit on the name the case is shown under (legal or preferred) is "name"', () => {
    expect(why('Qarawelli')).toEqual(only('name', 'Zaytuna Qarawelli'))
    expect(why('Zayt')).toEqual(only('name', 'Zaytuna Qarawelli'))
  })

  it('a hit on an alias names the alias', () => {
    expect(why('Samirelle')).toEqual(only('alias', 'Samirelle Tabbouk'))
  })

  it('a hit on the name in its own script names the script, not the name', () => {
    expect(why('قرويلي')).toEqual(only('originalScript', '', 'Arab'))
    expect(why('Бриндакова', references.orsolya)).toEqual(only('originalScript', '', 'Cyrl'))
  })

  it('a hit on the city names the city, accents ignored as typed', () => {
    expect(why('Montreal')).toEqual(only('city', 'Montréal'))
  })

  it('a hit in a note says only "note": the note text never reaches the list', () => {
    const reasons = why('harbourlight')
    expect(reasons).toEqual(only('note', ''))
    expect(JSON.stringify(reasons)).not.toContain('clinic')
  })

  it('a hit on the reference is "reference"', () => {
    expect(why(references.zaytuna)).toEqual(only('reference', ''))
  })

  it('words met in different places give each reason once, in a fixed order', () => {
    expect(why('Montreal samirelle qarawelli')).toEqual([
      ...only('name', 'Zaytuna Qarawelli'),
      ...only('alias', 'Samirelle Tabbouk'),
      ...only('city', 'Montréal'),
    ])
  })

  it('a name spelled otherwise says which name, and that it was spelled otherwise', () => {
    expect(why('Samirele')).toEqual(only('alias', 'Samirelle Tabbouk', 'Latn', true))
    expect(why('Brindakowa Orsolia', references.orsolya)).toEqual(
      only('name', 'Orsolya Brindakova', 'Latn', true),
    )
  })

  it('the plain list gives no reasons', () => {
    expect(services.caseList.list({}).rows.every((row) => row.whyMatched.length === 0)).toBe(true)
  })
})

describe('scriptOfName', () => {
  it('tells the scripts the generator writes names in', () => {
    expect(scriptOfName('رانية حداد')).toBe('Arab')
    expect(scriptOfName('Юсеф Хаддур')).toBe('Cyrl')
    expect(scriptOfName('ሰላም ተስፋዬ')).toBe('Ethi')
    expect(scriptOfName('Zoë Ñúñez')).toBe('Latn')
    expect(scriptOfName('ᏣᎳᎩ')).toBe('other')
  })
})
