import { randomUUID } from 'node:crypto'
import type { TCaseFileChanges } from '../../../shared/cases/case-file-schema'
import type {
  TCaseDetail,
  TCaseEditResult,
  TConsentRecord,
  TRevealedSection,
  TStaffRef,
  TTask,
  TTimelineEntry,
} from '../../../shared/contract/cases'
import { ZConsentEntrySchema, type TIntake } from '../../../shared/cases/intake-schema'
import {
  STATUS_TRANSITIONS,
  type TCaseStatus,
  type TSensitiveSection,
  type TStaffTimelineKind,
} from '../../../shared/cases/vocabulary'
import { AppError } from '../../../shared/result'
import { STAFF_WHO_HANDLE_CASES } from '../../../shared/roles'
import { StaffDirectory } from '../accounts/accounts-repository'
import type { TSession, TSessionSource } from '../session/session'
import { caseSession } from './case-access'
import { applyAccountEdit, applyEdit, changesAccount } from './case-edit'
import {
  isUrgent,
  removalCutoff,
  type TContactRecord,
  type TNeedsRecord,
  type TProfile,
} from './case-records'
import type { TCaseWithFile, TConsentRow, TTaskRow } from './case-rows'
import { parse, staffRef, stateOf, toConsentRecord, toTask, toTimelineEntry } from './case-views'
import { TIMELINE_LIMIT } from './case-repository'
import { CaseWriter } from './case-writer'
import { STATUS_REFUSAL_MESSAGES, statusRefusal } from '../referrals/case-status-rule'

/**
 * Opening a case is an audited view; the page reloading itself after an edit by the same person moments later is
 * not a new one. Reveals of sensitive sections are always audited.
 */
const VIEW_AUDIT_WINDOW_MS = 10 * 60 * 1000

/** Statuses one may only move to with a reason: closing, and stepping back. */
const needsReason = (from: TCaseStatus, to: TCaseStatus): boolean => {
  const order = ['new', 'screening', 'awaiting_match', 'referred', 'active', 'closed']
  return to === 'closed' || order.indexOf(to) < order.indexOf(from)
}

/** When each staff member last had each case's summary audited, for this session (a lock forgets it). */
const recentViewsOf = (): Map<string, number> => new Map()

const staffNames = (session: TSession): Map<string, string> => new StaffDirectory(session.db).displayNames()

/**
 * The case page: the file as a caseworker reads it (sensitive sections revealed one at a time, each audited) and
 * every change to it. Each change writes its timeline entry and audit entry in the same transaction as the change.
 */
export class CaseFileService {
  constructor(private readonly sessions: TSessionSource) {}

  get(caseId: string): TCaseDetail {
    const session = caseSession(this.sessions)
    const writer = new CaseWriter(session)
    const { repository } = writer
    const row = writer.requireCase(caseId)
    const names = staffNames(session)
    const profile = parse<TProfile>(row.profile)
    const contact = parse<TContactRecord>(row.contact)
    const intakes = repository.intakesOf(caseId)
    const parsedIntakes = intakes.map((intakeRow) => parse<TIntake>(intakeRow.data))
    const consentHistory = repository.consentsOf(caseId).map((consent) => toConsentRecord(consent, names))
    const latest = new Map<string, TConsentRecord>()
    for (const record of consentHistory) if (!latest.has(record.purpose)) latest.set(record.purpose, record)
    const status = row.status as TCaseStatus
    this.auditSummaryView(session, writer, caseId)
    return {
      id: row.id,
      reference: row.reference,
      status,
      statusReason: row.status_reason,
      // Only the moves the case's referrals allow, so the status dialog never offers one it would refuse.
      nextStatuses: STATUS_TRANSITIONS[status].filter(
        (to) => statusRefusal(session.db, caseId, status, to) === null,
      ),
      assignee: staffRef(names, row.assigned_account_id),
      openedOn: row.opened_on,
      updatedAt: row.updated_at,
      urgent: isUrgent(row, removalCutoff(session.clock.now())),
      person: { displayName: row.display_name, ...profile.person },
      languages: profile.languages,
      location: profile.location,
      needs: parse<TNeedsRecord>(row.needs),
      sensitiveSections: [
        { section: 'contact', hasContent: Object.values(contact).some((value) => value !== '') },
        {
          section: 'experiences',
          hasContent: parsedIntakes.some((intake) => intake.experiences.entries.length > 0),
        },
        {
          section: 'adverse_parties',
          hasContent: parsedIntakes.some((intake) => intake.adverseParties.length > 0),
        },
        {
          section: 'narrative',
          hasContent: parsedIntakes.some(
            (intake) => intake.experiences.narrative !== '' || intake.meta.notes !== '',
          ),
        },
      ],
      consent: [...latest.values()],
      consentHistory,
      intakes: intakes.map((intakeRow) => ({
        id: intakeRow.id,
        intakeDate: intakeRow.intake_date,
        method: intakeRow.method,
        staff: staffRef(names, intakeRow.staff_account_id),
        recordedAt: intakeRow.recorded_at,
      })),
      tasks: repository.tasksOf(caseId).map((task) => toTask(task, names)),
      timeline: repository.eventsOf(caseId, TIMELINE_LIMIT).map((event) => toTimelineEntry(event, names)),
    }
  }

