/**
 * The conflict check: the survivor's own names and adverse parties against every name on the lawyers' side
 * (declared conflicts, and the parties of their other active referrals), through person matching. Candidates come
 * from blocking keys (a key source: the vault's match_keys table, or the in-memory index below), then each is
 * scored in full; at or above the conflict threshold it is a hit, whatever the script or spelling.
 */
import { hash } from 'node:crypto'
import type { TConflictHit, TConflictSource } from '../../../shared/matching/reasons'
import { wholeNameSearchKeys, type PersonMatch, type PreparedPerson } from '../person-matching'
import { scorePreparedAtLeast } from '../person-matching/score'
import { personTokenKeys, preparePartyNames, singleTokenKeys } from './party-names'
import type { TConflictReviews, TLawyerPartyName, TSurvivorParty } from './types'
import { CONFLICT_MIN_SCORE } from './weights'

/**
 * A survivor-side name's blocking keys. Between two people a hit needs a score of 0.75, which two names of two or
 * more tokens reach only when at least two tokens meet (one shared token gives 0.5–0.69: see docs/matching.md), so
 * a person's name is a candidate when it shares keys with two of the name's tokens (`tokenKeys`), or a whole-name
 * key (`wholeKeys`). When either side is a unit, organization or state one token can make a hit (0.5), so one
 * shared key of `singleKeys` (party-names.ts) is enough.
 */
export type TBlockingName = {
  isPerson: boolean
  tokenKeys: string[][]
  wholeKeys: string[]
  singleKeys: string[]
}

/** Where lawyer-side names come from: the vault's conflict keys, or the in-memory index below. */
export type TConflictNameSource = {
  /**
   * Each lawyer-side name meeting one of `names` as above, each once: a person's name meeting a person's on
   * min(2, tokens) tokens or a whole-name key; any other pair on one key of `singleKeys`.
   */
  candidatesFor(names: readonly TBlockingName[]): Iterable<TCandidateName>
  /**
   * The same candidates in the same order, handed to `visit` one lawyer and name at a time without an object
   * each (the in-memory index has it; findConflicts prefers it).
   */
  eachCandidate?(names: readonly TBlockingName[], visit: TCandidateVisit): void
}

/** One lawyer-side name met, as `eachCandidate` hands it over: its prepared names, who holds it and why. */
export type TCandidateVisit = (
  prepared: PreparedPerson,
  lawyerId: string,
  source: TConflictSource,
  kind: TLawyerPartyName['kind'],
  caseId: string | undefined,
) => void

/** The blocking keys of one party's names, prepared as `preparePartyNames` prepares them for its kind. */
export const blockingNamesOf = (person: PreparedPerson, isPerson: boolean): TBlockingName[] =>
  person.names.map((name) => ({
    isPerson,
    tokenKeys: name.tokens.map(personTokenKeys),
    wholeKeys: wholeNameSearchKeys(name),
    singleKeys: singleTokenKeys({ ...person, names: [name] }),
  }))

/** How many distinct tokens a candidate must meet. */
export const tokensRequired = (name: TBlockingName): number => Math.min(2, name.tokenKeys.length)

/** A lawyer-side name, already prepared when the source keeps it so (preparing is most of a comparison's cost). */
export type TCandidateName = TLawyerPartyName & { prepared?: PreparedPerson }

/**
 * Which meetings of names are conflicts. The lawyer's clients (declared, or the survivor of another referral) may
 * not be the survivor's adverse party; the lawyer's opponents in another referral may not be this survivor.
 * A declared conflict is a conflict whichever of the survivor's names it meets (the lawyer said so).
 */
const IS_CONFLICT: Readonly<Record<TSurvivorParty['role'], Readonly<Record<TConflictSource, boolean>>>> = {
  survivor: { declared: true, referral_client: false, referral_opponent: true },
  adverse_party: { declared: true, referral_client: true, referral_opponent: false },
}

