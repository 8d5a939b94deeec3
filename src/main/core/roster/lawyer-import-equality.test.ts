import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { syntheticLawyerCsv } from '#test-support/synthetic'
import { createTestVault } from '#test-support/vault-fixtures'
import { sql } from '../db/sql'
import type { TVaultServices } from '../services'
import { importSignUpsAsTheScreenDoes } from '../../../../bench/support/sign-up-import'

/**
 * The roster a sign-up file leaves, as stored: every column of every roster table, each lawyer named by email (ids
 * and times differ per run), in a fixed order. Its hash is pinned: the import's speed work must store the same bytes.
 */
function storedRoster(services: TVaultServices): string {
  const { db } = services.vault.sessions.require()
  const lawyers = db.all<Record<string, unknown>>(sql`SELECT * FROM lawyers ORDER BY email`)
  const emailOf = new Map(lawyers.map((row) => [row['id'], row['email']]))
  const withoutIds = (rows: Record<string, unknown>[]): unknown[] =>
    rows
      .map(({ id: _id, created_at: _c, updated_at: _u, created_by: _b, lawyer_id, ...rest }) => ({
        ...(lawyer_id === undefined ? {} : { lawyer: emailOf.get(lawyer_id) }),
        ...rest,
      }))
      .map((row) => JSON.stringify(row))
      .sort()
  return JSON.stringify({
    lawyers: withoutIds(lawyers),
    memberships: withoutIds(db.all(sql`SELECT * FROM lawyer_memberships`)),
    onCall: withoutIds(db.all(sql`SELECT * FROM lawyer_on_call`)),
    conflictLists: withoutIds(db.all(sql`SELECT * FROM lawyer_conflict_lists`)),
  })
}

describe('the sign-up import stores the same roster', () => {
  const root = tempFolderPerTest()

  it('imports the sign-up generator’s file into exactly the roster it did before the speed work', async () => {
    const services = await createTestVault(root())
    const csv = syntheticLawyerCsv(300, 7)
    const { result } = await importSignUpsAsTheScreenDoes(services, csv)
    expect(result).toEqual({ added: 300, updated: 0, skipped: 0 })
    const stored = storedRoster(services)
    const tables = JSON.parse(stored) as Record<string, unknown[]>
    // Every table has rows: the hash below covers lawyers, memberships, on-call slices and conflict lists alike.
    expect(Object.values(tables).map((rows) => rows.length > 0)).toEqual([true, true, true, true])
    // Pinned on main (5b5078a) with csv-parse, the per-row fields and the JSON bulk inserts of that commit.
    expect(createHash('sha256').update(stored).digest('hex')).toBe(
      '6953da420d1f414bacf0eaedece1c34e28cfbc168a4b0f910416b2e077f0816b',
    )
  })
})
