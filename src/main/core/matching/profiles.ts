/**
 * From stored records to matching profiles: the case file and its intakes on the survivor's side, a roster row and
 * its memberships on the lawyer's side. Pure: the service reads the rows, these decide what they mean.
 */
import { displayNameOf, intakeNames, type TIntake } from '../../../shared/cases/intake-schema'
import { isAirport } from '../../../shared/roster/airports'
import type { TOnCallWindow } from '../../../shared/roster/on-call'
import {
  LEGAL_NEEDS,
  PROVINCES,
  type TExperience,
  type TLegalNeed,
  type TProvince,
} from '../../../shared/cases/vocabulary'
import type { TCaseState } from '../cases/case-records'
import { keysOf } from '../db/key-list'
import type { TLawyerRow, TMembershipRow } from '../roster/lawyer-rows'
import type { TLawyerProfile, TSurvivorParty, TSurvivorProfile } from './types'

const asProvince = (value: string): TProvince | null =>
  (PROVINCES as readonly string[]).includes(value) ? (value as TProvince) : null

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)]

/**
 * Licences that let a lawyer act: practising, and not yet verified (a fresh sign-up is 'unverified' until staff
 * check it with the law society; refusing those would empty a new roster). Suspended and non-practising do not.
 */
export const ACTING_LICENCE_STATUSES: readonly string[] = ['practising', 'unverified']

/** The survivor as matching sees them: the merged case file, plus experiences and parties from every intake. */
export function survivorProfileOf(
  caseId: string,
  state: TCaseState,
  intakes: readonly TIntake[],
  urgent: boolean,
): TSurvivorProfile {
  const { languages, location } = state.profile
  // The IATA code only (casework migration 3 turned old free text into it where it was one): never a guess.
  const airport = state.needs.airportCode ?? ''
  const ownNames = intakeNames(state.profile.person)
  const parties: TSurvivorParty[] = []
  if (ownNames.length > 0) parties.push({ role: 'survivor', kind: 'person', names: ownNames })
  const seen = new Set<string>()
  for (const party of intakes.flatMap((intake) => intake.adverseParties)) {
    const names = [party.name, party.originalScriptName].filter((name) => name.trim() !== '')
    const key = JSON.stringify([party.kind, names])
    if (names.length === 0 || seen.has(key)) continue
    seen.add(key)
    parties.push({ role: 'adverse_party', kind: party.kind, names })
  }
  const entries = intakes.flatMap((intake) => intake.experiences.entries)
  return {
    caseId,
    needs: unique(state.needs.needs.filter((need): need is TLegalNeed => LEGAL_NEEDS.includes(need))),
    province: asProvince(location.province),
    city: location.city,
    airport: isAirport(airport) ? airport : null,
    preferredLanguage: languages.preferred === '' ? null : languages.preferred,
    otherLanguages: languages.others.filter((language) => language !== languages.preferred),
    urgent,
    experiences: unique(entries.map((entry): TExperience => entry.kind)),
    countries: unique(
      [...entries.map((entry) => entry.country), location.countryOfOrigin].filter(
        (country) => country !== '',
      ),
    ),
    parties,
  }
}

/** What a case is shown under in matching's answers (the case page's own rule). */
export const survivorDisplayName = (state: TCaseState): string => displayNameOf(state.profile.person)

/** A roster row as a profile; `activeReferrals` and `lastOfferedAt` come from the referrals. */
export function lawyerProfileOf(
  row: TLawyerRow,
  memberships: readonly TMembershipRow[],
  activeReferrals: number,
  lastOfferedAt: string | null,
): TLawyerProfile {
  return {
    id: row.id,
    name: [row.first_name, row.last_name].filter((part) => part !== '').join(' '),
    email: row.email,
    status: row.status === 'active' ? 'active' : 'paused',
    licensedProvinces: unique(
      memberships
        .filter((membership) => ACTING_LICENCE_STATUSES.includes(membership.status))
        .map((membership) => asProvince(membership.province))
        .filter((province): province is TProvince => province !== null),
    ),
    practiceAreas: keysOf(row.practice_keys).filter((key): key is TLegalNeed =>
      (LEGAL_NEEDS as readonly string[]).includes(key),
    ),
    languages: keysOf(row.language_keys),
    city: row.city,
    province: asProvince(row.province),
    airports: keysOf(row.airport_keys).filter(isAirport),
    onCallWindows: JSON.parse(row.on_call_windows) as TOnCallWindow[],
    capacity: row.max_active,
    activeReferrals,
    experiences: JSON.parse(row.experience_types) as TExperience[],
    countries: JSON.parse(row.experience_countries) as string[],
    lastOfferedAt,
  }
}
