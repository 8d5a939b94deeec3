/**
 * From stored rows to the contract's shapes. Staff are named by `names` (account id → display name, from
 * `StaffDirectory.displayNames()`), so a renamed colleague reads right everywhere.
 */
import type {
  TCaseListPage,
  TConsentRecord,
  TStaffRef,
  TTask,
  TTimelineEntry,
} from '../../../shared/contract/cases'
import type { TCaseStatus } from '../../../shared/cases/vocabulary'
import {
  isUrgent,
  type TCaseState,
  type TContactRecord,
  type TNeedsRecord,
  type TProfile,
} from './case-records'
import type { TCaseFileRow, TCaseListRecord, TConsentRow, TEventRow, TTaskRow } from './case-rows'

export const parse = <T>(json: string): T => JSON.parse(json) as T

export const stateOf = (row: TCaseFileRow): TCaseState => ({
  profile: parse<TProfile>(row.profile),
  contact: parse<TContactRecord>(row.contact),
  needs: parse<TNeedsRecord>(row.needs),
})

export const staffRef = (names: ReadonlyMap<string, string>, accountId: string | null): TStaffRef | null =>
  accountId === null ? null : { accountId, displayName: names.get(accountId) ?? '' }

export const toListRow = (
  row: TCaseListRecord,
  cutoff: string,
  names: ReadonlyMap<string, string>,
): TCaseListPage['rows'][number] => ({
  id: row.id,
  reference: row.reference,
  displayName: row.display_name,
  status: row.status as TCaseStatus,
  province: row.province,
  city: row.city,
  preferredLanguage: row.preferred_language,
  needs: row.need_keys.split(' ').filter(Boolean) as TCaseListPage['rows'][number]['needs'],
  detained: row.detained === 1,
  atAirport: row.at_airport === 1,
  removalDate: row.removal_date ?? '',
  hearingDate: row.hearing_date ?? '',
  urgent: isUrgent(row, cutoff),
  assignee: staffRef(names, row.assigned_account_id),
  openedOn: row.opened_on,
  updatedAt: row.updated_at,
  whyMatched: [],
})

export const toConsentRecord = (row: TConsentRow, names: ReadonlyMap<string, string>): TConsentRecord => ({
  id: row.id,
  purpose: row.purpose as TConsentRecord['purpose'],
  granted: row.granted === 1,
  method: row.method as TConsentRecord['method'],
  givenOn: row.given_on,
  expiresOn: row.expires_on,
  notes: row.notes,
  recordedBy: staffRef(names, row.recorded_by),
  recordedAt: row.recorded_at,
})

export const toTask = (row: TTaskRow, names: ReadonlyMap<string, string>): TTask => ({
  id: row.id,
  title: row.title,
  dueOn: row.due_on,
  origin: row.origin as TTask['origin'],
  doneAt: row.done_at,
  createdBy: staffRef(names, row.created_by),
  createdAt: row.created_at,
})

export const toTimelineEntry = (row: TEventRow, names: ReadonlyMap<string, string>): TTimelineEntry => ({
  id: row.id,
  kind: row.kind as TTimelineEntry['kind'],
  occurredAt: row.occurred_at,
  body: row.body,
  details: parse<TTimelineEntry['details']>(row.details),
  author: staffRef(names, row.author_account_id),
  recordedAt: row.recorded_at,
})
