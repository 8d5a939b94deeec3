/**
 * Referrals of a survivor to a lawyer or an organization, along their state machine (docs/matching.md). Every
 * change writes the referral, the case's status when it moves, a timeline entry (`referral`) and an audit entry in
 * one transaction. Caseworkers and admins only: who was referred where is survivor data.
 */
import { randomUUID } from 'node:crypto'
import {
  ZReferralActionRequestSchema,
  ZReferralListQuerySchema,
  type TReferral,
  type TReferralActionRequest,
  type TReferralListPage,
  type TReferralListQuery,
} from '../../../shared/contract/referrals'
import {
  FOLLOW_UP_DAYS,
  PLACE_HOLDING_STATES,
  REFERRAL_TRANSITIONS,
  type TReferralRecipientKind,
  type TReferralState,
} from '../../../shared/referrals/vocabulary'
import type { TCaseStatus } from '../../../shared/cases/vocabulary'
import { AppError } from '../../../shared/result'
import { StaffDirectory } from '../accounts/accounts-repository'
import { caseSession } from '../cases/case-access'
import { isUrgent, removalCutoff } from '../cases/case-records'
import { CaseWriter } from '../cases/case-writer'
import { OrganizationQueries } from '../directory/organization-repository'
import { rankCase, survivorOfCase } from '../matching/case-ranking'
import { rankOrganizations } from '../matching/organization-ranking'
import type { TCaseWithFile } from '../cases/case-rows'
import { staleBefore, toOrganization } from '../directory/directory-views'
import type { TSession, TSessionSource } from '../session/session'
import { caseStatusPath, moveCaseStatus } from './case-status-moves'
import { ReferralRepository } from './referral-repository'
import type { TReferralRow } from './referral-rows'
import { addDays, toReferral } from './referral-views'

const OUT_WITH_LAWYER: readonly string[] = ['sent', 'accepted']

export class ReferralService {
  constructor(private readonly sessions: TSessionSource) {}

  /**
   * A new referral: to a lawyer the case's ranking holds eligible now (active, a place free, no conflict left to
   * review, the jurisdiction every need asks for, not one who declined this case), or to a directory organization.
   */
  propose(request: {
    caseId: string
    recipientKind: TReferralRecipientKind
    recipientId: string
  }): TReferral {
    const session = caseSession(this.sessions)
    const writer = new CaseWriter(session)
    const referrals = new ReferralRepository(session.db)
    return session.db.transaction(() => {
      const row = writer.requireCase(request.caseId)
      if (row.status === 'closed') {
        throw new AppError('CONFLICT', 'A closed case cannot be referred: reopen it first.')
      }
      const again = referrals
        .openOf(row.id)
        .some(
          (open) =>
            open.recipient_kind === request.recipientKind && open.recipient_id === request.recipientId,
        )
      if (again) throw new AppError('CONFLICT', 'This case already has an open referral to this recipient.')
      const at = writer.nowIso()
      const recipient =
        request.recipientKind === 'lawyer'
          ? this.eligibleLawyer(session, row.id, request.recipientId)
          : this.organization(session, request.recipientId, row)
      const referral: TReferralRow = {
        id: randomUUID(),
        case_id: row.id,
        recipient_kind: request.recipientKind,
        recipient_id: request.recipientId,
        recipient_name: recipient.name,
        state: 'proposed',
        holds_place: 1,
        urgent: recipient.urgent ? 1 : 0,
        score: recipient.score,
        reasons: JSON.stringify(recipient.reasons),
        follow_up_on: null,
        conflict_confirmed_at: null,
        conflict_confirmation: '',
        sent_at: null,
        responded_at: null,
        closed_at: null,
        note: '',
        proposed_by: session.staff.accountId,
        proposed_at: at,
        updated_at: at,
      }
      referrals.insert(referral)
      writer.event(
        row.id,
        'referral',
        at,
        '',
        {
          referralId: referral.id,
          action: 'proposed',
          to: 'proposed',
          recipientKind: request.recipientKind,
          recipientName: recipient.name,
        },
        at,
      )
      writer.repository.touchCase(row.id, at)
      writer.audit('referral.proposed', row.id, {
        referralId: referral.id,
        recipientKind: request.recipientKind,
        recipientId: request.recipientId,
      })
      return this.view(session, referral.id)
    })
  }

