import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake, type TIntake } from '../../../shared/cases/intake-schema'
import { createTestVault } from '#test-support/vault-fixtures'
import { tempFolderPerTest } from '#test-support/per-test'
import { sql } from '../db/sql'
import type { TVaultServices } from '../services'
import { matchKeysOf, stateFromIntake } from './case-records'
import { BulkWriteMisuse, CaseWriter } from './case-writer'
import { stateOf } from './case-views'

/** Invented people, each with a name of their own (their keys differ) and an alias. */
function invented(index: number): TIntake {
  const draft = emptyIntake('2026-11-20')
  draft.person.familyName = `Testperson${'abcdefghij'[index % 10] ?? ''}${index}`
  draft.person.givenNames = ['Amina', 'Bashir', 'Chidi', 'Dawit', 'Esra'][index % 5] ?? 'Fatou'
  draft.person.aliases = [`Umm Testalias${index}`]
  return draft
}

const expectedKeys = (intake: TIntake): string[] => [...new Set(matchKeysOf(stateFromIntake(intake)))].sort()

describe('a case writer in bulk (the intakes import)', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices

  beforeEach(async () => {
    services = await createTestVault(root())
  })
  afterEach(() => services.vault.lock())

  const db = () => services.vault.session().db
  const keysOf = (caseId: string) =>
    db().column<string>(
      sql`SELECT key FROM match_keys WHERE owner_type = 'case' AND owner_id = ${caseId} ORDER BY key`,
    )
  const held = () => db().value<number>(sql`SELECT count(*) FROM temp.held_match_keys`) ?? 0
  const count = (table: 'cases' | 'match_keys') =>
    db().value<number>(sql`SELECT count(*) FROM ${table === 'cases' ? sql`cases` : sql`match_keys`}`) ?? 0

  it('writes every case its own match keys, across batches and the last partial one, as one case at a time would', () => {
    const writer = new CaseWriter(services.vault.session(), null)
    const intakes = Array.from({ length: 7 }, (_, index) => invented(index))
    const created = writer.repository.transaction(() =>
      writer.bulk(
        () =>
          intakes.map((intake, index) => {
            const { caseId } = writer.createCase(intake)
            // A batch is written when it is full (memory holds one batch of keys), the rest wait.
            if (index === 2) {
              expect(keysOf(caseId)).toEqual(expectedKeys(intake))
              expect(held()).toBe(0)
            }
            if (index === 3) expect(keysOf(caseId)).toEqual([])
            return caseId
          }),
        3,
      ),
    )
    // The hold is gone with the bulk (a temporary table of the connection, in memory).
    expect(
      db().value<number>(sql`SELECT count(*) FROM temp.sqlite_master WHERE name = 'held_match_keys'`),
    ).toBe(0)
    created.forEach((caseId, index) =>
      expect(keysOf(caseId)).toEqual(expectedKeys(intakes[index] as TIntake)),
    )
    expect(count('match_keys')).toBe(intakes.reduce((sum, intake) => sum + expectedKeys(intake).length, 0))
    // The ids are time-ordered (UUIDv7): in the order the cases were created, so their B-trees append.
    expect(created.every((id) => id[14] === '7')).toBe(true)
    expect([...created].sort()).toEqual(created)
    // The duplicate check finds a bulk-written person by their keys.
    const keys = expectedKeys(intakes[4] as TIntake)
    expect(writer.repository.ownersSharingKeys('case', keys, 1)).toEqual([created[4]])
  })

  it('rolls back every case and key, flushed batches included, when the transaction fails', () => {
    const writer = new CaseWriter(services.vault.session(), null)
    expect(() =>
      writer.repository.transaction(() =>
        writer.bulk(() => {
          for (let index = 0; index < 5; index += 1) writer.createCase(invented(index))
          throw new Error('a disk error mid-import')
        }, 2),
      ),
    ).toThrow('a disk error mid-import')
    expect(count('cases')).toBe(0)
    expect(count('match_keys')).toBe(0)
  })

  it('is back to random ids and keys written at once after the bulk, even a failed one', () => {
    const writer = new CaseWriter(services.vault.session(), null)
    expect(() =>
      writer.bulk(() => {
        throw new Error('stop')
      }),
    ).toThrow('stop')
    const intake = invented(1)
    const { caseId } = writer.createCase(intake)
    expect(caseId[14]).toBe('4')
    expect(keysOf(caseId)).toEqual(expectedKeys(intake))
  })
  it('refuses anything but a create inside it (its held keys are only inserted), and writes nothing of it', () => {
    const writer = new CaseWriter(services.vault.session(), null)
    const before = invented(1)
    const { caseId: existing } = writer.createCase(before)
    const renamed = stateOf(writer.requireCase(existing))
    renamed.profile.person.familyName = 'Testrenamed'
    const at = writer.nowIso()
    const misuses: [string, (created: string) => void][] = [
      ['editCase', () => writer.editCase(writer.requireCase(existing), renamed, at)],
      ['addIntakeToCase', () => writer.addIntakeToCase(writer.requireCase(existing), invented(2))],
      [
        'rewriteCase',
        () => writer.rewriteCase(writer.requireCase(existing), renamed, { status: 'closed' }, at),
      ],
      ['event', () => writer.event(existing, 'note', at, 'A synthetic note', {}, at)],
      [
        'reindex',
        () => writer.reindex(existing, writer.requireCase(existing).rowid, 'CCIJ-2026-0001', renamed.profile),
      ],
      // Even the case this bulk just created: its keys are held, and a change would add to them.
      ['editCase', (created) => writer.editCase(writer.requireCase(created), renamed, at)],
      ['bulk inside a bulk', () => writer.bulk(() => writer.createCase(invented(3)))],
    ]
    for (const [what, misuse] of misuses) {
      expect(
        () =>
          writer.repository.transaction(() =>
            writer.bulk(() => {
              const { caseId } = writer.createCase(invented(4))
              misuse(caseId)
            }),
          ),
        what,
      ).toThrow(BulkWriteMisuse)
      // The transaction rolled back: the existing case, its keys and entries are as they were, nothing was added.
      expect(count('cases'), what).toBe(1)
      expect(keysOf(existing), what).toEqual(expectedKeys(before))
      expect(stateOf(writer.requireCase(existing)).profile.person.familyName, what).toBe(
        before.person.familyName,
      )
    }
    // Outside a bulk the same edit is allowed, and replaces the case's keys.
    writer.editCase(writer.requireCase(existing), renamed, at)
    expect(keysOf(existing)).not.toEqual(expectedKeys(before))
  })
})
