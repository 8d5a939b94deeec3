import { displayNameOf, type TPerson } from '../../../../shared/cases/intake-schema'
import type { TMigration } from '../migrations/migration'

/** Cases read and rewritten per step: a bounded slice of 100,000 profiles in memory at a time. */
export const DISPLAY_NAME_BATCH = 1_000

/**
 * casework.db, version 4: every case's `display_name` recomputed from its profile with `displayNameOf`. The shown
 * name became the full legal name with the preferred one after it ("Rania Haddad (Ranya)"), but a stored name
 * changed only when its case was edited, so the list mixed "Rania" and "Rania Haddad (Ranya)". Read in rowid order
 * by batches (memory stays flat at 100,000 cases); like every step, inside migrate's one transaction, so a crash
 * leaves all names old or all new. A profile without a person object (never written by the app) is left alone.
 */
export const caseworkMigration0004DisplayNames: TMigration = {
  version: 4,
  name: 'display names recomputed',
  up(db) {
    const read = db.prepare<[number, number], { rowid: number; display_name: string; person: string | null }>(
      `SELECT c.rowid, c.display_name, json_extract(f.profile, '$.person') AS person
         FROM cases c JOIN case_files f ON f.case_id = c.id
        WHERE c.rowid > ? ORDER BY c.rowid LIMIT ?`,
    )
    const write = db.prepare<[string, number]>('UPDATE cases SET display_name = ? WHERE rowid = ?')
    let after = 0
    for (;;) {
      const rows = read.all(after, DISPLAY_NAME_BATCH)
      for (const row of rows) {
        const name = nameOf(row.person)
        if (name !== null && name !== row.display_name) write.run(name, row.rowid)
      }
      const last = rows.at(-1)
      if (last === undefined || rows.length < DISPLAY_NAME_BATCH) return
      after = last.rowid
    }
  },
}

/** The display name of a stored person, or null when the JSON holds no person the app wrote. */
function nameOf(json: string | null): string | null {
  if (json === null) return null
  const person = JSON.parse(json) as Partial<TPerson> | null
  if (person === null || typeof person !== 'object') return null
  const text = (value: unknown): string => (typeof value === 'string' ? value : '')
  return displayNameOf({
    givenNames: text(person.givenNames),
    familyName: text(person.familyName),
    preferredName: text(person.preferredName),
    originalScriptName: text(person.originalScriptName),
    aliases: Array.isArray(person.aliases) ? person.aliases.filter((alias) => typeof alias === 'string') : [],
  })
}
