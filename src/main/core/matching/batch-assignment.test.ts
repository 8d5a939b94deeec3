import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assignBatchByColumnGeneration } from '#test-support/batch-reference-solve'
import {
  assignBatch,
  objectiveOf,
  prefixCutoff,
  prefixesOnly,
  selectCutoff,
  type TBatchInput,
  type TBatchObjective,
} from './batch-assignment'
import { assignBatchAvoiding } from './batch-lazy-assignment'

/** Every assignment of survivors to eligible lawyers (or nobody) within capacities, best by the same order. */
const bruteForce = (input: TBatchInput): TBatchObjective => {
  let best: TBatchObjective = { urgentAssigned: 0, assigned: 0, totalScore: 0 }
  const used = input.capacities.map(() => 0)
  const chosen: Array<number | null> = []
  const better = (left: TBatchObjective, right: TBatchObjective): boolean =>
    left.urgentAssigned !== right.urgentAssigned
      ? left.urgentAssigned > right.urgentAssigned
      : left.assigned !== right.assigned
        ? left.assigned > right.assigned
        : left.totalScore > right.totalScore
  const walk = (index: number): void => {
    if (index === input.survivors.length) {
      const objective = objectiveOf(input, chosen)
      if (better(objective, best)) best = objective
      return
    }
    chosen.push(null)
    walk(index + 1)
    chosen.pop()
    for (const option of input.survivors[index]?.options ?? []) {
      if ((used[option.lawyer] ?? 0) >= (input.capacities[option.lawyer] ?? 0)) continue
      used[option.lawyer] = (used[option.lawyer] ?? 0) + 1
      chosen.push(option.lawyer)
      walk(index + 1)
      chosen.pop()
      used[option.lawyer] = (used[option.lawyer] ?? 0) - 1
    }
  }
  walk(0)
  return best
}

const instance = (maxSurvivors: number, maxLawyers: number): fc.Arbitrary<TBatchInput> =>
  fc.integer({ min: 1, max: maxLawyers }).chain((lawyers) =>
    fc.record({
      capacities: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: lawyers, maxLength: lawyers }),
      survivors: fc.array(
        fc.record({
          urgent: fc.boolean(),
          options: fc
            .uniqueArray(
              fc.record({
                lawyer: fc.integer({ min: 0, max: lawyers - 1 }),
                score: fc.integer({ min: -40, max: 160 }),
              }),
              { selector: (option) => option.lawyer, maxLength: lawyers },
            )
            .map((options) => options),
        }),
        { minLength: 0, maxLength: maxSurvivors },
      ),
    }),
  )

const respectsConstraints = (input: TBatchInput, assignment: ReadonlyArray<number | null>): boolean => {
  const used = input.capacities.map(() => 0)
  return assignment.every((lawyer, index) => {
    if (lawyer === null) return true
    const eligible = input.survivors[index]?.options.some((option) => option.lawyer === lawyer) === true
    used[lawyer] = (used[lawyer] ?? 0) + 1
    return eligible && (used[lawyer] ?? 0) <= (input.capacities[lawyer] ?? 0)
  })
}

