import { randomUUID } from 'node:crypto'
import type { TAuditAction } from '../../../shared/contract/audit'
import type { TIntake } from '../../../shared/cases/intake-schema'
import type { TCaseStatus, TTaskOrigin, TTimelineKind } from '../../../shared/cases/vocabulary'
import { AppError } from '../../../shared/result'
import { timeOrderedId } from '../db/time-ordered-id'
import type { TSession } from '../session/session'
import {
  listColumnsOf,
  matchKeysOf,
  mergeIntoCase,
  searchDocumentOf,
  stateFromIntake,
  type TCaseState,
  type TNeedsRecord,
  type TProfile,
} from './case-records'
import { preparedNamesOf, storedCaseNamesOf } from './case-names'
import { CaseRepository } from './case-repository'
import type { TCaseWithFile, TEventRow } from './case-rows'
import { parse, stateOf } from './case-views'

/** CCIJ-2026-0042 */
export const formatReference = (year: number, number: number): string =>
  `CCIJ-${year}-${String(number).padStart(4, '0')}`

type TEventDetails = Record<string, string | number | boolean | null>

/**
 * New cases whose match keys an import holds before writing them in key order (bulk): a few MB of keys, held in
 * SQLite's memory (CaseRepository.holdMatchKeysBegin). The keys
 * are the one index an import writes in random order (a name's phonetic codes); written one case at a time, each
 * key lands on another page of match_keys' B-tree, and once that outgrows casework.db's page cache every key costs
 * a page read (decrypted) and a spilled page (encrypted): the commit's CPU per row grew with the file. Sorted,
 * each batch walks the tree's pages once, in order.
 */
export const BULK_MATCH_KEY_CASES = 5_000

/**
 * A programming error, not the user's: a write other than a create inside `CaseWriter.bulk` (whose held match keys
 * are only inserted, so a changed case would keep its old keys). Never caught: the caller's transaction rolls back.
 */
export class BulkWriteMisuse extends Error {
  constructor(what: string) {
    super(`CaseWriter.bulk() only creates cases; refused: ${what}.`)
    this.name = 'BulkWriteMisuse'
  }
}

/**
 * Every write to a case, for the intake, the case page and imports alike: the case row and file, what is derived
 * from them (match keys, search document, date tasks), timeline entries and audit entries naming the case by its
 * reference. Callers hold one transaction around a whole change, so a crash never leaves half of one.
 */
export class CaseWriter {
  readonly repository: CaseRepository
  /** New cases' ids (and their intakes' and entries'): random, or time-ordered in bulk (see `bulk`). */
  private newId: () => string = randomUUID
  /** In bulk, how many new cases' match keys are held, not written yet (null: not in bulk). */
  private pendingKeyCases: number | null = null
  private bulkBatchCases = BULK_MATCH_KEY_CASES
  /** The case `createCase` is writing (its own entries and index are part of the create), else null. */
  private creatingCaseId: string | null = null

  constructor(
    readonly session: TSession,
    /** Who the intakes, entries and tasks are by: the signed-in staff member, or null for imported records. */
    private readonly author: string | null = session.staff.accountId,
  ) {
    this.repository = new CaseRepository(session.db)
  }

  nowIso(): string {
    return this.session.clock.now().toISOString()
  }

  /**
   * Runs `work`, which creates many cases inside the caller's transaction (an import), so that their writes land
   * in order in casework.db's B-trees instead of all over them: new ids are time-ordered (UUIDv7, as the lawyer
   * import's), so the cases', intakes' and timeline's keys append; and match keys are held and written sorted, a
   * batch of `batchCases` cases at a time. Every key is written before this returns, inside the same transaction:
   * a failure still rolls the whole import back.
   *
   * Only creates belong in a bulk: the held keys are only ever inserted, so a case changed inside it would keep
   * its old keys beside the new ones. Anything else (an edit, a further intake, a timeline entry or reindex of a
   * case the bulk is not creating, a bulk inside a bulk) throws `BulkWriteMisuse` and writes nothing.
   */
  bulk<T>(work: () => T, batchCases = BULK_MATCH_KEY_CASES): T {
    if (this.pendingKeyCases !== null) throw new BulkWriteMisuse('a bulk inside a bulk')
    this.newId = timeOrderedId
    this.repository.holdMatchKeysBegin()
    this.pendingKeyCases = 0
    this.bulkBatchCases = batchCases
    try {
      const result = work()
      this.flushMatchKeys()
      return result
    } finally {
      this.newId = randomUUID
      this.pendingKeyCases = null
      this.repository.holdMatchKeysEnd()
    }
  }

  today(): string {
    return this.nowIso().slice(0, 10)
  }

  requireCase(caseId: string): TCaseWithFile {
    const row = this.repository.findCase(caseId)
    if (row === null) throw new AppError('NOT_FOUND', 'There is no case with this id.')
    return row
  }

