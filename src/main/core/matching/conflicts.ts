/**
 * The conflict check: the survivor's own names and adverse parties against every name on the lawyers' side
 * (declared conflicts, and the parties of their other active referrals), through person matching. Candidates come
 * from blocking keys (a key source: the vault's match_keys table, or the in-memory index below), then each is
 * scored in full; at or above the conflict threshold it is a hit, whatever the script or spelling.
 */
import { createHash } from 'node:crypto'
import type { TConflictHit, TConflictSource } from '../../../shared/matching/reasons'
import {
  buildSearchKeys,
  preparePerson,
  scorePrepared,
  tokenSearchKeys,
  wholeNameSearchKeys,
  type PreparedPerson,
} from '../person-matching'
import type { TokenMemo } from '../person-matching/name-similarity'
import type { TConflictReviews, TLawyerPartyName, TSurvivorParty } from './types'
import { CONFLICT_MIN_SCORE } from './weights'

/**
 * A survivor-side name's blocking keys, per token and for the whole name. Between two people a hit needs a score of
 * 0.75, which two names of two or more tokens reach only when at least two tokens meet (one shared token gives
 * 0.5–0.69: see docs/matching.md), so a candidate must share keys with two of the name's tokens, or a whole-name key.
 */
export type TBlockingName = { tokenKeys: string[][]; wholeKeys: string[] }

/** Where lawyer-side names come from: the vault's conflict keys, or the in-memory index below. */
export type TConflictNameSource = {
  /**
   * Each lawyer-side name meeting one of `names` as above (min(2, tokens) tokens, or a whole-name key), and every
   * unit, organization and state name whatever its keys (few, and written too differently for blocking: "Syria"
   * shares no key with "Syrian Arab Republic"), each once.
   */
  candidatesFor(names: readonly TBlockingName[]): Iterable<TCandidateName>
}

/** The blocking keys of one prepared person's names. */
export const blockingNamesOf = (person: PreparedPerson): TBlockingName[] =>
  person.names.map((name) => ({
    tokenKeys: name.tokens.map(tokenSearchKeys),
    wholeKeys: wholeNameSearchKeys(name),
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
    .map((party) => ({
      party,
      person: preparePerson({ names: party.names }),
      // A name many lawyers declared ("Syrian Arab Army") shares one prepared person in the index: scored once.
      scores: new Map<PreparedPerson, ReturnType<typeof scorePrepared>>(),
    }))
  if (prepared.length === 0) return findings
  const blocking = prepared.flatMap(({ person }) => blockingNamesOf(person))
  const memo: TokenMemo = new Map()
  const seen = new Set<string>()
  for (const candidate of source.candidatesFor(blocking)) {
    if (candidate.source !== 'declared' && candidate.caseId === caseId) continue
    const other = candidate.prepared ?? preparePerson({ names: candidate.names })
    for (const { party, person, scores } of prepared) {
      if (!IS_CONFLICT[party.role][candidate.source]) continue
      let match = scores.get(other)
      if (match === undefined) {
        match = scorePrepared(person, other, memo)
        scores.set(other, match)
      }
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
  /** One prepared person (and one set of keys) per distinct name: rosters repeat states, armies, ministries. */
  private readonly preparedByText = new Map<string, { person: PreparedPerson; keys: string[] }>()

  constructor(names: Iterable<TLawyerPartyName>) {
    for (const name of names) this.add(name)
  }

  add(name: TLawyerPartyName): void {
    const index = this.names.length
    const text = name.names.join('\n')
    let shared = this.preparedByText.get(text)
    if (shared === undefined) {
      const person = preparePerson({ names: name.names })
      shared = { person, keys: buildSearchKeys(person) }
      this.preparedByText.set(text, shared)
    }
    this.names.push(name)
    this.preparedNames.push(shared.person)
    if (name.kind !== 'person') this.notPeople.push(index)
    for (const key of shared.keys) pushTo(this.byKey, key, index)
  }

  *candidatesFor(names: readonly TBlockingName[]): Iterable<TCandidateName> {
    const found = new Set<number>(this.notPeople)
    for (const name of names) {
      const required = tokensRequired(name)
      for (const key of name.wholeKeys) for (const index of this.byKey.get(key) ?? []) found.add(index)
      // Bit i set: the entry shares a key with token i of this name.
      const met = new Map<number, number>()
      name.tokenKeys.forEach((keys, token) => {
        const bit = 1 << Math.min(token, 30)
        for (const key of keys)
          for (const index of this.byKey.get(key) ?? []) met.set(index, (met.get(index) ?? 0) | bit)
      })
      for (const [index, bits] of met) if (bitCount(bits) >= required) found.add(index)
    }
    for (const index of found) {
      const name = this.names[index]
      const prepared = this.preparedNames[index]
      if (name !== undefined) yield { ...name, prepared }
    }
  }
}

const bitCount = (bits: number): number => {
  let count = 0
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++
  return count
}
