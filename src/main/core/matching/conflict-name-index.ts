/**
 * The lawyer-side names of the conflict check held in memory with their blocking keys: the roster's declared
 * conflicts (declared-conflicts.ts keeps one per connection), the parties of the lawyers' other referrals, and the
 * bench's and tests' rosters. A 10,000-lawyer roster declares 200,000 names, so the index is compact: each distinct
 * name is prepared once and held once, whoever declared it, its tokens shared with every other name having them;
 * who declared it is a few numbers in typed arrays; a blocking key's hash points at the distinct names sharing it
 * (key-postings.ts).
 */
import { bitCount } from '../../../shared/bit-count'
import type { TAdversePartyKind } from '../../../shared/cases/vocabulary'
import type { TConflictSource } from '../../../shared/matching/reasons'
import type { PreparedPerson } from '../person-matching'
import type { PreparedToken } from '../person-matching/prepare'
import { eachWholeNameKey, type TKeyVisit } from '../person-matching/search-keys'
import {
  tokensRequired,
  type TBlockingName,
  type TCandidateName,
  type TCandidateVisit,
  type TConflictNameSource,
} from './conflicts'
import type { KeyPostings } from './key-postings'
import { KeyPostingsBuilder } from './key-postings'
import { eachPersonTokenKey, eachSingleTokenKey, preparePartyNames } from './party-names'
import type { TLawyerPartyName } from './types'

const SOURCES: readonly TConflictSource[] = ['declared', 'referral_client', 'referral_opponent']
const KINDS: readonly TAdversePartyKind[] = ['person', 'unit', 'organization', 'state']

/** What a name on the lawyers' side never has: one birth date and no contacts, shared by all 200,000. */
const NO_BIRTH = Object.freeze({ year: null, monthDay: null, iso: null })
const NO_CONTACTS: string[] = []

/**
 * What the index's tokens share beyond their texts: 320,000 distinct tokens of 200,000 names have far fewer distinct
 * skeletons and sound-alike codes, each held once (a token's codes are never changed once made).
 */
type TShared = {
  tokens: Map<string, PreparedToken>
  skeletons: Map<string, string>
  codes: Map<string, string[]>
}

const sharedToken = (token: PreparedToken, shared: TShared): PreparedToken => {
  const known = shared.tokens.get(token.text)
  if (known !== undefined) return known
  const skeleton = shared.skeletons.get(token.skeleton)
  if (skeleton === undefined) shared.skeletons.set(token.skeleton, token.skeleton)
  else token.skeleton = skeleton
  const codesKey = token.phonetic.join(' ')
  const codes = shared.codes.get(codesKey)
  if (codes === undefined) {
    token.phonetic = token.phonetic.slice()
    shared.codes.set(codesKey, token.phonetic)
  } else token.phonetic = codes
  if (token.variant !== null) token.variant = sharedToken(token.variant, shared)
  shared.tokens.set(token.text, token)
  return token
}

/**
 * A prepared name as the index holds it. The same token (a prepared token is its text's alone) is held once for
 * every name that has it (200,000 names of the bench's roster hold 400,000 tokens, 320,000 distinct), with its
 * skeleton and codes shared as above. The empty birth date and contacts are shared too.
 */
const compacted = (person: PreparedPerson, shared: TShared): PreparedPerson => {
  // Arrays made by pushing keep room to grow (17 places for one name): held for as long as the index, each is
  // copied to its length.
  person.names = person.names.slice()
  for (const name of person.names) {
    name.joinedForms = name.joinedForms.slice()
    const tokens = name.tokens
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]
      if (token !== undefined) tokens[at] = sharedToken(token, shared)
    }
  }
  if (person.birth.year === null && person.birth.iso === null) person.birth = NO_BIRTH
  if (person.phones.length === 0) person.phones = NO_CONTACTS
  if (person.emails.length === 0) person.emails = NO_CONTACTS
  return person
}

