/**
 * Batch matching over the vault: every case awaiting a match (without an open lawyer referral) ranked, then the
 * proven-optimal assignment under the lawyers' free places (`batch-assignment.ts`), shown to staff; the pairs they
 * approve become referrals, all or none. Caseworkers and admins only: the proposal names survivors' cases.
 */
import { performance } from 'node:perf_hooks'
import {
  ZBatchApproveRequestSchema,
  type TBatchApproveRequest,
  type TBatchCase,
  type TBatchProgress,
  type TBatchProposal,
} from '../../../shared/contract/batch-matching'
import { AppError } from '../../../shared/result'
import { STAFF_WHO_HANDLE_CASES } from '../../../shared/roles'
import type { TReadableDb } from '../db/connection'
import { sql } from '../db/sql'
import type { ReferralService } from '../referrals/referral-service'
import { sessionIn, type TSession, type TSessionSource } from '../session/session'
import type { TCaseWithFile } from '../cases/case-rows'
import { CaseRepository } from '../cases/case-repository'
import { ReferralQueries } from '../referrals/referral-repository'
import { assignBatch, type TBatchSurvivor } from './batch-assignment'
import { batchRosterOf, scoreSurvivor, type TBatchRoster, type TSurvivorScores } from './batch-scores'
import { readRoster, survivorOfCase, type TRosterSnapshot } from './case-ranking'
import { findConflicts, type TConflictFindings, type TConflictNameSource } from './conflicts'
import { placesFree } from './eligibility'
import { rankWithConflicts, type TRanking } from './rank'
import type { TRankContext, TSurvivorProfile } from './types'

/** How long the stepped proposal ranks before it lets other requests through (the progress poll, a cancel). */
const BATCH_SLICE_MS = 50

/** How far the stepped proposal has got, and where it may be stopped. */
export type TBatchSteps = {
  onProgress: (progress: TBatchProgress) => void
  isCancelled: () => boolean
}

/**
 * Where a proposal's time went: reading the roster and cases, scoring every pair (of which the conflict checks),
 * the solve (and the reasons of the chosen pairs).
 */
export type TBatchPhase = 'load' | 'score' | 'conflicts' | 'solve'
export type TBatchPhaseTimes = Record<TBatchPhase, { wallMs: number; cpuMs: number }>

const noPhaseTimes = (): TBatchPhaseTimes => ({
  load: { wallMs: 0, cpuMs: 0 },
  score: { wallMs: 0, cpuMs: 0 },
  conflicts: { wallMs: 0, cpuMs: 0 },
  solve: { wallMs: 0, cpuMs: 0 },
})

/** Runs `work` and adds its wall and CPU time to `phase` (the bench's measure script reads them). */
function timed<T>(times: TBatchPhaseTimes, phase: TBatchPhase, work: () => T): T {
  const cpu = process.cpuUsage()
  const started = performance.now()
  try {
    return work()
  } finally {
    const used = process.cpuUsage(cpu)
    times[phase].wallMs += performance.now() - started
    times[phase].cpuMs += (used.user + used.system) / 1000
  }
}

/** How many exclusion reasons explain a case nobody can take. */
const EXCLUSION_REASONS_SHOWN = 3

/** Cases awaiting a match that no lawyer referral is already open for (proposed, cleared, sent or accepted). */
const casesAwaitingMatch = (db: TReadableDb): string[] =>
  db.column<string>(
    sql`SELECT c.id FROM cases c
        WHERE c.status = 'awaiting_match'
          AND NOT EXISTS (SELECT 1 FROM referrals r
                          WHERE r.case_id = c.id AND r.recipient_kind = 'lawyer' AND r.holds_place = 1)
        ORDER BY c.reference`,
  )

/** The reasons lawyers were left out of one case, commonest first. */
const commonestExclusions = (ranking: TRanking): TBatchCase['excludedBy'] => {
  const counts = new Map<string, number>()
  for (const { reasons } of ranking.excluded) {
    for (const key of new Set(reasons.map((reason) => reason.key)))
      counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts]
    .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
    .slice(0, EXCLUSION_REASONS_SHOWN)
    .map(([key, lawyers]) => ({ key, lawyers }))
}

