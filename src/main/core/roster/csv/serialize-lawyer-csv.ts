import { LAWYER_CSV_FIELDS, type TLawyerCsvField } from '../../../../shared/contract/lawyers'
import type { TLawyerFields } from '../../../../shared/roster/lawyer-schema'
import { formatOnCallWindow } from '../../../../shared/roster/on-call'
import { joinList } from '../../csv/cells'

/** One lawyer as the columns of the roster CSV, in the form `parseLawyerRecords` reads back (every field). */
export function lawyerCells(lawyer: TLawyerFields): string[] {
  const [main, ...others] = lawyer.memberships
  const cells: Record<TLawyerCsvField, string> = {
    first_name: lawyer.firstName,
    last_name: lawyer.lastName,
    email: lawyer.email,
    phone: lawyer.phone,
    firm: lawyer.firm,
    law_society_province: main?.province ?? '',
    licence_number: main?.licenceNumber ?? '',
    licence_status: main?.status ?? '',
    licence_verified_on: main?.verifiedOn ?? '',
    other_jurisdictions: joinList(
      others.map((membership) =>
        [membership.province, membership.licenceNumber, membership.status, membership.verifiedOn]
          .join(':')
          .replace(/:+$/, ''),
      ),
    ),
    practice_areas: joinList(lawyer.practiceAreas),
    languages: joinList(lawyer.languages),
    city: lawyer.city,
    province: lawyer.province,
    airport_on_call: joinList(lawyer.onCallWindows.map(formatOnCallWindow)),
    airports: joinList(lawyer.airports),
    max_active: String(lawyer.maxActive),
    conflicts: joinList(lawyer.conflicts.map((conflict) => `${conflict.kind}:${conflict.name}`)),
    status: lawyer.status,
    notes: lawyer.notes,
    experience_types: joinList(lawyer.experienceTypes),
    experience_countries: joinList(lawyer.experienceCountries),
  }
  return LAWYER_CSV_FIELDS.map((field) => cells[field])
}

export const LAWYER_CSV_HEADER: readonly string[] = LAWYER_CSV_FIELDS