export class ConflictNameIndex implements TConflictNameSource {
  /** One prepared person per distinct (kind, names): its `source.names` are the names as written. */
  private readonly prepared: PreparedPerson[] = []
  /** 1 when the distinct name is a person's. */
  private readonly isPerson: Uint8Array
  /** Entries (one per lawyer and name) of each distinct name: entryIds[entryStart[n] .. entryStart[n + 1]). */
  private readonly entryStart: Int32Array
  private readonly entryIds: Int32Array
  private readonly lawyerIds: string[] = []
  private readonly lawyerOf: Int32Array
  private readonly kindOf: Uint8Array
  private readonly sourceOf: Uint8Array
  /** Referral parties only: the case the name came from. */
  private readonly caseOf = new Map<number, string>()
  /** Person matching's keys of people's names: between two people, the two-token rule. */
  private readonly personKeys: KeyPostings
  /** One-token keys of every name (party-names.ts): whenever a unit, organization or state is on either side. */
  private readonly tokenKeys: KeyPostings
  /** Marks of the distinct names found by one query (`stamp`), reused rather than a Set per query. */
  private readonly seen: Int32Array
  private stamp = 0
  /**
   * For the two-token rule, per distinct name: which of the query name's tokens it met (bits), valid where
   * `metStamp` is the query's; the names met, in the order first met. Typed arrays reused rather than a Map per
   * query name: a survivor's names meet thousands.
   */
  private readonly metBits: Int32Array
  private readonly metStamp: Int32Array
  private metStampNow = 0
  private readonly met: number[] = []

  constructor(names: Iterable<TLawyerPartyName>) {
    // Distinct names by their text (one name: itself, no new string), people's apart from the others'.
    const distinctPeople = new Map<string, number>()
    const distinctOthers = new Map<string, number>()
    const lawyerIndex = new Map<string, number>()
    const textOf: number[] = []
    const lawyerOf: number[] = []
    const kindOf: number[] = []
    const sourceOf: number[] = []
    const isPerson: number[] = []
    const personKeys = new KeyPostingsBuilder()
    const tokenKeys = new KeyPostingsBuilder()
    let keyed = 0
    const toPersonKeys: TKeyVisit = (prefix, text) => personKeys.addParts(prefix, text, keyed)
    const toTokenKeys: TKeyVisit = (prefix, text) => tokenKeys.addParts(prefix, text, keyed)
    const toBoth: TKeyVisit = (prefix, text) => {
      personKeys.addParts(prefix, text, keyed)
      tokenKeys.addParts(prefix, text, keyed)
    }
    const shared: TShared = { tokens: new Map(), skeletons: new Map(), codes: new Map() }
    for (const name of names) {
      const entry = textOf.length
      const person = name.kind === 'person'
      const distinct = person ? distinctPeople : distinctOthers
      const text = name.names.length === 1 ? (name.names[0] ?? '') : name.names.join('\n')
      let id = distinct.get(text)
      if (id === undefined) {
        id = this.prepared.length
        distinct.set(text, id)
        const prepared = compacted(preparePartyNames(name.kind, name.names), shared)
        this.prepared.push(prepared)
        isPerson.push(person ? 1 : 0)
        keyed = id
        // A person's keys for the two-token rule (`personTokenKeys` of every token, the whole-name keys) and
        // everyone's one-token keys (`singleTokenKeys`), hashed as they come: no string or set per key.
        for (const each of prepared.names) {
          for (const token of each.tokens) {
            if (person) eachPersonTokenKey(token, toPersonKeys)
            eachSingleTokenKey(token, toTokenKeys)
          }
          eachWholeNameKey(each, person ? toBoth : toTokenKeys)
        }
      }
      let lawyer = lawyerIndex.get(name.lawyerId)
      if (lawyer === undefined) {
        lawyer = this.lawyerIds.length
        lawyerIndex.set(name.lawyerId, lawyer)
        this.lawyerIds.push(name.lawyerId)
      }
      textOf.push(id)
      lawyerOf.push(lawyer)
      kindOf.push(KINDS.indexOf(name.kind))
      sourceOf.push(SOURCES.indexOf(name.source))
      if (name.caseId !== undefined) this.caseOf.set(entry, name.caseId)
    }
    this.isPerson = Uint8Array.from(isPerson)
    this.lawyerOf = Int32Array.from(lawyerOf)
    this.kindOf = Uint8Array.from(kindOf)
    this.sourceOf = Uint8Array.from(sourceOf)
    this.personKeys = personKeys.build()
    this.tokenKeys = tokenKeys.build()
    // Entries grouped by distinct name (a counting sort), so a found name yields everyone who declared it.
    const count = this.prepared.length
    this.entryStart = new Int32Array(count + 1)
    for (const id of textOf) this.entryStart[id + 1] = (this.entryStart[id + 1] ?? 0) + 1
    for (let id = 0; id < count; id++)
      this.entryStart[id + 1] = (this.entryStart[id + 1] ?? 0) + (this.entryStart[id] ?? 0)
    const next = this.entryStart.slice(0, count)
    this.entryIds = new Int32Array(textOf.length)
    textOf.forEach((id, entry) => {
      const at = next[id] ?? 0
      this.entryIds[at] = entry
      next[id] = at + 1
    })
    this.seen = new Int32Array(count)
    this.metBits = new Int32Array(count)
    this.metStamp = new Int32Array(count)
  }