/** A stable key for one pair of names, so a review recorded today still applies tomorrow and no longer. */
export const conflictHitKey = (survivorName: string, source: TConflictSource, lawyerName: string): string =>
  // One-shot hashing (no Hash object per key): the same digest as createHash('sha256').update(…).digest(…).
  hash('sha256', JSON.stringify([survivorName, source, lawyerName]), 'base64url').slice(0, 22)

export type TConflictFindings = {
  /** Unreviewed or confirmed hits: the lawyer is excluded. */
  blocking: Map<string, Array<{ hit: TConflictHit; confirmed: boolean }>>
  /** Hits staff cleared: shown, not excluding. */
  cleared: Map<string, TConflictHit[]>
}

/**
 * The lawyers a hit key was counted for: most keys meet one lawyer (the roster's names are mostly distinct), so the
 * first is held as it is and a set made only for a second.
 */
type TCounted = { first: string | null; more: Set<string> | null }
const counts = (counted: TCounted, lawyerId: string): boolean =>
  counted.first === lawyerId || (counted.more !== null && counted.more.has(lawyerId))
const count = (counted: TCounted, lawyerId: string): void => {
  if (counted.first === null) counted.first = lawyerId
  else (counted.more ??= new Set()).add(lawyerId)
}
/** A hit built for one party and lawyer-side name, by source and kind, and the lawyers it was counted for. */
type THeldHit = { hit: TConflictHit; lawyers: TCounted }
/** Where a (source, kind) hit sits in a name's list of held hits: source × 4 + kind. */
const HELD_AT: Readonly<Record<TConflictSource, number>> = {
  declared: 0,
  referral_client: 4,
  referral_opponent: 8,
}
const KIND_AT: Readonly<Record<TLawyerPartyName['kind'], number>> = {
  person: 0,
  unit: 1,
  organization: 2,
  state: 3,
}

const pushTo = <T>(map: Map<string, T[]>, key: string, value: T): void => {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}

const shownName = (names: readonly string[]): string => {
  // One name written (most lawyer-side names): itself, the same text as the join would make.
  const only = names.length === 1 ? names[0] : undefined
  if (only !== undefined && only.trim() !== '') return only
  return names.filter((name) => name.trim() !== '').join(' / ')
}

/**
 * The parties a conflict check compares (those with a name written), each prepared for its kind: what
 * `findConflicts` scores, and what its blocking keys (`blockingNamesOfParties`) come from. The batch's pre-check
 * (batch-pair-conflicts.ts) asks for candidates with the same keys, so both must come from here.
 */
export const preparedPartiesOf = (
  parties: readonly TSurvivorParty[],
): Array<{ party: TSurvivorParty; person: PreparedPerson }> =>
  parties
    .filter((party) => party.names.some((name) => name.trim() !== ''))
    .map((party) => ({ party, person: preparePartyNames(party.kind, party.names) }))

/** The blocking keys of prepared parties, as `findConflicts` asks its source for candidates. */
export const blockingNamesOfParties = (
  prepared: ReadonlyArray<{ party: TSurvivorParty; person: PreparedPerson }>,
): TBlockingName[] =>
  prepared.flatMap(({ party, person }) => blockingNamesOf(person, party.kind === 'person'))

