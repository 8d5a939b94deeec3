import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADVERSE_PARTY_KINDS } from '../../../shared/cases/vocabulary'
import { emptyLawyerFields, type TLawyerFields } from '../../../shared/roster/lawyer-schema'
import { lawyerProfile, matchContext, survivorProfile } from '#test-support/matching-profiles'
import { createTestVault, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import type { TReadableDb } from '../db/connection'
import { LawyerQueries, LawyerRepository } from '../roster/lawyer-repository'
import type { TVaultServices } from '../services'
import { everyName, plainFindings as plain } from '#test-support/conflict-sources'
import { scorePrepared } from '../person-matching'
import { conflictHitKey, findConflicts, type TConflictFindings } from './conflicts'
import { declaredConflictIndex } from './declared-conflicts'
import { preparePartyNames } from './party-names'
import { rankWithConflicts, type TRanking } from './rank'
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

/** A ranking with each lawyer's reasons in a fixed order: the hits come in the order the source yields names. */
const inFixedOrder = (ranking: TRanking): unknown => ({
  ...ranking,
  excluded: ranking.excluded.map((entry) => ({
    ...entry,
    reasons: [...entry.reasons].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  })),
})

const hitsOf = (findings: TConflictFindings): string[] =>
  [...findings.blocking]
    .flatMap(([lawyer, hits]) => hits.map(({ hit }) => `${lawyer} ${hit.hitKey} ${hit.score}`))
    .sort()

/** Every pair scored afresh, without blocking, sharing or caching (declared names only). */
const scoredOneByOne = (parties: readonly TSurvivorParty[], names: readonly TLawyerPartyName[]): string[] => {
  const hits = new Set<string>()
  for (const candidate of names) {
    for (const party of parties) {
      const score = scorePrepared(
        preparePartyNames(party.kind, party.names),
        preparePartyNames(candidate.kind, candidate.names),
      ).score
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

/** The vault's declared conflicts as the ranking's source reads them, every one. */
/** Every declared name as the roster's repository reads it back (one list per lawyer), not the index's own query. */
const declaredRows = (db: TReadableDb): TLawyerPartyName[] =>
  [...new LawyerQueries(db).iterateAll()].flatMap((record) =>
    record.conflicts.map((conflict): TLawyerPartyName => ({
      lawyerId: record.row.id,
      source: 'declared',
      kind: conflict.kind as TLawyerPartyName['kind'],
      names: [conflict.name],
    })),
  )

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

  it('finds exactly the conflicts that scoring every pair finds, and ranks alike, on random rosters and survivors', () => {
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
        const rows = declaredRows(db)
        const fromVault = findConflicts('case-1', parties, everyName(rows), new Map())
        const fromMemory = findConflicts('case-1', parties, declaredConflictIndex(db), new Map())
        expect(plain(fromMemory)).toEqual(plain(fromVault))
        expect(hitsOf(fromMemory)).toEqual(scoredOneByOne(parties, rows))
        if (fromVault.blocking.size > 0) withHits += 1

        const survivor = survivorProfile({ parties })
        const roster = ids.map((id) => lawyerProfile({ id, name: id, email: `${id}@example.org` }))
        const context = matchContext()
        expect(inFixedOrder(rankWithConflicts(survivor, roster, fromMemory, context))).toEqual(
          inFixedOrder(rankWithConflicts(survivor, roster, fromVault, context)),
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

  it('does not keep an index built inside a transaction that then rolled back', () => {
    const [id = ''] = addLawyers([[{ kind: 'person', name: 'Testina Lopez' }]])
    const session = services.vault.sessions.require()
    const parties: TSurvivorParty[] = [{ role: 'adverse_party', kind: 'person', names: ['Olga Kuznetsova'] }]
    const before = declaredConflictIndex(session.db)
    const roster = new LawyerRepository(session.db)
    let inside: ReturnType<typeof declaredConflictIndex> | undefined
    expect(() =>
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
        inside = declaredConflictIndex(session.db)
        // The ranking inside the transaction sees its own write.
        expect(findConflicts('case-2', parties, inside, new Map()).blocking.has(id)).toBe(true)
        throw new Error('rolled back on purpose')
      }),
    ).toThrow('rolled back on purpose')
    const after = declaredConflictIndex(session.db)
    expect(after).not.toBe(inside)
    expect(findConflicts('case-2', parties, after, new Map()).blocking.has(id)).toBe(false)
    expect(findConflicts('case-2', parties, before, new Map()).blocking.has(id)).toBe(false)
  })
})
