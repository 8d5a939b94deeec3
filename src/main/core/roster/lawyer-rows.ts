/** The roster's rows as SQLite holds them (snake_case, key lists as ' a b ', JSON as text). */
export type TLawyerRow = {
  id: string
  first_name: string
  last_name: string
  email: string
  phone: string
  firm: string
  city: string
  province: string
  practice_keys: string
  language_keys: string
  licence_provinces: string
  airport_keys: string
  experience_types: string
  experience_countries: string
  on_call_windows: string
  max_active: number
  status: string
  notes: string
  created_at: string
  updated_at: string
}

export type TMembershipRow = {
  lawyer_id: string
  province: string
  licence_number: string
  status: string
  verified_on: string
}

/** One declared conflict as stored in a lawyer's list (lawyer_conflict_lists.conflicts). */
export type TStoredConflict = { kind: string; name: string }
