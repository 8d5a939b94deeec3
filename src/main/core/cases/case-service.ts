import { randomUUID } from 'node:crypto'
import type {
  TCaseDetail,
  TCaseListPage,
  TCaseListQuery,
  TConsentRecord,
  TRevealedSection,
  TStaffRef,
  TTask,
  TTimelineEntry,
} from '../../../shared/contract/cases'
import { ZCaseListQuerySchema } from '../../../shared/contract/cases'
import type {
  TDraft,
  TDraftSummary,
  TDuplicateCandidate,
  TDuplicateDecision,
} from '../../../shared/contract/intake'
import {
  displayNameOf,
  emptyIntake,
  INTAKE_STEP_IDS,
  intakeNames,
  type TIntake,
  type TIntakeStepId,
  ZConsentEntrySchema,
} from '../../../shared/cases/intake-schema'
import {
  STATUS_TRANSITIONS,
  type TCaseStatus,
  type TConsentPurpose,
  type TSensitiveSection,
  type TStaffTimelineKind,
  type TTaskOrigin,
  type TTimelineKind,
} from '../../../shared/cases/vocabulary'
import { AppError } from '../../../shared/result'
import type { TStaffIdentity } from '../../ipc/types'
import type { TDatabase } from '../db/open-database'
import { preparePerson, scorePrepared } from '../person-matching'
import type { VaultService } from '../vault/vault-service'
import {
  isUrgent,
  listColumnsOf,
  matchKeysOf,
  matchPersonOf,
  mergeIntoCase,
  removalCutoff,
  searchDocumentOf,
  stateFromIntake,
  type TCaseState,
  type TContactRecord,
  type TNeedsRecord,
  type TProfile,
} from './case-records'
import {
  CaseRepository,
  type TCaseListRecord,
  type TCaseFileRow,
  type TCaseWithFile,
  type TConsentRow,
  type TEventRow,
  type TTaskRow,
} from './case-repository'
import { buildSearchQuery } from './case-search'

export type TCaseServiceOptions = {
  vault: VaultService
  now?: () => number
}

/** How many duplicate candidates a save shows at most, and how many key-sharing cases are scored to find them. */
const MAX_CANDIDATES = 5
const CANDIDATE_POOL = 400
const TIMELINE_LIMIT = 500
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

const parse = <T>(json: string): T => JSON.parse(json) as T

type TImportRow = { line: number; reference?: string | undefined; intake: TIntake }

/**
 * Survivors' cases: intake drafts, the duplicate check, saving intakes, the case list and search, the case page and
 * every change to a case. Each change writes its timeline entry and audit entry in the same transaction as the
 * change itself, so a crash can never leave one without the other.
 */
export class CaseService {
  private readonly repositories = new WeakMap<TDatabase, CaseRepository>()
  /** Per open database (so a lock forgets it): when each staff member last had each case's summary audited. */
  private readonly recentViews = new WeakMap<TDatabase, Map<string, number>>()
  private readonly now: () => number

  constructor(private readonly options: TCaseServiceOptions) {
    this.now = options.now ?? Date.now
  }

  // ── plumbing ────────────────────────────────────────────────────────────────────────────────────────────────

  private repository(): CaseRepository {
    const db = this.options.vault.database()
    let repository = this.repositories.get(db)
    if (repository === undefined) {
      repository = new CaseRepository(db)
      this.repositories.set(db, repository)
    }
    return repository
  }

  private staff(): TStaffIdentity {
    const staff = this.options.vault.currentStaff()
    if (staff === null) throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.')
    if (staff.role === 'viewer') throw new AppError('FORBIDDEN', 'Your role cannot open survivor records.')
    return staff
  }

  /** Audit entries name the case by id and reference number (never by the survivor's name). */
  private audit(
    staff: TStaffIdentity,
    action: string,
    caseId: string | null,
    details: Record<string, unknown>,
  ): void {
    const reference = caseId === null ? null : this.repository().referenceOf(caseId)
    this.options.vault.audit.append(
      { accountId: staff.accountId, username: staff.username },
      action,
      caseId === null ? null : { type: 'case', id: caseId },
      reference === null ? details : { reference, ...details },
    )
  }

  private nowIso(): string {
    return new Date(this.now()).toISOString()
  }

  private today(): string {
    return this.nowIso().slice(0, 10)
  }

