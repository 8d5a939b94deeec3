import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, rmSync } from 'node:fs'
import { createHash } from 'node:crypto'
import {
  addTestCaseworker,
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  createTestVault,
  vaultKeysOf,
} from '#test-support/vault-fixtures'
import { tempFolderPerTest } from '#test-support/per-test'
import type { Connection } from '../db/connection'
import { openEncryptedDatabase, type TDatabase } from '../db/open-database'
import type { TVaultServices } from '../services'
import { canonicalJson } from './audit-chain'
import { AuditRepository } from './audit-repository'

/**
 * Edit vault.db the way a colleague holding only the database key could, behind the app's back: here a caseworker,
 * whose slot is granted K_vault and K_case but not K_admin.
 */
async function tamper(root: string, edit: (db: TDatabase) => void): Promise<void> {
  const { vault: key, files, admin } = await vaultKeysOf(root, 'casey.example', CASEWORKER_PASSPHRASE)
  expect(admin).toBeNull()
  const db = openEncryptedDatabase(files.vault, key)
  try {
    edit(db)
  } finally {
    db.close()
  }
}

describe('audit trail', () => {
  const root = tempFolderPerTest()
  let vault: TVaultServices['vault']
  let audit: TVaultServices['audit']
  beforeEach(async () => {
    let accounts: TVaultServices['accounts']
    ;({ vault, audit, accounts } = await createTestVault(root()))
    await addTestCaseworker(accounts)
    const actor = { accountId: 'a-1', username: 'alex.example' }
    const trail = new AuditRepository(vault.session().db)
    trail.append(actor, 'record.viewed', { type: 'survivor', id: 's-1' }, { fields: ['names'] })
    trail.append(actor, 'record.changed', { type: 'survivor', id: 's-1' }, { fields: ['urgency'] })
    trail.append(actor, 'packet.printed', { type: 'referral', id: 'r-1' }, { recipient: 'lawyer' })
    expect(audit.verify()).toMatchObject({
      ok: true,
      status: 'intact',
      checked: 7,
      firstBadSeq: null,
      reason: null,
    })
    vault.lock()
  })
  afterEach(() => vault.lock())

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    )
  })

  it('filters by action, actor and date, newest first, with paging', async () => {
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(audit.list({ action: 'record.viewed' }).entries.map((entry) => entry.targetId)).toEqual(['s-1'])
    const page = audit.list({ actorUsername: 'ALEX.EXAMPLE', limit: 2, offset: 1 })
    expect(page.total).toBe(9)
    expect(page.entries.map((entry) => entry.seq)).toEqual([8, 7])
    expect(audit.list({ from: '2999-01-01T00:00:00Z' }).total).toBe(0)
    expect(audit.list({ to: '2999-01-01T00:00:00Z' }).total).toBe(9)
  })

  it('detects an edited entry', async () => {
    await tamper(root(), (db) =>
      db.prepare(`UPDATE audit_log SET details = '{"fields":["notes"]}' WHERE seq = 6`).run(),
    )
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(audit.verify()).toMatchObject({
      ok: false,
      status: 'edited',
      firstBadSeq: 6,
      reason: expect.stringMatching(/edited/),
    })
  })

  it('detects a deleted entry', async () => {
    await tamper(root(), (db) => db.prepare('DELETE FROM audit_log WHERE seq = 5').run())
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(audit.verify()).toMatchObject({ ok: false, firstBadSeq: 6 })
  })

  it('detects reordered entries', async () => {
    await tamper(root(), (db) =>
      db.transaction(() => {
        // Swap entries 5 and 6, hashes included.
        db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 5').run()
        db.prepare('UPDATE audit_log SET seq = 5 WHERE seq = 6').run()
        db.prepare('UPDATE audit_log SET seq = 6 WHERE seq = -1').run()
      })(),
    )
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(audit.verify()).toMatchObject({ ok: false, firstBadSeq: 5 })
  })

  // Finding 5: with only a hash chain, a colleague holding the database key could delete an entry and re-chain the
  // rest, and it verified as intact. The admin-sealed checkpoint outside the database catches it.
  it('a trail rewritten and re-chained by a colleague holding the database key is reported as rewritten', async () => {
    await tamper(root(), (db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = 5').run()
      rechain(db)
    })
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(audit.verify()).toMatchObject({ ok: false, status: 'rewritten' })
    // The admin's unlock did not bless it: still rewritten on the next check, and after a lock and unlock.
    vault.lock()
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(audit.verify()).toMatchObject({ ok: false, status: 'rewritten' })
  })

  it('deleting the newest entries (or putting back an older database) is reported as truncated', async () => {
    // Entries 6–8 were sealed at the last lock; the admin's unlock then adds entry 6 again.
    await tamper(root(), (db) => db.prepare('DELETE FROM audit_log WHERE seq >= 6').run())
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(audit.verify()).toMatchObject({ ok: false, status: 'truncated', firstBadSeq: 7 })
  })

  it('a deleted or forged checkpoint file is reported, never silently replaced', async () => {
    const { files } = await vaultKeysOf(root())
    rmSync(files.anchor)
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(existsSync(files.anchor)).toBe(false)
    expect(audit.verify()).toMatchObject({ ok: false, status: 'anchor-missing' })
  })

  it('entries written by a colleague after the last admin session are counted as not yet sealed', async () => {
    await vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
    vault.lock()
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    // The admin's unlock sealed them (and its own entry) after checking they follow from the checkpoint.
    expect(audit.verify()).toMatchObject({ ok: true, status: 'intact', unsealedCount: 0 })
    const sealed = audit.verify().sealedThroughSeq ?? 0
    vault.lock()
    await vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
    vault.lock()
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(sealed).toBeGreaterThan(8)
  })
  // A search's `cases.searched` entry writes vault.db only. Taking every attached file's write lock made SQLite commit
  // it through a super-journal across both files (its own file, three more fsyncs and two of the folder): the
  // entry's write lock is vault.db's alone, taken before its last entry is read.
  it('an entry takes the write lock of vault.db only, never casework.db’s', async () => {
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    const keys = await vaultKeysOf(root())
    if (keys.case === null) throw new Error('the admin holds the case key')
    ;(vault.session().db as Connection).database.pragma('busy_timeout = 50')
    const colleague = openEncryptedDatabase(keys.files.casework, keys.case)
    try {
      colleague.exec('BEGIN IMMEDIATE')
      vault.session().audit.record('cases.searched', null, { words: 1, results: 0 })
      colleague.exec('COMMIT')
      // vault.db's own lock is still taken: a colleague holding it keeps the entry out, and the chain unbroken.
      colleague.close()
      const other = openEncryptedDatabase(keys.files.vault, keys.vault)
      try {
        other.exec('BEGIN IMMEDIATE')
        expect(() => vault.session().audit.record('cases.searched', null, { words: 1, results: 0 })).toThrow(
          /locked|busy/i,
        )
        other.exec('COMMIT')
      } finally {
        other.close()
      }
    } finally {
      if (colleague.open) colleague.close()
    }
    expect(audit.list({ action: 'cases.searched' }).total).toBe(1)
    expect(audit.verify()).toMatchObject({ ok: true, status: 'intact' })
  })
})

/** Recompute every hash after an edit, as an insider would to hide it: the chain alone then verifies. */
function rechain(db: TDatabase): void {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[]
  let prevHash = '0'.repeat(64)
  let seq = 1
  db.prepare('DELETE FROM audit_log').run()
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, at, actor_account_id, actor_username, action, target_type, target_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  for (const row of rows) {
    const fields = {
      seq,
      at: row['at'],
      actorAccountId: row['actor_account_id'],
      actorUsername: row['actor_username'],
      action: row['action'],
      targetType: row['target_type'],
      targetId: row['target_id'],
      details: JSON.parse(String(row['details'])),
    }
    const hash = createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex')
    insert.run(
      seq,
      row['at'],
      row['actor_account_id'],
      row['actor_username'],
      row['action'],
      row['target_type'],
      row['target_id'],
      row['details'],
      prevHash,
      hash,
    )
    prevHash = hash
    seq++
  }
}
