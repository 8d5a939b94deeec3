import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TAdversePartyKind } from '../../../shared/cases/vocabulary'
import { PairConflictChecker } from './batch-pair-conflicts'
import { ConflictNameIndex } from './conflict-name-index'
import { findConflicts, type TConflictFindings, type TConflictNameSource } from './conflicts'
import type { TConflictReviews, TLawyerPartyName, TSurvivorParty } from './types'

/** Invented names, written in several scripts and spellings, and bodies that one shared token can hit. */
const NAMES: ReadonlyArray<{ kind: TAdversePartyKind; name: string }> = [
  { kind: 'person', name: 'Mohammed Al-Hassan' },
  { kind: 'person', name: 'محمد الحسن' },
  { kind: 'person', name: 'Muhammad Alhasan' },
  { kind: 'person', name: 'Olga Kuznetsova' },
  { kind: 'person', name: 'Ольга Кузнецова' },
  { kind: 'person', name: 'Testina Lopez' },
  { kind: 'person', name: 'Hassan Testfamily' },
  { kind: 'unit', name: 'Hassan Brigade' },
  { kind: 'organization', name: 'Kuznetsov Testing Group' },
  { kind: 'state', name: 'Republic of Testland' },
]
const LAWYERS = ['lawyer-a', 'lawyer-b', 'lawyer-c', 'lawyer-d', 'lawyer-e'] as const
const OWN_CASE = 'case-own'

const partyArbitrary: fc.Arbitrary<TSurvivorParty> = fc
  .record({
    role: fc.constantFrom('survivor' as const, 'adverse_party' as const),
    named: fc.constantFrom(...NAMES),
    original: fc.option(fc.constantFrom(...NAMES), { nil: null }),
  })
  .map(({ role, named, original }) => ({
    role,
    kind: role === 'survivor' ? 'person' : named.kind,
    names: [named.name, original?.name ?? ''],
  }))

const declaredArbitrary = fc.array(
  fc.record({ lawyer: fc.constantFrom(...LAWYERS), named: fc.constantFrom(...NAMES) }),
  { maxLength: 14 },
)

const referralArbitrary = fc.array(
  fc.record({
    lawyer: fc.constantFrom(...LAWYERS),
    source: fc.constantFrom('referral_client' as const, 'referral_opponent' as const),
    named: fc.constantFrom(...NAMES),
    caseId: fc.constantFrom(OWN_CASE, 'case-other-1', 'case-other-2'),
  }),
  { maxLength: 6 },
)

/** The whole roster's check as a ranking runs it: every declared name in one index, then the referral parties. */
const wholeRoster = (declared: TLawyerPartyName[], referrals: ConflictNameIndex): TConflictNameSource => {
  const index = new ConflictNameIndex(declared)
  return {
    *candidatesFor(names) {
      yield* index.candidatesFor(names)
      yield* referrals.candidatesFor(names)
    },
    eachCandidate(names, visit) {
      index.eachCandidate(names, visit)
      referrals.eachCandidate(names, visit)
    },
  }
}

/** One lawyer's findings, hits in a fixed order (the order of a lawyer's hits is not part of the answer). */
const ofLawyer = (findings: TConflictFindings, lawyerId: string) => ({
  blocking: [...(findings.blocking.get(lawyerId) ?? [])].sort((left, right) =>
    left.hit.hitKey.localeCompare(right.hit.hitKey),
  ),
  cleared: [...(findings.cleared.get(lawyerId) ?? [])].sort((left, right) =>
    left.hitKey.localeCompare(right.hitKey),
  ),
})

