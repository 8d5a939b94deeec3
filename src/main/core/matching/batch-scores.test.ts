import { lawyerArbitrary, survivorArbitrary, WINDOWS } from '#test-support/batch-arbitraries'
import { lawyerProfile, matchContext, survivorProfile } from '#test-support/matching-profiles'
import { seededRandom, syntheticRoster, syntheticSurvivors } from '#test-support/synthetic'
import { rankWithConflicts as referenceRanking } from '#test-support/ranking-reference/rank'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TProvince } from '../../../shared/cases/vocabulary'
import type { TConflictHit } from '../../../shared/matching/reasons'
import { batchRosterOf, scoreSurvivor } from './batch-scores'
import type { TConflictFindings } from './conflicts'
import { columnsQueryOf } from './rank-columns'
import type { TLawyerProfile, TSurvivorProfile } from './types'

const HIT: TConflictHit = {
  subject: 'adverse_party',
  survivorName: 'Testparty Example',
  source: 'declared',
  lawyerName: 'Testparty Example',
  score: 1,
  evidence: [],
  hitKey: 'hit-1',
}

/** Conflicts that block some lawyers (the scorer only asks which). */
const blockingOf = (ids: readonly string[]): TConflictFindings => ({
  blocking: new Map(ids.map((id) => [id, [{ hit: HIT, confirmed: false }]])),
  cleared: new Map(),
})

/**
 * Lawyer id → score, as the plain rules' reference ranking gives it (not the case page's ranking, which walks the
 * same columns as the batch) and as the batch scorer gives it.
 */
const bothScores = (
  survivor: TSurvivorProfile,
  lawyers: readonly TLawyerProfile[],
  conflicts: TConflictFindings,
): { ranking: Map<string, number>; batch: Map<string, number> } => {
  const context = matchContext()
  const ranking = new Map(
    referenceRanking(survivor, lawyers, conflicts, context).ranked.map(({ lawyer, score }) => [
      lawyer.id,
      score,
    ]),
  )
  const roster = batchRosterOf(lawyers, context)
  const scored = scoreSurvivor(roster, survivor, conflicts)
  const batch = new Map(
    Array.from(scored.lawyers, (position, index) => [
      lawyers[position]?.id ?? '',
      scored.scores[index] ?? NaN,
    ]),
  )
  return { ranking, batch }
}

describe('batch scores: the ranking’s eligibility and points, without the reasons', () => {
  const ids = Array.from({ length: 10 }, (_, index) => `lawyer-${index}`)

  it('holds exactly the lawyers the ranking ranks, each with the ranking’s score', () => {
    fc.assert(
      fc.property(
        survivorArbitrary(ids),
        fc.tuple(...ids.map(lawyerArbitrary)),
        fc.subarray(ids, { maxLength: 3 }),
        (survivor, lawyers, blocked) => {
          const { ranking, batch } = bothScores(survivor, lawyers, blockingOf(blocked))
          expect(batch).toEqual(ranking)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('agrees with the ranking over the bench’s synthetic roster and survivors', () => {
    const { lawyers } = syntheticRoster(seededRandom(3), 200, 1)
    const survivors = syntheticSurvivors(seededRandom(4), 25)
    for (const survivor of survivors) {
      const { ranking, batch } = bothScores(survivor, lawyers, blockingOf(['lawyer-1', 'lawyer-7']))
      expect(batch).toEqual(ranking)
    }
  })

  it('scores survivor after survivor over one roster as over a fresh one each time (no marks left behind)', () => {
    const { lawyers } = syntheticRoster(seededRandom(5), 150, 1)
    const survivors = syntheticSurvivors(seededRandom(6), 20)
    const shared = batchRosterOf(lawyers, matchContext())
    survivors.forEach((survivor, index) => {
      const blocked = blockingOf(index % 2 === 0 ? ['lawyer-3'] : [])
      const declined = { ...survivor, declinedBy: new Set(index % 3 === 0 ? ['lawyer-5'] : []) }
      expect(scoreSurvivor(shared, declined, blocked)).toEqual(
        scoreSurvivor(batchRosterOf(lawyers, matchContext()), declined, blocked),
      )
    })
  })

  it('scores a survivor the columns cannot decide for through the rules, as the reference ranks them', () => {
    const lawyers = ['PQ', 'QC', 'PQ'].map((province, index) =>
      lawyerProfile({
        id: `lawyer-${index}`,
        name: `Testf Lawyer ${index}`,
        licensedProvinces: [province as TProvince],
        practiceAreas: ['civil_claim'],
        activeReferrals: index,
        capacity: 3,
      }),
    )
    // A province outside the vocabulary: the columns have no bit for it.
    const survivor = survivorProfile({ needs: ['civil_claim'], province: 'PQ' as TProvince })
    expect(columnsQueryOf(survivor).decidable).toBe(false)
    const { ranking, batch } = bothScores(survivor, lawyers, blockingOf(['lawyer-2']))
    expect([...batch.keys()]).toEqual(['lawyer-0'])
    expect(batch).toEqual(ranking)
  })

  it('leaves every lawyer out when the case lacks the province or airport its needs ask for', () => {
    const lawyers = [lawyerProfile({ id: 'lawyer-a', airports: ['YUL'], onCallWindows: WINDOWS[1] ?? [] })]
    const roster = batchRosterOf(lawyers, matchContext())
    const none = blockingOf([])
    const civil = survivorProfile({ needs: ['civil_claim'], province: null })
    const airport = survivorProfile({ needs: ['airport_support'], airport: null })
    expect(Array.from(scoreSurvivor(roster, civil, none).lawyers)).toEqual([])
    expect(Array.from(scoreSurvivor(roster, airport, none).lawyers)).toEqual([])
    expect(Array.from(scoreSurvivor(roster, { ...airport, airport: 'YUL' }, none).lawyers)).toEqual([0])
  })
})
