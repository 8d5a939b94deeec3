import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ZIntakeSchema } from '../../../../shared/cases/intake-schema'
import type { TCsvRowError } from '../../../../shared/contract/intake-csv'
import { CSV_COLUMNS, CSV_COLUMN_ALIASES, columnOf, normalizeHeader } from './columns'
import { intakeCsvTemplate, templateHeader } from './intake-csv-template'
import { formatCsvError } from './messages'
import { parseIntakesCsv, type TCsvImportRow } from './parse-intakes-csv'

/* Synthetic, obviously invented people only. */

const TODAY = '2026-11-27'
const parse = (text: string) => parseIntakesCsv(text, { today: TODAY })

function rowsOf(text: string): TCsvImportRow[] {
  const result = parse(text)
  if ('errors' in result) throw new Error(result.errors.slice(0, 20).map(formatCsvError).join('\n'))
  return [...result.rows]
}

function errorsOf(text: string): TCsvRowError[] {
  const result = parse(text)
  if (!('errors' in result)) throw new Error(`expected errors, got ${result.rows.length} rows`)
  return result.errors
}

const messagesOf = (text: string): string[] => errorsOf(text).map(formatCsvError)

const FULL_HEADER = CSV_COLUMNS.join(',')
const FULL_ROW = [
  'CCIJ-2025-0007',
  'Testperson',
  'Example Ada',
  'Ada E.; A. Testperson',
  'إيدا',
  '1980-02-28',
  'woman',
  'ar',
  'fr;EN',
  'yes',
  '+1 514 555 0100',
  'ada.example@example.org',
  '"Only call after 6 pm, via her sister"',
  'qc',
  'Montréal',
  'sy',
  'refugee_claimant',
  'refugee_claim; detention review',
  'no',
  '2026-12-20',
  '2026-12-01',
  'oui',
  ' yul ',
  'Colonel Invented; unit:99th Fictional Brigade; state:Republic of Nowhere',
  'torture;war_crimes',
  '"A long, invented narrative.\nSecond line of it."',
  'yes',
  'non',
  '2026-11-20',
  'Imported from the 2024 sheet',
].join(',')

describe('parseIntakesCsv: a full row', () => {
  it('maps every default column onto a valid intake', () => {
    const [row, ...rest] = rowsOf(`${FULL_HEADER}\n${FULL_ROW}\n`)
    expect(rest).toEqual([])
    expect(row?.line).toBe(2)
    expect(row?.reference).toBe('CCIJ-2025-0007')
    const intake = row!.intake
    expect(ZIntakeSchema.safeParse(intake).success).toBe(true)
    expect(intake.person).toMatchObject({
      familyName: 'Testperson',
      givenNames: 'Example Ada',
      aliases: ['Ada E.', 'A. Testperson'],
      originalScriptName: 'إيدا',
      dateOfBirth: '1980-02-28',
      gender: 'woman',
    })
    expect(intake.languages).toMatchObject({
      preferred: 'ar',
      others: ['fr', 'en'],
      interpreterNeeded: 'yes',
    })
    expect(intake.contact).toMatchObject({
      phone: '+1 514 555 0100',
      email: 'ada.example@example.org',
      safetyNotes: 'Only call after 6 pm, via her sister',
    })
    expect(intake.location).toMatchObject({
      province: 'QC',
      city: 'Montréal',
      countryOfOrigin: 'SY',
      immigrationStatus: 'refugee_claimant',
    })
    expect(intake.needs).toMatchObject({
      needs: ['refugee_claim', 'detention_review'],
      detained: 'no',
      removalDate: '2026-12-20',
      hearingDate: '2026-12-01',
      atAirportNow: true,
      airportCode: 'YUL',
    })
    expect(intake.adverseParties).toEqual([
      { kind: 'person', name: 'Colonel Invented', originalScriptName: '', country: '', notes: '' },
      { kind: 'unit', name: '99th Fictional Brigade', originalScriptName: '', country: '', notes: '' },
      { kind: 'state', name: 'Republic of Nowhere', originalScriptName: '', country: '', notes: '' },
    ])
    expect(intake.experiences.entries.map((entry) => entry.kind)).toEqual(['torture', 'war_crimes'])
    expect(intake.experiences.narrative).toBe('A long, invented narrative.\nSecond line of it.')
    expect(intake.consent).toEqual([
      {
        purpose: 'share_with_lawyer',
        granted: true,
        method: '',
        givenOn: '2026-11-20',
        expiresOn: '',
        notes: '',
      },
      {
        purpose: 'share_with_organization',
        granted: false,
        method: '',
        givenOn: '2026-11-20',
        expiresOn: '',
        notes: '',
      },
    ])
    expect(intake.meta).toMatchObject({ intakeDate: '2026-11-20', notes: 'Imported from the 2024 sheet' })
  })

  it('needs only a name: the rest stays empty and the intake is dated today', () => {
    const [row] = rowsOf('given_names\nSam Invented\n')
    expect(row?.reference).toBeUndefined()
    expect(row?.intake.person.givenNames).toBe('Sam Invented')
    expect(row?.intake.meta.intakeDate).toBe(TODAY)
    expect(row?.intake.consent).toEqual([])
    expect(row?.intake.needs.atAirportNow).toBe(false)
  })

  it('accepts booleans as yes/no/true/false/1/0/oui/non in any case, and ANSWERS keys', () => {
    const text = [
      'family_name,at_airport,consent_share_lawyer,interpreter_needed,detained',
      'One,YES,true,1,Prefer not to say',
      'Two,No,FALSE,0,unknown',
      'Three,1,oui,oui,non',
      'Four,0,non,,',
    ].join('\n')
    const rows = rowsOf(text)
    expect(rows.map((row) => row.intake.needs.atAirportNow)).toEqual([true, false, true, false])
    expect(rows.map((row) => row.intake.consent[0]?.granted)).toEqual([true, false, true, false])
    expect(rows.map((row) => row.intake.languages.interpreterNeeded)).toEqual(['yes', 'no', 'yes', ''])
    expect(rows.map((row) => row.intake.needs.detained)).toEqual(['prefer_not_to_say', 'unknown', 'no', ''])
  })
})

