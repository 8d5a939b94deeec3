/**
 * The conflict check's fast path (the index handing its candidates to a visitor, each distinct name's hit built
 * once) against the plain one (one candidate object per lawyer and name, as any TConflictNameSource gives them):
 * the same hits, for the same lawyers, in the same order, with the same reviews applied. Names repeat across
 * lawyers, kinds and sources on purpose: that is what the fast path shares.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ADVERSE_PARTY_KINDS } from '../../../shared/cases/vocabulary'
import { ConflictNameIndex } from './conflict-name-index'
import {
  conflictHitKey,
  findConflicts,
  type TCandidateName,
  type TConflictFindings,
  type TConflictNameSource,
} from './conflicts'
import { preparePartyNames } from './party-names'
import type { TConflictReviews, TLawyerPartyName, TSurvivorParty } from './types'

const NAMES = [
  'Mohammed Al-Hassan',
  'محمد الحسن',
  'Muhammad Alhasan',
  'Hassan',
  'Syrian Arab Army',
  'Syria',
  '3rd Armoured Brigade',
  'Olga Kuznetsova',
  'Ольга Кузнецова',
  'Wagner Group',
  'Testina Lopez',
  'Testinna Lopes',
] as const
const SOURCES = ['declared', 'referral_client', 'referral_opponent'] as const

const nameArbitrary = fc.record({
  kind: fc.constantFrom(...ADVERSE_PARTY_KINDS),
  names: fc.subarray([...NAMES], { minLength: 1, maxLength: 2 }),
})

const instanceArbitrary = fc.record({
  lawyerSide: fc.array(
    fc.record({
      lawyer: fc.integer({ min: 0, max: 9 }),
      source: fc.constantFrom(...SOURCES),
      caseId: fc.constantFrom('case-1', 'case-2'),
      name: nameArbitrary,
    }),
    { maxLength: 40 },
  ),
  parties: fc.array(
    fc.record({ role: fc.constantFrom('survivor' as const, 'adverse_party' as const), name: nameArbitrary }),
    { minLength: 1, maxLength: 4 },
  ),
  reviewed: fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom('cleared', 'confirmed')), {
    maxLength: 4,
  }),
})

/** Every finding in order, lawyers in the order first found: the maps' order is part of what must not change. */
const inOrder = (findings: TConflictFindings): unknown => ({
  blocking: [...findings.blocking],
  cleared: [...findings.cleared],
})

