/** A source of numbers in [0, 1), deterministic for its seed. */
export type TRandom = () => number

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): TRandom {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(random: TRandom, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)] as T

/**
 * Zipf-like: the first values are drawn far more often than the last, as a few names, cities and perpetrators
 * account for much of a real caseload. `steepness` 1 is uniform; 2.5 makes the first tenth about half the draws.
 */
export const skewed = <T>(random: TRandom, values: readonly T[], steepness = 2.5): T =>
  values[Math.floor(random() ** steepness * values.length)] as T

export const chance = (random: TRandom, probability: number): boolean => random() < probability

/** An integer from `min` to `max`, both included. */
export const between = (random: TRandom, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1))

/** Weights as running totals, made once per weights object (drawing is the generator's hottest path). */
const cumulative = new WeakMap<object, { keys: string[]; totals: number[] }>()

function tableOf(weights: Readonly<Partial<Record<string, number>>>): { keys: string[]; totals: number[] } {
  let table = cumulative.get(weights)
  if (table === undefined) {
    const keys: string[] = []
    const totals: number[] = []
    let total = 0
    for (const [key, weight] of Object.entries(weights)) {
      if (weight === undefined) continue
      total += weight
      keys.push(key)
      totals.push(total)
    }
    table = { keys, totals }
    cumulative.set(weights, table)
  }
  return table
}

/** One key of `weights`, drawn in proportion to its weight. */
export function weighted<K extends string>(
  random: TRandom,
  weights: Readonly<Partial<Record<K, number>>>,
): K {
  const { keys, totals } = tableOf(weights)
  const roll = random() * (totals.at(-1) ?? 0)
  const index = totals.findIndex((total) => roll < total)
  return keys[index === -1 ? keys.length - 1 : index] as K
}

/** A derived seed, so each kind of data (people, lawyers, referrals) has its own stream for one run's seed. */
export const subSeed = (seed: number, stream: number): number =>
  Math.imul(seed ^ 0x9e3779b9, stream + 1) >>> 0
