import type { TCaseListColumns } from './case-records'

/*
 * The rows of the case tables as SQLite stores them (snake_case, 0/1 for booleans, JSON as text). Services turn
 * them into the contract's shapes (`case-views.ts`); nothing outside `cases/` sees them.
 */

/** A cases row as stored: the list columns are derived from the case file (`listColumnsOf`). */
export type TCaseRow = TCaseListColumns & {
  rowid: number
  id: string
  reference: string
  status: string
  status_reason: string
  assigned_account_id: string | null
  opened_on: string
  created_at: string
  created_by: string | null
  updated_at: string
}

/** The JSON part of a case file, in case_files. */
export type TCaseFileRow = { profile: string; contact: string; needs: string }
export type TCaseWithFile = TCaseRow & TCaseFileRow

/** What a line of the case list needs. */
export type TCaseListRecord = Omit<TCaseRow, 'status_reason' | 'language_keys' | 'created_at' | 'created_by'>

export type TIntakeRow = {
  id: string
  case_id: string
  intake_date: string
  method: string
  staff_account_id: string | null
  data: string
  recorded_at: string
}
export type TEventRow = {
  id: string
  case_id: string
  kind: string
  occurred_at: string
  body: string
  details: string
  author_account_id: string | null
  recorded_at: string
}
export type TTaskRow = {
  id: string
  case_id: string
  title: string
  due_on: string
  origin: string
  done_at: string | null
  done_by: string | null
  created_by: string | null
  created_at: string
}
export type TConsentRow = {
  id: string
  case_id: string
  purpose: string
  granted: number
  method: string
  given_on: string
  expires_on: string
  notes: string
  recorded_by: string | null
  recorded_at: string
}
export type TDraftRow = {
  id: string
  account_id: string
  step: string
  display_name: string
  data: string
  created_at: string
  updated_at: string
}
