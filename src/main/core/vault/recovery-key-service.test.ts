import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { codeOfAsync, tempFolderPerTest } from '#test-support/per-test'
import type { TRole } from '../../../shared/roles'
import { AppError } from '../../../shared/result'
import { Connection } from '../db/connection'
import { VaultMetaRepository } from '../db/vault-meta-repository'
import { ONLY_ADMINS, type TSession } from '../session/session'
import type { TKeySlots } from './key-slots'
import { createVaultDatabase } from './open-vault-database'
import { RecoveryKeyService } from './recovery-key-service'
import type { TRekeyOptions, TRekeyReason } from './rekey'

/*
 * RecoveryKeyService alone, over a bare migrated vault.db and a session and key-slot port that record what they are
 * asked (no keys, no services): admins only, the confirmation cleared and audited with the replacement in one
 * transaction, and the rekey given the new key.
 */

const root = tempFolderPerTest()
let db: Connection
let role: TRole = 'admin'
let locked = false
/** What the service asked of the session and the port, in order. */
let calls: string[] = []
let rekeys: Array<{ reason: TRekeyReason; options: TRekeyOptions | undefined }> = []
let insideExclusive = false
let now = new Date('2026-12-01T09:00:00.000Z')
/** Set to make the audit entry fail (the transaction must then leave nothing). */
let failAudit = false

const VAULT_ID = 'vault-synthetic-0001'

const session = (): TSession =>
  ({
    db,
    vaultId: VAULT_ID,
    clock: { now: () => now },
    audit: {
      record: (action: string, target: unknown, details?: unknown) => {
        if (failAudit) throw new Error('synthetic audit failure')
        calls.push(
          `audit ${action} ${JSON.stringify(target)}${details === undefined ? '' : ` ${JSON.stringify(details)}`}`,
        )
      },
    },
    requireRole: (roles: readonly TRole[], refusal?: string) => {
      calls.push(`requireRole ${roles.join(',')} ${refusal}`)
      if (!roles.includes(role)) throw new AppError('FORBIDDEN', refusal ?? 'not allowed')
      return { accountId: 'account-1', username: 'alex.example', displayName: 'Alex', role }
    },
  }) as unknown as TSession

const sessions = {
  require: () => {
    if (locked) throw new AppError('LOCKED', 'The vault is locked.')
    return session()
  },
}

const keySlots = {
  exclusive: async <T>(operation: () => Promise<T>): Promise<T> => {
    calls.push('exclusive')
    insideExclusive = true
    try {
      return await operation()
    } finally {
      insideExclusive = false
    }
  },
  rekey: async (reason: TRekeyReason, options?: TRekeyOptions) => {
    calls.push(`rekey inside=${insideExclusive}`)
    rekeys.push({ reason, options })
    return { generation: 2 }
  },
} as unknown as TKeySlots

const service = () => new RecoveryKeyService(sessions, keySlots)
const confirmedAt = () => {
  const meta = new VaultMetaRepository(db).get()
  return meta === null ? 'no row' : meta.recoveryKeyConfirmedAt
}

beforeEach(() => {
  db = new Connection(createVaultDatabase(join(root(), 'vault.db'), randomBytes(32)))
  new VaultMetaRepository(db).create('Example Org', new Date('2026-11-01T00:00:00.000Z'))
  role = 'admin'
  locked = false
  calls = []
  rekeys = []
  failAudit = false
  now = new Date('2026-12-01T09:00:00.000Z')
})
afterEach(() => db.database.close())

describe('RecoveryKeyService', () => {
  it('confirm marks the key as stored at the clock’s time, with an audit entry', () => {
    service().confirm()
    expect(confirmedAt()).toBe('2026-12-01T09:00:00.000Z')
    expect(calls).toStrictEqual([
      `requireRole admin ${ONLY_ADMINS}`,
      `audit recovery.confirmed {"type":"vault","id":"${VAULT_ID}"}`,
    ])
  })

  it('status answers when the key was confirmed, or null', () => {
    expect(service().status()).toStrictEqual({ confirmedAt: null })
    service().confirm()
    expect(service().status()).toStrictEqual({ confirmedAt: '2026-12-01T09:00:00.000Z' })
  })

  it('status answers null for a vault with no row of its own (not a crash)', () => {
    db.database.exec('DELETE FROM vault_meta')
    expect(new VaultMetaRepository(db).get()).toBeNull()
    expect(service().status()).toStrictEqual({ confirmedAt: null })
  })

  it('replace makes a new key, clears the confirmation, audits it, then rekeys with the key, all in one turn', async () => {
    service().confirm()
    calls = []
    const onProgress = () => undefined
    const key = await service().replace({ onProgress } as TRekeyOptions)
    expect(key).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/)
    expect(confirmedAt()).toBeNull()
    expect(calls).toStrictEqual([
      'exclusive',
      `requireRole admin ${ONLY_ADMINS}`,
      `audit recovery.replaced {"type":"vault","id":"${VAULT_ID}"}`,
      'rekey inside=true',
    ])
    expect(rekeys).toStrictEqual([
      { reason: 'recovery-key-replaced', options: { onProgress, recoveryKey: key } },
    ])
    const second = await service().replace()
    expect(second).not.toBe(key)
    expect(rekeys[1]).toStrictEqual({ reason: 'recovery-key-replaced', options: { recoveryKey: second } })
  })

  it('replace changes nothing when the audit entry cannot be written', async () => {
    service().confirm()
    failAudit = true
    await expect(service().replace()).rejects.toThrow('synthetic audit failure')
    expect(confirmedAt()).toBe('2026-12-01T09:00:00.000Z')
    expect(rekeys).toStrictEqual([])
  })

  it.each<TRole>(['caseworker', 'viewer'])('refuses a %s with FORBIDDEN and changes nothing', async (who) => {
    service().confirm()
    role = who
    calls = []
    expect(await codeOfAsync(() => service().replace())).toBe('FORBIDDEN')
    expect(await codeOfAsync(() => service().confirm())).toBe('FORBIDDEN')
    expect(await codeOfAsync(() => service().status())).toBe('FORBIDDEN')
    expect(() => service().confirm()).toThrow(ONLY_ADMINS)
    expect(confirmedAt()).toBe('2026-12-01T09:00:00.000Z')
    expect(rekeys).toStrictEqual([])
    expect(calls.filter((call) => call.startsWith('audit'))).toStrictEqual([])
  })

  it('answers LOCKED while the vault is locked', async () => {
    locked = true
    expect(await codeOfAsync(() => service().replace())).toBe('LOCKED')
    expect(await codeOfAsync(() => service().confirm())).toBe('LOCKED')
    expect(await codeOfAsync(() => service().status())).toBe('LOCKED')
    expect(rekeys).toStrictEqual([])
  })
})