  private requireCase(repository: CaseRepository, caseId: string): TCaseWithFile {
    const row = repository.findCase(caseId)
    if (row === null) throw new AppError('NOT_FOUND', 'There is no case with this id.')
    return row
  }

  private staffRef(names: Map<string, string>, accountId: string | null): TStaffRef | null {
    if (accountId === null) return null
    return { accountId, displayName: names.get(accountId) ?? '' }
  }

  // ── drafts ──────────────────────────────────────────────────────────────────────────────────────────────────

  listDrafts(): TDraftSummary[] {
    const staff = this.staff()
    return this.repository()
      .draftsOf(staff.accountId)
      .map((row) => ({
        id: row.id,
        step: this.stepOf(row.step),
        displayName: row.display_name,
        updatedAt: row.updated_at,
      }))
  }

  getDraft(id: string): TDraft {
    const staff = this.staff()
    const row = this.repository().findDraft(staff.accountId, id)
    if (row === null)
      throw new AppError('NOT_FOUND', 'This draft no longer exists. It may have been saved or discarded.')
    return {
      id: row.id,
      step: this.stepOf(row.step),
      displayName: row.display_name,
      updatedAt: row.updated_at,
      data: parse<Record<string, unknown>>(row.data),
    }
  }

  saveDraft(request: { id?: string | undefined; step: TIntakeStepId; data: Record<string, unknown> }): {
    id: string
    updatedAt: string
  } {
    const staff = this.staff()
    const repository = this.repository()
    const at = this.nowIso()
    const id = request.id ?? randomUUID()
    const existing = request.id === undefined ? null : repository.findDraft(staff.accountId, request.id)
    if (request.id !== undefined && existing === null) {
      throw new AppError('NOT_FOUND', 'This draft no longer exists. It may have been saved or discarded.')
    }
    repository.upsertDraft({
      id,
      account_id: staff.accountId,
      step: request.step,
      display_name: draftDisplayName(request.data),
      data: JSON.stringify(request.data),
      created_at: existing?.created_at ?? at,
      updated_at: at,
    })
    return { id, updatedAt: at }
  }

  discardDraft(id: string): { discarded: boolean } {
    const staff = this.staff()
    return { discarded: this.repository().deleteDraft(staff.accountId, id) }
  }

  private stepOf(step: string): TIntakeStepId {
    return (INTAKE_STEP_IDS as readonly string[]).includes(step) ? (step as TIntakeStepId) : 'person'
  }

  // ── duplicate check and saving intakes ──────────────────────────────────────────────────────────────────────

  findDuplicates(intake: TIntake): TDuplicateCandidate[] {
    this.staff()
    const repository = this.repository()
    return this.scoreCandidates(repository, intake)
  }

  private scoreCandidates(repository: CaseRepository, intake: TIntake): TDuplicateCandidate[] {
    const state = stateFromIntake(intake)
    const query = preparePerson(matchPersonOf(state))
    const ids = repository.ownersSharingKeys('case', matchKeysOf(state), CANDIDATE_POOL)
    const scored: {
      row: TCaseWithFile
      profile: TProfile
      contact: TContactRecord
      match: ReturnType<typeof scorePrepared>
    }[] = []
    for (const row of repository.findCases(ids)) {
      const profile = parse<TProfile>(row.profile)
      const contact = parse<TContactRecord>(row.contact)
      const match = scorePrepared(query, preparePerson(matchPersonOf({ profile, contact })))
      if (match.isLikelySame) scored.push({ row, profile, contact, match })
    }
    scored.sort((left, right) => right.match.score - left.match.score)
    return scored.slice(0, MAX_CANDIDATES).map(({ row, profile, contact, match }) => ({
      caseId: row.id,
      reference: row.reference,
      status: row.status as TCaseStatus,
      displayName: row.display_name,
      names: intakeNames(profile.person),
      dateOfBirth: profile.person.dateOfBirth,
      approximateAge: profile.person.approximateAge,
      gender: profile.person.gender,
      countryOfOrigin: profile.location.countryOfOrigin,
      province: profile.location.province,
      city: profile.location.city,
      preferredLanguage: profile.languages.preferred,
      phoneEnding: contact.phone.replace(/\D/g, '').slice(-3),
      openedOn: row.opened_on,
      intakeCount: repository.countIntakes(row.id),
      score: Math.round(match.score * 100) / 100,
      reasons: match.reasons,
      bestPair: match.bestPair,
    }))
  }

