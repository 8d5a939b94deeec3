/**
 * One case's ranking over the vault: the case file and intakes, the roster with the places each lawyer holds and
 * their last offer (from referrals), the conflict reviews of this case, and the parties of every other case a
 * lawyer holds a referral for (a lawyer acting for another survivor whose adverse party is this one).
 */
import { ZIntakeSchema, type TIntake } from '../../../shared/cases/intake-schema'
import { AppError } from '../../../shared/result'
import { isUrgent, removalCutoff } from '../cases/case-records'
import { CaseRepository } from '../cases/case-repository'
import type { TCaseWithFile } from '../cases/case-rows'
import { stateOf } from '../cases/case-views'
import { ReferralQueries } from '../referrals/referral-repository'
import type { TMembershipRow } from '../roster/lawyer-rows'
import type { TSession } from '../session/session'
import { ConflictNameIndex } from './conflict-name-index'
import {
  type TBlockingName,
  type TCandidateName,
  type TCandidateVisit,
  type TConflictNameSource,
} from './conflicts'
import { declaredConflictIndex } from './declared-conflicts'
import { MatchingQueries } from './matching-queries'
import { lawyerProfileOf, survivorProfileOf } from './profiles'
import { prepareRoster, rankLawyers, rankLawyersView, type TRanking, type TRankingView } from './rank'
import { rosterSnapshotsOf, type TKeptRoster } from './roster-snapshot'
import type { TLawyerPartyName, TLawyerProfile, TSurvivorProfile } from './types'

export type TRankedCase = { row: TCaseWithFile; survivor: TSurvivorProfile; ranking: TRanking }
export type TRankedCaseView = { row: TCaseWithFile; survivor: TSurvivorProfile; view: TRankingView }

const intakesOf = (cases: CaseRepository, caseId: string): TIntake[] =>
  cases
    .intakesOf(caseId)
    .map((intake) => ZIntakeSchema.safeParse(JSON.parse(intake.data)))
    .flatMap((parsed): TIntake[] => (parsed.success ? [parsed.data] : []))

/** The survivor of a case as matching sees it; `declinedBy` lists the lawyers who declined it. */
export const survivorOfCase = (session: TSession, row: TCaseWithFile): TSurvivorProfile => {
  const cases = new CaseRepository(session.db)
  const urgent = isUrgent(row, removalCutoff(session.clock.now()))
  return {
    ...survivorProfileOf(row.id, stateOf(row), intakesOf(cases, row.id), urgent),
    declinedBy: new ReferralQueries(session.db).declinedBy(row.id),
  }
}

/** The parties of the cases lawyers hold referrals for: clients and opponents, tagged with their case. */
const referralPartyNames = (session: TSession, cases: CaseRepository): TLawyerPartyName[] => {
  const names: TLawyerPartyName[] = []
  const survivors = new Map<string, TSurvivorProfile | null>()
  for (const referral of new ReferralQueries(session.db).placeHoldingLawyerReferrals()) {
    if (!survivors.has(referral.case_id)) {
      const row = cases.findCase(referral.case_id)
      survivors.set(
        referral.case_id,
        row === null ? null : survivorProfileOf(row.id, stateOf(row), intakesOf(cases, row.id), false),
      )
    }
    for (const party of survivors.get(referral.case_id)?.parties ?? []) {
      names.push({
        lawyerId: referral.recipient_id,
        source: party.role === 'survivor' ? 'referral_client' : 'referral_opponent',
        kind: party.kind,
        names: party.names,
        caseId: referral.case_id,
      })
    }
  }
  return names
}

/** Declared conflicts from the vault's keys, and referral parties from memory (few: at most the places held). */
const bothSources = (declared: ConflictNameIndex, referrals: ConflictNameIndex): TConflictNameSource => ({
  *candidatesFor(names: readonly TBlockingName[]): Iterable<TCandidateName> {
    yield* declared.candidatesFor(names)
    yield* referrals.candidatesFor(names)
  },
  eachCandidate(names: readonly TBlockingName[], visit: TCandidateVisit): void {
    declared.eachCandidate(names, visit)
    referrals.eachCandidate(names, visit)
  },
})

