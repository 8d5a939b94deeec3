/**
 * `npx tsx bench/search-recall.ts FOLDER [N]`: the search's recall at full scale, over a vault `measure-search.ts`
 * seeded in FOLDER (N cases, 100,000 by default; run that first). For sampled cases, the family name is spelled
 * otherwise as the unit recall test does (`similar-names.test.ts`: a vowel changed, a letter doubled or undoubled,
 * an "h" dropped) and every variant the duplicate check calls the same person is searched as "Given Variant". Prints
 * how many the first page (100 rows) finds, where the person stands in it, and the CPU of those searches, with the
 * load. Then its precision: how many results PRECISION random strings (as the unit test types them), the same with a
 * letter doubled, and as many invented two-word names (syllables of no tradition) get. `MISSES=all` lists every
 * miss. Synthetic data only; the vault is left as it was (apart from the audit entries of the searches).
 */
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { displayNameOf } from '../src/shared/cases/intake-schema'
import { scorePersonMatch } from '../src/main/core/person-matching'
import { sql } from '../src/main/core/db/sql'
import { variantsOf } from '#test-support/name-variants'
import { seededRandom, syntheticCaseload } from '#test-support/synthetic'
import { ADMIN_PASSPHRASE, newVaultServices } from '#test-support/vault-fixtures'
import { BENCH_TODAY } from './support/caseload'
import { median, ms, percentile, Series } from './support/measure'

const folder = process.argv[2] ?? ''
if (folder === '' || !existsSync(join(folder, 'vault')))
  throw new Error('usage: npx tsx bench/search-recall.ts FOLDER [N] (a vault seeded by measure-search.ts)')
const wanted = Number(process.argv[3] ?? 100_000)
const sampled = Number(process.env['SAMPLES'] ?? 150)
const precisionSearches = Number(process.env['PRECISION'] ?? 100)

const services = newVaultServices(folder, { now: () => BENCH_TODAY.getTime() })
if (services.vault.currentStaff() === null) await services.vault.unlock('alex.example', ADMIN_PASSPHRASE)
else services.recovery.confirm()
const db = () => services.vault.session().db
const count = db().value<number>(sql`SELECT count(*) FROM cases`) ?? 0

// Every n-th case of the import order, as measure-search.ts samples them (rowid = line - 1).
const every = Math.max(1, Math.floor(count / sampled))
const searches: { typed: string; shown: string }[] = []
for (const batch of syntheticCaseload({
  count: wanted,
  seed: 42,
  today: BENCH_TODAY,
  batchSize: 2_000,
  caseworkers: 0,
})) {
  for (const { line, intake } of batch) {
    const index = line - 2
    if (index >= count || index % every !== 0 || searches.length >= sampled * 4) continue
    const { givenNames, familyName } = intake.person
    if (givenNames === '' || familyName === '') continue
    const legal = `${givenNames} ${familyName}`
    for (const variant of variantsOf(familyName.toLowerCase())) {
      const typed = `${givenNames} ${variant}`
      if (scorePersonMatch({ names: [typed] }, { names: [legal] }).isLikelySame)
        searches.push({ typed, shown: displayNameOf(intake.person) })
    }
  }
}

const timed = new Series()
let found = 0
let first = 0
const positions: number[] = []
const missed: string[] = []
for (const { typed, shown } of searches) {
  let rows: { displayName: string }[] = []
  timed.time(() => {
    rows = services.caseList.list({ search: typed, limit: 100 }).rows
  })
  const at = rows.findIndex((row) => row.displayName === shown)
  if (at < 0) {
    missed.push(`${typed} → ${shown}`)
    continue
  }
  found += 1
  if (at === 0) first += 1
  positions.push(at)
}
process.stdout.write(
  `${count} cases, load ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}\n` +
    `variants the duplicate check accepts: ${searches.length}; on the first page ${found} (${ms((100 * found) / Math.max(1, searches.length))} %), first row ${first}; position p50 ${median(positions)}, p95 ${percentile(positions, 0.95)}\n` +
    `these searches: CPU p50 ${ms(median(timed.cpu))} ms, p95 ${ms(percentile(timed.cpu, 0.95))} ms\n` +
    `missed (synthetic): ${missed.slice(0, process.env['MISSES'] === 'all' ? missed.length : 12).join('; ')}\n`,
)

// Precision: what a search for nothing in particular brings. Random strings of 6 to 11 letters (as
// `similar-names.test.ts` types them), the same with one letter doubled, and two invented words of syllables.
const random = seededRandom(5)
const pick = (text: string): string => text[Math.floor(random() * text.length)] ?? ''
const randomWord = (): string => {
  const length = 6 + Math.floor(random() * 6)
  let word = ''
  for (let letter = 0; letter < length; letter++) word += pick('abcdefghijklmnopqrstuvwxyz')
  return word
}
const doubled = (word: string): string => {
  const at = Math.floor(random() * word.length)
  return word.slice(0, at + 1) + word.slice(at)
}
const syllables = (): string => {
  let word = ''
  for (let syllable = 0, count = 2 + Math.floor(random() * 2); syllable < count; syllable++)
    word += pick('bdfgklmnprstvz') + pick('aeiou')
  return word[0]?.toUpperCase() + word.slice(1)
}
const kinds: [string, () => string][] = [
  ['random string', randomWord],
  ['random string, a letter doubled', () => doubled(randomWord())],
  ['invented name', () => `${syllables()} ${syllables()}`],
]
for (const [kind, make] of kinds) {
  let results = 0
  let withAny = 0
  const examples: string[] = []
  for (let search = 0; search < precisionSearches; search++) {
    const typed = make()
    const { total } = services.caseList.list({ search: typed, limit: 100 })
    results += total
    if (total > 0) {
      withAny += 1
      if (examples.length < 5) examples.push(`${typed} (${total})`)
    }
  }
  process.stdout.write(
    `precision, ${kind}: ${precisionSearches} searches, ${withAny} with a result, ${results} results${examples.length > 0 ? `: ${examples.join(', ')}` : ''}\n`,
  )
}
services.vault.lock()