  /**
   * Save an intake as a new case, or add it to the case the caseworker chose as the same person. Main runs the
   * duplicate check again: a likely match the person was not shown refuses the save (CONFLICT), so nobody creates
   * a duplicate by skipping the check.
   */
  submitIntake(request: {
    intake: TIntake
    draftId?: string | undefined
    decision: TDuplicateDecision
    reviewedCandidates: readonly string[]
  }): { caseId: string; reference: string; createdCase: boolean } {
    const staff = this.staff()
    const repository = this.repository()
    return repository.transaction(() => {
      const candidates = this.scoreCandidates(repository, request.intake)
      const reviewed = new Set(request.reviewedCandidates)
      const unseen = candidates.filter((candidate) => !reviewed.has(candidate.caseId))
      if (unseen.length > 0) {
        throw new AppError('CONFLICT', 'Possible matches were found that have not been reviewed.', {
          candidates: unseen.map((candidate) => candidate.caseId),
        })
      }
      let result: { caseId: string; reference: string; createdCase: boolean }
      if (request.decision.kind === 'existing') {
        const { caseId } = request.decision
        const row = this.requireCase(repository, caseId)
        this.addIntakeToCase(repository, staff, row, request.intake)
        result = { caseId, reference: row.reference, createdCase: false }
      } else {
        result = { ...this.createCase(repository, staff, request.intake), createdCase: true }
      }
      if (candidates.length > 0 || request.decision.kind === 'existing') {
        this.audit(staff, 'duplicate.decided', result.caseId, {
          decision: request.decision.kind === 'existing' ? 'same_person' : 'different_person',
          candidates: candidates.map((candidate) => ({ caseId: candidate.caseId, score: candidate.score })),
        })
      }
      if (request.draftId !== undefined) repository.deleteDraft(staff.accountId, request.draftId)
      return result
    })
  }

  private createCase(
    repository: CaseRepository,
    staff: TStaffIdentity | null,
    intake: TIntake,
    reference?: string,
  ): { caseId: string; reference: string } {
    const at = this.nowIso()
    const id = randomUUID()
    const state = stateFromIntake(intake)
    const ref = reference ?? this.allocateReference(repository, intake.meta.intakeDate)
    const status: TCaseStatus = 'new'
    const rowid = repository.insertCase({
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
      created_by: staff?.accountId ?? null,
      updated_at: at,
    })
    this.recordIntake(repository, staff, id, intake, at)
    this.writeDerived(repository, id, rowid, ref, state)
    this.createDateTasks(repository, staff, id, state.needs, at)
    if (staff !== null) this.audit(staff, 'record.created', id, { reference: ref, via: 'intake' })
    return { caseId: id, reference: ref }
  }

  private addIntakeToCase(
    repository: CaseRepository,
    staff: TStaffIdentity,
    row: TCaseWithFile,
    intake: TIntake,
  ): void {
    const at = this.nowIso()
    const state = mergeIntoCase(stateOf(row), intake)
    this.rewriteCase(repository, row, state, {}, at)
    this.recordIntake(repository, staff, row.id, intake, at)
    this.writeDerived(repository, row.id, row.rowid, row.reference, state)
    this.createDateTasks(repository, staff, row.id, state.needs, at)
    this.audit(staff, 'record.changed', row.id, { change: 'intake_added' })
  }

  private recordIntake(
    repository: CaseRepository,
    staff: TStaffIdentity | null,
    caseId: string,
    intake: TIntake,
    at: string,
  ): void {
    const intakeId = randomUUID()
    repository.insertIntake({
      id: intakeId,
      case_id: caseId,
      intake_date: intake.meta.intakeDate,
      method: intake.meta.method,
      staff_account_id: staff?.accountId ?? null,
      data: JSON.stringify(intake),
      recorded_at: at,
    })
    this.event(
      repository,
      staff,
      caseId,
      'intake',
      `${intake.meta.intakeDate}T12:00:00.000Z`,
      '',
      {
        intakeId,
        method: intake.meta.method,
      },
      at,
    )
    for (const entry of intake.consent) {
      repository.insertConsent({
        id: randomUUID(),
        case_id: caseId,
        purpose: entry.purpose,
        granted: entry.granted ? 1 : 0,
        method: entry.method,
        given_on: entry.givenOn,
        expires_on: entry.expiresOn,
        notes: entry.notes,
        recorded_by: staff?.accountId ?? null,
        recorded_at: at,
      })
    }
  }

