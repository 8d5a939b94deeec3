import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { displayNameOf, emptyIntake } from '../../../shared/cases/intake-schema'
import { variantsOf } from '#test-support/name-variants'
import { seededRandom, syntheticImportRows } from '#test-support/synthetic'
import { createTestVault, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import { scorePersonMatch } from '../person-matching'
import type { TVaultServices } from '../services'

const TODAY = new Date('2026-11-27T15:00:00Z')

describe('the case search finds every spelling the duplicate check accepts', () => {
  let root: string
  let services: TVaultServices
  const rows = syntheticImportRows(400, 11, TODAY)

  beforeAll(async () => {
    root = makeTempFolder()
    services = await createTestVault(root, { now: () => TODAY.getTime() })
    services.caseTransfer.importIntakes(rows, { dryRun: false })
    const rania = emptyIntake('2026-11-20')
    rania.person.givenNames = 'Rania'
    rania.person.familyName = 'Haddad'
    rania.person.originalScriptName = 'رانية حداد'
    services.intake.submit({ intake: rania, decision: { kind: 'new' }, reviewedCandidates: [] })
  }, 120_000)
  afterAll(() => {
    services.vault.lock()
    removeFolder(root)
  })

  const found = (search: string): string[] =>
    services.caseList.list({ search, limit: 500 }).rows.map((row) => row.displayName)

  it('finds Rania Haddad as "Ranya", "Rnia Hadad", "رانية" and in reverse order, saying under which name', () => {
    for (const search of ['Ranya', 'Rnia Hadad', 'رانية', 'Hadad Ranya', 'rania haddad', 'Hadd']) {
      expect(found(search), search).toContain('Rania Haddad')
    }
    const similar = services.caseList.list({ search: 'Rnia Hadad' }).rows[0]
    expect(similar?.whyMatched).toEqual([
      { kind: 'name', text: 'Rania Haddad', script: 'Latn', spelledOtherwise: true },
    ])
  })

  it('recalls at least 99 % of the variants the duplicate check calls the same person', () => {
    let accepted = 0
    let recalled = 0
    const missed: string[] = []
    for (const { intake } of rows.slice(0, 250)) {
      const legal = `${intake.person.givenNames} ${intake.person.familyName}`
      for (const variant of variantsOf(intake.person.familyName.toLowerCase())) {
        const typed = `${intake.person.givenNames} ${variant}`
        if (!scorePersonMatch({ names: [typed] }, { names: [legal] }).isLikelySame) continue
        accepted += 1
        const hits = services.caseList.list({ search: typed, limit: 500 }).rows
        // The row shows the person as the list does: the legal name, with the preferred one when it differs.
        if (hits.some((row) => row.displayName === displayNameOf(intake.person))) recalled += 1
        else missed.push(`${typed} → ${legal}`)
      }
    }
    expect(accepted).toBeGreaterThan(300)
    expect(recalled / accepted, missed.slice(0, 10).join('; ')).toBeGreaterThanOrEqual(0.99)
  })

  it('finds nothing for random strings', () => {
    const random = seededRandom(5)
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    const hits: string[] = []
    for (let index = 0; index < 200; index++) {
      const length = 6 + Math.floor(random() * 6)
      let text = ''
      for (let letter = 0; letter < length; letter++) text += letters[Math.floor(random() * letters.length)]
      const total = services.caseList.list({ search: text }).total
      if (total > 0) hits.push(text)
    }
    expect(hits).toEqual([])
  })

  it('audits every search and duplicate check with who and how many, never the words or names', () => {
    const lastSeq = () => Math.max(...services.audit.list({ limit: 1 }).entries.map((entry) => entry.seq))
    const before = lastSeq()
    services.caseList.list({ search: 'Rnia Hadad' })
    services.caseList.list({ search: 'Rnia Hadad', offset: 100 })
    const check = emptyIntake('2026-11-20')
    check.person.givenNames = 'Ranya'
    check.person.familyName = 'Hadad'
    const candidates = services.intake.findDuplicates(check)
    const entries = services.audit.list({ limit: 50 }).entries.filter((entry) => entry.seq > before)
    expect(entries).toHaveLength(2)
    const searched = entries.find((entry) => entry.action === 'cases.searched')
    expect(searched).toMatchObject({ actorUsername: 'alex.example', details: { words: 2, results: 1 } })
    const checked = entries.find((entry) => entry.action === 'duplicate.checked')
    expect(checked?.details['results']).toBe(candidates.length)
    const trail = JSON.stringify(entries).toLowerCase()
    for (const word of ['rnia', 'hadad', 'ranya']) expect(trail).not.toContain(word)
  })
})
