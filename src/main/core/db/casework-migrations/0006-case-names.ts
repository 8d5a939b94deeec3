import { storedCaseNamesOf, type TNamedPerson } from '../../cases/case-names'
import type { TMigration } from '../migrations/migration'

/** Cases read and prepared per step: a bounded slice of 100,000 profiles in memory at a time. */
export const CASE_NAMES_BATCH = 1_000

/**
 * casework.db, version 6: `case_names`, every case's names prepared for the search's similar-name pass (tokens,
 * sound-alike codes, skeletons, which of the person's names each is; see cases/case-names.ts), written with the
 * case from now on and filled here for the cases already stored. At 100,000 cases that pass prepared 150
 * candidates' names on every search. Read in rowid order by batches; like every step inside migrate's one
 * transaction. A profile without a person object (never written by the app) gets no row: the search prepares its
 * names from the profile when it has none.
 */
export const caseworkMigration0006CaseNames: TMigration = {
  version: 6,
  name: 'case names prepared for search',
  up(db) {
    db.exec(`
      CREATE TABLE case_names (
        case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        names TEXT NOT NULL
      ) STRICT;
    `)
    const read = db.prepare<[number, number], { rowid: number; id: string; person: string | null }>(
      `SELECT c.rowid, c.id, json_extract(f.profile, '$.person') AS person
         FROM cases c JOIN case_files f ON f.case_id = c.id
        WHERE c.rowid > ? ORDER BY c.rowid LIMIT ?`,
    )
    const write = db.prepare<[string, string]>('INSERT INTO case_names (case_id, names) VALUES (?, ?)')
    let after = 0
    for (;;) {
      const rows = read.all(after, CASE_NAMES_BATCH)
      for (const row of rows) {
        const person = personOf(row.person)
        if (person !== null) write.run(row.id, storedCaseNamesOf(person))
      }
      const last = rows.at(-1)
      if (last === undefined || rows.length < CASE_NAMES_BATCH) return
      after = last.rowid
    }
  },
}

/** The names of a stored person, or null when the JSON holds no person the app wrote. */
function personOf(json: string | null): TNamedPerson | null {
  if (json === null) return null
  const person = JSON.parse(json) as Partial<TNamedPerson> | null
  if (person === null || typeof person !== 'object') return null
  const text = (value: unknown): string => (typeof value === 'string' ? value : '')
  return {
    givenNames: text(person.givenNames),
    familyName: text(person.familyName),
    preferredName: text(person.preferredName),
    originalScriptName: text(person.originalScriptName),
    aliases: Array.isArray(person.aliases) ? person.aliases.filter((alias) => typeof alias === 'string') : [],
  }
}
