/**
 * Which version of the declared conflicts a connection sees, so matching can keep their prepared names in memory
 * between rankings and know when to read them again. This process's writes go through the roster repository, which
 * marks each change; another process's commit (the admin CLI importing a roster into the same vault) changes
 * SQLite's `data_version` on this connection. A mark for a write that was then rolled back only costs a rebuild.
 */
import type { TReadableDb } from '../db/connection'
import { sql } from '../db/sql'

const marks = new WeakMap<TReadableDb, number>()

/** Called by every write of declared conflicts (inserted or rewritten lawyers). */
export const markRosterChanged = (db: TReadableDb): void => {
  marks.set(db, (marks.get(db) ?? 0) + 1)
}

/** Equal strings mean no declared conflict changed in between, on this connection or any other. */
export const rosterGeneration = (db: TReadableDb): string =>
  `${marks.get(db) ?? 0}:${db.get<{ data_version: number }>(sql`PRAGMA data_version`)?.data_version ?? 0}`