  /** One sensitive section. Every reveal is an audited view naming the section. */
  reveal(caseId: string, section: TSensitiveSection): TRevealedSection {
    const writer = new CaseWriter(caseSession(this.sessions))
    const row = writer.requireCase(caseId)
    const intakes = writer.repository.intakesOf(caseId).map((intakeRow) => ({
      intakeId: intakeRow.id,
      intakeDate: intakeRow.intake_date,
      intake: parse<TIntake>(intakeRow.data),
    }))
    writer.audit('record.viewed', caseId, { section })
    switch (section) {
      case 'contact':
        return { section, contact: parse<TContactRecord>(row.contact) }
      case 'experiences':
        return {
          section,
          intakes: intakes.map(({ intakeId, intakeDate, intake }) => ({
            intakeId,
            intakeDate,
            entries: intake.experiences.entries,
          })),
        }
      case 'adverse_parties':
        return {
          section,
          intakes: intakes.map(({ intakeId, intakeDate, intake }) => ({
            intakeId,
            intakeDate,
            parties: intake.adverseParties,
          })),
        }
      case 'narrative':
        return {
          section,
          narratives: intakes.map(({ intakeId, intakeDate, intake }) => ({
            intakeId,
            intakeDate,
            narrative: intake.experiences.narrative,
            notes: intake.meta.notes,
          })),
        }
    }
  }

  /**
   * Changes sections of the survivor's file. `version` is the updatedAt the editor loaded: a case changed since
   * (another window, a colleague) is refused with CONFLICT so nobody's change is silently lost.
   */
  edit(request: { caseId: string; version: string; changes: TCaseFileChanges }): TCaseEditResult {
    return this.change(request.caseId, (writer, row, at) => {
      if (row.updated_at !== request.version) {
        throw new AppError(
          'CONFLICT',
          'The case was changed since it was opened; reload it and edit again.',
          {
            reason: 'stale',
          },
        )
      }
      const { state, fields } = applyEdit(stateOf(row), request.changes)
      fields.push(...this.editAccount(writer, row.id, request.changes))
      if (fields.length === 0) return { version: row.updated_at, changedFields: [] }
      // After the intake's account is written, so the search document is rebuilt from the new narrative.
      writer.editCase(row, state, at)
      writer.event(row.id, 'edit', at, '', { fields: fields.join(' ') }, at)
      writer.audit('record.changed', row.id, { change: 'edited', fields })
      return { version: at, changedFields: fields }
    })
  }

  /**
   * The account of the intake the edit names (experiences, narrative, adverse parties, notes), written back into that
   * intake; the fields that changed. Matching reads adverse parties from the intakes at every ranking, so the
   * conflict check sees the new names at once.
   */
  private editAccount(writer: CaseWriter, caseId: string, changes: TCaseFileChanges): string[] {
    if (!changesAccount(changes)) return []
    const intakeRow = writer.repository.intakesOf(caseId).find((each) => each.id === changes.intakeId)
    if (intakeRow === undefined) {
      throw new AppError('NOT_FOUND', 'This case has no such intake.', { field: 'intakeId' })
    }
    const { intake, fields } = applyAccountEdit(parse<TIntake>(intakeRow.data), changes)
    if (fields.length > 0) writer.repository.updateIntakeData(caseId, intakeRow.id, JSON.stringify(intake))
    return fields
  }

  addTimelineEntry(request: {
    caseId: string
    kind: TStaffTimelineKind
    body: string
    occurredAt?: string | undefined
  }): TTimelineEntry {
    return this.change(request.caseId, (writer, row, at) => {
      const occurredAt = request.occurredAt === undefined ? at : new Date(request.occurredAt).toISOString()
      const event = writer.event(row.id, request.kind, occurredAt, request.body, {}, at)
      writer.repository.touchCase(row.id, at)
      writer.reindex(row.id, row.rowid, row.reference, parse<TProfile>(row.profile))
      writer.audit('record.changed', row.id, { change: 'timeline', kind: request.kind })
      return toTimelineEntry(event, staffNames(writer.session))
    })
  }

  changeStatus(request: { caseId: string; to: TCaseStatus; reason: string }): { status: TCaseStatus } {
    return this.change(request.caseId, (writer, row, at) => {
      const from = row.status as TCaseStatus
      if (from === request.to) return { status: from }
      if (!STATUS_TRANSITIONS[from].includes(request.to)) {
        throw new AppError('CONFLICT', `A case cannot go from ${from} to ${request.to}.`, { field: 'to' })
      }
      const refusal = statusRefusal(writer.session.db, row.id, from, request.to)
      if (refusal !== null) {
        throw new AppError('CONFLICT', STATUS_REFUSAL_MESSAGES[refusal], { field: 'to', refusal })
      }
      const reason = request.reason.trim()
      if (needsReason(from, request.to) && reason === '') {
        throw new AppError('BAD_REQUEST', 'Give a reason for closing the case or moving it back.', {
          field: 'reason',
        })
      }
      const state = stateOf(row)
      writer.rewriteCase(row, state, { status: request.to, statusReason: reason }, at)
      writer.event(row.id, 'status', at, reason, { from, to: request.to }, at)
      writer.reindex(row.id, row.rowid, row.reference, state.profile)
      writer.audit('record.changed', row.id, { change: 'status', from, to: request.to })
      return { status: request.to }
    })
  }