  /** Audit entries name the case by id and reference number (never by the survivor's name). */
  audit(action: TAuditAction, caseId: string | null, details: Record<string, unknown>): void {
    const reference = caseId === null ? null : this.repository.referenceOf(caseId)
    this.session.audit.record(
      action,
      caseId === null ? null : { type: 'case', id: caseId },
      reference === null ? details : { reference, ...details },
    )
  }

  /**
   * A new case from an intake; `reference` when an import brings its own. Imported cases are audited by the import.
   * `stagedSeq`: the intake is an intakes upload's staged row without its long texts (TStagedImportRow), which SQL
   * copies from that row into the intake record and the search document.
   */
  createCase(intake: TIntake, reference?: string, stagedSeq?: number): { caseId: string; reference: string } {
    const at = this.nowIso()
    const id = this.newId()
    const state = stateFromIntake(intake)
    const ref = reference ?? this.allocateReference(intake.meta.intakeDate)
    this.creatingCaseId = id
    try {
      return this.writeNewCase(id, ref, intake, state, at, stagedSeq)
    } finally {
      this.creatingCaseId = null
    }
  }

  private writeNewCase(
    id: string,
    ref: string,
    intake: TIntake,
    state: TCaseState,
    at: string,
    stagedSeq: number | undefined,
  ): { caseId: string; reference: string } {
    const status: TCaseStatus = 'new'
    const rowid = this.repository.insertCase({
      id,
      reference: ref,
      status,
      status_reason: '',
      assigned_account_id: null,
      profile: JSON.stringify(state.profile),
      contact: JSON.stringify(state.contact),
      needs: JSON.stringify(state.needs),
      ...listColumnsOf(state, status),
      opened_on: intake.meta.intakeDate,
      created_at: at,
      created_by: this.author,
      updated_at: at,
    })
    this.recordIntake(id, intake, at, stagedSeq)
    if (stagedSeq === undefined) this.writeDerived(id, rowid, ref, state)
    else this.writeStagedDerived(id, rowid, ref, state, stagedSeq)
    this.createDateTasks(id, state.needs, at)
    if (this.author !== null) this.audit('record.created', id, { reference: ref, via: 'intake' })
    return { caseId: id, reference: ref }
  }

  /** A further intake for the person of an existing case: merged into the case file (see `mergeIntoCase`). */
  addIntakeToCase(row: TCaseWithFile, intake: TIntake): void {
    this.refuseInBulk('addIntakeToCase', row.id)
    const at = this.nowIso()
    const state = mergeIntoCase(stateOf(row), intake)
    this.rewriteCase(row, state, {}, at)
    this.recordIntake(row.id, intake, at)
    this.writeDerived(row.id, row.rowid, row.reference, state)
    this.createDateTasks(row.id, state.needs, at)
    this.audit('record.changed', row.id, { change: 'intake_added' })
  }

  /** A case file edited on the case page: the row, what is derived from it, and tasks for new dates. */
  editCase(row: TCaseWithFile, state: TCaseState, at: string): void {
    this.refuseInBulk('editCase', row.id)
    this.rewriteCase(row, state, {}, at)
    this.writeDerived(row.id, row.rowid, row.reference, state)
    this.createDateTasks(row.id, state.needs, at)
  }

  /** Writes a case's row and file after a change of its content, status or assignee (unchanged parts kept). */
  rewriteCase(
    row: TCaseWithFile,
    state: TCaseState,
    changes: { status?: TCaseStatus; statusReason?: string; assignee?: string | null },
    at: string,
  ): void {
    this.refuseInBulk('rewriteCase', row.id)
    const status = changes.status ?? (row.status as TCaseStatus)
    this.repository.updateCase({
      id: row.id,
      status,
      status_reason: changes.statusReason ?? row.status_reason,
      assigned_account_id: changes.assignee === undefined ? row.assigned_account_id : changes.assignee,
      profile: JSON.stringify(state.profile),
      contact: JSON.stringify(state.contact),
      needs: JSON.stringify(state.needs),
      ...listColumnsOf(state, status),
      updated_at: at,
    })
  }

  /** One timeline entry by the author. */
  event(
    caseId: string,
    kind: TTimelineKind,
    occurredAt: string,
    body: string,
    details: TEventDetails,
    at: string,
  ): TEventRow {
    this.refuseInBulk('event', caseId)
    const row: TEventRow = {
      id: this.newId(),
      case_id: caseId,
      kind,
      occurred_at: occurredAt,
      body,
      details: JSON.stringify(details),
      author_account_id: this.author,
      recorded_at: at,
    }
    this.repository.insertEvent(row)
    return row
  }

  /** The search document and stored names again, after what they are made of changed (names, notes, the city). */
  reindex(caseId: string, rowid: number, reference: string, profile: TProfile): void {
    this.refuseInBulk('reindex', caseId)
    // The city is searchable with the notes ("Winnipeg" lists the cases there); names have their own columns.
    const texts: string[] = [profile.location.city]
    for (const intakeRow of this.repository.intakesOf(caseId)) {
      const intake = parse<TIntake>(intakeRow.data)
      texts.push(intake.experiences.narrative, intake.meta.notes)
    }
    texts.push(...this.repository.eventTextsOf(caseId))
    // The names are prepared once, for the index's codes and for the similar-name pass's stored copy alike.
    const prepared = preparedNamesOf(profile.person)
    this.repository.writeSearchDocument(rowid, searchDocumentOf(reference, profile.person, texts, prepared))
    this.repository.writeCaseNames(caseId, rowid, storedCaseNamesOf(profile.person, prepared))
  }

