import { performance } from 'node:perf_hooks'

/** Milliseconds `work` took. */
export function time(work: () => unknown): number {
  const started = performance.now()
  work()
  return performance.now() - started
}

export async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

/** The `fraction` percentile (nearest rank): 0.5 is the median, 0.95 the p95. NaN for no values. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] as number
}

export const median = (values: readonly number[]): number => percentile(values, 0.5)

export const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0)

/** A ratio to two decimals, as the figures are read. */
export const ratio = (numerator: number, denominator: number): number =>
  Math.round((numerator / denominator) * 100) / 100

/** Milliseconds to two decimals: finer than that is noise on a shared machine. */
export const ms = (value: number): number => Math.round(value * 100) / 100
