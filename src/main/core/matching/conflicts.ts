/**
 * The conflict check: the survivor's own names and adverse parties against every name on the lawyers' side
 * (declared conflicts, and the parties of their other active referrals), through person matching. Candidates come
 * from blocking keys (a key source: the vault's match_keys table, or the in-memory index below), then each is
 * scored in full; at or above the conflict threshold it is a hit, whatever the script or spelling.
 */
import { createHash } from 'node:crypto'
import type { TConflictHit, TConflictSource } from '../../../shared/matching/reasons'
import { buildSearchKeys, preparePerson, scorePrepared, type PreparedPerson } from '../person-matching'
import type { TokenMemo } from '../person-matching/name-similarity'
import type { TConflictReviews, TLawyerPartyName, TSurvivorParty } from './types'
import { CONFLICT_MIN_SCORE } from './weights'

/** Where lawyer-side names sharing a blocking key with the survivor's names come from. */
export type TConflictNameSource = {
  /**
   * Every lawyer-side name holding at least one of `keys`, and every unit, organization and state name whatever
   * its keys (few, and written too differently for blocking: "Syria" shares no key with "Syrian Arab Republic"),
   * each once.
   */
  namesWithAnyKey(keys: readonly string[]): Iterable<TCandidateName>
}

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
  createHash('sha256')
    .update(JSON.stringify([survivorName, source, lawyerName]))
    .digest('base64url')
    .slice(0, 22)

export type TConflictFindings = {
  /** Unreviewed or confirmed hits: the lawyer is excluded. */
  blocking: Map<string, Array<{ hit: TConflictHit; confirmed: boolean }>>
  /** Hits staff cleared: shown, not excluding. */
  cleared: Map<string, TConflictHit[]>
}

const pushTo = <T>(map: Map<string, T[]>, key: string, value: T): void => {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}

const shownName = (names: readonly string[]): string => names.filter((name) => name.trim() !== '').join(' / ')

/** Every conflict between one survivor's names and the lawyers' side, grouped by lawyer id. */
export const findConflicts = (
  caseId: string,
  parties: readonly TSurvivorParty[],
  source: TConflictNameSource,
  reviews: TConflictReviews,
): TConflictFindings => {
  const findings: TConflictFindings = { blocking: new Map(), cleared: new Map() }
  const prepared = parties
    .filter((party) => party.names.some((name) => name.trim() !== ''))
    .map((party) => ({ party, person: preparePerson({ names: party.names }) }))
  if (prepared.length === 0) return findings
  const keys = new Set<string>()
  for (const { person } of prepared) for (const key of buildSearchKeys(person)) keys.add(key)
  const memo: TokenMemo = new Map()
  const seen = new Set<string>()
  for (const candidate of source.namesWithAnyKey([...keys])) {
    if (candidate.source !== 'declared' && candidate.caseId === caseId) continue
    const other = candidate.prepared ?? preparePerson({ names: candidate.names })
    for (const { party, person } of prepared) {
      if (!IS_CONFLICT[party.role][candidate.source]) continue
      const match = scorePrepared(person, other, memo)
      const threshold =
        party.kind === 'person' && candidate.kind === 'person'
          ? CONFLICT_MIN_SCORE.person
          : CONFLICT_MIN_SCORE.other
      if (match.score < threshold) continue
      const survivorName = shownName(party.names)
      const lawyerName = shownName(candidate.names)
      const hitKey = conflictHitKey(survivorName, candidate.source, lawyerName)
      if (seen.has(`${candidate.lawyerId}\n${hitKey}`)) continue
      seen.add(`${candidate.lawyerId}\n${hitKey}`)
      const hit: TConflictHit = {
        subject: party.role,
        survivorName,
        source: candidate.source,
        lawyerName,
        score: Math.round(match.score * 100) / 100,
        evidence: [...match.reasons],
        hitKey,
      }
      const review = reviews.get(candidate.lawyerId)?.get(hitKey)
      if (review === 'cleared') pushTo(findings.cleared, candidate.lawyerId, hit)
      else pushTo(findings.blocking, candidate.lawyerId, { hit, confirmed: review === 'confirmed' })
    }
  }
  return findings
}

/**
 * The lawyer-side names held in memory with their blocking keys: for tests, the bench, and a batch run that checks
 * many survivors against the same roster. The vault's match_keys table answers the same question in SQL.
 */
export class ConflictNameIndex implements TConflictNameSource {
  private readonly byKey = new Map<string, number[]>()
  private readonly names: TLawyerPartyName[] = []
  private readonly preparedNames: PreparedPerson[] = []
  private readonly notPeople: number[] = []

  constructor(names: Iterable<TLawyerPartyName>) {
    for (const name of names) this.add(name)
  }

  add(name: TLawyerPartyName): void {
    const index = this.names.length
    const person = preparePerson({ names: name.names })
    this.names.push(name)
    this.preparedNames.push(person)
    if (name.kind !== 'person') this.notPeople.push(index)
    for (const key of buildSearchKeys(person)) pushTo(this.byKey, key, index)
  }

  *namesWithAnyKey(keys: readonly string[]): Iterable<TCandidateName> {
    const found = new Set<number>(this.notPeople)
    for (const key of keys) for (const index of this.byKey.get(key) ?? []) found.add(index)
    for (const index of found) {
      const name = this.names[index]
      const prepared = this.preparedNames[index]
      if (name !== undefined) yield { ...name, prepared }
    }
  }
}