/**
 * What every case's ranking reads of the roster and the referrals: the lawyers as profiles (places held, last
 * offer), and the lawyer-side names of the conflict check. Kept for the session between rankings and read again
 * only after the roster or the referrals changed (roster-snapshot.ts); a batch takes it once for all its cases. A
 * snapshot is only good inside the transaction or call that took it.
 */
export type TRosterSnapshot = { lawyers: readonly TLawyerProfile[]; names: TConflictNameSource }

/** The roster and referrals as the vault holds them now, read afresh. */
export function readRosterFromVault(session: TSession): TKeptRoster {
  const cases = new CaseRepository(session.db)
  const queries = new MatchingQueries(session.db)
  const referrals = new ReferralQueries(session.db)
  const memberships = new Map<string, TMembershipRow[]>()
  for (const membership of queries.memberships()) {
    const list = memberships.get(membership.lawyer_id)
    if (list === undefined) memberships.set(membership.lawyer_id, [membership])
    else list.push(membership)
  }
  const held = referrals.placesHeld()
  const lastOffers = referrals.lastOffers()
  const lawyers = queries
    .lawyers()
    .map((lawyer) =>
      lawyerProfileOf(
        lawyer,
        memberships.get(lawyer.id) ?? [],
        held.get(lawyer.id) ?? 0,
        lastOffers.get(lawyer.id) ?? null,
      ),
    )
  prepareRoster(lawyers)
  return { lawyers, referralNames: new ConflictNameIndex(referralPartyNames(session, cases)) }
}

/** A roster read (or kept) with the declared conflicts as this connection sees them now. */
export const rosterOver = (session: TSession, roster: TKeptRoster): TRosterSnapshot => ({
  lawyers: roster.lawyers,
  names: bothSources(declaredConflictIndex(session.db), roster.referralNames),
})

/** The roster as the vault holds it now: kept from an earlier ranking of this session when nothing changed since. */
export function readRoster(session: TSession): TRosterSnapshot {
  return rosterOver(
    session,
    session.scoped(rosterSnapshotsOf).current(() => readRosterFromVault(session)),
  )
}

/** The case, its survivor as matching sees it and staff's conflict reviews; NOT_FOUND when there is no such case. */
const caseToRank = (session: TSession, caseId: string) => {
  const row = new CaseRepository(session.db).findCase(caseId)
  if (row === null) throw new AppError('NOT_FOUND', 'There is no case with this id.')
  return {
    row,
    survivor: survivorOfCase(session, row),
    reviews: new ReferralQueries(session.db).reviewsOf(row.id),
  }
}

/** Every lawyer ranked or excluded for one case over a roster read once; NOT_FOUND when there is no such case. */
export function rankCaseOver(session: TSession, caseId: string, roster: TRosterSnapshot): TRankedCase {
  const { row, survivor, reviews } = caseToRank(session, caseId)
  const ranking = rankLawyers(survivor, roster.lawyers, roster.names, reviews, { now: session.clock.now() })
  return { row, survivor, ranking }
}

/** Every lawyer ranked or excluded for one case; NOT_FOUND when there is no such case. */
export function rankCase(session: TSession, caseId: string): TRankedCase {
  return rankCaseOver(session, caseId, readRoster(session))
}

/**
 * The case page's part of one case's ranking (`TRankingView`: the `limit` best and `limit` excluded lawyers, with
 * the totals), without the reasons of the lawyers it does not show; NOT_FOUND when there is no such case.
 */
export function rankCaseView(session: TSession, caseId: string, limit: number): TRankedCaseView {
  const roster = readRoster(session)
  const { row, survivor, reviews } = caseToRank(session, caseId)
  const context = { now: session.clock.now() }
  const view = rankLawyersView(survivor, roster.lawyers, roster.names, reviews, context, limit)
  return { row, survivor, view }
}