describe('parseIntakesCsv: headers', () => {
  it('reads headers case-insensitively, trimmed, with aliases in English and French', () => {
    const [row] = rowsOf(
      ' Surname ,First_Name,DOB,Language,Needs,Prénom de trop\n'.replace(',Prénom de trop', '') +
        'Testperson,Bo,1990-01-01,FR,civil_claim\n',
    )
    expect(row?.intake.person).toMatchObject({
      familyName: 'Testperson',
      givenNames: 'Bo',
      dateOfBirth: '1990-01-01',
    })
    expect(row?.intake.languages.preferred).toBe('fr')
    expect(row?.intake.needs.needs).toEqual(['civil_claim'])
    const [french] = rowsOf(
      "Nom,Prénom,Date de naissance,Langue,Pays d'origine\nExemple,Zoé,1985-05-05,fr,cd\n",
    )
    expect(french?.intake.person).toMatchObject({ familyName: 'Exemple', givenNames: 'Zoé' })
    expect(french?.intake.location.countryOfOrigin).toBe('CD')
  })

  it('reads a file with the French template’s headers exactly as the same file with English headers', () => {
    const frenchHeaders = CSV_COLUMNS.map((column) => templateHeader(column, 'fr'))
    // Every column has a French name: a French template has no English header left.
    expect(CSV_COLUMNS.filter((column, index) => frenchHeaders[index] === column)).toEqual([])
    expect(intakeCsvTemplate('fr').csv.split('\r\n')[0]).toBe(frenchHeaders.map((h) => `"${h}"`).join(','))
    const french = rowsOf(`${frenchHeaders.join(',')}\n${FULL_ROW}\n`)
    expect(french).toHaveLength(1)
    expect(french).toEqual(rowsOf(`${FULL_HEADER}\n${FULL_ROW}\n`))
    // As a person types them in a spreadsheet: accents, capitals and spaces.
    const typed = rowsOf('Nom de famille;Expériences vécues;En détention\nExemple;torture;oui\n')
    expect(typed[0]?.intake.experiences.entries.map((entry) => entry.kind)).toEqual(['torture'])
    expect(typed[0]?.intake.needs.detained).toBe('yes')
  })

  it('has aliases that each name one column, and every column reachable by its own name', () => {
    for (const column of CSV_COLUMNS) {
      expect(columnOf(column)).toBe(column)
      expect(columnOf(column.toUpperCase().replaceAll('_', ' '))).toBe(column)
      for (const alias of CSV_COLUMN_ALIASES[column]) {
        expect(normalizeHeader(alias)).toBe(alias)
        expect(columnOf(alias)).toBe(column)
      }
    }
  })

  it('refuses unknown and repeated columns, naming them', () => {
    expect(messagesOf('family_name,favourite_colour,Surname\nA,blue,B\n')).toEqual([
      'line 1 (header): column "favourite_colour" is not one this app knows (see docs/intake-csv.md)',
      'line 1 (header): column family_name appears twice (again as "Surname")',
    ])
  })

  it('ignores empty trailing columns but refuses an unnamed column that holds data', () => {
    expect(rowsOf('family_name,,\nTestperson,,\n')).toHaveLength(1)
    expect(errorsOf('family_name,,\nTestperson,,x\n')).toEqual([
      { line: 1, field: '', code: 'unnamedColumn', limit: 3 },
    ])
  })

  it('refuses a file without any name column', () => {
    expect(errorsOf('city\nToronto\n')).toEqual([{ line: 1, field: 'family_name', code: 'noNameColumn' }])
  })

  it('refuses an empty file and a header without rows', () => {
    expect(errorsOf('')).toEqual([{ line: 0, field: '', code: 'empty' }])
    expect(errorsOf('\uFEFF\n\n')).toEqual([{ line: 0, field: '', code: 'empty' }])
    expect(errorsOf('family_name\n\n,\n')).toEqual([{ line: 0, field: '', code: 'empty' }])
  })
})

