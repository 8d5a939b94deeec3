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
  findConflicts,
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
    db
      .all<{ kind: string; name: string }>(
        sql`SELECT item.value->>'kind' AS kind, item.value->>'name' AS name
            FROM lawyer_conflict_lists AS list, json_each(list.conflicts) AS item
            WHERE list.lawyer_id = ${lawyerId} ORDER BY item.key`,
      )
      .map((row) => ({
        lawyerId,
        source: 'declared',
        kind: row.kind as TAdversePartyKind,
        names: [row.name],
      }))

/** The lawyer-side names of a few lawyers: their declared lists, then their referral parties, lawyer by lawyer. */
const namesOfLawyers = (
  lawyerIds: readonly string[],
  declaredOf: (lawyerId: string) => ConflictNameIndex,
  referrals: ConflictNameIndex,
): TConflictNameSource => {
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
  /** How many lawyers' lists were read, and how many (survivor, lawyer) pairs checked. */
  lawyersRead = 0
  pairsChecked = 0

  constructor(
    private readonly declaredNamesOf: TDeclaredNamesOf,
    /** The parties of the cases lawyers hold places for (few: the kept roster's own index). */
    private readonly referrals: ConflictNameIndex,
  ) {}

  /**
   * One survivor's conflicts with `lawyerIds` only: exactly the hits `findConflicts` over the whole roster finds for
   * those lawyers, blocking or cleared by the same reviews.
   */
  check(
    caseIdOfSurvivor: string,
    parties: readonly TSurvivorParty[],
    lawyerIds: readonly string[],
    reviews: TConflictReviews,
  ): TConflictFindings {
    this.pairsChecked += lawyerIds.length
    return findConflicts(
      caseIdOfSurvivor,
      parties,
      namesOfLawyers(lawyerIds, (lawyerId) => this.declaredOf(lawyerId), this.referrals),
      reviews,
    )
  }

  private declaredOf(lawyerId: string): ConflictNameIndex {
    let index = this.declared.get(lawyerId)
    if (index === undefined) {
      index = new ConflictNameIndex(this.declaredNamesOf(lawyerId))
      this.declared.set(lawyerId, index)
      this.lawyersRead++
    }
    return index
  }
}
