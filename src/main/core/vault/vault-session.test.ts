import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TRole } from '../../../shared/roles'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import type * as AuditSeal from '../audit/audit-seal'
import { checkTrail, writeHeadCheckpoint } from '../audit/audit-seal'
import { Connection } from '../db/connection'
import { migrate } from '../db/migrate'
import { applyVaultPragmas, openEncryptedDatabase } from '../db/open-database'
import { filesOfGeneration } from './keyring'
import { VaultSession } from './vault-session'

/*
 * The session alone, over a bare migrated vault.db (no keyring, no services): who it says acted, what its role
 * allows, when it seals the audit trail and what closing it leaves. Loads only the session's own modules.
 */

const sealCalls = vi.hoisted(() => ({ count: 0, fail: false }))

vi.mock('../audit/audit-seal', async (importOriginal) => {
  const actual = await importOriginal<typeof AuditSeal>()
  return {
    ...actual,
    sealTrail: (context: AuditSeal.TSealContext) => {
      sealCalls.count += 1
      if (sealCalls.fail) throw new Error('the checkpoint could not be written')
      return actual.sealTrail(context)
    },
  }
})

const NOW = new Date('2026-12-01T05:00:00.000Z')
const FILES = filesOfGeneration(3)
const STAFF = { accountId: 'acct-1', username: 'alex.example', displayName: 'Alex', role: 'admin' as TRole }

