import type { z } from 'zod'
import { MESSAGES, type TIntake } from '../../../../shared/cases/intake-schema'
import type { TCsvErrorCode, TCsvRowError } from '../../../../shared/contract/intake-csv'
import { CSV_COLUMNS, type TCsvColumn } from './columns'

/*
 * A row that reads as an intake is checked once more with the intake schema the wizard uses. Its problems speak of
 * paths in the intake ('person.dateOfBirth'); the file speaks of columns ('date_of_birth'). This maps one to the other.
 */

/** A row's problems are listed in the file's column order (stable sort keeps a column's own order). */
export const columnOrder = (field: string): number => (CSV_COLUMNS as readonly string[]).indexOf(field)

/** Which column a schema problem belongs to, by its path in the intake. */
function columnOfPath(path: readonly PropertyKey[], intake: TIntake): TCsvColumn | null {
  const [section, key] = path
  switch (section) {
    case 'meta':
      return key === 'notes' ? 'notes' : 'intake_date'
    case 'person':
      return (
        (
          {
            givenNames: 'given_names',
            familyName: 'family_name',
            aliases: 'aliases',
            originalScriptName: 'name_original_script',
            dateOfBirth: 'date_of_birth',
            gender: 'gender',
          } as const
        )[key as string] ?? null
      )
    case 'contact':
      return key === 'phone' ? 'phone' : key === 'email' ? 'email' : 'safe_contact_notes'
    case 'languages':
      return key === 'preferred'
        ? 'preferred_language'
        : key === 'others'
          ? 'other_languages'
          : 'interpreter_needed'
    case 'location':
      return (
        (
          {
            province: 'province',
            city: 'city',
            countryOfOrigin: 'country_of_origin',
            immigrationStatus: 'immigration_status',
          } as const
        )[key as string] ?? null
      )
    case 'experiences':
      return key === 'narrative' ? 'narrative' : 'experiences'
    case 'adverseParties':
      return 'adverse_parties'
    case 'needs':
      return (
        (
          {
            needs: 'legal_needs',
            detained: 'detained',
            removalDate: 'removal_date',
            hearingDate: 'hearing_date',
            atAirportNow: 'at_airport',
            airportCode: 'airport',
          } as const
        )[key as string] ?? null
      )
    case 'consent': {
      const entry = typeof key === 'number' ? intake.consent[key] : undefined
      return entry?.purpose === 'share_with_organization' ? 'consent_share_org' : 'consent_share_lawyer'
    }
    default:
      return null
  }
}

const CODE_OF_MESSAGE: Readonly<Record<string, TCsvErrorCode>> = {
  [MESSAGES.tooLong]: 'tooLong',
  [MESSAGES.tooMany]: 'tooMany',
  [MESSAGES.nameRequired]: 'nameRequired',
  [MESSAGES.notADate]: 'notADate',
  [MESSAGES.dateInFuture]: 'dateInFuture',
  [MESSAGES.phone]: 'phone',
  [MESSAGES.email]: 'email',
  [MESSAGES.language]: 'language',
  [MESSAGES.country]: 'country',
  [MESSAGES.choice]: 'choice',
  [MESSAGES.partyNameRequired]: 'partyName',
}

/** The schema's problems as row errors, one per column (the first one found). */
export function schemaErrors(
  line: number,
  issues: readonly z.core.$ZodIssue[],
  intake: TIntake,
): TCsvRowError[] {
  const errors = new Map<string, TCsvRowError>()
  for (const issue of issues) {
    const field = columnOfPath(issue.path, intake) ?? String(issue.path[0] ?? '')
    if (errors.has(field)) continue
    const code = CODE_OF_MESSAGE[issue.message] ?? 'invalid'
    const error: TCsvRowError = { line, field, code }
    if (issue.code === 'too_big' && typeof issue.maximum === 'number') error.limit = issue.maximum
    errors.set(field, error)
  }
  return [...errors.values()]
}