describe('parseIntakesCsv: refusing a file', () => {
  it('names every bad row by its line and field, and returns no rows', () => {
    const text = [
      'family_name,date_of_birth,province,preferred_language,country_of_origin,gender',
      'Good,1980-02-28,ON,ar,SY,man',
      'Bad,1980-02-31,ON,ar,SY,man',
      'Good,,,,,',
      'Bad,,ZZ,xx1,SYR,robot',
      'Good,,,,,',
    ].join('\n')
    const result = parse(text)
    expect('rows' in result).toBe(false)
    expect(messagesOf(text)).toEqual([
      'row 3: date_of_birth 1980-02-31 does not exist: February 1980 has 29 days',
      'row 5: gender robot is not one of woman, man, non_binary, self_described, prefer_not_to_say',
      'row 5: preferred_language xx1 is not an ISO 639 language code (such as en, fr, ar, prs)',
      'row 5: province ZZ is not a province code (AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, QC, SK, YT)',
      'row 5: country_of_origin SYR is not an ISO 3166 alpha-2 country code (such as SY, AF, CD)',
    ])
  })

  it('says a day does not exist, not that the format is wrong, when the month has no such day', () => {
    const text = [
      'family_name,date_of_birth,removal_date',
      'One,2024-02-30,2026-04-31',
      'Two,2023-02-29,',
    ].join('\n')
    expect(errorsOf(text)).toEqual([
      { line: 2, field: 'date_of_birth', code: 'noSuchDay', value: '2024-02-30' },
      { line: 2, field: 'removal_date', code: 'noSuchDay', value: '2026-04-31' },
      { line: 3, field: 'date_of_birth', code: 'noSuchDay', value: '2023-02-29' },
    ])
    expect(messagesOf(text)[0]).toBe(
      'row 2: date_of_birth 2024-02-30 does not exist: February 2024 has 29 days',
    )
  })

  it('counts physical lines, so a multi-line quoted cell keeps later row numbers right', () => {
    const text = [
      'family_name,narrative,date_of_birth',
      'One,"first line',
      'second line',
      'third line",1980-01-01',
      'Two,short,1980-13-01',
      '',
      'Three,"x\r\ny",tomorrow',
    ].join('\r\n')
    expect(errorsOf(text)).toEqual([
      { line: 5, field: 'date_of_birth', code: 'notADate', value: '1980-13-01' },
      { line: 7, field: 'date_of_birth', code: 'notADate', value: 'tomorrow' },
    ])
  })

  it('reads the airport as a roster IATA code in any case, and refuses a code the roster does not know', () => {
    const rows = rowsOf(['family_name,aeroport', 'One, yyz ', 'Two,'].join('\n'))
    expect(rows.map((row) => row.intake.needs.airportCode)).toEqual(['YYZ', ''])
    expect(errorsOf(['family_name,airport', 'One,YUL', 'Two,Pearson'].join('\n'))).toEqual([
      { line: 3, field: 'airport', code: 'choice', value: 'PEARSON' },
    ])
  })

  it('checks names, future dates, lists, contact details and lengths', () => {
    const text = [
      'family_name,given_names,date_of_birth,intake_date,legal_needs,experiences,other_languages,phone,email,interpreter_needed,at_airport,adverse_parties',
      ',,1970-01-01,,,,,,,,,',
      `Lo,,2099-01-01,2099-01-02,refugee_claim;asylum,torture;tortur,fr;zz9,call me,not-an-email,maybe,perhaps,"gang:X;person:"`,
      `${'x'.repeat(201)},,,,,,,,,,,`,
    ].join('\n')
    expect(messagesOf(text)).toEqual([
      'row 2: has no name (family_name, given_names, aliases or name_original_script)',
      'row 3: date_of_birth 2099-01-01 is in the future',
      'row 3: other_languages zz9 is not an ISO 639 language code (such as en, fr, ar, prs)',
      'row 3: interpreter_needed maybe is not one of yes, no, unknown, prefer_not_to_say',
      'row 3: phone is not a phone number',
      'row 3: email is not an email address',
      'row 3: legal_needs asylum is not one of refugee_claim, detention_review, removal_prra, federal_court, family_reunification, criminal_complaint, civil_claim, airport_support, other',
      'row 3: at_airport perhaps is not yes or no',
      'row 3: adverse_parties kind gang is not one of person, unit, organization, state',
      'row 3: adverse_parties has an entry with a kind but no name',
      'row 3: experiences tortur is not one of torture, war_crimes, genocide, crimes_against_humanity, sexual_violence, enforced_disappearance, other',
      'row 3: intake_date 2099-01-02 is in the future',
      'row 4: family_name is too long (at most 200 characters)',
    ])
  })

  it('never echoes names, contact details or text, only short codes and dates', () => {
    const secret = 'Zyxwv-Canary-Name'
    const errors = errorsOf(
      [
        'family_name,phone,email,narrative,notes,date_of_birth',
        `${secret},${secret},${secret}@,${secret.repeat(2000)},${secret.repeat(400)},${secret}`,
      ].join('\n'),
    )
    expect(errors.map((error) => error.field)).toEqual([
      'date_of_birth',
      'phone',
      'email',
      'narrative',
      'notes',
    ])
    const dateError = errors.find((error) => error.field === 'date_of_birth')
    expect(dateError?.value?.length).toBeLessThanOrEqual(40)
    for (const error of errors.filter((candidate) => candidate.field !== 'date_of_birth')) {
      expect(JSON.stringify(error)).not.toContain(secret)
      expect(formatCsvError(error)).not.toContain(secret)
    }
  })

  it('checks references: their form and that none is given twice', () => {
    const text = [
      'reference,family_name',
      'ccij-2025-0001,One',
      'CCIJ-25-1,Two',
      'CCIJ-2025-0001,Three',
      ',Four',
    ].join('\n')
    expect(messagesOf(text)).toEqual([
      'row 3: reference CCIJ-25-1 is not a reference like CCIJ-2026-0042',
      'row 4: reference is also on row 2',
    ])
  })

  it('refuses rows with more cells than the header, but not trailing empty ones', () => {
    expect(rowsOf('family_name,city\nA,Toronto,,\n')).toHaveLength(1)
    expect(messagesOf('family_name,city\nA,Toronto,extra\n')).toEqual([
      "row 2: has more cells than the header's 2 columns",
    ])
  })

  it('reports bad CSV syntax with its line', () => {
    expect(errorsOf('family_name,city\nA,Toronto\nB,"Otta"wa\nC,Hull\n')).toEqual([
      { line: 3, field: '', code: 'badQuote' },
    ])
    expect(errorsOf('family_name,city\nA,Toronto\nB,"Ottawa\nC,Hull\nD,Laval\n')).toEqual([
      { line: 3, field: '', code: 'unclosedQuote' },
    ])
    expect(errorsOf('family_name,city\nA,To"ronto\n')).toEqual([{ line: 2, field: '', code: 'badQuote' }])
  })

  it('refuses text that was not UTF-8 (replacement characters from decoding)', () => {
    expect(errorsOf('family_name\nOk\nCaf\uFFFD\n')).toEqual([{ line: 3, field: '', code: 'notUtf8' }])
  })
})

