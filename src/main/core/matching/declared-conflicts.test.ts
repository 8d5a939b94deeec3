import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADVERSE_PARTY_KINDS } from '../../../shared/cases/vocabulary'
import { emptyLawyerFields, type TLawyerFields } from '../../../shared/roster/lawyer-schema'
import { lawyerProfile, matchContext, survivorProfile } from '#test-support/matching-profiles'
import { createTestVault, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import type { TReadableDb } from '../db/connection'
import { LawyerQueries, LawyerRepository } from '../roster/lawyer-repository'
import type { TVaultServices } from '../services'
import { buildSearchKeys, preparePerson, scorePersonMatch } from '../person-matching'
import {
  blockingNamesOf,
  conflictHitKey,
  findConflicts,
  tokensRequired,
  type TCandidateName,
  type TConflictFindings,
  type TConflictNameSource,
} from './conflicts'
import { declaredConflictIndex } from './declared-conflicts'
import { rankWithConflicts } from './rank'
import type { TLawyerPartyName, TSurvivorParty } from './types'
import { CONFLICT_MIN_SCORE } from './weights'

// Spellings, scripts and transliterations that meet and miss one another: hits are common, not luck.
const TOKENS = [
  'Mohammed',
  'Muhammad',
  'محمد',
  'Al-Hassan',
  'Alhasan',
  'Hassan',
  'الحسن',
  'Olga',
  'Ольга',
  'Kuznetsova',
  'Кузнецова',
  'Testina',
  'Lopez',
  'Lopes',
  'Syria',
  'Syrian',
  'Arab',
  'Republic',
  'Army',
  'Brigade',
  'Ministry',
  'Interior',
] as const

const nameArbitrary = fc
  .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 3 })
  .map((tokens) => tokens.join(' '))