/** What a batch reads once for all its cases: the roster, its facts for scoring, and the instant it ranks at. */
type TBatchSnapshot = {
  roster: TRosterSnapshot
  facts: TBatchRoster
  names: TConflictNameSource
  context: TRankContext
}

/** One case scored over the batch's roster: its eligible lawyers' positions and scores, its conflicts. */
type TScoredCase = {
  row: TCaseWithFile
  survivor: TSurvivorProfile
  conflicts: TConflictFindings
  scores: TSurvivorScores
}

const snapshotOf = (session: TSession): TBatchSnapshot => {
  const roster = readRoster(session)
  const context: TRankContext = { now: session.clock.now() }
  return { roster, facts: batchRosterOf(roster.lawyers, context), names: roster.names, context }
}

/** One case's survivor, conflict check and scores over every lawyer (no reasons: those wait for the chosen pair). */
const scoreCase = (
  session: TSession,
  caseId: string,
  snapshot: TBatchSnapshot,
  times: TBatchPhaseTimes,
): TScoredCase => {
  const row = new CaseRepository(session.db).findCase(caseId)
  if (row === null) throw new AppError('NOT_FOUND', 'There is no case with this id.')
  const survivor = survivorOfCase(session, row)
  const reviews = new ReferralQueries(session.db).reviewsOf(row.id)
  const conflicts = timed(times, 'conflicts', () =>
    findConflicts(survivor.caseId, survivor.parties, snapshot.names, reviews),
  )
  return { row, survivor, conflicts, scores: scoreSurvivor(snapshot.facts, survivor, conflicts) }
}

export class BatchMatchingService {
  constructor(
    private readonly sessions: TSessionSource,
    private readonly referrals: ReferralService,
  ) {}

  /**
   * The optimum for every case awaiting a match; writes nothing but the audit of the cases it read. `times`, when
   * given, receives where the time went.
   */
  propose(times: TBatchPhaseTimes = noPhaseTimes()): TBatchProposal {
    const session = this.session()
    const started = performance.now()
    const { snapshot, caseIds } = timed(times, 'load', () => ({
      snapshot: snapshotOf(session),
      caseIds: casesAwaitingMatch(session.db),
    }))
    const scored = timed(times, 'score', () =>
      caseIds.map((caseId) => scoreCase(session, caseId, snapshot, times)),
    )
    return timed(times, 'solve', () => this.assemble(session, snapshot, scored, started))
  }

  /**
   * The same proposal, scoring the cases a slice at a time so the screen can show "n of N cases ranked" and stop
   * it: between slices other requests are answered (the progress, a cancel, a lock). CANCELLED when `isCancelled`
   * says so, LOCKED when the vault locked (or was unlocked by someone else) meanwhile; nothing is written either way.
   */
  async proposeInSteps({ onProgress, isCancelled }: TBatchSteps): Promise<TBatchProposal> {
    const session = this.session()
    const started = performance.now()
    const caseIds = casesAwaitingMatch(session.db)
    // Read once for the whole batch; a referral proposed meanwhile is caught when the pairs are approved.
    const snapshot = snapshotOf(session)
    const scored: TScoredCase[] = []
    onProgress({ casesRanked: 0, cases: caseIds.length })
    let sliceStarted = performance.now()
    for (const caseId of caseIds) {
      if (performance.now() - sliceStarted >= BATCH_SLICE_MS) {
        onProgress({ casesRanked: scored.length, cases: caseIds.length })
        await new Promise((resolve) => setImmediate(resolve))
        this.stillCurrent(session, isCancelled)
        sliceStarted = performance.now()
      }
      scored.push(scoreCase(session, caseId, snapshot, noPhaseTimes()))
    }
    onProgress({ casesRanked: scored.length, cases: caseIds.length })
    await new Promise((resolve) => setImmediate(resolve))
    this.stillCurrent(session, isCancelled)
    return this.assemble(session, snapshot, scored, started)
  }

