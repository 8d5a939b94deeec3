import { randomUUID } from 'node:crypto'
import type {
  TDraft,
  TDraftSummary,
  TDuplicateCandidate,
  TDuplicateDecision,
} from '../../../shared/contract/intake'
import {
  displayNameOf,
  INTAKE_STEP_IDS,
  intakeNames,
  type TIntake,
  type TIntakeStepId,
} from '../../../shared/cases/intake-schema'
import type { TCaseStatus } from '../../../shared/cases/vocabulary'
import { AppError } from '../../../shared/result'
import { preparePerson, scorePrepared } from '../person-matching'
import type { TSessionSource } from '../session/session'
import { caseSession } from './case-access'
import {
  matchPersonOf,
  matchKeysOf,
  stateFromIntake,
  type TContactRecord,
  type TProfile,
} from './case-records'
import { CaseRepository } from './case-repository'
import type { TCaseWithFile } from './case-rows'
import { parse } from './case-views'
import { CaseWriter } from './case-writer'
import { DraftRepository } from './draft-repository'

/** How many duplicate candidates a save shows at most, and how many key-sharing cases are scored to find them. */
const MAX_CANDIDATES = 5
const CANDIDATE_POOL = 400

const draftGone = (): AppError =>
  new AppError('NOT_FOUND', 'This draft no longer exists. It may have been saved or discarded.')

const stepOf = (step: string): TIntakeStepId =>
  (INTAKE_STEP_IDS as readonly string[]).includes(step) ? (step as TIntakeStepId) : 'person'

/**
 * The intake: drafts that survive a lock, the duplicate check, and saving an intake as a new case or into the
 * case of the same person.
 */
export class IntakeService {
  constructor(private readonly sessions: TSessionSource) {}

  // ── drafts (each staff member sees only their own) ──────────────────────────────────────────────────────────

  listDrafts(): TDraftSummary[] {
    const session = caseSession(this.sessions)
    return new DraftRepository(session.db).draftsOf(session.staff.accountId).map((row) => ({
      id: row.id,
      step: stepOf(row.step),
      displayName: row.display_name,
      updatedAt: row.updated_at,
    }))
  }

  getDraft(id: string): TDraft {
    const session = caseSession(this.sessions)
    const row = new DraftRepository(session.db).findDraft(session.staff.accountId, id)
    if (row === null) throw draftGone()
    return {
      id: row.id,
      step: stepOf(row.step),
      displayName: row.display_name,
      updatedAt: row.updated_at,
      data: parse<Record<string, unknown>>(row.data),
    }
  }

  saveDraft(request: { id?: string | undefined; step: TIntakeStepId; data: Record<string, unknown> }): {
    id: string
    updatedAt: string
  } {
    const session = caseSession(this.sessions)
    const drafts = new DraftRepository(session.db)
    const at = session.clock.now().toISOString()
    const id = request.id ?? randomUUID()
    const existing = request.id === undefined ? null : drafts.findDraft(session.staff.accountId, request.id)
    if (request.id !== undefined && existing === null) throw draftGone()
    drafts.upsertDraft({
      id,
      account_id: session.staff.accountId,
      step: request.step,
      display_name: draftDisplayName(request.data),
      data: JSON.stringify(request.data),
      created_at: existing?.created_at ?? at,
      updated_at: at,
    })
    return { id, updatedAt: at }
  }

  discardDraft(id: string): { discarded: boolean } {
    const session = caseSession(this.sessions)
    return { discarded: new DraftRepository(session.db).deleteDraft(session.staff.accountId, id) }
  }

  // ── the duplicate check and saving ──────────────────────────────────────────────────────────────────────────

  /** Audited: a duplicate check reads survivors' names and contacts (who, when, how many; never the names). */
  findDuplicates(intake: TIntake): TDuplicateCandidate[] {
    const session = caseSession(this.sessions)
    const candidates = scoreCandidates(new CaseRepository(session.db), intake)
    session.audit.record('duplicate.checked', null, {
      results: candidates.length,
      candidates: candidates.map((candidate) => candidate.caseId),
    })
    return candidates
  }

  /**
   * Save an intake as a new case, or add it to the case the caseworker chose as the same person. Main runs the
   * duplicate check again: a likely match the person was not shown refuses the save (CONFLICT), so nobody creates
   * a duplicate by skipping the check.
   */
  submit(request: {
    intake: TIntake
    draftId?: string | undefined
    decision: TDuplicateDecision
    reviewedCandidates: readonly string[]
  }): { caseId: string; reference: string; createdCase: boolean } {
    const session = caseSession(this.sessions)
    const writer = new CaseWriter(session)
    return writer.repository.transaction(() => {
      const candidates = scoreCandidates(writer.repository, request.intake)
      const reviewed = new Set(request.reviewedCandidates)
      const unseen = candidates.filter((candidate) => !reviewed.has(candidate.caseId))
      if (unseen.length > 0) {
        throw new AppError('CONFLICT', 'Possible matches were found that have not been reviewed.', {
          candidates: unseen.map((candidate) => candidate.caseId),
        })
      }
      let result: { caseId: string; reference: string; createdCase: boolean }
      if (request.decision.kind === 'existing') {
        const row = writer.requireCase(request.decision.caseId)
        writer.addIntakeToCase(row, request.intake)
        result = { caseId: row.id, reference: row.reference, createdCase: false }
      } else {
        result = { ...writer.createCase(request.intake), createdCase: true }
      }
      if (candidates.length > 0 || request.decision.kind === 'existing') {
        writer.audit('duplicate.decided', result.caseId, {
          decision: request.decision.kind === 'existing' ? 'same_person' : 'different_person',
          candidates: candidates.map((candidate) => ({ caseId: candidate.caseId, score: candidate.score })),
        })
      }
      if (request.draftId !== undefined) {
        new DraftRepository(session.db).deleteDraft(session.staff.accountId, request.draftId)
      }
      return result
    })
  }
}

/** Cases sharing match keys with the intake, scored by person matching; likely matches only, best first. */
function scoreCandidates(repository: CaseRepository, intake: TIntake): TDuplicateCandidate[] {
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