describe('batch assignment', () => {
  it('never pairs a survivor with a lawyer they are not eligible for, nor beyond a lawyer’s free places', () => {
    fc.assert(
      fc.property(instance(8, 6), (input) => {
        const result = assignBatch(input)
        expect(result.assignment).toHaveLength(input.survivors.length)
        expect(respectsConstraints(input, result.assignment)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('reaches the brute-force optimum (urgent first, then how many, then total score) on small instances', () => {
    fc.assert(
      fc.property(instance(6, 4), (input) => {
        const result = assignBatch(input)
        expect(result.objective).toEqual(bruteForce(input))
        expect(result.proven).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('finds the same optimum as the column-generation solve it replaced, on instances too big to enumerate', () => {
    fc.assert(
      fc.property(instance(40, 25), fc.integer({ min: 1, max: 4 }), (input, candidatesPerSurvivor) => {
        const result = assignBatch(input)
        const before = assignBatchByColumnGeneration(input, { candidatesPerSurvivor })
        expect(before.proven).toBe(true)
        expect(result.objective).toEqual(before.objective)
        expect(result.proven).toBe(true)
        expect(respectsConstraints(input, result.assignment)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('selects the same cutoff as sorting every pair would, ties and short lists included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ score: fc.integer({ min: -5, max: 5 }), places: fc.integer({ min: 1, max: 3 }) }),
          {
            maxLength: 60,
          },
        ),
        fc.integer({ min: 1, max: 40 }),
        (pairs, needed) => {
          const sorted = [...pairs].sort((left, right) => right.score - left.score)
          let reached = 0
          let expected = -Infinity
          for (const pair of sorted) {
            reached += pair.places
            if (reached >= needed) {
              expected = pair.score
              break
            }
          }
          const scores = Float64Array.from(pairs, (pair) => pair.score)
          const places = Int32Array.from(pairs, (pair) => pair.places)
          expect(prefixCutoff(scores, places, pairs.length, needed)).toBe(expected)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('counts its way to the same cutoff as sorting, for integer scores, fractions and wide ranges alike', () => {
    const score = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.integer({ min: -300, max: 300 }),
      fc.constantFrom(0.5, -2.25, 1e6, -1e6),
    )
    fc.assert(
      fc.property(
        fc.array(fc.record({ score, places: fc.integer({ min: 1, max: 3 }) }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 40 }),
        (pairs, needed) => {
          const sorted = [...pairs].sort((left, right) => right.score - left.score)
          let reached = 0
          let expected = -Infinity
          for (const pair of sorted) {
            reached += pair.places
            if (reached >= needed) {
              expected = pair.score
              break
            }
          }
          const scores = Float64Array.from(pairs, (pair) => pair.score)
          const places = Int32Array.from(pairs, (pair) => pair.places)
          expect(selectCutoff(scores, places, pairs.length, needed)).toBe(expected)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('finds the same optimum over each survivor’s prefix of best pairs as over every pair', () => {
    fc.assert(
      fc.property(instance(14, 12), (input) => {
        const pruned = assignBatch(input)
        const whole = assignBatch(input, { keepAllPairs: true })
        expect(pruned.objective).toEqual(whole.objective)
        expect(respectsConstraints(input, pruned.assignment)).toBe(true)
        expect(pruned.proven).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('keeps each survivor’s best pairs until their free places cover the batch, ties kept whole', () => {
    const input: TBatchInput = {
      capacities: [2, 1, 1, 3, 0],
      survivors: [
        {
          urgent: false,
          options: [
            { lawyer: 3, score: 10 },
            { lawyer: 0, score: 50 },
            { lawyer: 1, score: 40 },
            { lawyer: 2, score: 40 },
            { lawyer: 4, score: 90 },
          ],
        },
        { urgent: true, options: [{ lawyer: 3, score: 5 }] },
        { urgent: false, options: [] },
      ],
    }
    const pruned = prefixesOnly(input)
    // Three survivors: lawyer 0 brings 2 places, then the tie at 40 brings 2 more; lawyer 4 has no place.
    expect(pruned.survivors[0]?.options.map((option) => option.lawyer)).toEqual([0, 1, 2])
    expect(pruned.survivors[1]?.options).toEqual([{ lawyer: 3, score: 5 }])
    expect(assignBatch(input).pairsEligible).toBe(5)
    expect(assignBatch(input).pairsUsed).toBe(4)
  })

  it('gives the one free place to the urgent survivor even when the calm one scores higher', () => {
    const input: TBatchInput = {
      capacities: [1],
      survivors: [
        { urgent: false, options: [{ lawyer: 0, score: 150 }] },
        { urgent: true, options: [{ lawyer: 0, score: 5 }] },
      ],
    }
    expect(assignBatch(input).assignment).toEqual([null, 0])
  })

  it('assigns two survivors rather than one better pair (how many before how well)', () => {
    const input: TBatchInput = {
      capacities: [1, 1],
      survivors: [
        {
          urgent: false,
          options: [
            { lawyer: 0, score: 100 },
            { lawyer: 1, score: 0 },
          ],
        },
        { urgent: false, options: [{ lawyer: 0, score: 90 }] },
      ],
    }
    expect(assignBatch(input).assignment).toEqual([1, 0])
  })

  it('moves a survivor already placed to another lawyer when that frees the place a later survivor needs', () => {
    const input: TBatchInput = {
      capacities: [1, 1, 1],
      survivors: [
        {
          urgent: false,
          options: [
            { lawyer: 0, score: 90 },
            { lawyer: 1, score: 80 },
            { lawyer: 2, score: 10 },
          ],
        },
        {
          urgent: false,
          options: [
            { lawyer: 0, score: 90 },
            { lawyer: 1, score: 80 },
          ],
        },
        {
          urgent: false,
          options: [
            { lawyer: 0, score: 90 },
            { lawyer: 1, score: 80 },
          ],
        },
      ],
    }
    // Survivor 0 comes first and takes lawyer 0; survivor 2 can only be placed by moving survivor 0 to lawyer 2.
    const result = assignBatch(input)
    expect(result.assignment).toEqual([2, expect.any(Number), expect.any(Number)])
    expect(result.objective).toEqual({ urgentAssigned: 0, assigned: 3, totalScore: 180 })
    expect(result.proven).toBe(true)
  })

  /** An instance and a set of conflicted pairs among its options ("survivor:lawyer"). */
  const withConflicts = (maxSurvivors: number, maxLawyers: number) =>
    instance(maxSurvivors, maxLawyers).chain((input) => {
      const pairs = input.survivors.flatMap((survivor, position) =>
        survivor.options.map((option) => `${position}:${option.lawyer}`),
      )
      return fc.record({ input: fc.constant(input), conflicted: fc.subarray(pairs) })
    })

  const withoutConflicts = (input: TBatchInput, conflicted: ReadonlySet<string>): TBatchInput => ({
    capacities: input.capacities,
    survivors: input.survivors.map((survivor, position) => ({
      urgent: survivor.urgent,
      options: survivor.options.filter((option) => !conflicted.has(`${position}:${option.lawyer}`)),
    })),
  })

  it('with conflicts checked only for the proposed pairs, reaches the brute-force optimum without the conflicted pairs', () => {
    // Runs that took more than one solve: the warm start's rounds (survivors taken out and placed again) are covered.
    let warmRuns = 0
    fc.assert(
      fc.property(withConflicts(6, 4), ({ input, conflicted }) => {
        const conflicts = new Set(conflicted)
        const asked: string[] = []
        const result = assignBatchAvoiding(input, (survivor, lawyer) => {
          asked.push(`${survivor}:${lawyer}`)
          return conflicts.has(`${survivor}:${lawyer}`)
        })
        const clean = withoutConflicts(input, conflicts)
        expect(result.objective).toEqual(bruteForce(clean))
        expect(respectsConstraints(clean, result.assignment)).toBe(true)
        expect(result.proven).toBe(true)
        // Each pair asked once.
        expect(new Set(asked).size).toBe(asked.length)
        expect(result.pairsChecked).toBe(asked.length)
        if (result.rounds > 1) warmRuns++
      }),
      { numRuns: 400 },
    )
    expect(warmRuns).toBeGreaterThan(40)
  })

  it('never proposes a conflicted pair, however many rounds it takes, on instances too big to enumerate', () => {
    fc.assert(
      fc.property(withConflicts(30, 12), ({ input, conflicted }) => {
        const conflicts = new Set(conflicted)
        const result = assignBatchAvoiding(input, (survivor, lawyer) =>
          conflicts.has(`${survivor}:${lawyer}`),
        )
        result.assignment.forEach((lawyer, position) => {
          if (lawyer !== null) expect(conflicts.has(`${position}:${lawyer}`)).toBe(false)
        })
        const clean = withoutConflicts(input, conflicts)
        expect(result.objective).toEqual(assignBatch(clean, { keepAllPairs: true }).objective)
        expect(result.pairsConflicted).toBeLessThanOrEqual(conflicts.size)
      }),
      { numRuns: 200 },
    )
  })

  it('solves again after a proposed pair turns out conflicted, down the survivor’s list', () => {
    const input: TBatchInput = {
      capacities: [1, 1, 1],
      survivors: [
        {
          urgent: false,
          options: [
            { lawyer: 0, score: 90 },
            { lawyer: 1, score: 80 },
            { lawyer: 2, score: 10 },
          ],
        },
      ],
    }
    const asked: number[] = []
    const result = assignBatchAvoiding(input, (_, lawyer) => {
      asked.push(lawyer)
      return lawyer !== 2
    })
    expect(result.assignment).toEqual([2])
    // Lawyer 0 proposed and conflicted; the next best (1, 2) checked ahead of the second solve, which proposes 2.
    expect(asked).toEqual([0, 1, 2])
    expect(result).toMatchObject({ rounds: 2, pairsChecked: 3, pairsConflicted: 2 })
  })
})
