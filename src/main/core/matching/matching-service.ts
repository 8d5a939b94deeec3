/**
 * Ranking lawyers for one case, over the vault, and staff's reviews of the conflicts it finds. Caseworkers and
 * admins only (the ranking shows the survivor's adverse parties).
 */
import { randomUUID } from 'node:crypto'
import {
  ZConflictReviewRequestSchema,
  RANKING_LIST_MAX,
  type TCaseRankingView,
  type TConflictReviewRequest,
} from '../../../shared/contract/referrals'
import type { TConflictDecision } from '../../../shared/referrals/vocabulary'
import { AppError } from '../../../shared/result'
import { STAFF_WHO_HANDLE_CASES } from '../../../shared/roles'
import { CaseRepository } from '../cases/case-repository'
import { CaseWriter } from '../cases/case-writer'
import { stateOf } from '../cases/case-views'
import { ReferralRepository } from '../referrals/referral-repository'
import { sessionIn, type TSession, type TSessionSource } from '../session/session'
import { rankCase, rankCaseView } from './case-ranking'
import { survivorDisplayName } from './profiles'
import type { TRanking } from './rank'

export type TCaseRanking = { caseId: string; reference: string; survivorName: string; ranking: TRanking }

export class MatchingService {
  constructor(private readonly sessions: TSessionSource) {}

  /** Every lawyer ranked or excluded for the case with this reference; NOT_FOUND when there is none. */
  rankForReference(reference: string): TCaseRanking {
    const session = this.session()
    const caseId = new CaseRepository(session.db).caseIdOf(reference.trim().toUpperCase())
    if (caseId === null) throw new AppError('NOT_FOUND', `There is no case ${reference}.`)
    const { row, ranking } = this.rankAudited(session, caseId)
    return { caseId, reference: row.reference, survivorName: survivorDisplayName(stateOf(row)), ranking }
  }

  /**
   * The case page's Matching section: the best lawyers, and the excluded ones with conflicts to review first (each
   * part in the ranking's order), at most RANKING_LIST_MAX each; only their reasons are built (rank.ts).
   */
  rank(caseId: string): TCaseRankingView {
    const session = this.session()
    const { row, survivor, view } = rankCaseView(session, caseId, RANKING_LIST_MAX)
    this.audit(session, caseId, view.rankedTotal, view.excludedTotal)
    return {
      caseId: row.id,
      reference: row.reference,
      urgent: survivor.urgent,
      ranked: view.ranked.map(({ lawyer, score, reasons }) => ({
        lawyerId: lawyer.id,
        name: lawyer.name,
        email: lawyer.email,
        score,
        reasons,
      })),
      rankedTotal: view.rankedTotal,
      excluded: view.excluded.map(({ lawyer, reasons }) => ({
        lawyerId: lawyer.id,
        name: lawyer.name,
        email: lawyer.email,
        reasons,
      })),
      excludedTotal: view.excludedTotal,
    }
  }

  /**
   * Staff's decision on one conflict hit the ranking shows now for this lawyer and case: a review never covers a
   * pair of names it was not made for. Recorded with its reason (in the case file), audited, on the timeline.
   */
  reviewConflict(request: TConflictReviewRequest): { decision: TConflictDecision } {
    const session = this.session()
    const parsed = ZConflictReviewRequestSchema.parse(request)
    const writer = new CaseWriter(session)
    return session.db.transaction(() => {
      const { ranking } = rankCase(session, parsed.caseId)
      // The hits shown now: excluding the lawyer, or already cleared (a cleared hit may still be confirmed).
      const shown = [
        ...(ranking.excluded.find((each) => each.lawyer.id === parsed.lawyerId)?.reasons ?? []),
        ...(ranking.ranked.find((each) => each.lawyer.id === parsed.lawyerId)?.reasons ?? []),
      ].flatMap((reason) =>
        reason.key === 'excluded.conflict' ||
        reason.key === 'excluded.conflict_confirmed' ||
        reason.key === 'conflict.cleared'
          ? [reason.params.hitKey]
          : [],
      )
      if (!shown.includes(parsed.hitKey)) {
        throw new AppError('NOT_FOUND', 'This lawyer has no such possible conflict with this case.', {
          field: 'hitKey',
        })
      }
      const at = writer.nowIso()
      new ReferralRepository(session.db).insertReview({
        id: randomUUID(),
        case_id: parsed.caseId,
        lawyer_id: parsed.lawyerId,
        hit_key: parsed.hitKey,
        decision: parsed.decision,
        reason: parsed.reason,
        reviewed_by: session.staff.accountId,
        reviewed_at: at,
      })
      const details = { action: 'conflict_reviewed', lawyerId: parsed.lawyerId, decision: parsed.decision }
      writer.event(parsed.caseId, 'referral', at, '', details, at)
      writer.repository.touchCase(parsed.caseId, at)
      session.audit.record(
        'conflict.reviewed',
        { type: 'case', id: parsed.caseId },
        {
          reference: writer.repository.referenceOf(parsed.caseId),
          lawyerId: parsed.lawyerId,
          hitKey: parsed.hitKey,
          decision: parsed.decision,
        },
      )
      return { decision: parsed.decision }
    })
  }

  private session(): TSession {
    return sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES, 'Your role cannot open survivor records.')
  }

  /**
   * The ranking reads the declared conflicts from memory (declared-conflicts.ts), which builds their blocking keys
   * itself: the vault stores only each lawyer's list of names.
   */
  private rankAudited(session: TSession, caseId: string): ReturnType<typeof rankCase> {
    const ranked = rankCase(session, caseId)
    this.audit(session, caseId, ranked.ranking.ranked.length, ranked.ranking.excluded.length)
    return ranked
  }

  /** A ranking read is a view of the case, audited with how many lawyers it ranked and excluded. */
  private audit(session: TSession, caseId: string, ranked: number, excluded: number): void {
    session.db.transaction(() => {
      session.audit.record(
        'record.viewed',
        { type: 'case', id: caseId },
        { view: 'matching', ranked, excluded },
      )
    })
  }
}