  /** Match keys and the search document: what is derived from the case beyond its own columns. */
  private writeDerived(
    repository: CaseRepository,
    caseId: string,
    rowid: number,
    reference: string,
    state: TCaseState,
  ): void {
    repository.replaceMatchKeys('case', caseId, matchKeysOf(state))
    this.reindex(repository, caseId, rowid, reference, state.profile)
  }

  private reindex(
    repository: CaseRepository,
    caseId: string,
    rowid: number,
    reference: string,
    profile: TProfile,
  ): void {
    // The city is searchable with the notes ("Winnipeg" lists the cases there); names have their own columns.
    const texts: string[] = [profile.location.city]
    for (const intakeRow of repository.intakesOf(caseId)) {
      const intake = parse<TIntake>(intakeRow.data)
      texts.push(intake.experiences.narrative, intake.meta.notes)
    }
    texts.push(...repository.eventTextsOf(caseId))
    repository.writeSearchDocument(rowid, searchDocumentOf(reference, profile.person, texts))
  }

  /** A hearing or removal date in the future makes a task due that day, once. */
  private createDateTasks(
    repository: CaseRepository,
    staff: TStaffIdentity | null,
    caseId: string,
    needs: TNeedsRecord,
    at: string,
  ): void {
    const today = this.today()
    const dated: [TTaskOrigin, string][] = [
      ['hearing', needs.hearingDate],
      ['removal', needs.removalDate],
    ]
    for (const [origin, dueOn] of dated) {
      if (dueOn === '' || dueOn < today || repository.hasOpenTask(caseId, origin, dueOn)) continue
      repository.insertTask({
        id: randomUUID(),
        case_id: caseId,
        title: '',
        due_on: dueOn,
        origin,
        done_at: null,
        done_by: null,
        created_by: staff?.accountId ?? null,
        created_at: at,
      })
    }
  }