  /** How many distinct names and entries the index holds. */
  get size(): { names: number; entries: number } {
    return { names: this.prepared.length, entries: this.lawyerOf.length }
  }

  *candidatesFor(names: readonly TBlockingName[]): Iterable<TCandidateName> {
    for (const id of this.found(names)) {
      const prepared = this.prepared[id]
      if (prepared === undefined) continue
      for (let at = this.entryStart[id] ?? 0; at < (this.entryStart[id + 1] ?? 0); at++) {
        const entry = this.entryIds[at] ?? 0
        const caseId = this.caseOf.get(entry)
        yield {
          lawyerId: this.lawyerIds[this.lawyerOf[entry] ?? 0] ?? '',
          source: SOURCES[this.sourceOf[entry] ?? 0] ?? 'declared',
          kind: KINDS[this.kindOf[entry] ?? 0] ?? 'person',
          names: prepared.source.names,
          ...(caseId === undefined ? {} : { caseId }),
          prepared,
        }
      }
    }
  }

  /**
   * The same candidates as `candidatesFor`, in the same order, handed over as they are held (no object per
   * lawyer and name): the conflict check meets hundreds of names declared by thousands of lawyers.
   */
  eachCandidate(names: readonly TBlockingName[], visit: TCandidateVisit): void {
    const { entryStart, entryIds, lawyerIds, lawyerOf, sourceOf, kindOf, caseOf } = this
    // The declared names have no case: no look-up per lawyer and name for them.
    const hasCases = caseOf.size > 0
    for (const id of this.found(names)) {
      const prepared = this.prepared[id]
      if (prepared === undefined) continue
      const end = entryStart[id + 1] ?? 0
      for (let at = entryStart[id] ?? 0; at < end; at++) {
        const entry = entryIds[at] ?? 0
        visit(
          prepared,
          lawyerIds[lawyerOf[entry] ?? 0] ?? '',
          SOURCES[sourceOf[entry] ?? 0] ?? 'declared',
          KINDS[kindOf[entry] ?? 0] ?? 'person',
          hasCases ? caseOf.get(entry) : undefined,
        )
      }
    }
  }

  /** The distinct names meeting `names` (see TConflictNameSource), each once, in the order first met. */
  private found(names: readonly TBlockingName[]): number[] {
    const stamp = ++this.stamp
    const found: number[] = []
    const take = (id: number): void => {
      if (this.seen[id] === stamp) return
      this.seen[id] = stamp
      found.push(id)
    }
    for (const name of names) {
      if (name.isPerson) {
        this.peopleMeeting(name, take)
        // A person meets a unit, organization or state on one token.
        for (const key of name.singleKeys)
          this.tokenKeys.each(key, (id) => {
            if (this.isPerson[id] === 0) take(id)
          })
      } else {
        for (const key of name.singleKeys) this.tokenKeys.each(key, take)
      }
    }
    return found
  }

  /** People's names meeting a person's name on min(2, tokens) tokens, or on a whole-name key. */
  private peopleMeeting(name: TBlockingName, take: (id: number) => void): void {
    const required = tokensRequired(name)
    for (const key of name.wholeKeys) this.personKeys.each(key, take)
    // Bit i set: the name shares a key with token i of this name.
    const stamp = ++this.metStampNow
    const met = this.met
    met.length = 0
    name.tokenKeys.forEach((keys, token) => {
      const bit = 1 << Math.min(token, 30)
      for (const key of keys)
        this.personKeys.each(key, (id) => {
          if (this.metStamp[id] !== stamp) {
            this.metStamp[id] = stamp
            this.metBits[id] = bit
            met.push(id)
          } else this.metBits[id] = (this.metBits[id] ?? 0) | bit
        })
    })
    for (const id of met) if (bitCount(this.metBits[id] ?? 0) >= required) take(id)
  }
}