/** Every conflict between one survivor's names and the lawyers' side, grouped by lawyer id. */
export const findConflicts = (
  caseIdOfSurvivor: string,
  parties: readonly TSurvivorParty[],
  source: TConflictNameSource,
  reviews: TConflictReviews,
): TConflictFindings => {
  const findings: TConflictFindings = { blocking: new Map(), cleared: new Map() }
  const prepared = preparedPartiesOf(parties).map(({ party, person }) => ({
    party,
    person,
    survivorName: shownName(party.names),
    /**
     * A name many lawyers declared ("Syrian Arab Army") is one prepared person in the index: scored once, and
     * its hit (the same words and key for every lawyer who declared it: shared, never changed) built once, by
     * source and kind (`HELD_AT`).
     */
    hits: new Map<PreparedPerson, Array<THeldHit | undefined>>(),
    /**
     * The last name scored, by threshold (between two people, or not), and its match (null when below it): most
     * names are not hits, and no reasons are built for them. A source hands a name over once per lawyer who
     * holds it, one after another (the index: every distinct name once, all its lawyers together), so the last
     * one is all there is to remember; a name met again later is scored again, to the same match.
     */
    last: {
      person: { other: null as PreparedPerson | null, match: null as PersonMatch | null },
      other: { other: null as PreparedPerson | null, match: null as PersonMatch | null },
    },
  }))
  if (prepared.length === 0) return findings
  const blocking = blockingNamesOfParties(prepared)
  // No memory of token pairs: three in four pairs a survivor's tokens meet are met once (the roster's names are
  // mostly distinct), and a memory's lookups cost more than the comparisons they saved (docs/matching.md).
  // The lawyers already holding each hit key (a lawyer meets the same pair of names once, however many times they
  // hold the name, and whichever party or kind it came through): one set per key, of the index's own id strings.
  const lawyersByKey = new Map<string, TCounted>()
  const hitFor = (
    each: (typeof prepared)[number],
    other: PreparedPerson,
    source: TConflictSource,
    kind: TLawyerPartyName['kind'],
    names: readonly string[],
  ): THeldHit | null => {
    const between = each.party.kind === 'person' && kind === 'person' ? 'person' : 'other'
    const threshold = CONFLICT_MIN_SCORE[between]
    const last = each.last[between]
    if (last.other !== other) {
      last.match = scorePreparedAtLeast(each.person, other, threshold)
      last.other = other
    }
    const match = last.match
    if (match === null) return null
    let bySourceAndKind = each.hits.get(other)
    if (bySourceAndKind === undefined) {
      bySourceAndKind = []
      each.hits.set(other, bySourceAndKind)
    }
    const at = HELD_AT[source] + KIND_AT[kind]
    const known = bySourceAndKind[at]
    if (known !== undefined) return known
    const lawyerName = shownName(names)
    const hit: TConflictHit = {
      subject: each.party.role,
      survivorName: each.survivorName,
      source,
      lawyerName,
      score: Math.round(match.score * 100) / 100,
      evidence: [...match.reasons],
      hitKey: conflictHitKey(each.survivorName, source, lawyerName),
    }
    let lawyers = lawyersByKey.get(hit.hitKey)
    if (lawyers === undefined) {
      lawyers = { first: null, more: null }
      lawyersByKey.set(hit.hitKey, lawyers)
    }
    const held = { hit, lawyers }
    bySourceAndKind[at] = held
    return held
  }
  const visit = (
    other: PreparedPerson,
    lawyerId: string,
    source: TConflictSource,
    kind: TLawyerPartyName['kind'],
    caseId: string | undefined,
    names: readonly string[],
  ): void => {
    if (source !== 'declared' && caseId === caseIdOfSurvivor) return
    for (const each of prepared) {
      if (!IS_CONFLICT[each.party.role][source]) continue
      const held = hitFor(each, other, source, kind, names)
      if (held === null || counts(held.lawyers, lawyerId)) continue
      count(held.lawyers, lawyerId)
      const hit = held.hit
      const review = reviews.size === 0 ? undefined : reviews.get(lawyerId)?.get(hit.hitKey)
      if (review === 'cleared') pushTo(findings.cleared, lawyerId, hit)
      else pushTo(findings.blocking, lawyerId, { hit, confirmed: review === 'confirmed' })
    }
  }
  if (source.eachCandidate !== undefined) {
    source.eachCandidate(blocking, (other, lawyerId, from, kind, caseId) =>
      visit(other, lawyerId, from, kind, caseId, other.source.names),
    )
  } else {
    for (const candidate of source.candidatesFor(blocking)) {
      const other = candidate.prepared ?? preparePartyNames(candidate.kind, candidate.names)
      visit(other, candidate.lawyerId, candidate.source, candidate.kind, candidate.caseId, candidate.names)
    }
  }
  return findings
}
