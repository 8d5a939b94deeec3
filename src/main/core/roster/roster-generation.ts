/**
 * Which version of the declared conflicts a connection sees, so matching can keep their prepared names in memory
 * between rankings and know when to read them again. This process's writes go through the roster repository, which
 * marks each change twice: in this process, which nothing takes back, and in a TEMP table of the connection, which
 * a rollback takes back (the table too, when the rolled-back transaction made it). So an index built inside a
 * transaction that then rolled back is never taken for the vault's: after the rollback the TEMP count is one lower
 * (or gone) while the process's count is not, and any later write moves the process's count on. Another process's
 * commit (the admin CLI importing a roster into the same vault) changes SQLite's `data_version` on this connection.
 */
import type { TReadableDb, TWritableDb } from '../db/connection'
import { sql } from '../db/sql'

const marks = new WeakMap<TReadableDb, number>()

/** Called by every write of declared conflicts (inserted or rewritten lawyers), inside the write's transaction. */
export const markRosterChanged = (db: TWritableDb): void => {
  marks.set(db, (marks.get(db) ?? 0) + 1)
  db.run(sql`CREATE TEMP TABLE IF NOT EXISTS roster_conflict_marks (n INTEGER NOT NULL)`)
  if (db.run(sql`UPDATE temp.roster_conflict_marks SET n = n + 1`).changes === 0)
    db.run(sql`INSERT INTO temp.roster_conflict_marks (n) VALUES (1)`)
}

/** Equal strings mean no declared conflict changed in between, on this connection or any other. */
export const rosterGeneration = (db: TReadableDb): string => {
  const kept =
    db.value<number>(
      sql`SELECT count(*) FROM temp.sqlite_master WHERE type = 'table' AND name = 'roster_conflict_marks'`,
    ) === 1
      ? (db.value<number>(sql`SELECT n FROM temp.roster_conflict_marks`) ?? 0)
      : -1
  return `${marks.get(db) ?? 0}:${kept}:${db.get<{ data_version: number }>(sql`PRAGMA data_version`)?.data_version ?? 0}`
}