  /** One step along the state machine; the follow-up date and the case's status move with it. */
  act(request: TReferralActionRequest): TReferral {
    const session = caseSession(this.sessions)
    const parsed = ZReferralActionRequestSchema.parse(request)
    const writer = new CaseWriter(session)
    const referrals = new ReferralRepository(session.db)
    return session.db.transaction(() => {
      const before = referrals.get(parsed.referralId)
      if (before === undefined) throw new AppError('NOT_FOUND', 'There is no such referral.')
      const kind = before.recipient_kind as TReferralRecipientKind
      const from = before.state as TReferralState
      const to = REFERRAL_TRANSITIONS[kind][from][parsed.action]
      if (to === undefined) {
        throw new AppError('CONFLICT', `A referral that is ${from} cannot be marked ${parsed.action}.`, {
          field: 'action',
        })
      }
      if (parsed.action === 'confirm_no_conflict' && parsed.confirmation === undefined) {
        throw new AppError('BAD_REQUEST', 'Say how the lawyer confirmed they have no conflict.', {
          field: 'confirmation',
        })
      }
      if (parsed.action === 'close' && parsed.note === '') {
        throw new AppError('BAD_REQUEST', 'Give a reason for closing the referral.', { field: 'note' })
      }
      const at = writer.nowIso()
      const today = writer.today()
      const isAnswer =
        parsed.action === 'accepted' || parsed.action === 'declined' || parsed.action === 'no_response'
      const after: TReferralRow = {
        ...before,
        state: to,
        holds_place: PLACE_HOLDING_STATES.includes(to) ? 1 : 0,
        follow_up_on:
          parsed.action === 'send'
            ? addDays(today, before.urgent === 1 ? FOLLOW_UP_DAYS.urgent : FOLLOW_UP_DAYS.calm)
            : to === 'proposed' || to === 'conflict_cleared' || to === 'sent'
              ? before.follow_up_on
              : null,
        conflict_confirmed_at: parsed.action === 'confirm_no_conflict' ? at : before.conflict_confirmed_at,
        conflict_confirmation: parsed.confirmation ?? before.conflict_confirmation,
        sent_at: parsed.action === 'send' ? at : before.sent_at,
        responded_at: isAnswer ? at : before.responded_at,
        closed_at: to === 'closed' ? at : before.closed_at,
        note: parsed.note === '' ? before.note : parsed.note,
        updated_at: at,
      }
      referrals.update(after)
      const caseRow = writer.requireCase(before.case_id)
      writer.event(
        caseRow.id,
        'referral',
        at,
        parsed.note,
        {
          referralId: before.id,
          action: parsed.action,
          from,
          to,
          recipientKind: kind,
          recipientName: before.recipient_name,
          followUpOn: after.follow_up_on,
        },
        at,
      )
      writer.repository.touchCase(caseRow.id, at)
      writer.audit('referral.changed', caseRow.id, { referralId: before.id, action: parsed.action, from, to })
      if (kind === 'lawyer') {
        const otherOut = referrals
          .openOf(caseRow.id)
          .some(
            (other) =>
              other.id !== before.id &&
              other.recipient_kind === 'lawyer' &&
              OUT_WITH_LAWYER.includes(other.state),
          )
        // Closing an accepted referral ends the lawyer's work, not the case: staff close the case themselves.
        const path = from === 'accepted' ? [] : caseStatusPath(caseRow.status as TCaseStatus, to, otherOut)
        moveCaseStatus(writer, caseRow, path, before.id, at)
      }
      return this.view(session, before.id)
    })
  }

  /** The referrals list, newest change first, filtered as the page's URL says. */
  list(query: TReferralListQuery): TReferralListPage {
    const session = caseSession(this.sessions)
    const parsed = ZReferralListQuerySchema.parse(query)
    const today = session.clock.now().toISOString().slice(0, 10)
    const { rows, total } = new ReferralRepository(session.db).list(
      {
        ...(parsed.state === undefined ? {} : { state: parsed.state }),
        ...(parsed.recipientKind === undefined ? {} : { recipientKind: parsed.recipientKind }),
        ...(parsed.caseId === undefined ? {} : { caseId: parsed.caseId }),
        ...(parsed.overdue ? { overdueBefore: today } : {}),
      },
      parsed.offset,
      parsed.limit,
    )
    const names = new StaffDirectory(session.db).displayNames()
    return { rows: rows.map((row) => toReferral(row, today, names)), total }
  }

  private view(session: TSession, referralId: string): TReferral {
    const row = new ReferralRepository(session.db).get(referralId)
    if (row === undefined) throw new AppError('NOT_FOUND', 'There is no such referral.')
    const today = session.clock.now().toISOString().slice(0, 10)
    return toReferral(row, today, new StaffDirectory(session.db).displayNames())
  }

  private eligibleLawyer(session: TSession, caseId: string, lawyerId: string) {
    const { survivor, ranking } = rankCase(session, caseId)
    const ranked = ranking.ranked.find((each) => each.lawyer.id === lawyerId)
    if (ranked !== undefined) {
      return {
        name: ranked.lawyer.name,
        urgent: survivor.urgent,
        score: ranked.score,
        reasons: ranked.reasons,
      }
    }
    const excluded = ranking.excluded.find((each) => each.lawyer.id === lawyerId)
    if (excluded === undefined) throw new AppError('NOT_FOUND', 'There is no such lawyer on the roster.')
    const keys = [...new Set(excluded.reasons.map((reason) => reason.key.replace('excluded.', '')))]
    throw new AppError(
      'CONFLICT',
      `This lawyer cannot be offered this case now (${keys.join(', ')}); the Matching section says why.`,
      { field: 'recipientId' },
    )
  }

  /**
   * Any directory organization still in use may be referred to (staff know of services the directory's keys do
   * not say). One the organization ranking holds relevant keeps its score and reasons, as a lawyer referral does.
   */
  private organization(session: TSession, organizationId: string, row: TCaseWithFile) {
    const organization = new OrganizationQueries(session.db).get(organizationId)
    if (organization === undefined || organization.retired_at !== null) {
      throw new AppError('NOT_FOUND', 'There is no such organization in the directory.', {
        field: 'recipientId',
      })
    }
    const now = session.clock.now()
    const urgent = isUrgent(row, removalCutoff(now))
    const [ranked] = rankOrganizations(
      survivorOfCase(session, row),
      [toOrganization(organization, staleBefore(now))],
      { now },
    ).ranked
    return { name: organization.name, urgent, score: ranked?.score ?? null, reasons: ranked?.reasons ?? [] }
  }
}