  /** Writes a case's row and file after a change of its content, status or assignee (unchanged parts kept). */
  private rewriteCase(
    repository: CaseRepository,
    row: TCaseWithFile,
    state: TCaseState,
    changes: { status?: TCaseStatus; statusReason?: string; assignee?: string | null },
    at: string,
  ): void {
    const status = changes.status ?? (row.status as TCaseStatus)
    repository.updateCase({
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

  private allocateReference(repository: CaseRepository, intakeDate: string): string {
    const year = Number(intakeDate.slice(0, 4)) || new Date(this.now()).getUTCFullYear()
    for (;;) {
      const reference = formatReference(year, repository.nextReferenceNumber(year))
      if (!repository.referenceExists(reference)) return reference
    }
  }

  private event(
    repository: CaseRepository,
    staff: TStaffIdentity | null,
    caseId: string,
    kind: TTimelineKind,
    occurredAt: string,
    body: string,
    details: Record<string, string | number | boolean | null>,
    at: string,
  ): TEventRow {
    const row: TEventRow = {
      id: randomUUID(),
      case_id: caseId,
      kind,
      occurred_at: occurredAt,
      body,
      details: JSON.stringify(details),
      author_account_id: staff?.accountId ?? null,
      recorded_at: at,
    }
    repository.insertEvent(row)
    return row
  }

  // ── import and export ───────────────────────────────────────────────────────────────────────────────────────

  /**
   * Create one case per row, all or nothing. Rows were validated by the CSV reader; here the vault's own rules
   * apply (a reference already in use). A dry run checks the same and writes nothing.
   */
  importIntakes(
    rows: readonly TImportRow[],
    options: { dryRun: boolean },
  ): { created: number; references: string[] } {
    const staff = this.requireAdmin()
    const repository = this.repository()
    const errors: { line: number; field: string; code: string; value: string; message: string }[] = []
    for (const row of rows) {
      if (row.reference !== undefined && repository.referenceExists(row.reference)) {
        errors.push({
          line: row.line,
          field: 'reference',
          code: 'reference_exists',
          value: row.reference,
          message: `row ${row.line}: reference ${row.reference} is already used by another case`,
        })
      }
    }
    if (errors.length > 0) {
      throw new AppError('BAD_REQUEST', errors.map((error) => error.message).join('\n'), { errors })
    }
    if (options.dryRun) return { created: 0, references: [] }
    return repository.transaction(() => {
      const references: string[] = []
      for (const row of rows) {
        if (row.reference !== undefined) {
          const [, year, number] = /^CCIJ-(\d{4})-(\d+)$/.exec(row.reference) ?? []
          if (year !== undefined && number !== undefined)
            repository.reserveReferenceNumber(Number(year), Number(number))
        }
        references.push(this.createCase(repository, null, row.intake, row.reference).reference)
      }
      this.audit(staff, 'import', null, { kind: 'intakes', created: references.length })
      return { created: references.length, references }
    })
  }

  /** Every case as one intake (profile merged across intakes, experiences and parties from all of them). */
  *exportCases(): Generator<{ reference: string; intake: TIntake; notes: string[] }> {
    this.requireAdmin()
    const repository = this.repository()
    for (const row of repository.iterateCases()) {
      const profile = parse<TProfile>(row.profile)
      const intakes = repository.intakesOf(row.id).map((intakeRow) => parse<TIntake>(intakeRow.data))
      const first = intakes[0] ?? emptyIntake(row.opened_on)
      const latestConsent = new Map<string, TConsentRow>()
      for (const consent of repository.consentsOf(row.id)) {
        if (!latestConsent.has(consent.purpose)) latestConsent.set(consent.purpose, consent)
      }
      const intake: TIntake = {
        meta: {
          ...first.meta,
          intakeDate: row.opened_on,
          notes: intakes
            .map((each) => each.meta.notes)
            .filter(Boolean)
            .join('\n'),
        },
        person: profile.person,
        contact: parse<TContactRecord>(row.contact),
        languages: profile.languages,
        location: profile.location,
        experiences: {
          entries: intakes.flatMap((each) => each.experiences.entries),
          narrative: intakes
            .map((each) => each.experiences.narrative)
            .filter(Boolean)
            .join('\n\n'),
        },
        adverseParties: intakes.flatMap((each) => each.adverseParties),
        needs: parse<TNeedsRecord>(row.needs),
        consent: [...latestConsent.values()].map((consent) => ({
          purpose: consent.purpose as TConsentPurpose,
          granted: consent.granted === 1,
          method: consent.method as TIntake['consent'][number]['method'],
          givenOn: consent.given_on,
          expiresOn: consent.expires_on,
          notes: consent.notes,
        })),
      }
      const notes = repository
        .eventsOf(row.id, TIMELINE_LIMIT)
        .filter((event) => event.body !== '')
        .reverse()
        .map((event) => event.body)
      yield { reference: row.reference, intake, notes }
    }
  }

  /** Called by the CSV export after writing the file: an export is an audited event. */
  auditExport(details: { count: number; fileName: string }): void {
    const staff = this.requireAdmin()
    this.audit(staff, 'export', null, { kind: 'intakes', ...details })
  }

  private requireAdmin(): TStaffIdentity {
    const staff = this.staff()
    if (staff.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin can import or export intakes.')
    return staff
  }

  // ── list ────────────────────────────────────────────────────────────────────────────────────────────────────

  list(input: TCaseListQuery): TCaseListPage {
    this.staff()
    const query = ZCaseListQuerySchema.parse(input)
    const repository = this.repository()
    const cutoff = removalCutoff(new Date(this.now()))
    const filters = {
      statuses: query.statuses,
      province: query.province,
      language: query.language,
      need: query.need,
      assignee: query.assignee,
      urgency: query.urgency,
    }
    const match = buildSearchQuery(query.search)
    const page =
      match === null
        ? repository.listByUrgency(filters, cutoff, query.offset, query.limit)
        : repository.search(match, filters, cutoff, query.offset, query.limit)
    return { rows: page.rows.map((row) => toListRow(row, cutoff)), total: page.total, offset: query.offset }
  }

  assignees(): TStaffRef[] {
    this.staff()
    return this.repository()
      .assignableStaff()
      .map((row) => ({ accountId: row.id, displayName: row.display_name }))
  }

  // ── the case page ───────────────────────────────────────────────────────────────────────────────────────────

  get(caseId: string): TCaseDetail {
    const staff = this.staff()
    const repository = this.repository()
    const row = this.requireCase(repository, caseId)
    const names = repository.staffNames()
    const profile = parse<TProfile>(row.profile)
    const contact = parse<TContactRecord>(row.contact)
    const needs = parse<TNeedsRecord>(row.needs)
    const intakes = repository.intakesOf(caseId)
    const parsedIntakes = intakes.map((intakeRow) => parse<TIntake>(intakeRow.data))
    const consentRows = repository.consentsOf(caseId)
    const consentHistory = consentRows.map((consent) => toConsentRecord(consent, names))
    const latest = new Map<string, TConsentRecord>()
    for (const record of consentHistory) if (!latest.has(record.purpose)) latest.set(record.purpose, record)
    const cutoff = removalCutoff(new Date(this.now()))
    const status = row.status as TCaseStatus
    this.auditSummaryView(staff, caseId)
    return {
      id: row.id,
      reference: row.reference,
      status,
      statusReason: row.status_reason,
      nextStatuses: [...STATUS_TRANSITIONS[status]],
      assignee: this.staffRef(names, row.assigned_account_id),
      openedOn: row.opened_on,
      updatedAt: row.updated_at,
      urgent: isUrgent(row, cutoff),
      person: { displayName: row.display_name, ...profile.person },
      languages: profile.languages,
      location: profile.location,
      needs,
      sensitiveSections: [
        {
          section: 'contact',
          hasContent: Object.values(contact).some((value) => value !== ''),
        },
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
        staff: this.staffRef(names, intakeRow.staff_account_id),
        recordedAt: intakeRow.recorded_at,
      })),
      tasks: repository.tasksOf(caseId).map((task) => toTask(task, names)),
      timeline: repository.eventsOf(caseId, TIMELINE_LIMIT).map((event) => toTimelineEntry(event, names)),
    }
  }

  private auditSummaryView(staff: TStaffIdentity, caseId: string): void {
    const db = this.options.vault.database()
    let views = this.recentViews.get(db)
    if (views === undefined) {
      views = new Map()
      this.recentViews.set(db, views)
    }
    const key = `${staff.accountId}:${caseId}`
    const now = this.now()
    const last = views.get(key)
    if (last !== undefined && now - last < VIEW_AUDIT_WINDOW_MS) return
    views.set(key, now)
    this.audit(staff, 'record.viewed', caseId, { section: 'summary' })
  }

  /** One sensitive section. Every reveal is an audited view naming the section. */
  reveal(caseId: string, section: TSensitiveSection): TRevealedSection {
    const staff = this.staff()
    const repository = this.repository()
    const row = this.requireCase(repository, caseId)
    const intakes = repository.intakesOf(caseId).map((intakeRow) => parse<TIntake>(intakeRow.data))
    this.audit(staff, 'record.viewed', caseId, { section })
    switch (section) {
      case 'contact':
        return { section, contact: parse<TContactRecord>(row.contact) }
      case 'experiences':
        return { section, entries: intakes.flatMap((intake) => intake.experiences.entries) }
      case 'adverse_parties':
        return { section, parties: intakes.flatMap((intake) => intake.adverseParties) }
      case 'narrative':
        return {
          section,
          narratives: intakes
            .filter((intake) => intake.experiences.narrative !== '' || intake.meta.notes !== '')
            .map((intake) => ({
              intakeDate: intake.meta.intakeDate,
              narrative: intake.experiences.narrative,
              notes: intake.meta.notes,
            })),
        }
    }
  }

  addTimelineEntry(request: {
    caseId: string
    kind: TStaffTimelineKind
    body: string
    occurredAt?: string | undefined
  }): TTimelineEntry {
    const staff = this.staff()
    const repository = this.repository()
    return repository.transaction(() => {
      const row = this.requireCase(repository, request.caseId)
      const at = this.nowIso()
      const occurredAt = request.occurredAt === undefined ? at : new Date(request.occurredAt).toISOString()
      const event = this.event(repository, staff, row.id, request.kind, occurredAt, request.body, {}, at)
      repository.touchCase(row.id, at)
      this.reindex(repository, row.id, row.rowid, row.reference, parse<TProfile>(row.profile))
      this.audit(staff, 'record.changed', row.id, { change: 'timeline', kind: request.kind })
      return toTimelineEntry(event, repository.staffNames())
    })
  }

  changeStatus(request: { caseId: string; to: TCaseStatus; reason: string }): { status: TCaseStatus } {
    const staff = this.staff()
    const repository = this.repository()
    return repository.transaction(() => {
      const row = this.requireCase(repository, request.caseId)
      const from = row.status as TCaseStatus
      if (from === request.to) return { status: from }
      if (!STATUS_TRANSITIONS[from].includes(request.to)) {
        throw new AppError('CONFLICT', `A case cannot go from ${from} to ${request.to}.`, { field: 'to' })
      }
      const reason = request.reason.trim()
      if (needsReason(from, request.to) && reason === '') {
        throw new AppError('BAD_REQUEST', 'Give a reason for closing the case or moving it back.', {
          field: 'reason',
        })
      }
      const at = this.nowIso()
      const state = stateOf(row)
      this.rewriteCase(repository, row, state, { status: request.to, statusReason: reason }, at)
      this.event(repository, staff, row.id, 'status', at, reason, { from, to: request.to }, at)
      this.reindex(repository, row.id, row.rowid, row.reference, state.profile)
      this.audit(staff, 'record.changed', row.id, { change: 'status', from, to: request.to })
      return { status: request.to }
    })
  }

  assign(request: { caseId: string; accountId: string | null }): { assignee: TStaffRef | null } {
    const staff = this.staff()
    const repository = this.repository()
    return repository.transaction(() => {
      const row = this.requireCase(repository, request.caseId)
      if (
        request.accountId !== null &&
        !repository.assignableStaff().some((each) => each.id === request.accountId)
      ) {
        throw new AppError('BAD_REQUEST', 'Cases can be assigned to active admins and caseworkers only.', {
          field: 'accountId',
        })
      }
      const names = repository.staffNames()
      if (row.assigned_account_id === request.accountId)
        return { assignee: this.staffRef(names, request.accountId) }
      const at = this.nowIso()
      this.rewriteCase(repository, row, stateOf(row), { assignee: request.accountId }, at)
      this.event(
        repository,
        staff,
        row.id,
        'assignment',
        at,
        '',
        {
          from: row.assigned_account_id,
          to: request.accountId,
          // Names as they were at the time, so the entry still reads right after an account is renamed or removed.
          fromName: row.assigned_account_id === null ? null : (names.get(row.assigned_account_id) ?? null),
          toName: request.accountId === null ? null : (names.get(request.accountId) ?? null),
        },
        at,
      )
      this.audit(staff, 'record.changed', row.id, {
        change: 'assignment',
        from: row.assigned_account_id,
        to: request.accountId,
      })
      return { assignee: this.staffRef(names, request.accountId) }
    })
  }

  recordConsent(request: { caseId: string; entry: TIntake['consent'][number] }): TConsentRecord {
    const staff = this.staff()
    const entry = ZConsentEntrySchema.parse(request.entry)
    const repository = this.repository()
    return repository.transaction(() => {
      const row = this.requireCase(repository, request.caseId)
      const at = this.nowIso()
      const consent: TConsentRow = {
        id: randomUUID(),
        case_id: row.id,
        purpose: entry.purpose,
        granted: entry.granted ? 1 : 0,
        method: entry.method,
        given_on: entry.givenOn === '' ? this.today() : entry.givenOn,
        expires_on: entry.expiresOn,
        notes: entry.notes,
        recorded_by: staff.accountId,
        recorded_at: at,
      }
      repository.insertConsent(consent)
      this.event(
        repository,
        staff,
        row.id,
        'consent',
        at,
        '',
        { purpose: entry.purpose, granted: entry.granted },
        at,
      )
      repository.touchCase(row.id, at)
      this.audit(staff, 'record.changed', row.id, {
        change: 'consent',
        purpose: entry.purpose,
        granted: entry.granted,
      })
      return toConsentRecord(consent, repository.staffNames())
    })
  }

  addTask(request: { caseId: string; title: string; dueOn: string }): TTask {
    const staff = this.staff()
    const repository = this.repository()
    return repository.transaction(() => {
      const row = this.requireCase(repository, request.caseId)
      const at = this.nowIso()
      const task: TTaskRow = {
        id: randomUUID(),
        case_id: row.id,
        title: request.title,
        due_on: request.dueOn,
        origin: 'manual',
        done_at: null,
        done_by: null,
        created_by: staff.accountId,
        created_at: at,
      }
      repository.insertTask(task)
      this.event(
        repository,
        staff,
        row.id,
        'task',
        at,
        '',
        { taskId: task.id, action: 'added', dueOn: task.due_on },
        at,
      )
      repository.touchCase(row.id, at)
      this.audit(staff, 'record.changed', row.id, { change: 'task_added', taskId: task.id })
      return toTask(task, repository.staffNames())
    })
  }

  setTaskDone(request: { caseId: string; taskId: string; done: boolean }): TTask {
    const staff = this.staff()
    const repository = this.repository()
    return repository.transaction(() => {
      const task = repository.findTask(request.caseId, request.taskId)
      if (task === null) throw new AppError('NOT_FOUND', 'There is no such task on this case.')
      if ((task.done_at !== null) === request.done) return toTask(task, repository.staffNames())
      const at = this.nowIso()
      repository.setTaskDone(task.id, request.done ? at : null, request.done ? staff.accountId : null)
      this.event(
        repository,
        staff,
        task.case_id,
        'task',
        at,
        '',
        { taskId: task.id, action: request.done ? 'done' : 'reopened' },
        at,
      )
      repository.touchCase(task.case_id, at)
      this.audit(staff, 'record.changed', task.case_id, {
        change: request.done ? 'task_done' : 'task_reopened',
        taskId: task.id,
      })
      const updated = repository.findTask(request.caseId, request.taskId)
      if (updated === null) throw new AppError('NOT_FOUND', 'There is no such task on this case.')
      return toTask(updated, repository.staffNames())
    })
  }
}

const stateOf = (row: TCaseFileRow): TCaseState => ({
  profile: parse<TProfile>(row.profile),
  contact: parse<TContactRecord>(row.contact),
  needs: parse<TNeedsRecord>(row.needs),
})

/** CCIJ-2026-0042 */
export const formatReference = (year: number, number: number): string =>
  `CCIJ-${year}-${String(number).padStart(4, '0')}`

/** The name shown for a draft in "your unfinished intakes": whatever name has been typed so far. */
function draftDisplayName(data: Record<string, unknown>): string {
  const person = data['person']
  if (typeof person !== 'object' || person === null) return ''
  const field = (key: string): string => {
    const value = (person as Record<string, unknown>)[key]
    return typeof value === 'string' ? value : ''
  }
  const aliases = (person as Record<string, unknown>)['aliases']
  return displayNameOf({
    givenNames: field('givenNames'),
    familyName: field('familyName'),
    preferredName: field('preferredName'),
    originalScriptName: field('originalScriptName'),
    aliases: Array.isArray(aliases)
      ? aliases.filter((alias): alias is string => typeof alias === 'string')
      : [],
  }).slice(0, 200)
}

const toListRow = (row: TCaseListRecord, cutoff: string): TCaseListPage['rows'][number] => ({
  id: row.id,
  reference: row.reference,
  displayName: row.display_name,
  status: row.status as TCaseStatus,
  province: row.province,
  city: row.city,
  preferredLanguage: row.preferred_language,
  needs: row.need_keys.split(' ').filter(Boolean) as TCaseListPage['rows'][number]['needs'],
  detained: row.detained === 1,
  atAirport: row.at_airport === 1,
  removalDate: row.removal_date ?? '',
  hearingDate: row.hearing_date ?? '',
  urgent: isUrgent(row, cutoff),
  assignee:
    row.assigned_account_id === null
      ? null
      : { accountId: row.assigned_account_id, displayName: row.assignee_name ?? '' },
  openedOn: row.opened_on,
  updatedAt: row.updated_at,
})

const ref = (names: Map<string, string>, accountId: string | null): TStaffRef | null =>
  accountId === null ? null : { accountId, displayName: names.get(accountId) ?? '' }

const toConsentRecord = (row: TConsentRow, names: Map<string, string>): TConsentRecord => ({
  id: row.id,
  purpose: row.purpose as TConsentRecord['purpose'],
  granted: row.granted === 1,
  method: row.method as TConsentRecord['method'],
  givenOn: row.given_on,
  expiresOn: row.expires_on,
  notes: row.notes,
  recordedBy: ref(names, row.recorded_by),
  recordedAt: row.recorded_at,
})

const toTask = (row: TTaskRow, names: Map<string, string>): TTask => ({
  id: row.id,
  title: row.title,
  dueOn: row.due_on,
  origin: row.origin as TTask['origin'],
  doneAt: row.done_at,
  createdBy: ref(names, row.created_by),
  createdAt: row.created_at,
})

const toTimelineEntry = (row: TEventRow, names: Map<string, string>): TTimelineEntry => ({
  id: row.id,
  kind: row.kind as TTimelineEntry['kind'],
  occurredAt: row.occurred_at,
  body: row.body,
  details: parse<TTimelineEntry['details']>(row.details),
  author: ref(names, row.author_account_id),
  recordedAt: row.recorded_at,
})
