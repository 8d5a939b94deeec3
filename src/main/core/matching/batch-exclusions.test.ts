import { lawyerArbitrary, survivorArbitrary } from '#test-support/batch-arbitraries'
import { matchContext } from '#test-support/matching-profiles'
import { seededRandom, syntheticRoster, syntheticSurvivors } from '#test-support/synthetic'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TConflictHit } from '../../../shared/matching/reasons'
import { commonestExclusions, exclusionsOver } from './batch-exclusions'
import type { TConflictFindings } from './conflicts'
import { rankWithConflicts } from './rank'
import type { TLawyerProfile, TSurvivorProfile } from './types'

const hit = (hitKey: string): TConflictHit => ({
  subject: 'adverse_party',
  survivorName: 'Testparty Example',
  source: 'declared',
  lawyerName: 'Testparty Example',
  score: 1,
  evidence: [],
  hitKey,
})

/** Findings with, per lawyer, no list, an empty one, unreviewed or confirmed hits (or both), and cleared ones. */
const findingsArbitrary = (ids: readonly string[]): fc.Arbitrary<TConflictFindings> =>
  fc
    .tuple(
      ...ids.map(() =>
        fc.record({
          blocking: fc.option(fc.array(fc.boolean(), { maxLength: 3 }), { nil: undefined }),
          cleared: fc.boolean(),
        }),
      ),
    )
    .map((each) => {
      const findings: TConflictFindings = { blocking: new Map(), cleared: new Map() }
      each.forEach(({ blocking, cleared }, index) => {
        const id = ids[index] ?? ''
        if (blocking !== undefined)
          findings.blocking.set(
            id,
            blocking.map((confirmed, at) => ({ hit: hit(`hit-${at}`), confirmed })),
          )
        if (cleared) findings.cleared.set(id, [hit('hit-cleared')])
      })
      return findings
    })

const ranked = (
  survivor: TSurvivorProfile,
  lawyers: readonly TLawyerProfile[],
  conflicts: TConflictFindings,
) => commonestExclusions(rankWithConflicts(survivor, lawyers, conflicts, matchContext()).excluded)

describe('why nobody can take a case: the ranking’s exclusion reasons, counted without the ranking', () => {
  const ids = Array.from({ length: 8 }, (_, index) => `lawyer-${index}`)

  it('counts the same keys as the ranking’s excluded list, commonest first', () => {
    fc.assert(
      fc.property(
        survivorArbitrary(ids),
        fc.tuple(...ids.map(lawyerArbitrary)),
        findingsArbitrary(ids),
        (survivor, lawyers, conflicts) => {
          expect(exclusionsOver(survivor, lawyers, conflicts)).toEqual(ranked(survivor, lawyers, conflicts))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('agrees with the ranking over the bench’s synthetic roster and survivors', () => {
    const { lawyers } = syntheticRoster(seededRandom(11), 300, 1)
    const blocked = lawyers.filter((_, index) => index % 7 === 0).map((lawyer) => lawyer.id)
    const conflicts: TConflictFindings = {
      blocking: new Map(blocked.map((id, at) => [id, [{ hit: hit('hit-1'), confirmed: at % 2 === 0 }]])),
      cleared: new Map(),
    }
    for (const survivor of syntheticSurvivors(seededRandom(12), 30)) {
      const declined = { ...survivor, declinedBy: new Set([lawyers[3]?.id ?? '']) }
      const counted = exclusionsOver(declined, lawyers, conflicts)
      expect(counted.length).toBeGreaterThan(0)
      expect(counted).toEqual(ranked(declined, lawyers, conflicts))
    }
  })
})
