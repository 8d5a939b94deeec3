import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempFolder, removeFolder } from '#test-support/temp-folder'
import type { TAuditAction } from '../../../shared/contract/audit'
import { AuditRepository } from '../audit/audit-repository'
import { Connection } from '../db/connection'
import type { TDatabase } from '../db/open-database'
import { createVaultDatabase, openVaultDatabase } from './open-vault-database'
import { rolledBackTail } from './restore-summary'
import type { VaultKeeper } from './vault-keeper'
import type { VaultSession } from './vault-session'

/*
 * restore-summary.ts alone: two bare migrated vault.db files under one test key stand for the current vault and
 * the restored one (no keyring, no services). Entries appended with the same fields and times hash the same, so a
 * trail made of the same appends is the backup's ancestor, and one differing entry makes the two diverge. The
 * restore that records this summary is tested in tests/unit/backup-restore-faults.test.ts.
 */

const KEY = randomBytes(32)
const ADMIN = { accountId: 'acct-admin', username: 'alex.example' }
const T0 = Date.parse('2026-12-01T09:00:00Z')

let root = ''
const opened: TDatabase[] = []
/** Every database the summary opened itself (through the keeper), to check it closed them all. */
const probes: TDatabase[] = []

beforeEach(() => {
  root = makeTempFolder()
})
afterEach(() => {
  for (const database of [...opened, ...probes]) if (database.open) database.close()
  opened.length = 0
  probes.length = 0
  removeFolder(root)
})

/** A migrated vault.db at `name` under the test key, and its trail. */
function vaultDb(name: string): { file: string; database: TDatabase; trail: AuditRepository } {
  const file = join(root, name)
  const database = createVaultDatabase(file, KEY)
  opened.push(database)
  return { file, database, trail: new AuditRepository(new Connection(database)) }
}

/** Appends `actions` in order, one minute apart from minute `from` (same inputs, same hashes). */
function append(trail: AuditRepository, actions: TAuditAction[], from = 0): void {
  actions.forEach((action, index) =>
    trail.append(ADMIN, action, null, {}, new Date(T0 + (from + index) * 60_000)),
  )
}

const keeper = {
  openDatabase(file: string, key: Buffer): TDatabase {
    const probe = openVaultDatabase(file, key)
    probes.push(probe)
    return probe
  },
} as unknown as VaultKeeper

const sessionOver = (trail: AuditRepository): VaultSession => ({ trail }) as unknown as VaultSession

const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString()

describe('rolledBackTail', () => {
  it('counts the current entries newer than the backup’s head, per action, from the seq after it', () => {
    const backup = vaultDb('backup.db')
    const current = vaultDb('current.db')
    const shared: TAuditAction[] = ['vault.created', 'unlock.succeeded', 'backup.created']
    append(backup.trail, shared)
    append(current.trail, shared)
    append(current.trail, ['record.viewed', 'record.changed', 'record.viewed', 'lock'], 3)
    const head = current.trail.head()

    const summary = rolledBackTail(sessionOver(current.trail), keeper, backup.file, KEY)

    expect(summary).toEqual({
      count: 4,
      fromSeq: 4,
      toSeq: 7,
      headHash: head?.hash,
      lastAt: at(6),
      actions: { 'record.viewed': 2, 'record.changed': 1, lock: 1 },
      diverged: false,
    })
    expect(head?.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(probes).toHaveLength(1)
    expect(probes[0]?.open).toBe(false)
  })

  it('nothing newer than the backup: a count of 0, no first seq, no last time, the head still named', () => {
    const backup = vaultDb('backup.db')
    const current = vaultDb('current.db')
    append(backup.trail, ['vault.created', 'unlock.succeeded'])
    append(current.trail, ['vault.created', 'unlock.succeeded'])

    expect(rolledBackTail(sessionOver(current.trail), keeper, backup.file, KEY)).toEqual({
      count: 0,
      fromSeq: null,
      toSeq: 2,
      headHash: current.trail.head()?.hash,
      lastAt: null,
      actions: {},
      diverged: false,
    })
    expect(probes[0]?.open).toBe(false)
  })

  it('trails that differ at the backup’s head diverged: the whole current trail is rolled back, from seq 1', () => {
    const backup = vaultDb('backup.db')
    const current = vaultDb('current.db')
    append(backup.trail, ['vault.created', 'unlock.succeeded', 'export'])
    append(current.trail, ['vault.created', 'unlock.succeeded', 'record.viewed', 'lock'])

    expect(rolledBackTail(sessionOver(current.trail), keeper, backup.file, KEY)).toEqual({
      count: 4,
      fromSeq: 1,
      toSeq: 4,
      headHash: current.trail.head()?.hash,
      lastAt: at(3),
      actions: { 'vault.created': 1, 'unlock.succeeded': 1, 'record.viewed': 1, lock: 1 },
      diverged: true,
    })
  })

  it('a backup whose trail is longer than the current one did not come before it: diverged', () => {
    const backup = vaultDb('backup.db')
    const current = vaultDb('current.db')
    append(backup.trail, ['vault.created', 'unlock.succeeded', 'lock'])
    append(current.trail, ['vault.created', 'unlock.succeeded'])

    expect(rolledBackTail(sessionOver(current.trail), keeper, backup.file, KEY)).toMatchObject({
      count: 2,
      fromSeq: 1,
      toSeq: 2,
      diverged: true,
    })
  })

  it('a backup with an empty trail is an ancestor of any trail: every current entry, from seq 1', () => {
    const backup = vaultDb('backup.db')
    const current = vaultDb('current.db')
    append(current.trail, ['vault.created', 'unlock.succeeded'])

    expect(rolledBackTail(sessionOver(current.trail), keeper, backup.file, KEY)).toEqual({
      count: 2,
      fromSeq: 1,
      toSeq: 2,
      headHash: current.trail.head()?.hash,
      lastAt: at(1),
      actions: { 'vault.created': 1, 'unlock.succeeded': 1 },
      diverged: false,
    })
    expect(probes[0]?.open).toBe(false)
  })

  it('two empty trails: nothing rolled back, the current head seq 0 and no hash', () => {
    const backup = vaultDb('backup.db')
    const current = vaultDb('current.db')

    expect(rolledBackTail(sessionOver(current.trail), keeper, backup.file, KEY)).toEqual({
      count: 0,
      fromSeq: null,
      toSeq: 0,
      headHash: null,
      lastAt: null,
      actions: {},
      diverged: false,
    })
  })

  it('the backup’s database is closed even when reading its trail fails', () => {
    const current = vaultDb('current.db')
    const broken = {
      openDatabase(file: string, key: Buffer): TDatabase {
        const probe = openVaultDatabase(file, key)
        probes.push(probe)
        probe.exec('DROP TABLE audit_log')
        return probe
      },
    } as unknown as VaultKeeper
    const backupFile = vaultDb('backup.db').file

    expect(() => rolledBackTail(sessionOver(current.trail), broken, backupFile, KEY)).toThrow(/audit_log/)
    expect(probes[0]?.open).toBe(false)
  })
})
