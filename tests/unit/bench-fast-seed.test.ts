/**
 * The bench's fast seeding (bench/support/fast-seed.ts) must not drift from the app: a case it writes is found by
 * every kind of search exactly like the same intake saved by a caseworker through the intake service, and what the
 * search reads of it (stored names, match keys) is the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedSyntheticCases } from '../../bench/support/fast-seed'
import { searchesFrom } from '../../bench/support/workloads'
import type { TCaseSample } from '../../bench/support/caseload'
import { sql } from '../../src/main/core/db/sql'
import type { TVaultServices } from '../../src/main/core/services'
import { syntheticCaseload } from '#test-support/synthetic'
import { createTestVault, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'

const TODAY = new Date('2026-11-27T12:00:00Z')
const COUNT = 40
const SEED = 5

const intakes = [
  ...syntheticCaseload({ count: COUNT, seed: SEED, today: TODAY, batchSize: COUNT, caseworkers: 0 }),
].flat()

describe('the fast seeding writes cases the search finds as it finds typed-in ones', () => {
  let seededRoot: string
  let typedRoot: string
  let seeded: TVaultServices
  let typed: TVaultServices

  beforeAll(async () => {
    seededRoot = makeTempFolder()
    typedRoot = makeTempFolder()
    seeded = await createTestVault(seededRoot, { now: () => TODAY.getTime() })
    typed = await createTestVault(typedRoot, { now: () => TODAY.getTime() })
    // In two goes, the second resuming where the first stopped, in transactions smaller than the caseload.
    seedSyntheticCases(seeded, { count: 25, seed: SEED, today: TODAY, transaction: 15 })
    const result = seedSyntheticCases(seeded, { count: COUNT, seed: SEED, today: TODAY, transaction: 15 })
    expect(result).toMatchObject({ count: COUNT, added: COUNT - 25 })
    for (const { intake } of intakes) {
      const reviewedCandidates = typed.intake.findDuplicates(intake).map((candidate) => candidate.caseId)
      typed.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates })
    }
  }, 120_000)
  afterAll(() => {
    seeded.vault.lock()
    typed.vault.lock()
    removeFolder(seededRoot)
    removeFolder(typedRoot)
  })

  /** What the search reads besides the index, by reference: the stored names and the duplicate check's keys. */
  const derived = (services: TVaultServices) =>
    services.vault.session().db.all(
      sql`SELECT c.reference, n.names,
              (SELECT group_concat(k.key, ' ') FROM (SELECT key FROM match_keys WHERE owner_id = c.id ORDER BY key) k) AS keys
            FROM cases c LEFT JOIN case_names n ON n.case_id = c.id ORDER BY c.reference`,
    )

  it('stores the same names and match keys for every case, under the same references', () => {
    const stored = derived(seeded)
    expect(stored).toHaveLength(COUNT)
    expect(stored).toEqual(derived(typed))
  })

  it('finds each case under every kind of search alike, with the same reasons', () => {
    const references = seeded.vault
      .session()
      .db.column<string>(sql`SELECT reference FROM cases ORDER BY rowid`)
    const samples: TCaseSample[] = intakes.map(({ intake }, index) => ({
      reference: references[index] ?? '',
      caseId: '',
      plainCaseId: '',
      intake,
    }))
    // Order among equals follows status and time, which the two paths set differently: compare as sets.
    const found = (services: TVaultServices, search: string) =>
      services.caseList
        .list({ search, limit: 100 })
        .rows.map(({ reference, displayName, whyMatched }) => ({ reference, displayName, whyMatched }))
        .sort((left, right) => left.reference.localeCompare(right.reference))
    let hits = 0
    for (const search of searchesFrom(samples, 64)) {
      const fromSeeded = found(seeded, search.text)
      hits += fromSeeded.length
      expect(fromSeeded, `${search.kind}: ${search.text}`).toEqual(found(typed, search.text))
    }
    // Not an empty comparison: most of the 56 searches that are not "no match" find their case.
    expect(hits).toBeGreaterThan(48)
  })
})