describe('a vault session', () => {
  const root = tempFolderPerTest('ccij-vault-session-')
  const opened: VaultSession[] = []

  beforeEach(() => {
    sealCalls.count = 0
    sealCalls.fail = false
  })
  afterEach(() => {
    for (const session of opened.splice(0)) session.close()
  })

  /** A session over a fresh vault.db; an admin's (holding K_admin) starts with a checkpoint of the empty trail. */
  function sessionAs(role: TRole, options: { pending?: boolean } = {}): VaultSession {
    // A folder of its own per session: a test may open several.
    const folder = join(root(), `session-${opened.length}`)
    mkdirSync(folder)
    const database = openEncryptedDatabase(join(folder, FILES.vault), randomBytes(32), { create: true })
    applyVaultPragmas(database)
    migrate(database)
    const isAdmin = role === 'admin'
    const session = new VaultSession(
      new Connection(database),
      {
        vault: randomBytes(32),
        case: role === 'viewer' ? null : randomBytes(32),
        admin: isAdmin ? randomBytes(32) : null,
      },
      'vault-synthetic',
      3,
      FILES,
      folder,
      { ...STAFF, role },
      { now: () => NOW },
    )
    // Left at its default unless asked: the keeper sets it from the slot for every session it opens.
    if (options.pending !== undefined) session.passphraseChangePending = options.pending
    opened.push(session)
    const context = session.sealContext()
    if (context !== null) writeHeadCheckpoint(context)
    return session
  }

  const afterMicrotasks = () => new Promise<void>((resolve) => setImmediate(resolve))

  it('acts as its staff member, at its clock’s time, with no detail unless given', () => {
    const session = sessionAs('caseworker')
    expect(session.actor).toEqual({ accountId: 'acct-1', username: 'alex.example' })
    session.audit.record('record.viewed', { type: 'case', id: 'c-1' })
    session.audit.record('record.changed', { type: 'case', id: 'c-1' }, { fields: ['urgency'] })
    const entries = session.trail.list().entries.map((entry) => ({
      action: entry.action,
      actor: [entry.actorAccountId, entry.actorUsername],
      at: entry.at,
      details: entry.details,
    }))
    expect(entries).toEqual([
      {
        action: 'record.changed',
        actor: ['acct-1', 'alex.example'],
        at: NOW.toISOString(),
        details: { fields: ['urgency'] },
      },
      { action: 'record.viewed', actor: ['acct-1', 'alex.example'], at: NOW.toISOString(), details: {} },
    ])
  })

  it('allows only the roles asked for, then only once an admin-chosen passphrase is replaced', () => {
    const session = sessionAs('caseworker')
    expect(session.requireRole(['caseworker', 'admin'])).toMatchObject({
      accountId: 'acct-1',
      role: 'caseworker',
    })
    expect(() => session.requireRole(['admin'])).toThrow('Your role does not allow this action.')
    expect(codeOf(() => session.requireRole(['admin'], 'Only admins see the trail.'))).toBe('FORBIDDEN')
    expect(() => session.requireRole(['admin'], 'Only admins see the trail.')).toThrow(
      'Only admins see the trail.',
    )
    session.passphraseChangePending = true
    expect(codeOf(() => session.requireRole(['caseworker']))).toBe('PASSPHRASE_CHANGE_REQUIRED')
    expect(() => session.requireRole(['caseworker'])).toThrow(
      'Your passphrase was chosen by an admin. Choose your own passphrase before doing anything else.',
    )
    // The role is checked first: a pending change does not tell a viewer what admins could do.
    expect(codeOf(() => session.requireRole(['admin']))).toBe('FORBIDDEN')
  })

  it('keeps one instance of each scoped service until it closes', () => {
    const session = sessionAs('viewer')
    const made: string[] = []
    const first = (): object => {
      made.push('first')
      return {}
    }
    const second = (): object => {
      made.push('second')
      return {}
    }
    const one = session.scoped(first)
    expect(session.scoped(first)).toBe(one)
    expect(session.scoped(second)).not.toBe(one)
    expect(made).toEqual(['first', 'second'])
    session.close()
    expect(session.scoped(first)).not.toBe(one)
    expect(made).toEqual(['first', 'second', 'first'])
  })

  it('has a sealing context only while it holds K_admin and its database is open', () => {
    expect(sessionAs('caseworker').sealContext()).toBeNull()
    expect(sessionAs('caseworker').sealing()).toBeNull()
    expect(sessionAs('caseworker').seal()).toBe(false)
    const admin = sessionAs('admin')
    const context = admin.sealContext()
    expect(context).toMatchObject({
      anchorFile: join(root(), 'session-3', 'audit-anchor-g3.json'),
      vaultId: 'vault-synthetic',
      generation: 3,
    })
    expect(context?.adminKey).toBe(admin.keys.admin)
    expect(context?.trail).toBe(admin.trail)
    expect(context?.now()).toEqual(NOW)
    expect(admin.sealing()?.context).toMatchObject({
      anchorFile: context?.anchorFile,
      adminKey: admin.keys.admin,
    })
    admin.audit.record('record.viewed', { type: 'case', id: 'c-1' })
    expect(admin.sealing()?.seal()).toBe(true)
    expect(checkTrail(admin.sealContext()!)).toMatchObject({ status: 'intact', unsealedCount: 0 })
    admin.db.database.close()
    expect(admin.sealContext()).toBeNull()
  })

  it('an admin’s entries are sealed once after a burst commits, never inside its transaction', async () => {
    const admin = sessionAs('admin')
    admin.db.transaction(() => {
      admin.audit.record('record.viewed', { type: 'case', id: 'c-1' })
      admin.audit.record('record.viewed', { type: 'case', id: 'c-2' })
      expect(admin.seal()).toBe(false)
    })
    admin.audit.record('record.viewed', { type: 'case', id: 'c-3' })
    const callsBefore = sealCalls.count
    await afterMicrotasks()
    expect(sealCalls.count - callsBefore).toBe(1)
    expect(checkTrail(admin.sealContext()!)).toMatchObject({ status: 'intact', unsealedCount: 0 })
    // A later burst seals again.
    admin.audit.record('record.viewed', { type: 'case', id: 'c-4' })
    await afterMicrotasks()
    expect(sealCalls.count - callsBefore).toBe(2)
    expect(checkTrail(admin.sealContext()!)).toMatchObject({ status: 'intact', unsealedCount: 0 })
    // Other roles never seal.
    const caseworker = sessionAs('caseworker')
    caseworker.audit.record('record.viewed', { type: 'case', id: 'c-5' })
    await afterMicrotasks()
    expect(sealCalls.count - callsBefore).toBe(2)
  })

  it('a checkpoint that cannot be written now is left for later; one that fails to hold stops the sealing', async () => {
    const admin = sessionAs('admin')
    // What escapes the deferred seal would be an uncaught exception in main: caught here to be seen.
    const escaped: unknown[] = []
    const queue = globalThis.queueMicrotask
    vi.stubGlobal('queueMicrotask', (task: () => void) =>
      queue(() => {
        try {
          task()
        } catch (error) {
          escaped.push(error)
        }
      }),
    )
    sealCalls.fail = true
    admin.audit.record('record.viewed', { type: 'case', id: 'c-1' })
    await afterMicrotasks()
    vi.unstubAllGlobals()
    expect(sealCalls.count).toBe(1)
    expect(escaped).toEqual([])
    sealCalls.fail = false
    admin.audit.record('record.viewed', { type: 'case', id: 'c-2' })
    await afterMicrotasks()
    expect(checkTrail(admin.sealContext()!)).toMatchObject({ status: 'intact', unsealedCount: 0 })

    // The checkpoint file gone (a colleague deleted it): the session stops sealing, even once a file is back.
    const anchor = join(root(), 'session-0', FILES.anchor)
    rmSync(anchor)
    expect(admin.seal()).toBe(false)
    writeHeadCheckpoint(admin.sealContext()!)
    admin.audit.record('record.viewed', { type: 'case', id: 'c-3' })
    const calls = sealCalls.count
    expect(admin.seal()).toBe(false)
    expect(sealCalls.count).toBe(calls)
    expect(checkTrail(admin.sealContext()!)).toMatchObject({ unsealedCount: 1 })
    expect(existsSync(anchor)).toBe(true)
  })

  it('closing closes the database and zeroes every key it holds, even when already closed', () => {
    const admin = sessionAs('admin')
    const keys = [admin.keys.vault, admin.keys.case, admin.keys.admin]
    admin.close()
    expect(admin.db.database.open).toBe(false)
    for (const key of keys) expect(key?.equals(Buffer.alloc(32))).toBe(true)

    const viewer = sessionAs('viewer')
    viewer.db.database.close()
    viewer.close()
    expect(viewer.keys.vault.equals(Buffer.alloc(32))).toBe(true)
  })
})