  private recordIntake(caseId: string, intake: TIntake, at: string, stagedSeq?: number): void {
    const intakeId = this.newId()
    const row = {
      id: intakeId,
      case_id: caseId,
      intake_date: intake.meta.intakeDate,
      method: intake.meta.method,
      staff_account_id: this.author,
      recorded_at: at,
    }
    if (stagedSeq === undefined) this.repository.insertIntake({ ...row, data: JSON.stringify(intake) })
    else this.repository.insertStagedIntake(row, stagedSeq)
    // An intake of today happened now, so what follows it today (a status change, a note) lists above it; an
    // intake dated earlier has no time of day, and noon keeps it on its own date in every Canadian time zone.
    const occurredAt = at.startsWith(intake.meta.intakeDate) ? at : `${intake.meta.intakeDate}T12:00:00.000Z`
    this.event(caseId, 'intake', occurredAt, '', { intakeId, method: intake.meta.method }, at)
    for (const entry of intake.consent) {
      this.repository.insertConsent({
        id: this.newId(),
        case_id: caseId,
        purpose: entry.purpose,
        granted: entry.granted ? 1 : 0,
        method: entry.method,
        given_on: entry.givenOn,
        expires_on: entry.expiresOn,
        notes: entry.notes,
        recorded_by: this.author,
        recorded_at: at,
      })
    }
  }

  /** Match keys and the search document: what is derived from the case beyond its own columns. */
  private writeDerived(caseId: string, rowid: number, reference: string, state: TCaseState): void {
    this.writeMatchKeys(caseId, matchKeysOf(state))
    this.reindex(caseId, rowid, reference, state.profile)
  }

  /**
   * The same for a case just imported from a staged row: its search notes (the city, the intake's narrative and
   * notes) are joined in SQL from the staged row, as `reindex` would gather them, without reading them into JS.
   */
  private writeStagedDerived(
    caseId: string,
    rowid: number,
    reference: string,
    state: TCaseState,
    stagedSeq: number,
  ): void {
    const { person, location } = state.profile
    this.writeMatchKeys(caseId, matchKeysOf(state))
    const prepared = preparedNamesOf(person)
    const document = searchDocumentOf(reference, person, [], prepared)
    this.repository.writeStagedSearchDocument(rowid, document, location.city, stagedSeq)
    this.repository.writeCaseNames(caseId, rowid, storedCaseNamesOf(person, prepared))
  }

  /** A case's match keys, now or (in bulk, for a new case) with the batch's, written in key order. */
  private writeMatchKeys(caseId: string, keys: readonly string[]): void {
    if (this.pendingKeyCases === null) {
      this.repository.replaceMatchKeys('case', caseId, keys)
      return
    }
    this.refuseInBulk('match keys', caseId)
    this.repository.holdMatchKeys('case', caseId, keys)
    this.pendingKeyCases += 1
    if (this.pendingKeyCases >= this.bulkBatchCases) this.flushMatchKeys()
  }

  /** In bulk, only the case being created may be written (see `bulk`). */
  private refuseInBulk(what: string, caseId: string): void {
    if (this.pendingKeyCases !== null && caseId !== this.creatingCaseId) {
      throw new BulkWriteMisuse(`${what} of a case the bulk is not creating`)
    }
  }

  private flushMatchKeys(): void {
    if (this.pendingKeyCases === null || this.pendingKeyCases === 0) return
    this.repository.writeHeldMatchKeys()
    this.pendingKeyCases = 0
  }

  /** A hearing or removal date in the future makes a task due that day, once. */
  private createDateTasks(caseId: string, needs: TNeedsRecord, at: string): void {
    const today = this.today()
    const dated: [TTaskOrigin, string][] = [
      ['hearing', needs.hearingDate],
      ['removal', needs.removalDate],
    ]
    for (const [origin, dueOn] of dated) {
      if (dueOn === '' || dueOn < today || this.repository.hasOpenTask(caseId, origin, dueOn)) continue
      this.repository.insertTask({
        id: this.newId(),
        case_id: caseId,
        title: '',
        due_on: dueOn,
        origin,
        done_at: null,
        done_by: null,
        created_by: this.author,
        created_at: at,
      })
    }
  }

  private allocateReference(intakeDate: string): string {
    const year = Number(intakeDate.slice(0, 4)) || this.session.clock.now().getUTCFullYear()
    for (;;) {
      const reference = formatReference(year, this.repository.nextReferenceNumber(year))
      if (!this.repository.referenceExists(reference)) return reference
    }
  }
}
