import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BatchFlow, NOBODY, PENDING } from './batch-flow'

type TPairs = { lawyers: number[]; worths: number[] }

/** A survivor's pairs: distinct lawyers, each worth 1–100. */
const pairsOf = (lawyerCount: number): fc.Arbitrary<TPairs> =>
  fc
    .uniqueArray(
      fc.record({
        lawyer: fc.integer({ min: 0, max: lawyerCount - 1 }),
        worth: fc.integer({ min: 1, max: 100 }),
      }),
      { selector: (pair) => pair.lawyer, maxLength: lawyerCount },
    )
    .map((pairs) => ({ lawyers: pairs.map((pair) => pair.lawyer), worths: pairs.map((pair) => pair.worth) }))

/**
 * A flow solved once, then rounds of removals: in each, some survivors (placed or "nobody") are taken out, get new
 * pairs (as a survivor who lost a conflicted pair gets a longer prefix), and are placed again, in any order.
 */
const scenario = fc
  .record({ survivorCount: fc.integer({ min: 1, max: 9 }), lawyerCount: fc.integer({ min: 1, max: 5 }) })
  .chain(({ survivorCount, lawyerCount }) =>
    fc.record({
      places: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: lawyerCount, maxLength: lawyerCount }),
      initial: fc.array(pairsOf(lawyerCount), { minLength: survivorCount, maxLength: survivorCount }),
      rounds: fc.array(
        fc.array(fc.record({ survivor: fc.nat(survivorCount - 1), pairs: pairsOf(lawyerCount) }), {
          minLength: 1,
          maxLength: survivorCount,
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  )

const totalOf = (flow: BatchFlow, current: readonly TPairs[], firstPair: readonly number[]): number =>
  Array.from(flow.chosen).reduce((total, pair, survivor) => {
    if (pair === NOBODY) return total
    const pairs = current[survivor] as TPairs
    return total + (pairs.worths[pair - (firstPair[survivor] as number)] as number)
  }, 0)

/** The cold solve of the same pairs: a new flow, every survivor placed once. */
const coldTotal = (places: Int32Array, current: readonly TPairs[]): number => {
  const flow = new BatchFlow(current.length, places)
  const firstPair: number[] = []
  let next = 0
  current.forEach((pairs, survivor) => {
    firstPair.push(next)
    next += pairs.lawyers.length
    flow.setPairs(survivor, pairs.lawyers, pairs.worths)
  })
  current.forEach((_, survivor) => flow.place(survivor))
  expect(flow.certify()).toBe(true)
  return totalOf(flow, current, firstPair)
}

describe('batch flow, warm start between rounds', () => {
  it('after survivors are taken out, given new pairs and placed again, reaches the cold solve’s optimum', () => {
    fc.assert(
      fc.property(scenario, ({ places: placeList, initial, rounds }) => {
        const places = Int32Array.from(placeList)
        const flow = new BatchFlow(initial.length, places)
        const current = [...initial]
        const firstPair: number[] = []
        let next = 0
        current.forEach((pairs, survivor) => {
          firstPair.push(next)
          next += pairs.lawyers.length
          flow.setPairs(survivor, pairs.lawyers, pairs.worths)
        })
        current.forEach((_, survivor) => flow.place(survivor))
        expect(flow.certify()).toBe(true)
        for (const removals of rounds) {
          const taken: number[] = []
          for (const { survivor, pairs } of removals) {
            if (taken.includes(survivor)) continue
            taken.push(survivor)
            flow.unplace(survivor)
            expect(flow.chosen[survivor]).toBe(PENDING)
            flow.setPairs(survivor, pairs.lawyers, pairs.worths)
            current[survivor] = pairs
            firstPair[survivor] = next
            next += pairs.lawyers.length
          }
          for (const survivor of taken) flow.place(survivor)
          expect(flow.certify()).toBe(true)
          expect(totalOf(flow, current, firstPair)).toBe(coldTotal(places, current))
        }
      }),
      { numRuns: 500, seed: 1302 },
    )
  })

  it('gives the place a survivor left to the best of those waiting for it, moving others as needed', () => {
    // Lawyer 0 (one place) is worth 100 to survivor 0, 90 to survivor 1; lawyer 1 (one place) 50 to survivor 1.
    const flow = new BatchFlow(2, Int32Array.from([1, 1]))
    flow.setPairs(0, [0], [100])
    flow.setPairs(1, [0, 1], [90, 50])
    flow.place(0)
    flow.place(1)
    expect([...flow.chosen]).toEqual([0, 2])
    // Survivor 0's pair turns out conflicted: they keep no pair; survivor 1 moves to lawyer 0 (90 beats 50).
    flow.unplace(0)
    flow.setPairs(0, [], [])
    flow.place(0)
    expect([...flow.chosen]).toEqual([NOBODY, 1])
    expect(flow.certify()).toBe(true)
  })
})
