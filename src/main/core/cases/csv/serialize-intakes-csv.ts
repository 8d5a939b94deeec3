import { stringify } from 'csv-stringify/sync'
import type { TIntake } from '../../../../shared/cases/intake-schema'
import { CSV_COLUMNS, type TCsvColumn } from './columns'
import { joinList, neutralize } from '../../csv/cells'

/** One case as exported: its reference and its intakes assembled into one (profile + merged intakes). */
export type TExportCase = { reference: string; intake: TIntake; notes: readonly string[] }

const yesNo = (value: boolean): string => (value ? 'yes' : 'no')

function consentCell(intake: TIntake, purpose: TIntake['consent'][number]['purpose']): string {
  const entry = intake.consent.find((candidate) => candidate.purpose === purpose)
  return entry === undefined ? '' : yesNo(entry.granted)
}

/** One case as the columns of docs/intake-csv.md, in the form the import reads back. */
export function intakeCells({ reference, intake, notes }: TExportCase): Record<TCsvColumn, string> {
  return {
    reference,
    family_name: intake.person.familyName,
    given_names: intake.person.givenNames,
    aliases: joinList(intake.person.aliases),
    name_original_script: intake.person.originalScriptName,
    date_of_birth: intake.person.dateOfBirth,
    gender: intake.person.gender,
    preferred_language: intake.languages.preferred,
    other_languages: joinList(intake.languages.others),
    interpreter_needed: intake.languages.interpreterNeeded,
    phone: intake.contact.phone,
    email: intake.contact.email,
    safe_contact_notes: intake.contact.safetyNotes,
    province: intake.location.province,
    city: intake.location.city,
    country_of_origin: intake.location.countryOfOrigin,
    immigration_status: intake.location.immigrationStatus,
    legal_needs: joinList(intake.needs.needs),
    detained: intake.needs.detained,
    removal_date: intake.needs.removalDate,
    hearing_date: intake.needs.hearingDate,
    at_airport: yesNo(intake.needs.atAirportNow),
    airport: intake.needs.airportCode,
    adverse_parties: joinList(
      intake.adverseParties
        .map((party) => ({ kind: party.kind, name: party.name || party.originalScriptName }))
        .map(({ kind, name }) => `${kind}:${name}`),
    ),
    experiences: joinList([...new Set(intake.experiences.entries.map((entry) => entry.kind))]),
    narrative: intake.experiences.narrative,
    consent_share_lawyer: consentCell(intake, 'share_with_lawyer'),
    consent_share_org: consentCell(intake, 'share_with_organization'),
    intake_date: intake.meta.intakeDate,
    notes: [...new Set([intake.meta.notes, ...notes].map((note) => note.trim()))]
      .filter((note) => note !== '')
      .join('\n\n'),
  }
}

/**
 * The CSV text of an export: UTF-8 with a BOM (so spreadsheet programs read accents right), CRLF line ends, every
 * cell quoted (so no `;` or `,` can start a new cell in a program that guesses the separator), and every cell that
 * a spreadsheet would run as a formula neutralized with a leading `'`.
 */
export function serializeIntakesCsv(cases: Iterable<TExportCase>): { text: string; count: number } {
  const records: string[][] = [[...CSV_COLUMNS]]
  for (const exported of cases) {
    const cells = intakeCells(exported)
    records.push(CSV_COLUMNS.map((column) => neutralize(cells[column])))
  }
  const text = stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    quoted: true,
    quoted_empty: true,
  })
  return { text, count: records.length - 1 }
}
