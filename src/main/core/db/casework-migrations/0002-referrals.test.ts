import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { migrate } from '../migrate'
import { applyVaultPragmas, openEncryptedDatabase } from '../open-database'
import { CASEWORK_MIGRATIONS } from '.'

describe('casework migration 2: referrals and conflict reviews', () => {
  const root = tempFolderPerTest()

  it('1 → 2 keeps the cases and adds referrals that refuse an unknown state and a review without reason', () => {
    const db = openEncryptedDatabase(join(root(), 'casework.db'), randomBytes(32), { create: true })
    applyVaultPragmas(db)
    expect(migrate(db, 1, CASEWORK_MIGRATIONS)).toBe(1)
    db.prepare(
      `INSERT INTO cases (id, reference, status, display_name, opened_on, created_at, updated_at)
       VALUES ('c1', 'CCIJ-2026-0001', 'awaiting_match', 'Synthetic Person', '2026-01-01', 'x', 'x')`,
    ).run()
    expect(migrate(db, 2, CASEWORK_MIGRATIONS)).toBe(2)
    expect(db.prepare('SELECT reference FROM cases').pluck().all()).toEqual(['CCIJ-2026-0001'])
    const insert = db.prepare(
      `INSERT INTO referrals (id, case_id, recipient_kind, recipient_id, recipient_name, state, holds_place,
         proposed_at, updated_at) VALUES (?, 'c1', 'lawyer', 'l1', 'Testlawyer', ?, 1, 'x', 'x')`,
    )
    insert.run('r1', 'proposed')
    expect(() => insert.run('r2', 'maybe')).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare(
          `INSERT INTO conflict_reviews (id, case_id, lawyer_id, hit_key, decision, reason, reviewed_at)
           VALUES ('v1', 'c1', 'l1', 'h', 'cleared', '  ', 'x')`,
        )
        .run(),
    ).toThrow(/CHECK/)
    db.prepare("DELETE FROM cases WHERE id = 'c1'").run()
    expect(db.prepare('SELECT count(*) FROM referrals').pluck().get()).toBe(0)
    db.close()
  })
})
