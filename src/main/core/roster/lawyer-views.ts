import type { TLawyer, TLawyerListRow } from '../../../shared/contract/lawyers'
import type { TExperience, TLegalNeed, TProvince } from '../../../shared/cases/vocabulary'
import type { TAirport } from '../../../shared/roster/airports'
import type { TLawyerFields, TLawSocietyMembership } from '../../../shared/roster/lawyer-schema'
import type { TOnCallWindow } from '../../../shared/roster/on-call'
import type { TLawyerStatus, TLicenceStatus } from '../../../shared/roster/vocabulary'
import { keysOf } from '../db/key-list'
import type { TLawyerRecord } from './lawyer-repository'
import type { TLawyerRow } from './lawyer-rows'

/** The rows of one lawyer → the form's fields (what `lawyers:get`, the export and an update read). */
export function toLawyerFields({ row, memberships, conflicts }: TLawyerRecord): TLawyerFields {
  return {
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    firm: row.firm,
    memberships: memberships.map((membership): TLawSocietyMembership => ({
      province: membership.province as TProvince,
      licenceNumber: membership.licence_number,
      status: membership.status as TLicenceStatus,
      verifiedOn: membership.verified_on,
    })),
    practiceAreas: keysOf(row.practice_keys) as TLegalNeed[],
    experienceTypes: JSON.parse(row.experience_types) as TExperience[],
    experienceCountries: JSON.parse(row.experience_countries) as string[],
    languages: keysOf(row.language_keys),
    city: row.city,
    province: row.province as TProvince | '',
    airports: keysOf(row.airport_keys) as TAirport[],
    onCallWindows: JSON.parse(row.on_call_windows) as TOnCallWindow[],
    maxActive: row.max_active,
    conflicts: conflicts.map((conflict) => ({
      kind: conflict.kind as TLawyerFields['conflicts'][number]['kind'],
      name: conflict.name,
    })),
    status: row.status as TLawyerStatus,
    notes: row.notes,
  }
}

export const toLawyer = (record: TLawyerRecord): TLawyer => ({
  ...toLawyerFields(record),
  id: record.row.id,
  createdAt: record.row.created_at,
  updatedAt: record.row.updated_at,
})

export const displayNameOf = (row: Pick<TLawyerRow, 'first_name' | 'last_name'>): string =>
  [row.first_name, row.last_name].filter((part) => part !== '').join(' ')

export const toLawyerListRow = (
  row: TLawyerRow,
  onCallNowAt: TAirport[],
  activeReferrals: number,
): TLawyerListRow => ({
  id: row.id,
  displayName: displayNameOf(row),
  firm: row.firm,
  email: row.email,
  phone: row.phone,
  city: row.city,
  province: row.province,
  licensedIn: keysOf(row.licence_provinces) as TProvince[],
  languages: keysOf(row.language_keys),
  practiceAreas: keysOf(row.practice_keys) as TLegalNeed[],
  airports: keysOf(row.airport_keys) as TAirport[],
  onCallNowAt,
  status: row.status as TLawyerStatus,
  maxActive: row.max_active,
  activeReferrals,
  updatedAt: row.updated_at,
})
