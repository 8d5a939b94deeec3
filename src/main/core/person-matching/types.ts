/** What the matcher knows about a person: any subset of names, birth date or year, phones, emails. */
export type Person = {
  /** Legal, preferred, alias and original-script names, in any script. */
  names: readonly string[]
  /** ISO date 'YYYY-MM-DD'. */
  dateOfBirth?: string | null
  /** When only the year (or an age) is known. */
  birthYear?: number | null
  phones?: readonly string[]
  emails?: readonly string[]
}

/** Machine keys explaining a score, shown to caseworkers through i18n and recorded in the audit. */
export type MatchReason =
  | 'name.exact'
  | 'name.phonetic'
  | 'name.skeleton'
  | 'name.spelling'
  | 'name.initial'
  | 'name.joined'
  | 'name.partial'
  | 'dob.exact'
  | 'dob.year'
  | 'dob.transposed'
  | 'dob.conflict'
  | 'phone.exact'
  | 'email.exact'

/** How alike two people look. */
export type PersonMatch = {
  /** 0 (nothing in common) to 1 (certain). */
  score: number
  /** Worth offering to the caseworker as "possibly the same person". */
  isLikelySame: boolean
  /** Name similarity alone, before dates and contacts: 0..1. */
  nameScore: number
  reasons: MatchReason[]
  /** The two names (as written) that matched best, or ['', ''] when either side has none. */
  bestPair: [string, string]
}
