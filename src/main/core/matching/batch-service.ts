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
import { assignColumnsAvoidingSteps, type TSolveStep } from './batch-lazy-assignment'
import { countEligible } from './batch-eligible-counts'
import { declaredListsFromVault, declaredNamesFromVault, PairConflictChecker } from './batch-pair-conflicts'
import { readBatchCases } from './batch-cases'
import { exclusionsOver } from './batch-exclusions'
import { batchRosterOf, scoreSurvivor, type TBatchRoster, type TSurvivorScores } from './batch-scores'
import { readRosterFromVault } from './case-ranking'
import type { TConflictFindings } from './conflicts'
import { placesFree } from './eligibility'
import { rankWithConflicts } from './rank'
import { rosterSnapshotsOf } from './roster-snapshot'
import type { TConflictReviews, TLawyerProfile, TRankContext, TSurvivorProfile } from './types'

/** How many cases the stepped proposal reads in one go (a few milliseconds' worth) between looks at the time. */
const CASES_READ_TOGETHER = 20

/** How long the stepped proposal ranks before it lets other requests through (the progress poll, a cancel). */
const BATCH_SLICE_MS = 50

/**
 * How many survivors a solve places between two looks at Stop (and, once a slice's time is up, at other requests):
 * a tenth or so of the first solve of a 1,000-case batch.
 */
const SOLVE_PAUSE_AUGMENTATIONS = 100

/** How far the stepped proposal has got, and where it may be stopped. */
export type TBatchSteps = {
  onProgress: (progress: TBatchProgress) => void
  isCancelled: () => boolean
  /** Each pause of the solves (after a round, or `augmentationsPerPause` survivors placed), before Stop is looked at. */
  onSolveStep?: (step: TSolveStep) => void
  augmentationsPerPause?: number
}

/**
 * Where a proposal's time went: reading the roster and cases, scoring every pair, the solves (and the reasons of the
 * chosen pairs), and of the solve the conflict checks of the pairs it proposed.
 */
export type TBatchPhase = 'load' | 'score' | 'conflicts' | 'solve'
export type TBatchPhaseTimes = Record<TBatchPhase, { wallMs: number; cpuMs: number }>

/** How the lazy conflict checks went (the bench prints them). */
export type TBatchChecks = {
  rounds: number
  pairsChecked: number
  pairsConflicted: number
  lawyersRead: number
}

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

/** Cases awaiting a match that no lawyer referral is already open for (proposed, cleared, sent or accepted). */
const casesAwaitingMatch = (db: TReadableDb): string[] =>
  db.column<string>(
    sql`SELECT c.id FROM cases c
        WHERE c.status = 'awaiting_match'
          AND NOT EXISTS (SELECT 1 FROM referrals r
                          WHERE r.case_id = c.id AND r.recipient_kind = 'lawyer' AND r.holds_place = 1)
        ORDER BY c.reference`,
  )

/**
 * What a batch reads once for all its cases: the lawyers, their facts for scoring, the conflict check of single
 * pairs (each lawyer's declared names read when first needed), and the instant it ranks at.
 */
type TBatchSnapshot = {
  lawyers: readonly TLawyerProfile[]
  facts: TBatchRoster
  checker: PairConflictChecker
  context: TRankContext
}

/**
 * One case scored over the batch's roster without its conflicts: its eligible lawyers' positions and scores but for
 * the conflict check, which `conflicts` gathers for the pairs checked (all of them for a case left without a lawyer).
 */
type TScoredCase = {
  row: TCaseWithFile
  survivor: TSurvivorProfile
  reviews: TConflictReviews
  conflicts: TConflictFindings
  scores: TSurvivorScores
}

const NO_CONFLICTS: TConflictFindings = { blocking: new Map(), cleared: new Map() }

const snapshotOf = (session: TSession): TBatchSnapshot => {
  // The kept roster without the declared-conflict index of the whole roster: a batch checks only the pairs it
  // proposes (batch-pair-conflicts.ts).
  const roster = session.scoped(rosterSnapshotsOf).current(() => readRosterFromVault(session))
  const context: TRankContext = { now: session.clock.now() }
  return {
    lawyers: roster.lawyers,
    facts: batchRosterOf(roster.lawyers, context),
    checker: new PairConflictChecker(
      declaredNamesFromVault(session.db),
      roster.referralNames,
      declaredListsFromVault(session.db),
    ),
    context,
  }
}

