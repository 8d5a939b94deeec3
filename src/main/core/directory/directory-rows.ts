/** The directory's rows as SQLite holds them (snake_case, 0/1, key lists as ' a b '). */
export type TOrganizationRow = {
  id: string
  name: string
  category: string
  national: number
  province_keys: string
  service_keys: string
  language_keys: string
  services: string
  website: string
  phone: string
  email: string
  source: string
  confidence: string
  last_verified_on: string
  notes: string
  retired_at: string | null
  created_at: string
  updated_at: string
}

export type TResourceRow = {
  id: string
  title: string
  kind: string
  link: string
  jurisdiction: string
  summary: string
  source: string
  last_verified_on: string
  retired_at: string | null
  created_at: string
  updated_at: string
}
