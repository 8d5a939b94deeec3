import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { emptyIntake, type TIntake } from '../../../../shared/cases/intake-schema'
import { joinList, neutralize, splitList, unneutralize } from '../../csv/cells'
import { CSV_COLUMNS } from './columns'
import { parseIntakesCsv } from './parse-intakes-csv'
import { serializeIntakesCsv, type TExportCase } from './serialize-intakes-csv'

/* Synthetic, obviously invented people only. */

function sampleIntake(): TIntake {
  const intake = emptyIntake('2026-10-01')
  intake.person.familyName = 'Invented-Person'
  intake.person.givenNames = '=HYPERLINK("https://attacker.example","click")'
  intake.person.aliases = ['+Plus Alias', 'Semi;colon', 'Back\\slash']
  intake.person.originalScriptName = 'نموذج'
  intake.person.dateOfBirth = '1975-06-15'
  intake.person.gender = 'non_binary'
  intake.languages = {
    preferred: 'fa',
    others: ['en', 'prs'],
    interpreterNeeded: 'prefer_not_to_say',
    dialect: '',
  }
  intake.contact.phone = '+1 416 555 0199'
  intake.contact.email = 'invented@example.org'
  intake.contact.safetyNotes = '@mention first; "quoted" words, commas'
  intake.location = {
    province: 'BC',
    city: 'Vancouver',
    countryOfOrigin: 'AF',
    immigrationStatus: 'protected_person',
    arrivalDate: '',
    arrivalRoute: '',
  }
  intake.needs.needs = ['federal_court', 'airport_support']
  intake.needs.detained = 'yes'
  intake.needs.removalDate = '2026-12-24'
  intake.needs.hearingDate = ''
  intake.needs.atAirportNow = true
  intake.needs.airportCode = 'YVR'
  intake.adverseParties = [
    { kind: 'organization', name: 'Fictional Agency', originalScriptName: '', country: '', notes: '' },
    { kind: 'person', name: 'Major: Example', originalScriptName: '', country: '', notes: '' },
  ]
  intake.experiences = {
    entries: [
      { kind: 'enforced_disappearance', otherKind: '', country: '', period: '', place: '' },
      { kind: 'enforced_disappearance', otherKind: '', country: 'AF', period: '2001', place: '' },
    ],
    narrative: '-minus first\r\nthen "a quote", a comma; and\ttab',
  }
  intake.consent = [
    {
      purpose: 'share_with_organization',
      granted: true,
      method: 'verbal',
      givenOn: '2026-10-01',
      expiresOn: '',
      notes: '',
    },
  ]
  intake.meta.notes = 'Tab\tinside'
  return intake
}

describe('neutralize', () => {
  it("puts a ' before cells a spreadsheet would run as a formula, and only those", () => {
    for (const cell of ['=1+1', '+1 514', '-2', '@SUM(A1)', '\tx', '\rx', '\nx', '＝1']) {
      expect(neutralize(cell)).toBe(`'${cell}`)
      expect(unneutralize(neutralize(cell))).toBe(cell)
    }
    for (const cell of ['', 'Ada', "'quoted", ' =1', '1-2', 'a@b.example']) {
      expect(neutralize(cell)).toBe(cell)
      expect(unneutralize(cell)).toBe(cell)
    }
  })
})

describe('lists', () => {
  it('round-trip items containing ; and \\', () => {
    const items = ['plain', 'semi;colon', 'back\\slash', 'ends with \\', '\\;both']
    expect(splitList(joinList(items))).toEqual(items)
    expect(splitList(' a ;; b ; ')).toEqual(['a', 'b'])
    expect(splitList('C:\\folder')).toEqual(['C:\\folder'])
  })
})

describe('serializeIntakesCsv', () => {
  const cases: TExportCase[] = [
    { reference: 'CCIJ-2026-0001', intake: sampleIntake(), notes: ['A later intake note', 'Tab\tinside'] },
    {
      reference: 'CCIJ-2026-0002',
      intake: { ...emptyIntake('2026-11-02'), person: { ...emptyIntake('x').person, givenNames: 'Only' } },
      notes: [],
    },
  ]

  it('writes a BOM, the header, CRLF line ends and every cell quoted', () => {
    const { text, count } = serializeIntakesCsv(cases)
    expect(count).toBe(2)
    expect(text.startsWith('\uFEFF"reference","family_name",')).toBe(true)
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.map((column) => `"${column}"`).join(',')}`)
    expect(text.endsWith('\r\n')).toBe(true)
  })

  it('leaves no cell that starts like a formula', () => {
    const { text } = serializeIntakesCsv(cases)
    const records = parse(text, { bom: true }) as string[][]
    expect(records).toHaveLength(3)
    for (const record of records) {
      expect(record).toHaveLength(CSV_COLUMNS.length)
      for (const cell of record) expect(cell, cell).not.toMatch(/^[=+\-@\t\r\n＝＋－＠]/u)
    }
    const [, first] = records
    expect(first?.[CSV_COLUMNS.indexOf('given_names')]).toBe(
      `'=HYPERLINK("https://attacker.example","click")`,
    )
    expect(first?.[CSV_COLUMNS.indexOf('phone')]).toBe(`'+1 416 555 0199`)
    expect(first?.[CSV_COLUMNS.indexOf('airport')]).toBe('YVR')
    expect(first?.[CSV_COLUMNS.indexOf('safe_contact_notes')]).toBe(`'@mention first; "quoted" words, commas`)
    expect(first?.[CSV_COLUMNS.indexOf('narrative')]?.startsWith("'-minus")).toBe(true)
  })

  it('reads back through the import as the same intake (for the columns a CSV holds)', () => {
    const { text } = serializeIntakesCsv(cases)
    const result = parseIntakesCsv(text, { today: '2026-11-27' })
    if ('errors' in result) throw new Error(JSON.stringify(result.errors))
    const [first, second] = result.rows
    expect(first?.reference).toBe('CCIJ-2026-0001')
    expect(first?.line).toBe(2)
    const original = sampleIntake()
    const back = first!.intake
    expect(back.person).toEqual({ ...original.person })
    expect(back.languages).toEqual(original.languages)
    expect(back.contact).toMatchObject({
      phone: original.contact.phone,
      email: original.contact.email,
      safetyNotes: original.contact.safetyNotes,
    })
    expect(back.location).toEqual(original.location)
    expect(back.needs).toEqual(original.needs)
    expect(back.adverseParties).toEqual(original.adverseParties)
    expect(back.experiences.entries.map((entry) => entry.kind)).toEqual(['enforced_disappearance'])
    expect(back.experiences.narrative).toBe('-minus first\nthen "a quote", a comma; and\ttab')
    expect(back.consent).toEqual([
      {
        purpose: 'share_with_organization',
        granted: true,
        method: '',
        givenOn: '2026-10-01',
        expiresOn: '',
        notes: '',
      },
    ])
    expect(back.meta.notes).toBe('Tab\tinside\n\nA later intake note')
    // The narrative holds one line end and the notes two, so the second case starts on line 2 + 1 + 3.
    expect(second?.line).toBe(6)
    expect(second?.intake.person.givenNames).toBe('Only')
  })

  it('writes an empty export as the header alone', () => {
    const { text, count } = serializeIntakesCsv([])
    expect(count).toBe(0)
    expect(text.split('\r\n')).toHaveLength(2)
  })
})