  assign(request: { caseId: string; accountId: string | null }): { assignee: TStaffRef | null } {
    return this.change(request.caseId, (writer, row, at) => {
      const staff = new StaffDirectory(writer.session.db)
      const to = request.accountId
      if (to !== null && !staff.activeInRoles(STAFF_WHO_HANDLE_CASES).some((each) => each.accountId === to)) {
        throw new AppError('BAD_REQUEST', 'Cases can be assigned to active admins and caseworkers only.', {
          field: 'accountId',
        })
      }
      const names = staff.displayNames()
      const from = row.assigned_account_id
      if (from === to) return { assignee: staffRef(names, to) }
      writer.rewriteCase(row, stateOf(row), { assignee: to }, at)
      // Names as they were at the time, so the entry still reads right after an account is renamed or removed.
      const fromName = from === null ? null : (names.get(from) ?? null)
      const toName = to === null ? null : (names.get(to) ?? null)
      writer.event(row.id, 'assignment', at, '', { from, to, fromName, toName }, at)
      writer.audit('record.changed', row.id, { change: 'assignment', from, to })
      return { assignee: staffRef(names, to) }
    })
  }

  recordConsent(request: { caseId: string; entry: TIntake['consent'][number] }): TConsentRecord {
    return this.change(request.caseId, (writer, row, at) => {
      const entry = ZConsentEntrySchema.parse(request.entry)
      const consent: TConsentRow = {
        id: randomUUID(),
        case_id: row.id,
        purpose: entry.purpose,
        granted: entry.granted ? 1 : 0,
        method: entry.method,
        given_on: entry.givenOn === '' ? writer.today() : entry.givenOn,
        expires_on: entry.expiresOn,
        notes: entry.notes,
        recorded_by: writer.session.staff.accountId,
        recorded_at: at,
      }
      writer.repository.insertConsent(consent)
      const { purpose, granted } = entry
      writer.event(row.id, 'consent', at, '', { purpose, granted }, at)
      writer.repository.touchCase(row.id, at)
      writer.audit('record.changed', row.id, { change: 'consent', purpose, granted })
      return toConsentRecord(consent, staffNames(writer.session))
    })
  }

  addTask(request: { caseId: string; title: string; dueOn: string }): TTask {
    return this.change(request.caseId, (writer, row, at) => {
      const task: TTaskRow = {
        id: randomUUID(),
        case_id: row.id,
        title: request.title,
        due_on: request.dueOn,
        origin: 'manual',
        done_at: null,
        done_by: null,
        created_by: writer.session.staff.accountId,
        created_at: at,
      }
      writer.repository.insertTask(task)
      writer.event(row.id, 'task', at, '', { taskId: task.id, action: 'added', dueOn: task.due_on }, at)
      writer.repository.touchCase(row.id, at)
      writer.audit('record.changed', row.id, { change: 'task_added', taskId: task.id })
      return toTask(task, staffNames(writer.session))
    })
  }

  setTaskDone(request: { caseId: string; taskId: string; done: boolean }): TTask {
    const session = caseSession(this.sessions)
    const writer = new CaseWriter(session)
    const { repository } = writer
    const findTask = (): TTaskRow => {
      const task = repository.findTask(request.caseId, request.taskId)
      if (task === null) throw new AppError('NOT_FOUND', 'There is no such task on this case.')
      return task
    }
    return repository.transaction(() => {
      const task = findTask()
      if ((task.done_at !== null) === request.done) return toTask(task, staffNames(session))
      const at = writer.nowIso()
      repository.setTaskDone(task.id, request.done ? at : null, request.done ? session.staff.accountId : null)
      const action = request.done ? 'done' : 'reopened'
      writer.event(task.case_id, 'task', at, '', { taskId: task.id, action }, at)
      repository.touchCase(task.case_id, at)
      writer.audit('record.changed', task.case_id, { change: `task_${action}`, taskId: task.id })
      return toTask(findTask(), staffNames(session))
    })
  }

  /** A change to one case: the case is read inside the transaction, `at` is the change's one timestamp. */
  private change<T>(caseId: string, work: (writer: CaseWriter, row: TCaseWithFile, at: string) => T): T {
    const writer = new CaseWriter(caseSession(this.sessions))
    return writer.repository.transaction(() => work(writer, writer.requireCase(caseId), writer.nowIso()))
  }

  private auditSummaryView(session: TSession, writer: CaseWriter, caseId: string): void {
    const views = session.scoped(recentViewsOf)
    const key = `${session.staff.accountId}:${caseId}`
    const now = session.clock.now().getTime()
    const last = views.get(key)
    if (last !== undefined && now - last < VIEW_AUDIT_WINDOW_MS) return
    views.set(key, now)
    writer.audit('record.viewed', caseId, { section: 'summary' })
  }
}
