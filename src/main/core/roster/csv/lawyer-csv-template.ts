import type { TTemplateLanguage } from '../../../../shared/contract/intake-csv'
import { LAWYER_CSV_FIELDS } from '../../../../shared/contract/lawyers'
import { LAWYER_SIGN_UP_COLUMNS, lawyerCsvHeader } from '../../../../shared/roster/lawyer-csv-headers'
import { emptyLawyerFields, type TLawyerFields } from '../../../../shared/roster/lawyer-schema'
import { lawyerCells } from './serialize-lawyer-csv'

/**
 * The example row: an obviously invented lawyer, every kind of cell filled the way the import reads it (lists
 * `;`-separated, vocabulary keys, an on-call window, a `kind:name` conflict), so the person sees each form.
 */
function exampleLawyer(language: TTemplateLanguage): TLawyerFields {
  const french = language === 'fr'
  return {
    ...emptyLawyerFields(),
    firstName: 'Sam',
    lastName: french ? 'Exemple' : 'Example',
    email: 'sam.example@example.org',
    phone: '+1 514 555 0100',
    firm: french ? 'Cabinet Exemple S.E.N.C.R.L.' : 'Example Law LLP',
    memberships: [
      { province: 'QC', licenceNumber: 'EXEMPLE-0001', status: 'unverified', verifiedOn: '' },
      { province: 'ON', licenceNumber: 'EXAMPLE-0002', status: 'unverified', verifiedOn: '' },
    ],
    practiceAreas: ['refugee_claim', 'detention_review'],
    languages: ['fr', 'en', 'ar'],
    city: 'Montréal',
    province: 'QC',
    onCallWindows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '18:00', end: '23:00' }],
    airports: ['YUL'],
    maxActive: 3,
    conflicts: [{ kind: 'unit', name: 'Example Unit 12' }],
    status: 'active',
    notes: french ? 'Exemple inventé\u00a0: à effacer.' : 'Invented example: delete this row.',
  }
}

export type TLawyerCsvTemplate = { fileName: string; header: string[]; example: string[] }

/**
 * A blank sign-up file to fill in or to set a web form's export by: the default columns with English or French
 * headers, and one invented row, which the import accepts as it is (tests hold it to that, in both languages).
 */
export function lawyerCsvTemplate(language: TTemplateLanguage): TLawyerCsvTemplate {
  const cells = lawyerCells(exampleLawyer(language))
  const cellOf = new Map(LAWYER_CSV_FIELDS.map((field, index) => [field, cells[index] ?? '']))
  return {
    fileName: language === 'fr' ? 'modele-inscription-avocats.csv' : 'lawyer-sign-up-template.csv',
    header: LAWYER_SIGN_UP_COLUMNS.map((field) => lawyerCsvHeader(field, language)),
    example: LAWYER_SIGN_UP_COLUMNS.map((field) => cellOf.get(field) ?? ''),
  }
}
