/**
 * Person matching in memory: one new intake scored against 100,000 synthetic people (cold: people prepared
 * during the search; warm: prepared once beforehand, as a cache would hold them), and the cost of
 * preparing a person and building their search keys. Names are drawn from small public name lists.
 */
import { performance } from 'node:perf_hooks'
import { findCandidates } from '../src/main/core/person-matching/candidates'
import { preparePerson } from '../src/main/core/person-matching/prepare'
import { buildSearchKeys } from '../src/main/core/person-matching/search-keys'
import type { Person } from '../src/main/core/person-matching/types'

const PEOPLE = 100_000
const RUNS = 5

const GIVEN = [
  'Mohammed',
  'Ahmad',
  'Fatima',
  'Aisha',
  'Omar',
  'Yusuf',
  'Olga',
  'Ivan',
  'Abebe',
  'Tigist',
  'Maria',
  'Jose',
  'Nguyen Van',
  'Ali Reza',
  'Abd al-Rahman',
  'Mariam',
  'Hassan',
  'Layla',
  'Dawit',
  'Selam',
  'Amina',
  'Karim',
  'Мария',
  'Ольга',
  'محمد',
  'فاطمة',
  'አበበ',
  'ትግስት',
  'Zainab',
  'Samir',
]
const FAMILY = [
  'Al-Hassan',
  'Haddad',
  'Kuznetsova',
  'Petrov',
  'Bikila',
  'Tesfaye',
  'Lopez',
  'Garcia',
  'An',
  'Tehrani',
  'Yousef',
  'Mansour',
  'Khalil',
  'Nasser',
  'Haile',
  'Girma',
  'Ibrahim',
  'Osman',
  'Rahimi',
  'Karimi',
  'Иванова',
  'Смирнов',
  'الحسن',
  'حداد',
  'ቢቂላ',
  'ተስፋዬ',
  'Ahmadi',
  'Hosseini',
  'Mohammadi',
  'Sultani',
]

/** A small deterministic generator, so every run measures the same caseload. */
const random = (() => {
  let state = 0x2545f491
  return (): number => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x1_0000_0000
  }
})()
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T
const pad = (value: number): string => String(value).padStart(2, '0')

const syntheticPerson = (): Person => {
  const names = [`${pick(GIVEN)} ${pick(FAMILY)}`]
  if (random() < 0.4) names.push(`${pick(GIVEN)} ${pick(GIVEN)} ${pick(FAMILY)}`)
  return {
    names,
    dateOfBirth:
      random() < 0.7
        ? `${1940 + Math.floor(random() * 70)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`
        : null,
    phones: random() < 0.5 ? [`+1 613 555 ${String(Math.floor(random() * 10_000)).padStart(4, '0')}`] : [],
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}
const report = (label: string, values: number[], unit = 'ms'): void => {
  const digits = unit === 'ms' ? 1 : 2
  process.stdout.write(
    `${label.padEnd(44)} median ${median(values).toFixed(digits)} ${unit}   (min ${Math.min(...values).toFixed(digits)}, max ${Math.max(...values).toFixed(digits)}, n=${values.length})\n`,
  )
}

const people = Array.from({ length: PEOPLE }, syntheticPerson)
const intake: Person = { names: ['Muhammad Alhasan', 'محمد الحسن'], dateOfBirth: '1980-05-12' }

const cold: number[] = []
for (let run = 0; run < 2; run++) {
  const started = performance.now()
  findCandidates(intake, people, { limit: 10 })
  cold.push(performance.now() - started)
}
report(`score 1 vs ${PEOPLE.toLocaleString('en')}, unprepared (cold)`, cold)

const preparing = performance.now()
const prepared = people.map(preparePerson)
const prepareTotal = performance.now() - preparing
report(`prepare ${PEOPLE.toLocaleString('en')} people (once)`, [prepareTotal])

const warm: number[] = []
let found = 0
for (let run = 0; run < RUNS; run++) {
  const started = performance.now()
  found = findCandidates(intake, prepared, { limit: 10 }).length
  warm.push(performance.now() - started)
}
report(`score 1 vs ${PEOPLE.toLocaleString('en')}, prepared (warm)`, warm)

const perPerson: number[] = []
for (let run = 0; run < RUNS; run++) {
  const sample = people.slice(run * 2_000, (run + 1) * 2_000)
  const started = performance.now()
  for (const person of sample) buildSearchKeys(person)
  perPerson.push(((performance.now() - started) * 1000) / sample.length)
}
report('build search keys, per person', perPerson, 'µs')
process.stdout.write(`(${found} candidates kept of ${PEOPLE.toLocaleString('en')})\n`)