const partyArbitrary = fc.record({
  kind: fc.constantFrom(...ADVERSE_PARTY_KINDS),
  name: nameArbitrary,
})
const instanceArbitrary = fc.record({
  lawyers: fc.array(fc.array(partyArbitrary, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
  own: fc.array(nameArbitrary, { minLength: 1, maxLength: 2 }),
  adverse: fc.array(partyArbitrary, { maxLength: 3 }),
})

/** Findings as plain data, in a fixed order (the two sources yield candidates in different orders). */
const plain = (findings: TConflictFindings): unknown => ({
  blocking: [...findings.blocking]
    .map(([lawyer, hits]) => [lawyer, [...hits].sort((a, b) => a.hit.hitKey.localeCompare(b.hit.hitKey))])
    .sort(([a], [b]) => String(a).localeCompare(String(b))),
  cleared: [...findings.cleared].sort(([a], [b]) => a.localeCompare(b)),
})

const hitsOf = (findings: TConflictFindings): string[] =>
  [...findings.blocking]
    .flatMap(([lawyer, hits]) => hits.map(({ hit }) => `${lawyer} ${hit.hitKey} ${hit.score}`))
    .sort()

/**
 * The blocking rule applied name by name, as the vault's key table answered it before the names moved to one list per
 * lawyer: every lawyer's list read through the roster's repository, each name's keys built afresh, a name kept when
 * it is not a person or shares a whole-name key, or keys with enough of a survivor name's tokens.
 */
const keyedOneByOne = (db: TReadableDb): TConflictNameSource => {
  const declared: { name: TLawyerPartyName; keys: Set<string> }[] = []
  for (const record of new LawyerQueries(db).iterateAll())
    for (const conflict of record.conflicts)
      declared.push({
        name: {
          lawyerId: record.row.id,
          source: 'declared',
          kind: conflict.kind as TLawyerPartyName['kind'],
          names: [conflict.name],
        },
        keys: new Set(buildSearchKeys({ names: [conflict.name] })),
      })
  return {
    // Units, organizations and states first, whatever their keys, then the people who meet: the vault's order.
    *candidatesFor(names): Iterable<TCandidateName> {
      for (const { name } of declared) if (name.kind !== 'person') yield name
      for (const { name, keys } of declared) {
        if (name.kind !== 'person') continue
        const meets = names.some(
          (wanted) =>
            wanted.wholeKeys.some((key) => keys.has(key)) ||
            wanted.tokenKeys.filter((tokenKeys) => tokenKeys.some((key) => keys.has(key))).length >=
              tokensRequired(wanted),
        )
        if (meets) yield name
      }
    },
  }
}

/** The check without any sharing or caching: every candidate name scored afresh against every party. */
const scoredOneByOne = (parties: readonly TSurvivorParty[], source: TConflictNameSource): string[] => {
  const blocking = parties.flatMap((party) => blockingNamesOf(preparePerson({ names: party.names })))
  const hits = new Set<string>()
  for (const candidate of source.candidatesFor(blocking)) {
    for (const party of parties) {
      const score = scorePersonMatch({ names: party.names }, { names: candidate.names }).score
      const threshold =
        party.kind === 'person' && candidate.kind === 'person'
          ? CONFLICT_MIN_SCORE.person
          : CONFLICT_MIN_SCORE.other
      if (score < threshold) continue
      const hitKey = conflictHitKey(party.names.join(' / '), 'declared', candidate.names.join(' / '))
      hits.add(`${candidate.lawyerId} ${hitKey} ${Math.round(score * 100) / 100}`)
    }
  }
  return [...hits].sort()
}

describe('declared conflicts indexed in memory', () => {
  let folder: string
  let services: TVaultServices
  let lawyersAdded = 0
  beforeAll(async () => {
    folder = makeTempFolder()
    services = await createTestVault(folder)
  })
  afterAll(() => {
    services.vault.lock()
    removeFolder(folder)
  })

  const addLawyers = (conflicts: readonly TLawyerFields['conflicts'][]): string[] => {
    const session = services.vault.sessions.require()
    const roster = new LawyerRepository(session.db)
    const ids = conflicts.map(() => `lawyer-${++lawyersAdded}`)
    session.db.transaction(() => {
      conflicts.forEach((declared, index) =>
        roster.insert(
          ids[index] ?? '',
          { ...emptyLawyerFields(), lastName: `Testlawyer${lawyersAdded}`, conflicts: [...declared] },
          '2026-11-30T15:00:00.000Z',
          null,
        ),
      )
    })
    return ids
  }

  it('finds exactly the conflicts the vault’s keys find, and ranks alike, on random rosters and survivors', () => {
    let withHits = 0
    fc.assert(
      fc.property(instanceArbitrary, ({ lawyers, own, adverse }) => {
        const ids = addLawyers(lawyers)
        const db = services.vault.sessions.require().db
        const parties: TSurvivorParty[] = [
          { role: 'survivor', kind: 'person', names: own },
          ...adverse.map(({ kind, name }): TSurvivorParty => ({
            role: 'adverse_party',
            kind,
            names: [name],
          })),
        ]
        const fromVault = findConflicts('case-1', parties, keyedOneByOne(db), new Map())
        const fromMemory = findConflicts('case-1', parties, declaredConflictIndex(db), new Map())
        expect(plain(fromMemory)).toEqual(plain(fromVault))
        expect(hitsOf(fromMemory)).toEqual(scoredOneByOne(parties, keyedOneByOne(db)))
        if (fromVault.blocking.size > 0) withHits += 1

        const survivor = survivorProfile({ parties })
        const roster = ids.map((id) => lawyerProfile({ id, name: id, email: `${id}@example.org` }))
        const context = matchContext()
        expect(rankWithConflicts(survivor, roster, fromMemory, context)).toEqual(
          rankWithConflicts(survivor, roster, fromVault, context),
        )
      }),
      { numRuns: 40, seed: 11 },
    )
    // Most instances have hits: an agreement on empty findings would prove nothing.
    expect(withHits).toBeGreaterThan(20)
  })

  it('reads the declared conflicts again after a lawyer’s conflicts change, and not before', () => {
    const [id = ''] = addLawyers([[{ kind: 'person', name: 'Testina Lopez' }]])
    const session = services.vault.sessions.require()
    const parties: TSurvivorParty[] = [{ role: 'adverse_party', kind: 'person', names: ['Olga Kuznetsova'] }]
    const before = declaredConflictIndex(session.db)
    expect(declaredConflictIndex(session.db)).toBe(before)
    expect(findConflicts('case-2', parties, before, new Map()).blocking.has(id)).toBe(false)

    const roster = new LawyerRepository(session.db)
    session.db.transaction(() => {
      roster.replace(
        id,
        {
          ...emptyLawyerFields(),
          lastName: 'Testlawyer',
          conflicts: [{ kind: 'person', name: 'Ольга Кузнецова' }],
        },
        '2026-11-30T16:00:00.000Z',
      )
    })
    const after = declaredConflictIndex(session.db)
    expect(after).not.toBe(before)
    expect(findConflicts('case-2', parties, after, new Map()).blocking.has(id)).toBe(true)
  })
})
