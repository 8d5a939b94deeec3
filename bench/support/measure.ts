import { performance } from 'node:perf_hooks'

/** Milliseconds `work` took. */
export function time(work: () => unknown): number {
  const started = performance.now()
  work()
  return performance.now() - started
}

/**
 * Timings of one kind of call: wall-clock milliseconds (the figures: what a person waits) and this process's CPU
 * milliseconds (what the call costs when it has a core to itself; on a shared machine, wall time includes waiting
 * for one).
 */
export class Series {
  readonly wall: number[] = []
  readonly cpu: number[] = []

  time<T>(work: () => T): T {
    const cpu = process.cpuUsage()
    const started = performance.now()
    const result = work()
    this.wall.push(performance.now() - started)
    const used = process.cpuUsage(cpu)
    this.cpu.push((used.user + used.system) / 1000)
    return result
  }

  async timeAsync<T>(work: () => Promise<T>): Promise<T> {
    const cpu = process.cpuUsage()
    const started = performance.now()
    const result = await work()
    this.wall.push(performance.now() - started)
    const used = process.cpuUsage(cpu)
    this.cpu.push((used.user + used.system) / 1000)
    return result
  }

  /** "CPU time p50 1.2 ms, p95 3.4 ms": for the notes. */
  cpuSummary(): string {
    return `CPU time p50 ${ms(median(this.cpu))} ms, p95 ${ms(percentile(this.cpu, 0.95))} ms`
  }
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