/** Cases' survivors and scores over every lawyer, conflicts aside (no reasons: those wait for the chosen pair). */
const scoreCases = (session: TSession, caseIds: readonly string[], snapshot: TBatchSnapshot): TScoredCase[] =>
  readBatchCases(session, caseIds).map(({ row, survivor, reviews }) => ({
    row,
    survivor,
    reviews,
    conflicts: { blocking: new Map(), cleared: new Map() },
    scores: scoreSurvivor(snapshot.facts, survivor, NO_CONFLICTS),
  }))

/** Adds one check's findings (for the lawyers it checked) to what the case already knows. */
const addFindings = (into: TConflictFindings, found: TConflictFindings): void => {
  for (const [lawyerId, hits] of found.blocking) into.blocking.set(lawyerId, hits)
  for (const [lawyerId, hits] of found.cleared) into.cleared.set(lawyerId, hits)
}

/** Checks `lawyerIds` for one case; returns the ones a blocking hit excludes. */
const checkCase = (
  snapshot: TBatchSnapshot,
  each: TScoredCase,
  lawyerIds: readonly string[],
): Set<string> => {
  const found = snapshot.checker.check(each.survivor.caseId, each.survivor.parties, lawyerIds, each.reviews)
  addFindings(each.conflicts, found)
  return new Set([...found.blocking].filter(([, hits]) => hits.length > 0).map(([lawyerId]) => lawyerId))
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
  propose(times: TBatchPhaseTimes = noPhaseTimes(), checks?: TBatchChecks): TBatchProposal {
    const session = this.session()
    const started = performance.now()
    const { snapshot, caseIds } = timed(times, 'load', () => ({
      snapshot: snapshotOf(session),
      caseIds: casesAwaitingMatch(session.db),
    }))
    const scored = timed(times, 'score', () => scoreCases(session, caseIds, snapshot))
    return timed(times, 'solve', () => {
      const steps = this.assembleSteps(session, snapshot, scored, started, times, checks)
      for (;;) {
        const next = steps.next()
        if (next.done === true) return next.value
      }
    })
  }

  /**
   * The same proposal, scoring the cases a slice at a time so the screen can show "n of N cases ranked" and stop
   * it: between slices other requests are answered (the progress, a cancel, a lock). CANCELLED when `isCancelled`
   * says so, LOCKED when the vault locked (or was unlocked by someone else) meanwhile; nothing is written either way.
   */
  async proposeInSteps({
    onProgress,
    isCancelled,
    onSolveStep,
    augmentationsPerPause = SOLVE_PAUSE_AUGMENTATIONS,
  }: TBatchSteps): Promise<TBatchProposal> {
    const session = this.session()
    const started = performance.now()
    const caseIds = casesAwaitingMatch(session.db)
    // Read once for the whole batch; a referral proposed meanwhile is caught when the pairs are approved.
    const snapshot = snapshotOf(session)
    const scored: TScoredCase[] = []
    onProgress({ casesRanked: 0, cases: caseIds.length })
    let sliceStarted = performance.now()
    for (let from = 0; from < caseIds.length; from += CASES_READ_TOGETHER) {
      if (performance.now() - sliceStarted >= BATCH_SLICE_MS) {
        onProgress({ casesRanked: scored.length, cases: caseIds.length })
        await new Promise((resolve) => setImmediate(resolve))
        this.stillCurrent(session, isCancelled)
        sliceStarted = performance.now()
      }
      scored.push(...scoreCases(session, caseIds.slice(from, from + CASES_READ_TOGETHER), snapshot))
    }
    onProgress({ casesRanked: scored.length, cases: caseIds.length })
    await new Promise((resolve) => setImmediate(resolve))
    this.stillCurrent(session, isCancelled)
    // The solves pause every few augmentations and between rounds: Stop is looked at each time, not once at the end.
    const steps = this.assembleSteps(
      session,
      snapshot,
      scored,
      started,
      noPhaseTimes(),
      undefined,
      augmentationsPerPause,
    )
    sliceStarted = performance.now()
    for (;;) {
      const next = steps.next()
      if (next.done === true) return next.value
      onSolveStep?.(next.value)
      this.stillCurrent(session, isCancelled)
      if (performance.now() - sliceStarted >= BATCH_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve))
        this.stillCurrent(session, isCancelled)
        sliceStarted = performance.now()
      }
    }
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

  /** The solves (pausing as `assignColumnsAvoidingSteps` does), then the proposal with its reasons and audit. */
  private *assembleSteps(
    session: TSession,
    snapshot: TBatchSnapshot,
    scored: TScoredCase[],
    started: number,
    times: TBatchPhaseTimes,
    checks?: TBatchChecks,
    augmentationsPerPause = Infinity,
  ): Generator<TSolveStep, TBatchProposal, void> {
    const { lawyers, checker } = snapshot
    // Solved without the conflicts; each pair a solve proposes is checked, and a conflicted one taken out before
    // the next solve (assignColumnsAvoiding): the last solve proposes no conflicted pair and is the optimum.
    const solving = assignColumnsAvoidingSteps(
      scored.map(({ survivor, scores }) => ({
        urgent: survivor.urgent,
        lawyers: scores.lawyers,
        scores: scores.scores,
      })),
      lawyers.map(placesFree),
      (questions) =>
        timed(times, 'conflicts', () => {
          // The round's lawyers' lists read in one query, then each pair checked.
          checker.prefetch(
            questions.flatMap(({ lawyers: positions }) =>
              positions.map((position) => lawyers[position]?.id ?? ''),
            ),
          )
          return questions.map(({ survivor, lawyers: positions }) => {
            const each = scored[survivor]
            if (each === undefined) return new Set<number>()
            const blocked = checkCase(
              snapshot,
              each,
              positions.map((position) => lawyers[position]?.id ?? ''),
            )
            return new Set(positions.filter((position) => blocked.has(lawyers[position]?.id ?? '')))
          })
        }),
      augmentationsPerPause,
    )
    let solved = solving.next()
    while (solved.done !== true) {
      yield solved.value
      solved = solving.next()
    }
    const result = solved.value
    // The lawyers of the cases left without one are all checked below: their lists read in one query first.
    timed(times, 'conflicts', () =>
      checker.prefetch(
        scored.flatMap((each, position) =>
          result.assignment[position] === null
            ? Array.from(each.scores.lawyers, (lawyer) => lawyers[lawyer]?.id ?? '')
            : [],
        ),
      ),
    )
    const { eligibleOf, eligibleSomewhere, pairsEligible } = countEligible(
      scored.length,
      lawyers.length,
      (position) => scored[position]!.scores.lawyers,
      result,
      (position, options) => {
        const blocked = timed(times, 'conflicts', () =>
          checkCase(
            snapshot,
            scored[position]!,
            options.map((lawyer) => lawyers[lawyer]?.id ?? ''),
          ),
        )
        return new Set(options.filter((lawyer) => blocked.has(lawyers[lawyer]?.id ?? '')))
      },
    )
    if (checks !== undefined) {
      checks.rounds = result.rounds
      checks.pairsChecked = checker.pairsChecked
      checks.pairsConflicted = result.pairsConflicted
      checks.lawyersRead = checker.lawyersRead
    }
    // A lawyer chosen for several cases is ranked as one same array each time (its facts kept with it, lawyer-facts.ts).
    const alone = new Map<number, readonly TLawyerProfile[]>()
    const aloneOf = (position: number, lawyer: TLawyerProfile): readonly TLawyerProfile[] => {
      let roster = alone.get(position)
      if (roster === undefined) {
        roster = [lawyer]
        alone.set(position, roster)
      }
      return roster
    }
    const cases: TBatchCase[] = scored.map((each, position) => {
      const chosen = result.assignment[position]
      const lawyer = chosen === null || chosen === undefined ? undefined : lawyers[chosen]
      // The reasons, for the chosen pair only, from the ranking itself (the same score, by the scorer's test).
      const pick =
        lawyer === undefined || chosen === null || chosen === undefined
          ? undefined
          : rankWithConflicts(each.survivor, aloneOf(chosen, lawyer), each.conflicts, snapshot.context)
              .ranked[0]
      if (lawyer !== undefined && pick === undefined)
        throw new Error('the batch proposed a lawyer the ranking does not rank')
      const eligible = eligibleOf[position] ?? 0
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
        // Conflicts are counted among the lawyers who meet every other hard constraint (all checked above).
        excludedBy: eligible === 0 ? exclusionsOver(each.survivor, lawyers, each.conflicts) : [],
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
      pairsEligible,
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
