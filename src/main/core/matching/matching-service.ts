/**
 * Ranking lawyers for one case, over the vault: the roster's lawyers and declared conflicts, the case file and its
 * intakes. Caseworkers and admins only (the ranking shows the survivor's adverse parties).
 */
import { ZIntakeSchema, type TIntake } from '../../../shared/cases/intake-schema'
import { AppError } from '../../../shared/result'
import { STAFF_WHO_HANDLE_CASES } from '../../../shared/roles'
import { isUrgent, removalCutoff } from '../cases/case-records'
import { CaseRepository } from '../cases/case-repository'
import { stateOf } from '../cases/case-views'
import { buildSearchKeys } from '../person-matching'
import { LawyerRepository } from '../roster/lawyer-repository'
import type { TMembershipRow } from '../roster/lawyer-rows'
import { sessionIn, type TSessionSource } from '../session/session'
import { MatchingQueries } from './matching-queries'
import { lawyerProfileOf, survivorDisplayName, survivorProfileOf } from './profiles'
import { rankLawyers, type TRanking } from './rank'

/** Conflict names keyed per batch: one transaction stays short even when an import left 200,000 to do. */
const KEYS_PER_BATCH = 2_000

export type TCaseRanking = { caseId: string; reference: string; survivorName: string; ranking: TRanking }

export class MatchingService {
  constructor(private readonly sessions: TSessionSource) {}

  /** Every lawyer ranked or excluded for the case with this reference; NOT_FOUND when there is none. */
  rankForReference(reference: string): TCaseRanking {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const cases = new CaseRepository(session.db)
    const caseId = cases.caseIdOf(reference.trim().toUpperCase())
    const row = caseId === null ? null : cases.findCase(caseId)
    if (caseId === null || row === null) throw new AppError('NOT_FOUND', `There is no case ${reference}.`)
    this.buildMissingConflictKeys()
    const now = session.clock.now()
    const state = stateOf(row)
    const intakes = cases
      .intakesOf(caseId)
      .map((intake) => ZIntakeSchema.safeParse(JSON.parse(intake.data)))
      .flatMap((parsed): TIntake[] => (parsed.success ? [parsed.data] : []))
    const survivor = survivorProfileOf(caseId, state, intakes, isUrgent(row, removalCutoff(now)))
    const queries = new MatchingQueries(session.db)
    const memberships = new Map<string, TMembershipRow[]>()
    for (const membership of queries.memberships()) {
      const list = memberships.get(membership.lawyer_id)
      if (list === undefined) memberships.set(membership.lawyer_id, [membership])
      else list.push(membership)
    }
    // Referrals are not recorded yet: no lawyer has active referrals or a last offer, and no review exists.
    const lawyers = queries
      .lawyers()
      .map((lawyer) => lawyerProfileOf(lawyer, memberships.get(lawyer.id) ?? [], 0, null))
    const ranking = rankLawyers(survivor, lawyers, queries, new Map(), { now })
    session.db.transaction(() => {
      session.audit.record(
        'record.viewed',
        { type: 'case', id: caseId },
        { view: 'matching', ranked: ranking.ranked.length, excluded: ranking.excluded.length },
      )
    })
    return { caseId, reference: row.reference, survivorName: survivorDisplayName(state), ranking }
  }

  /** Declared conflicts whose blocking keys are not built yet (a fresh import) get them before any check. */
  private buildMissingConflictKeys(): void {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const lawyers = new LawyerRepository(session.db)
    for (;;) {
      const pending = lawyers.unkeyedConflicts(KEYS_PER_BATCH)
      if (pending.length === 0) return
      const at = session.clock.now().toISOString()
      session.db.transaction(() => {
        for (const conflict of pending)
          lawyers.storeConflictKeys(conflict.id, buildSearchKeys({ names: [conflict.name] }), at)
      })
    }
  }
}
