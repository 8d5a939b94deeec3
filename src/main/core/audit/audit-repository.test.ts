import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSPHRASE, createTestVault, vaultKeysOf } from '#test-support/vault-fixtures'
import { tempFolderPerTest } from '#test-support/per-test'
import { openEncryptedDatabase, type TDatabase } from '../db/open-database'
import type { TVaultServices } from '../services'
import { canonicalJson } from './audit-chain'
import { AuditRepository } from './audit-repository'

/** Edit the encrypted database the way someone holding the key could, behind the app's back. */
async function tamper(root: string, edit: (db: TDatabase) => void): Promise<void> {
  const { vault: key, files } = await vaultKeysOf(root)
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
    ;({ vault, audit } = await createTestVault(root()))
    const actor = { accountId: 'a-1', username: 'alex.example' }
    const trail = new AuditRepository(vault.session().db)
    trail.append(actor, 'record.viewed', { type: 'survivor', id: 's-1' }, { fields: ['names'] })
    trail.append(actor, 'record.changed', { type: 'survivor', id: 's-1' }, { fields: ['urgency'] })
    trail.append(actor, 'packet.printed', { type: 'referral', id: 'r-1' }, { recipient: 'lawyer' })
    expect(audit.verify()).toEqual({ ok: true, checked: 6, firstBadSeq: null, reason: null })
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
    expect(page.total).toBe(8)
    expect(page.entries.map((entry) => entry.seq)).toEqual([7, 6])
    expect(audit.list({ from: '2999-01-01T00:00:00Z' }).total).toBe(0)
    expect(audit.list({ to: '2999-01-01T00:00:00Z' }).total).toBe(8)
  })

  it('detects an edited entry', async () => {
    await tamper(root(), (db) =>
      db.prepare(`UPDATE audit_log SET details = '{"fields":["notes"]}' WHERE seq = 5`).run(),
    )
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(audit.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 5,
      reason: expect.stringMatching(/edited/),
    })
  })

  it('detects a deleted entry', async () => {
    await tamper(root(), (db) => db.prepare('DELETE FROM audit_log WHERE seq = 4').run())
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(audit.verify()).toMatchObject({ ok: false, firstBadSeq: 5 })
  })

  it('detects reordered entries', async () => {
    await tamper(root(), (db) =>
      db.transaction(() => {
        // Swap entries 4 and 5, hashes included.
        db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 4').run()
        db.prepare('UPDATE audit_log SET seq = 4 WHERE seq = 5').run()
        db.prepare('UPDATE audit_log SET seq = 5 WHERE seq = -1').run()
      })(),
    )
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(audit.verify()).toMatchObject({ ok: false, firstBadSeq: 4 })
  })
})
