/**
 * The conflict check for chosen (survivor, lawyer) pairs only. A batch needs to know whether the pairs it proposes
 * are conflicted, not every pair it could have proposed: the solve runs without the conflicts, the pairs it proposes
 * are checked here, the conflicted ones are taken out and it solves again, until nothing it proposes is conflicted
 * (batch-service.ts, docs/matching.md "Batch assignment: conflicts checked lazily"). No index of the whole roster's
 * 200,000 declared names is built for a batch: a lawyer's own list is read, prepared and keyed the first time one of
 * their pairs is checked, and kept for the rest of the batch.
 *
 * Same answer as the whole-roster check: each lawyer's names are held in a `ConflictNameIndex` of their own (the same
 * blocking keys, hashed the same way, so the same candidates), and `findConflicts` does the rest (the same threshold,
 * the same reviews). What the whole-roster check finds for that lawyer is what this finds, hit for hit; the order of
 * one lawyer's hits can differ only when that lawyer shares names with lawyers read before them (the whole index
 * numbers a name where it first met it). A property test holds the two together (batch-pair-conflicts.test.ts).
 */
import type { TAdversePartyKind } from '../../../shared/cases/vocabulary'
import type { TReadableDb } from '../db/connection'
import { sql } from '../db/sql'
import { ConflictNameIndex } from './conflict-name-index'
import {
  blockingNamesOfParties,
  findConflicts,
  preparedPartiesOf,
  type TBlockingName,
  type TCandidateName,
  type TCandidateVisit,
  type TConflictFindings,
  type TConflictNameSource,
} from './conflicts'
import type { TConflictReviews, TLawyerPartyName, TSurvivorParty } from './types'

/** A lawyer's declared conflicts, in the lawyer's own order. */
export type TDeclaredNamesOf = (lawyerId: string) => Iterable<TLawyerPartyName>

/**
 * A lawyer's declared conflicts as the vault holds them (lawyer_conflict_lists, one JSON list per lawyer), in the
 * list's order: what the whole-roster index (declared-conflicts.ts) reads for that lawyer.
 */
export const declaredNamesFromVault =
  (db: TReadableDb): TDeclaredNamesOf =>
  (lawyerId) =>
    declaredListsFromVault(db)([lawyerId]).get(lawyerId) ?? []

/** Several lawyers' declared conflicts at once, each list in the lawyer's order (lawyers with none may be absent). */
export type TDeclaredListsOf = (lawyerIds: readonly string[]) => ReadonlyMap<string, TLawyerPartyName[]>

/** The lists of several lawyers in one query: what `declaredNamesFromVault` reads lawyer by lawyer. */
export const declaredListsFromVault =
  (db: TReadableDb): TDeclaredListsOf =>
  (lawyerIds) => {
    const lists = new Map<string, TLawyerPartyName[]>()
    if (lawyerIds.length === 0) return lists
    for (const row of db.iterate<{ lawyer_id: string; kind: string; name: string }>(
      sql`SELECT list.lawyer_id, item.value->>'kind' AS kind, item.value->>'name' AS name
          FROM lawyer_conflict_lists AS list, json_each(list.conflicts) AS item
          WHERE list.lawyer_id IN (SELECT value FROM json_each(${JSON.stringify(lawyerIds)}))
          ORDER BY list.lawyer_id, item.key`,
    )) {
      const name: TLawyerPartyName = {
        lawyerId: row.lawyer_id,
        source: 'declared',
        kind: row.kind as TAdversePartyKind,
        names: [row.name],
      }
      const list = lists.get(row.lawyer_id)
      if (list === undefined) lists.set(row.lawyer_id, [name])
      else list.push(name)
    }
    return lists
  }

/** The lawyer-side names of a few lawyers: their declared lists, then their referral parties, lawyer by lawyer. */
const namesOfLawyers = (
  lawyerIds: readonly string[],
  declaredOf: (lawyerId: string) => ConflictNameIndex,
  referrals: ConflictNameIndex,
): Required<TConflictNameSource> => {
  const wanted = new Set(lawyerIds)
  return {
    *candidatesFor(names: readonly TBlockingName[]): Iterable<TCandidateName> {
      for (const lawyerId of lawyerIds) yield* declaredOf(lawyerId).candidatesFor(names)
      for (const candidate of referrals.candidatesFor(names))
        if (wanted.has(candidate.lawyerId)) yield candidate
    },
    eachCandidate(names: readonly TBlockingName[], visit: TCandidateVisit): void {
      for (const lawyerId of lawyerIds) declaredOf(lawyerId).eachCandidate(names, visit)
      const onlyWanted: TCandidateVisit = (prepared, lawyerId, source, kind, caseId) => {
        if (wanted.has(lawyerId)) visit(prepared, lawyerId, source, kind, caseId)
      }
      referrals.eachCandidate(names, onlyWanted)
    },
  }
}