  /** Answers whether the caller may propose a batch (the progress and cancel channels ask it too). */
  requireAccess(): void {
    this.session()
  }

  private stillCurrent(session: TSession, isCancelled: () => boolean): void {
    if (this.sessions.require() !== session)
      throw new AppError('LOCKED', 'The vault was locked while the batch was being ranked.')
    if (isCancelled()) throw new AppError('CANCELLED', 'The batch proposal was stopped; nothing was written.')
  }

  private assemble(
    session: TSession,
    snapshot: TBatchSnapshot,
    scored: TScoredCase[],
    started: number,
  ): TBatchProposal {
    const { lawyers } = snapshot.roster
    const eligibleSomewhere = new Uint8Array(lawyers.length)
    const survivors: TBatchSurvivor[] = scored.map(({ survivor, scores }) => ({
      urgent: survivor.urgent,
      options: scores.lawyers.map((lawyer, index) => {
        eligibleSomewhere[lawyer] = 1
        return { lawyer, score: scores.scores[index] ?? 0 }
      }),
    }))
    const result = assignBatch({ survivors, capacities: lawyers.map(placesFree) })
    const cases: TBatchCase[] = scored.map((each, position) => {
      const chosen = result.assignment[position]
      const lawyer = chosen === null || chosen === undefined ? undefined : lawyers[chosen]
      // The reasons, for the chosen pair only, from the ranking itself (the same score, by the scorer's test).
      const pick =
        lawyer === undefined
          ? undefined
          : rankWithConflicts(each.survivor, [lawyer], each.conflicts, snapshot.context).ranked[0]
      if (lawyer !== undefined && pick === undefined)
        throw new Error('the batch proposed a lawyer the ranking does not rank')
      const eligible = each.scores.lawyers.length
      return {
        caseId: each.row.id,
        reference: each.row.reference,
        urgent: each.survivor.urgent,
        eligible,
        proposal:
          pick === undefined
            ? null
            : {
                lawyerId: pick.lawyer.id,
                lawyerName: pick.lawyer.name,
                score: pick.score,
                reasons: pick.reasons,
              },
        excludedBy:
          eligible === 0
            ? commonestExclusions(rankWithConflicts(each.survivor, lawyers, each.conflicts, snapshot.context))
            : [],
      }
    })
    cases.sort((left, right) => Number(right.urgent) - Number(left.urgent))
    // Reading every case's ranking is a view of each case, audited like the case page's ranking.
    session.db.transaction(() => {
      for (const each of cases) {
        session.audit.record(
          'record.viewed',
          { type: 'case', id: each.caseId },
          { view: 'matching_batch', eligible: each.eligible, proposed: each.proposal !== null },
        )
      }
    })
    return {
      cases,
      lawyers: eligibleSomewhere.reduce((total, flag) => total + flag, 0),
      ...result.objective,
      proven: result.proven,
      pairsUsed: result.pairsUsed,
      pairsEligible: result.pairsEligible,
      elapsedMs: Math.round(performance.now() - started),
    }
  }

  /**
   * The approved pairs as proposed referrals, in one transaction: each is checked as a single proposal is (the
   * lawyer still eligible, a place still free counting the pairs before it), and any refusal leaves nothing written.
   */
  approve(request: TBatchApproveRequest): { created: number; referralIds: string[] } {
    const session = this.session()
    const { pairs } = ZBatchApproveRequestSchema.parse(request)
    if (new Set(pairs.map((pair) => pair.caseId)).size !== pairs.length) {
      throw new AppError('BAD_REQUEST', 'A case appears twice in this batch: approve one lawyer per case.', {
        field: 'pairs',
      })
    }
    const referralIds = session.db.transaction(
      () =>
        pairs.map(
          ({ caseId, lawyerId }) =>
            this.referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: lawyerId }).id,
        ),
      'immediate',
    )
    return { created: referralIds.length, referralIds }
  }

  private session(): TSession {
    return sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES, 'Your role cannot open survivor records.')
  }
}