describe('the conflict check over the in-memory index', () => {
  it('finds through the visitor exactly what it finds through one candidate object per lawyer and name', () => {
    let hits = 0
    fc.assert(
      fc.property(instanceArbitrary, ({ lawyerSide, parties, reviewed }) => {
        const names: TLawyerPartyName[] = lawyerSide.map(({ lawyer, source, caseId, name }) => ({
          lawyerId: `lawyer-${lawyer}`,
          source,
          kind: name.kind,
          names: name.names,
          ...(source === 'declared' ? {} : { caseId }),
        }))
        const survivorParties: TSurvivorParty[] = parties.map(({ role, name }) => ({
          role,
          kind: role === 'survivor' ? 'person' : name.kind,
          names: name.names,
        }))
        const index = new ConflictNameIndex(names)
        const plain: TConflictNameSource = { candidatesFor: (blocking) => index.candidatesFor(blocking) }
        // Reviews of hits the plain path finds: some cleared, some confirmed.
        const before = findConflicts('case-1', survivorParties, plain, new Map())
        const reviews = new Map<string, Map<string, 'cleared' | 'confirmed'>>()
        for (const [lawyer, decision] of reviewed) {
          const hit = before.blocking.get(`lawyer-${lawyer}`)?.[0]?.hit
          if (hit === undefined) continue
          reviews.set(`lawyer-${lawyer}`, new Map([[hit.hitKey, decision]]))
        }
        const fast = findConflicts('case-1', survivorParties, index, reviews as TConflictReviews)
        const slow = findConflicts('case-1', survivorParties, plain, reviews as TConflictReviews)
        expect(inOrder(fast)).toEqual(inOrder(slow))
        hits += [...slow.blocking.values(), ...slow.cleared.values()].flat().length
      }),
      { numRuns: 300, seed: 2026 },
    )
    // Agreeing on no hits would prove nothing.
    expect(hits).toBeGreaterThan(300)
  })

  it('keys each hit by its own pair of names, whoever else declared the same name', () => {
    const names: TLawyerPartyName[] = ['lawyer-1', 'lawyer-2'].map((lawyerId) => ({
      lawyerId,
      source: 'declared',
      kind: 'unit',
      names: ['Syrian Arab Army'],
    }))
    const parties: TSurvivorParty[] = [
      { role: 'adverse_party', kind: 'unit', names: ['Syrian Arab Army'] },
      { role: 'adverse_party', kind: 'state', names: ['Syria'] },
    ]
    const findings = findConflicts('case-1', parties, new ConflictNameIndex(names), new Map())
    for (const lawyerId of ['lawyer-1', 'lawyer-2']) {
      expect(findings.blocking.get(lawyerId)?.map(({ hit }) => hit.hitKey)).toEqual([
        conflictHitKey('Syrian Arab Army', 'declared', 'Syrian Arab Army'),
        conflictHitKey('Syria', 'declared', 'Syrian Arab Army'),
      ])
    }
  })

  it('keeps the hit keys reviews were stored under', () => {
    // Digests of the key's first form (createHash): a changed key would orphan every recorded review.
    expect(conflictHitKey('Syrian Arab Army', 'declared', 'Syrian Arab Army')).toBe('WzekzUGP7zdWpSr0sKYx9O')
    expect(conflictHitKey('محمد الحسن / Mohammed Al-Hassan', 'referral_client', 'Мухаммед Хасан')).toBe(
      '-hqiiqocqQFubwYHEZoPyN',
    )
    expect(conflictHitKey('Test "Quoted" \\ Name', 'referral_opponent', 'Testina Example')).toBe(
      '5Jm3P8Kmo_Eqzt0edelKlg',
    )
  })

  it('counts a pair of names once per lawyer, whatever kind or party it came through, and keeps the first', () => {
    // Lawyer 1 declared the same words as a unit and as an organization, and twice as a unit; two parties share
    // their words: one hit key each, once per lawyer, the first met.
    const names: TLawyerPartyName[] = [
      { lawyerId: 'lawyer-1', source: 'declared', kind: 'unit', names: ['Syrian Arab Army'] },
      { lawyerId: 'lawyer-1', source: 'declared', kind: 'organization', names: ['Syrian Arab Army'] },
      { lawyerId: 'lawyer-2', source: 'declared', kind: 'organization', names: ['Syrian Arab Army'] },
      { lawyerId: 'lawyer-1', source: 'declared', kind: 'unit', names: ['Syrian Arab Army'] },
    ]
    const parties: TSurvivorParty[] = [
      { role: 'adverse_party', kind: 'state', names: ['Syria'] },
      { role: 'adverse_party', kind: 'unit', names: ['Syria'] },
    ]
    const findings = findConflicts('case-1', parties, new ConflictNameIndex(names), new Map())
    const key = conflictHitKey('Syria', 'declared', 'Syrian Arab Army')
    expect(findings.blocking.get('lawyer-1')?.map(({ hit }) => hit.hitKey)).toEqual([key])
    expect(findings.blocking.get('lawyer-2')?.map(({ hit }) => hit.hitKey)).toEqual([key])
    expect(findings.blocking.get('lawyer-1')?.[0]?.hit.subject).toBe('adverse_party')
  })

  it('scores a name met again after another one anew: the check remembers only the last name scored', () => {
    // The same prepared name held by lawyers 1 and 3, another between them: a source may hand names in any order.
    const hassan = preparePartyNames('person', ['Mohammed Al-Hassan'])
    const olga = preparePartyNames('person', ['Olga Kuznetsova'])
    const held = (lawyerId: string, prepared: typeof hassan): TCandidateName => ({
      lawyerId,
      source: 'declared',
      kind: 'person',
      names: prepared.source.names,
      prepared,
    })
    const source: TConflictNameSource = {
      candidatesFor: () => [held('lawyer-1', hassan), held('lawyer-2', olga), held('lawyer-3', hassan)],
    }
    const parties: TSurvivorParty[] = [{ role: 'adverse_party', kind: 'person', names: ['Muhammad Alhasan'] }]
    const findings = findConflicts('case-1', parties, source, new Map())
    expect([...findings.blocking.keys()]).toEqual(['lawyer-1', 'lawyer-3'])
    expect(findings.blocking.get('lawyer-3')?.[0]?.hit.lawyerName).toBe('Mohammed Al-Hassan')
  })
})
