import { describe, expect, it } from 'vitest'
import {
  emptyLawyerFields,
  ZLawyerFieldsSchema,
  type TLawyerFields,
} from '../../../../shared/roster/lawyer-schema'
import { isPlainlyValidLawyer } from './plainly-valid-lawyer'
import { parseLawyerRecords } from './parse-lawyer-csv'

const valid = (): TLawyerFields => ({
  ...emptyLawyerFields(),
  firstName: 'Ada',
  lastName: 'Example',
  email: 'ada@example.org',
  memberships: [{ province: 'ON', licenceNumber: 'LSO-1', status: 'practising', verifiedOn: '2026-01-05' }],
  practiceAreas: ['refugee_claim'],
  experienceTypes: ['torture'],
  experienceCountries: ['SY'],
  languages: ['en', 'ar'],
  province: 'ON',
  airports: ['YYZ'],
  onCallWindows: [{ days: ['mon', 'fri'], start: '18:00', end: '02:00' }],
  maxActive: 3,
  conflicts: [{ kind: 'unit', name: '3rd Brigade' }],
})

const many = <T>(count: number, item: (index: number) => T): T[] =>
  Array.from({ length: count }, (_, index) => item(index))

/** Each breaks one rule of ZLawyerFieldsSchema, the way a row could after the parser (or a future change to it). */
const BROKEN: Record<string, (fields: TLawyerFields) => void> = {
  'no name': (f) => Object.assign(f, { firstName: '', lastName: '' }),
  'a name of spaces only': (f) => Object.assign(f, { firstName: '  ', lastName: ' ' }),
  'first name too long': (f) => Object.assign(f, { firstName: 'a'.repeat(101) }),
  'last name too long': (f) => Object.assign(f, { lastName: 'a'.repeat(101) }),
  'firm too long': (f) => Object.assign(f, { firm: 'a'.repeat(201) }),
  'city too long': (f) => Object.assign(f, { city: 'a'.repeat(101) }),
  'notes too long': (f) => Object.assign(f, { notes: 'a'.repeat(4001) }),
  'unknown province': (f) => Object.assign(f, { province: 'XX' }),
  'unknown status': (f) => Object.assign(f, { status: 'retired' }),
  'capacity above the limit': (f) => Object.assign(f, { maxActive: 201 }),
  'capacity below zero': (f) => Object.assign(f, { maxActive: -1 }),
  'capacity not whole': (f) => Object.assign(f, { maxActive: 1.5 }),
  'unknown practice area': (f) => Object.assign(f, { practiceAreas: ['astronaut_law'] }),
  'unknown experience': (f) => Object.assign(f, { experienceTypes: ['piracy'] }),
  'unknown country': (f) => Object.assign(f, { experienceCountries: ['ZZ'] }),
  'too many countries': (f) => Object.assign(f, { experienceCountries: many(61, () => 'SY') }),
  'unknown language': (f) => Object.assign(f, { languages: ['not-a-code'] }),
  'too many languages': (f) => Object.assign(f, { languages: many(31, () => 'en') }),
  'unknown airport': (f) => Object.assign(f, { airports: ['LHR'] }),
  'a province twice': (f) => f.memberships.push({ ...f.memberships[0]!, licenceNumber: 'X-2' }),
  'membership in no province': (f) => Object.assign(f.memberships[0]!, { province: 'XX' }),
  'blank licence': (f) => Object.assign(f.memberships[0]!, { licenceNumber: '  ' }),
  'licence too long': (f) => Object.assign(f.memberships[0]!, { licenceNumber: 'L'.repeat(41) }),
  'unknown licence status': (f) => Object.assign(f.memberships[0]!, { status: 'struck' }),
  'verified on no date': (f) => Object.assign(f.memberships[0]!, { verifiedOn: '2026-02-30' }),
  'too many memberships': (f) =>
    Object.assign(f, { memberships: many(14, () => ({ ...f.memberships[0]! })) }),
  'window without days': (f) => Object.assign(f.onCallWindows[0]!, { days: [] }),
  'window on no weekday': (f) => Object.assign(f.onCallWindows[0]!, { days: ['someday'] }),
  'window starting at 24:00': (f) => Object.assign(f.onCallWindows[0]!, { start: '24:00' }),
  'window ending when it starts': (f) => Object.assign(f.onCallWindows[0]!, { end: '18:00' }),
  'window at no time': (f) => Object.assign(f.onCallWindows[0]!, { end: '25:61' }),
  'too many windows': (f) => Object.assign(f, { onCallWindows: many(22, () => f.onCallWindows[0]!) }),
  'unknown conflict kind': (f) => Object.assign(f.conflicts[0]!, { kind: 'army' }),
  'blank conflict name': (f) => Object.assign(f.conflicts[0]!, { name: ' ' }),
  'conflict name too long': (f) => Object.assign(f.conflicts[0]!, { name: 'n'.repeat(201) }),
  'too many conflicts': (f) =>
    Object.assign(f, { conflicts: many(501, (index) => ({ kind: 'person', name: `Name ${index}` })) }),
}

describe('the plain check before zod in the sign-up import', () => {
  it('accepts a valid lawyer, as the schema does', () => {
    expect(ZLawyerFieldsSchema.safeParse(valid()).success).toBe(true)
    expect(isPlainlyValidLawyer(valid())).toBe(true)
  })

  it.each(Object.entries(BROKEN))('leaves to zod a lawyer zod refuses: %s', (_, breakIt) => {
    const fields = valid()
    breakIt(fields)
    expect(ZLawyerFieldsSchema.safeParse(fields).success).toBe(false)
    expect(isPlainlyValidLawyer(fields)).toBe(false)
  })

  it('still names the problems only the schema finds, by row and column', () => {
    const header = { line: 1, cells: ['first_name', 'last_name', 'firm', 'conflicts'] }
    const mapping = header.cells.map((cell) => ({ header: cell, field: cell as 'first_name' }))
    const { rows, problems } = parseLawyerRecords(
      [
        header,
        { line: 2, cells: ['Ada', 'Example', 'F'.repeat(201), 'unit:3rd Brigade'] },
        { line: 3, cells: ['Bo', 'Sample', 'Firm', `person:${'n'.repeat(201)}`] },
        { line: 4, cells: ['Cy', 'Fine', 'Firm', 'state:Exampleland'] },
      ],
      mapping,
    )
    expect(problems).toEqual([
      { row: 2, column: 'firm', code: 'tooLong' },
      { row: 3, column: 'conflicts', code: 'tooLong' },
    ])
    expect(rows.map((row) => row.row)).toEqual([4])
  })
})