export class PairConflictChecker {
  /** Each lawyer's declared names, prepared and keyed once per batch, when first needed. */
  private readonly declared = new Map<string, ConflictNameIndex>()
  /** Each survivor's blocking names, by their parties (one array per survivor for the whole batch). */
  private readonly blocking = new WeakMap<readonly TSurvivorParty[], TBlockingName[]>()
  /** How many lawyers' lists were read, and how many (survivor, lawyer) pairs checked. */
  lawyersRead = 0
  pairsChecked = 0

  constructor(
    private readonly declaredNamesOf: TDeclaredNamesOf,
    /** The parties of the cases lawyers hold places for (few: the kept roster's own index). */
    private readonly referrals: ConflictNameIndex,
    /** Several lawyers' lists at once (`prefetch`), when the source can read them so. */
    private readonly declaredListsOf?: TDeclaredListsOf,
  ) {}

  /**
   * Reads and keys, in one go, the lists of those of `lawyerIds` not read yet: a round of the solve asks about a
   * thousand pairs, and one query for their lawyers costs less than one each.
   */
  prefetch(lawyerIds: Iterable<string>): void {
    if (this.declaredListsOf === undefined) return
    const missing = [...new Set(lawyerIds)].filter((lawyerId) => !this.declared.has(lawyerId))
    if (missing.length === 0) return
    const lists = this.declaredListsOf(missing)
    for (const lawyerId of missing) this.keep(lawyerId, lists.get(lawyerId) ?? [])
  }

  /**
   * One survivor's conflicts with `lawyerIds` only: exactly the hits `findConflicts` over the whole roster finds for
   * those lawyers, blocking or cleared by the same reviews. When no name of those lawyers meets a blocking key of the
   * survivor's (most pairs), there is nothing `findConflicts` could find and it is not run.
   */
  check(
    caseIdOfSurvivor: string,
    parties: readonly TSurvivorParty[],
    lawyerIds: readonly string[],
    reviews: TConflictReviews,
  ): TConflictFindings {
    this.pairsChecked += lawyerIds.length
    const names = namesOfLawyers(lawyerIds, (lawyerId) => this.declaredOf(lawyerId), this.referrals)
    if (!this.anyCandidate(caseIdOfSurvivor, this.blockingOf(parties), names))
      return { blocking: new Map(), cleared: new Map() }
    return findConflicts(caseIdOfSurvivor, parties, names, reviews)
  }

  private blockingOf(parties: readonly TSurvivorParty[]): TBlockingName[] {
    let names = this.blocking.get(parties)
    if (names === undefined) {
      names = blockingNamesOfParties(preparedPartiesOf(parties))
      this.blocking.set(parties, names)
    }
    return names
  }

  /** Whether any lawyer-side name is a candidate `findConflicts` would score (its own case's referrals aside). */
  private anyCandidate(
    caseIdOfSurvivor: string,
    blocking: readonly TBlockingName[],
    names: Required<TConflictNameSource>,
  ): boolean {
    if (blocking.length === 0) return false
    let any = false
    const visit: TCandidateVisit = (_prepared, _lawyerId, source, _kind, caseId) => {
      if (source === 'declared' || caseId !== caseIdOfSurvivor) any = true
    }
    names.eachCandidate(blocking, visit)
    return any
  }

  private keep(lawyerId: string, names: Iterable<TLawyerPartyName>): ConflictNameIndex {
    const index = new ConflictNameIndex(names)
    this.declared.set(lawyerId, index)
    this.lawyersRead++
    return index
  }

  private declaredOf(lawyerId: string): ConflictNameIndex {
    return this.declared.get(lawyerId) ?? this.keep(lawyerId, this.declaredNamesOf(lawyerId))
  }
}