describe('parseIntakesCsv: file conventions', () => {
  it('strips a BOM and reads CRLF, LF and CR line ends', () => {
    expect(rowsOf('\uFEFFfamily_name\r\nOne\r\nTwo\r\n').map((row) => row.line)).toEqual([2, 3])
    expect(rowsOf('family_name\rOne\rTwo').map((row) => row.line)).toEqual([2, 3])
  })

  it('reads semicolon-separated files (French Excel) and tab-separated ones', () => {
    const [row] = rowsOf('nom;prénom;besoins\nTestperson;Éloi;"refugee_claim;civil_claim"\n')
    expect(row?.intake.person).toMatchObject({ familyName: 'Testperson', givenNames: 'Éloi' })
    expect(row?.intake.needs.needs).toEqual(['refugee_claim', 'civil_claim'])
    expect(rowsOf('family_name\tcity\nA\tToronto\n')[0]?.intake.location.city).toBe('Toronto')
  })

  it('skips blank rows but keeps counting their lines', () => {
    expect(rowsOf('family_name,city\n\nA,\n,\n  ,  \nB,Laval\n').map((row) => row.line)).toEqual([3, 6])
  })

  it('takes off the quote this app puts before formula-like cells', () => {
    const [row] = rowsOf("family_name,phone,notes\nTestperson,'+1 514 555 0100,'=not a formula\n")
    expect(row?.intake.contact.phone).toBe('+1 514 555 0100')
    expect(row?.intake.meta.notes).toBe('=not a formula')
    // A quote before anything else is the person's own text.
    expect(rowsOf("family_name\n'Quoted\n")[0]?.intake.person.familyName).toBe("'Quoted")
  })

  it('reads escaped semicolons in list items and a colon in a person name', () => {
    const [row] = rowsOf(
      'family_name,aliases,adverse_parties\nA,"B\\;C; D","person:Unit 5: Alpha; Unit 7: Beta"\n',
    )
    expect(row?.intake.person.aliases).toEqual(['B;C', 'D'])
    expect(row?.intake.adverseParties.map((party) => [party.kind, party.name])).toEqual([
      ['person', 'Unit 5: Alpha'],
      ['person', 'Unit 7: Beta'],
    ])
  })

  it('accepts vocabulary keys ignoring case, spaces and hyphens; drops repeated list items', () => {
    const [row] = rowsOf(
      'family_name,experiences,immigration_status,legal_needs\nA,War Crimes; war-crimes; GENOCIDE,No Status,other;OTHER\n',
    )
    expect(row?.intake.experiences.entries.map((entry) => entry.kind)).toEqual(['war_crimes', 'genocide'])
    expect(row?.intake.location.immigrationStatus).toBe('no_status')
    expect(row?.intake.needs.needs).toEqual(['other'])
  })
})

describe('docs/intake-csv.md', () => {
  it('has an example file that imports, with the line numbers it states', () => {
    const guide = readFileSync(join(import.meta.dirname, '../../../../../docs/intake-csv.md'), 'utf8')
    const example = /```csv\n([\s\S]*?)```/.exec(guide)?.[1] ?? ''
    expect(rowsOf(example).map((row) => [row.line, row.reference])).toEqual([
      [2, undefined],
      [4, 'CCIJ-2024-0031'],
    ])
  })
})

describe('parseIntakesCsv: speed', () => {
  it('reads 10,000 full rows in a few seconds', () => {
    const text = [
      FULL_HEADER,
      ...Array.from({ length: 10_000 }, () => FULL_ROW.replace('CCIJ-2025-0007,', ',')),
    ].join('\n')
    const started = performance.now()
    const rows = rowsOf(text)
    const elapsed = performance.now() - started
    expect(rows).toHaveLength(10_000)
    expect(rows.at(-1)?.line).toBe(10_000 * 2)
    // Measured ~1–2 s on the development machine; generous for slow CI.
    expect(elapsed).toBeLessThan(20_000)
  })
})