describe('the conflict check of single pairs', () => {
  it('finds for each lawyer exactly what the whole roster’s check finds for them, reviews applied', () => {
    fc.assert(
      fc.property(
        fc.array(partyArbitrary, { minLength: 1, maxLength: 3 }),
        declaredArbitrary,
        referralArbitrary,
        fc.array(fc.constantFrom('cleared' as const, 'confirmed' as const, null), { maxLength: 12 }),
        (parties, declaredDrawn, referralDrawn, decisions) => {
          const declared: TLawyerPartyName[] = declaredDrawn.map(({ lawyer, named }) => ({
            lawyerId: lawyer,
            source: 'declared',
            kind: named.kind,
            names: [named.name],
          }))
          const referrals = new ConflictNameIndex(
            referralDrawn.map(({ lawyer, source, named, caseId }) => ({
              lawyerId: lawyer,
              source,
              kind: named.kind,
              names: [named.name],
              caseId,
            })),
          )
          const whole = wholeRoster(declared, referrals)
          // Reviews of some of the hits the whole check finds (decided by position), so both sides apply them.
          const unreviewed = findConflicts(OWN_CASE, parties, whole, new Map())
          const reviews = new Map<string, Map<string, 'cleared' | 'confirmed'>>()
          let next = 0
          for (const [lawyerId, hits] of unreviewed.blocking) {
            for (const { hit } of hits) {
              const decision = decisions[next++ % Math.max(1, decisions.length)] ?? null
              if (decision === null) continue
              const byHit = reviews.get(lawyerId) ?? new Map<string, 'cleared' | 'confirmed'>()
              byHit.set(hit.hitKey, decision)
              reviews.set(lawyerId, byHit)
            }
          }
          const reviewed: TConflictReviews = reviews
          const expected = findConflicts(OWN_CASE, parties, whole, reviewed)
          const ownList = (lawyerId: string) => declared.filter((name) => name.lawyerId === lawyerId)
          // Lawyer by lawyer, and with some lists read ahead in one go (as a round of the batch reads them).
          const oneByOne = new PairConflictChecker(ownList, referrals)
          const ahead = new PairConflictChecker(
            () => {
              throw new Error('a list read ahead was read again')
            },
            referrals,
            (lawyerIds) => new Map(lawyerIds.map((lawyerId) => [lawyerId, ownList(lawyerId)])),
          )
          ahead.prefetch([...LAWYERS, 'lawyer-a'])
          for (const checker of [oneByOne, ahead]) {
            for (const lawyerId of LAWYERS) {
              const single = checker.check(OWN_CASE, parties, [lawyerId], reviewed)
              expect(ofLawyer(single, lawyerId)).toEqual(ofLawyer(expected, lawyerId))
              // Nothing about any other lawyer.
              for (const other of [...single.blocking.keys(), ...single.cleared.keys()])
                expect(other).toBe(lawyerId)
            }
            const several = checker.check(OWN_CASE, parties, ['lawyer-b', 'lawyer-d'], reviewed)
            for (const lawyerId of LAWYERS) {
              const wanted = lawyerId === 'lawyer-b' || lawyerId === 'lawyer-d'
              expect(ofLawyer(several, lawyerId)).toEqual(
                wanted ? ofLawyer(expected, lawyerId) : { blocking: [], cleared: [] },
              )
            }
            // Each lawyer's list was read and keyed once for the whole run.
            expect(checker.lawyersRead).toBe(LAWYERS.length)
          }
        },
      ),
      { numRuns: 300, seed: 1101 },
    )
  })

  it('finds the transliterated declared name, and no hit from the survivor’s own case', () => {
    const referrals = new ConflictNameIndex([
      {
        lawyerId: 'lawyer-a',
        source: 'referral_opponent',
        kind: 'person',
        names: ['Testina Lopez'],
        caseId: OWN_CASE,
      },
    ])
    const checker = new PairConflictChecker(
      (lawyerId) =>
        lawyerId === 'lawyer-a'
          ? [{ lawyerId, source: 'declared', kind: 'person', names: ['Muhammad Alhasan'] }]
          : [],
      referrals,
    )
    const parties: TSurvivorParty[] = [
      { role: 'survivor', kind: 'person', names: ['Testina Lopez', ''] },
      { role: 'adverse_party', kind: 'person', names: ['', 'محمد الحسن'] },
    ]
    const found = checker.check(OWN_CASE, parties, ['lawyer-a', 'lawyer-b'], new Map())
    expect([...found.blocking.keys()]).toEqual(['lawyer-a'])
    expect(found.blocking.get('lawyer-a')?.map(({ hit }) => hit.source)).toEqual(['declared'])
    expect(checker.pairsChecked).toBe(2)
  })
})
