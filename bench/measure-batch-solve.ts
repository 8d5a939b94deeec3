/**
 * `npx tsx bench/measure-batch-solve.ts [SURVIVORS] [LAWYERS] [RUNS] [SEED]`: the batch's lazy solve alone
 * (`assignColumnsAvoiding`: prefixes, solves, rounds), without a vault or the scorer, on a random instance shaped
 * like the bench's: SURVIVORS × LAWYERS (1,000 × 10,000 by default), each survivor eligible for about two thirds of
 * the lawyers with integer scores 0–200, lawyers with 1–3 free places, and conflicts drawn at random (a few
 * survivors in seven conflicted with three lawyers in ten, the rest with three pairs in a hundred), answered at once (no
 * lists read). Prints per run the CPU time of the whole solve, the rounds, pairs checked, the objective and a
 * fingerprint of the pairs, so two versions can be held to the same optimum.
 */
import { createHash } from 'node:crypto'
import { loadavg } from 'node:os'
import { assignColumnsAvoiding } from '../src/main/core/matching/batch-lazy-assignment'

const survivors = Number(process.argv[2] ?? 1_000)
const lawyerCount = Number(process.argv[3] ?? 10_000)
const runs = Number(process.argv[4] ?? 3)
let seed = Number(process.argv[5] ?? 11)
/** Mulberry32: the same instance every run and on every version. */
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const capacities = Array.from({ length: lawyerCount }, () => 1 + Math.floor(random() * 3))
const base = Array.from({ length: lawyerCount }, () => Math.floor(random() * 80))
const columns = Array.from({ length: survivors }, () => {
  const lawyers: number[] = []
  const scores: number[] = []
  for (let lawyer = 0; lawyer < lawyerCount; lawyer++) {
    if (random() < 0.36) continue
    lawyers.push(lawyer)
    scores.push((base[lawyer] as number) + Math.floor(random() * 4) * 20 + Math.floor(random() * 60))
  }
  return { urgent: random() < 0.05, lawyers, scores }
})
const manyConflicts = new Set(
  Array.from({ length: survivors }, (_, survivor) => survivor).filter(() => random() < 0.15),
)
/** A pair's conflict, drawn from a hash of the pair: the same answer however often and in whatever order asked. */
const isConflicted = (survivor: number, lawyer: number): boolean => {
  let h = Math.imul(survivor + 1, 0x9e3779b1) ^ Math.imul(lawyer + 1, 0x85ebca77)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae3d)
  const unit = ((h ^ (h >>> 16)) >>> 0) / 4294967296
  return unit < (manyConflicts.has(survivor) ? 0.3 : 0.03)
}

const cpu = (): number => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
for (let run = 0; run < runs; run++) {
  const before = cpu()
  const started = performance.now()
  const result = assignColumnsAvoiding(columns, capacities, (questions) =>
    questions.map(
      ({ survivor, lawyers }) => new Set(lawyers.filter((lawyer) => isConflicted(survivor, lawyer))),
    ),
  )
  const cpuMs = cpu() - before
  const wallMs = performance.now() - started
  const pairs = createHash('sha256').update(result.assignment.join(',')).digest('hex').slice(0, 16)
  const { urgentAssigned, assigned, totalScore } = result.objective
  process.stdout.write(
    `run ${run + 1}: CPU ${cpuMs.toFixed(0)} ms, wall ${wallMs.toFixed(0)} ms; ${result.rounds} solves, ${result.pairsChecked} pairs checked (${result.pairsConflicted} conflicted), ${result.pairsUsed} pairs in the last graph; ${assigned} assigned (${urgentAssigned} urgent), total score ${totalScore}, proven ${result.proven}, pairs ${pairs}; load ${loadavg()[0]?.toFixed(1)}\n`,
  )
}
