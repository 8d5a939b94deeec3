/**
 * What every ranking reads of the roster and the referrals (the lawyers as profiles, with the places they hold and
 * their last offer; the parties of the cases they hold places for), kept between rankings for the session and read
 * again only after one of those tables changed. Reading and building them was about half of a ranking over 10,000
 * lawyers (docs/matching.md, "Figures").
 *
 * Which changes count is decided by SQLite, not by the code paths that write: TEMP triggers on this connection call
 * `matching_roster_changed()` after any write to the lawyers, their memberships or the referrals, and after a write
 * to the case file or intakes of a case a lawyer holds a place for (its parties are on the lawyer's side of the
 * conflict check). Each trigger counts twice: in a TEMP table, which a rollback takes back (a roster read inside a
 * transaction that then rolled back is not the vault's), and in this process, which nothing takes back (a rolled-back
 * write and then another cannot bring the generation back to one a kept roster was read at). Another process's
 * commit (the admin CLI importing a roster) changes SQLite's `data_version` of vault.db or casework.db, which is part
 * of the generation too. A rollback of the transaction that created the triggers drops them: they are looked for on
 * every ranking and made again, with a rebuild.
 *
 * Held in the session's scope (`session.scoped`): a lock closes the session, which lets it go and empties it
 * (`dispose`), so no survivor's name stays in memory after a lock.
 */
import type { TWritableDb } from '../db/connection'
import { sql, type TSql } from '../db/sql'
import type { TSession } from '../session/session'
import type { ConflictNameIndex } from './conflict-name-index'
import type { TLawyerProfile } from './types'

/**
 * The triggers (TEMP: this connection's own, gone with it). A case file or intake counts only for a case a lawyer
 * holds a place for, so importing or editing other cases costs one index look-up per row and no rebuild.
 */
const WATCH: readonly TSql[] = [
  sql`CREATE TEMP TABLE matching_roster_version (n INTEGER NOT NULL)`,
  sql`INSERT INTO temp.matching_roster_version (n) VALUES (0)`,
  sql`CREATE TEMP TRIGGER matching_roster_lawyers_insert AFTER INSERT ON lawyers BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_lawyers_update AFTER UPDATE ON lawyers BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_lawyers_delete AFTER DELETE ON lawyers BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_lawyer_memberships_insert AFTER INSERT ON lawyer_memberships BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_lawyer_memberships_update AFTER UPDATE ON lawyer_memberships BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_lawyer_memberships_delete AFTER DELETE ON lawyer_memberships BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_referrals_insert AFTER INSERT ON referrals BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_referrals_update AFTER UPDATE ON referrals BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_referrals_delete AFTER DELETE ON referrals BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_case_files_insert AFTER INSERT ON case_files
        WHEN EXISTS (SELECT 1 FROM referrals WHERE case_id = NEW.case_id AND recipient_kind = 'lawyer' AND holds_place = 1)
        BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_case_files_update AFTER UPDATE ON case_files
        WHEN EXISTS (SELECT 1 FROM referrals WHERE case_id = NEW.case_id AND recipient_kind = 'lawyer' AND holds_place = 1)
        BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_case_files_delete AFTER DELETE ON case_files
        WHEN EXISTS (SELECT 1 FROM referrals WHERE case_id = OLD.case_id AND recipient_kind = 'lawyer' AND holds_place = 1)
        BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_case_intakes_insert AFTER INSERT ON case_intakes
        WHEN EXISTS (SELECT 1 FROM referrals WHERE case_id = NEW.case_id AND recipient_kind = 'lawyer' AND holds_place = 1)
        BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_case_intakes_update AFTER UPDATE ON case_intakes
        WHEN EXISTS (SELECT 1 FROM referrals WHERE case_id = NEW.case_id AND recipient_kind = 'lawyer' AND holds_place = 1)
        BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
  sql`CREATE TEMP TRIGGER matching_roster_case_intakes_delete AFTER DELETE ON case_intakes
        WHEN EXISTS (SELECT 1 FROM referrals WHERE case_id = OLD.case_id AND recipient_kind = 'lawyer' AND holds_place = 1)
        BEGIN UPDATE temp.matching_roster_version SET n = n + 1; SELECT matching_roster_changed(); END`,
]

/** Their removal, before they are made again (some may be missing, some left). */
const UNWATCH: readonly TSql[] = [
  sql`DROP TABLE IF EXISTS temp.matching_roster_version`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_lawyers_insert`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_lawyers_update`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_lawyers_delete`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_lawyer_memberships_insert`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_lawyer_memberships_update`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_lawyer_memberships_delete`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_referrals_insert`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_referrals_update`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_referrals_delete`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_case_files_insert`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_case_files_update`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_case_files_delete`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_case_intakes_insert`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_case_intakes_update`,
  sql`DROP TRIGGER IF EXISTS temp.matching_roster_case_intakes_delete`,
]

/** The version table and one trigger per table and event (its CREATE statements, the first two of WATCH excepted). */
const WATCHED_OBJECTS = WATCH.length - 1

/** What the rankings share: rebuilt as a whole when anything it was read from changed. */
export type TKeptRoster = {
  /** Every lawyer as a profile (places held, last offer), in id order. Never changed by its readers. */
  lawyers: readonly TLawyerProfile[]
  /** The parties of the cases lawyers hold places for. */
  referralNames: ConflictNameIndex
}

export class RosterSnapshots {
  private changes = 0
  private kept: { generation: string; roster: TKeptRoster } | null = null

  constructor(private readonly db: TWritableDb) {
    db.defineFunction('matching_roster_changed', () => {
      this.changes += 1
    })
  }

  /** The roster as the vault holds it now: the kept one when nothing changed since it was read, else `read()`. */
  current(read: () => TKeptRoster): TKeptRoster {
    const generation = this.generation()
    if (this.kept !== null && this.kept.generation === generation) return this.kept.roster
    this.kept = null
    const roster = read()
    this.kept = { generation, roster }
    return roster
  }

  /** Forget the kept roster (the session is closing). */
  dispose(): void {
    this.kept = null
  }

  /** Whether a roster is kept now (tests of the lock). */
  get holding(): boolean {
    return this.kept !== null
  }

  private generation(): string {
    const seen = this.db.get<{ objects: number; vault: number; casework: number }>(
      sql`SELECT (SELECT count(*) FROM temp.sqlite_master WHERE name GLOB 'matching_roster_*') AS objects,
                 (SELECT data_version FROM main.pragma_data_version) AS vault,
                 (SELECT data_version FROM casework.pragma_data_version) AS casework`,
    )
    if (seen === undefined || seen.objects !== WATCHED_OBJECTS) {
      this.watch()
      this.changes += 1
    }
    const version = this.db.value<number>(sql`SELECT n FROM temp.matching_roster_version`) ?? 0
    return `${this.changes}:${version}:${seen?.vault ?? 0}:${seen?.casework ?? 0}`
  }

  /** (Re)creates the triggers: a rollback of the transaction that created them dropped them. */
  private watch(): void {
    for (const statement of UNWATCH) this.db.run(statement)
    for (const statement of WATCH) this.db.run(statement)
  }
}

/** The session's kept roster (one per session, dropped and emptied at a lock). */
export const rosterSnapshotsOf = (session: TSession): RosterSnapshots => new RosterSnapshots(session.db)
