import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { codeOfAsync } from '#test-support/per-test'
import { FAST_KDF } from '#test-support/test-kdf'
import { makeTempFolder, removeFolder } from '#test-support/temp-folder'
import { AppError } from '../../../shared/result'
import type * as CreateVaultFolderModule from './create-vault-folder'
import { createVaultFolder } from './create-vault-folder'
import { PRODUCTION_KDF_POLICY } from './kdf'
import { VaultService, type TVaultServiceOptions } from './vault-service'
import { vaultPaths } from './vault-paths'

/*
 * vault-service.ts alone: a VaultService over a temp folder with the test KDF, and nothing else loaded (no
 * accounts, recovery-key or backup services). What it adds to the keeper and unlock: its options, the status the
 * unlock screen reads, create's checks, the lock's reason, the integrity check of both databases. The lifecycle
 * through all the services is in vault-service.test.ts.
 */

const made = vi.hoisted(() => ({ otherAccountId: null as string | null }))

/** createVaultFolder as it is, but a test may have it answer another account's id than the admin it made. */
vi.mock('./create-vault-folder', async (importOriginal) => {
  const actual = await importOriginal<typeof CreateVaultFolderModule>()
  return {
    ...actual,
    createVaultFolder: async (...args: Parameters<typeof actual.createVaultFolder>) => {
      const vault = await actual.createVaultFolder(...args)
      return made.otherAccountId === null ? vault : { ...vault, accountId: made.otherAccountId }
    },
  }
})

const ORGANIZATION = 'Quorvent Maplethisk Brindleway'
const ADMIN = 'alex.example'
const DISPLAY_NAME = 'Alex Staff-Example'
const PASSPHRASE = 'quiet lantern ferry orbit 92'
const NEW_PASSPHRASE = 'velvet compass harbour quince 63'
const AT = Date.parse('2026-12-02T03:00:00Z')

let root = ''
let now = AT
let services: VaultService[] = []
const folder = () => join(root, 'vault')

beforeEach(() => {
  made.otherAccountId = null
  root = makeTempFolder()
  now = AT
})
afterEach(() => {
  for (const vault of services) vault.lock()
  services = []
  removeFolder(root)
})

function service(options: Partial<TVaultServiceOptions> = {}): VaultService {
  const vault = new VaultService({ directory: folder(), kdf: FAST_KDF, now: () => now, ...options })
  services.push(vault)
  return vault
}

const input = {
  organizationName: ORGANIZATION,
  username: ADMIN,
  displayName: DISPLAY_NAME,
  passphrase: PASSPHRASE,
}

async function errorOf(work: Promise<unknown>): Promise<AppError> {
  try {
    await work
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('no error')
}

/** The vault's trail, newest last: [action, target, details]. */
const trail = (vault: VaultService) =>
  vault.keeper
    .require()
    .trail.list({})
    .entries.map((entry) => [entry.action, entry.targetType, entry.targetId, entry.details])
    .reverse()

type TKeyringFile = { slots: Array<Record<string, unknown>> }
const keyringFile = (): TKeyringFile =>
  JSON.parse(readFileSync(join(folder(), 'keyring.json'), 'utf8')) as TKeyringFile

/** A copy of the admin's slot under another id and name, appended to keyring.json (only what status reads). */
function appendNamedSlot(id: string, username: string): void {
  const keyring = keyringFile()
  keyring.slots.push({ ...keyring.slots[0], id, username })
  writeFileSync(join(folder(), 'keyring.json'), JSON.stringify(keyring))
}

describe('options', () => {
  it('hands the keeper its folder, key derivation, clock, native build and crash points', () => {
    const hooks = { at: () => undefined }
    const vault = service({ nativeBinding: '/nowhere/addon.node', hooks })
    expect(vault.directory).toBe(folder())
    expect(vault.keeper.paths).toStrictEqual(vaultPaths(folder()))
    expect(vault.keeper.kdf.create).toStrictEqual(FAST_KDF)
    expect(vault.keeper.kdf.floor.argon2id).toStrictEqual({ memoryKiB: 64, iterations: 1 })
    expect(vault.keeper.nativeBinding).toBe('/nowhere/addon.node')
    expect(vault.keeper.hooks).toBe(hooks)
    expect(vault.clock.now()).toStrictEqual(new Date(AT))
    expect(vault.keeper.clock).toBe(vault.clock)
    expect(vault.sessions).toBe(vault.keeper.sessions)
    expect(vault.keySlots).toBe(vault.keeper.keySlots)
    // Admin-chosen passphrases must be changed by their owner unless a test says otherwise.
    expect(vault.keeper.isAdminChoiceFinal).toBe(false)
    expect(service({ adminChosenPassphrases: 'must-change' }).keeper.isAdminChoiceFinal).toBe(false)
    expect(service({ adminChosenPassphrases: 'final' }).keeper.isAdminChoiceFinal).toBe(true)
  })

  it('production passes no key derivation and gets the production policy', () => {
    const vault = new VaultService({ directory: folder() })
    expect(vault.keeper.kdf).toStrictEqual(PRODUCTION_KDF_POLICY)
    expect(vault.keeper.hooks).toStrictEqual({})
  })
})

describe('status', () => {
  it('no vault: nothing but the state', () => {
    expect(service().status()).toStrictEqual({
      state: 'no-vault',
      organizationName: null,
      staff: null,
      accounts: [],
      recoveryKeyConfirmed: null,
      lastLockReason: null,
    })
  })

  it('unlocked: the organization, who is signed in, display names, the recovery key’s state; sorted by name', async () => {
    const vault = service()
    await vault.create(input)
    appendNamedSlot('00000000-0000-4000-8000-000000000001', 'aaron.example')
    const unlocked = {
      state: 'unlocked',
      organizationName: ORGANIZATION,
      staff: {
        accountId: vault.session().staff.accountId,
        username: ADMIN,
        displayName: DISPLAY_NAME,
        role: 'admin',
        mustChangePassphrase: false,
      },
      // A slot with no account behind it shows its sign-in name.
      accounts: [
        { username: 'aaron.example', displayName: 'aaron.example' },
        { username: ADMIN, displayName: DISPLAY_NAME },
      ],
      recoveryKeyConfirmed: false,
      lastLockReason: null,
    }
    expect(vault.status()).toStrictEqual(unlocked)
    vault.keeper.require().meta.setRecoveryKeyConfirmedAt(new Date(AT))
    expect(vault.status()).toStrictEqual({ ...unlocked, recoveryKeyConfirmed: true })
    expect(vault.currentStaff()).toStrictEqual(unlocked.staff)
  })

  it('unlocked over a vault.db whose organization row was deleted: no name, no confirmed key, no throw', async () => {
    const vault = service()
    await vault.create(input)
    vault.keeper.require().db.database.exec('DELETE FROM vault_meta')
    expect(vault.status()).toMatchObject({
      state: 'unlocked',
      organizationName: null,
      recoveryKeyConfirmed: false,
    })
  })

  it('locked: sign-in names only, sorted, and why it was last locked', async () => {
    const vault = service()
    await vault.create(input)
    appendNamedSlot('00000000-0000-4000-8000-000000000001', 'aaron.example')
    vault.lock('idle')
    expect(vault.status()).toStrictEqual({
      state: 'locked',
      organizationName: null,
      staff: null,
      accounts: [
        { username: 'aaron.example', displayName: 'aaron.example' },
        { username: ADMIN, displayName: ADMIN },
      ],
      recoveryKeyConfirmed: null,
      lastLockReason: 'idle',
    })
    expect(vault.currentStaff()).toBeNull()
  })

  it('settles leftovers of interrupted work only while locked', async () => {
    const vault = service()
    await vault.create(input)
    const stray = join(folder(), 'vault-g7.db')
    writeFileSync(stray, 'synthetic leftover')
    expect(vault.status().state).toBe('unlocked')
    expect(existsSync(stray)).toBe(true)
    vault.lock()
    expect(vault.status().state).toBe('locked')
    expect(existsSync(stray)).toBe(false)
  })
})

describe('create', () => {
  it('makes the vault, unlocked as its first admin, with the unlock in the trail', async () => {
    const vault = service()
    const heard: string[] = []
    vault.onLockChange((state) => heard.push(state))
    const { recoveryKey, staff } = await vault.create(input)
    expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/)
    expect(staff).toStrictEqual({
      accountId: vault.session().staff.accountId,
      username: ADMIN,
      displayName: DISPLAY_NAME,
      role: 'admin',
      mustChangePassphrase: false,
    })
    expect(heard).toStrictEqual(['unlocked'])
    expect(readdirSync(folder()).sort()).toStrictEqual([
      'audit-anchor-g1.json',
      'casework-g1.db',
      'keyring.json',
      'vault-g1.db',
    ])
    expect(trail(vault).at(-1)).toStrictEqual(['unlock.succeeded', 'account', staff.accountId, {}])
    expect(vault.keeper.require().meta.get()?.createdAt).toBe(new Date(AT).toISOString())
  })

  it('refuses to open a new vault for anyone but its first admin', async () => {
    made.otherAccountId = '00000000-0000-4000-8000-000000000002'
    const vault = service()
    const refused = await errorOf(vault.create(input))
    expect([refused.code, refused.message]).toStrictEqual([
      'INTERNAL',
      'The new vault did not open for its first admin.',
    ])
    expect(vault.currentStaff()).toBeNull()
    expect(vault.status().state).toBe('locked')
  })

  it('refuses a name the schema refuses, and a passphrase made of the organization’s name', async () => {
    const vault = service()
    await expect(vault.create({ ...input, organizationName: '' })).rejects.toThrow()
    await expect(vault.create({ ...input, username: 'Not A Name!' })).rejects.toThrow()
    await expect(vault.create({ ...input, displayName: '' })).rejects.toThrow()
    expect(await codeOfAsync(vault.create({ ...input, passphrase: ORGANIZATION }))).toBe('BAD_REQUEST')
    expect(existsSync(folder())).toBe(false)
  })

  it('refuses a folder that holds anything, and takes an empty one', async () => {
    mkdirSync(folder())
    writeFileSync(join(folder(), 'notes.txt'), 'synthetic')
    const refused = await errorOf(service().create(input))
    expect([refused.code, refused.message]).toStrictEqual([
      'VAULT_EXISTS',
      'A vault already exists here. Unlock it, or restore over it from a backup.',
    ])
    expect(readdirSync(folder())).toStrictEqual(['notes.txt'])
    removeFolder(folder())
    mkdirSync(folder())
    expect((await service().create(input)).staff.role).toBe('admin')
  })

  it('removes what an interrupted creation left beside the folder first; refuses while work it cannot settle runs', async () => {
    const leftover = join(root, '.vault.creating-0a1b2c')
    mkdirSync(leftover)
    const vault = service()
    const running = vault.keeper.begin()
    const refused = await errorOf(vault.create(input))
    expect([refused.code, refused.message]).toStrictEqual([
      'VAULT_EXISTS',
      'An interrupted restore or upgrade left files beside the vault folder. Quit and start the app again, or ask IT.',
    ])
    expect(existsSync(leftover)).toBe(true)
    running.end()
    await vault.create(input)
    expect(existsSync(leftover)).toBe(false)
  })
})

describe('unlock, lock and integrity', () => {
  it('unlocks with the passphrase and with the recovery key; a lock asked for while an unlock waits wins', async () => {
    const vault = service()
    const { recoveryKey } = await vault.create(input)
    vault.lock()
    expect((await vault.unlock(ADMIN, PASSPHRASE)).username).toBe(ADMIN)
    vault.lock()
    expect((await vault.unlockWithRecoveryKey(recoveryKey, ADMIN, NEW_PASSPHRASE)).role).toBe('admin')
    vault.lock()
    expect(await codeOfAsync(vault.unlock(ADMIN, PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    now += 3_600_000 // past the throttle's wait
    // Queued behind a slow operation; the lock comes before its turn.
    let release = (): void => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    void vault.keeper.exclusive(() => gate)
    const waiting = vault.unlock(ADMIN, NEW_PASSPHRASE)
    const waitingRecovery = vault.unlockWithRecoveryKey(recoveryKey, ADMIN, PASSPHRASE)
    vault.lock()
    release()
    expect(await codeOfAsync(waiting)).toBe('CANCELLED')
    expect(await codeOfAsync(waitingRecovery)).toBe('CANCELLED')
    expect(vault.status().state).toBe('locked')
  })

  it('lock records its reason (manual by default), keeps the reason of the lock that closed the session', async () => {
    const vault = service()
    const heard: string[] = []
    const stop = vault.onLockChange((state) => heard.push(state))
    await vault.create(input)
    vault.lock()
    expect(vault.status().lastLockReason).toBe('manual')
    await vault.unlock(ADMIN, PASSPHRASE)
    vault.lock('suspend')
    // Locking again while locked changes nothing.
    vault.lock('idle')
    expect(vault.status().lastLockReason).toBe('suspend')
    expect(await codeOfAsync(Promise.resolve().then(() => vault.session()))).toBe('LOCKED')
    stop()
    await vault.unlock(ADMIN, PASSPHRASE)
    expect(heard).toStrictEqual(['unlocked', 'locked', 'unlocked', 'locked'])
    const locks = trail(vault).filter(([action]) => action === 'lock')
    expect(locks).toStrictEqual([
      ['lock', null, null, { reason: 'manual' }],
      ['lock', null, null, { reason: 'suspend' }],
    ])
  })

  it('rekeys on request, recorded as requested', async () => {
    const vault = service()
    await vault.create(input)
    const result = await vault.rekey()
    expect(result).toMatchObject({ generation: 2, removed: [], unendorsed: [], needsNewPassphrase: [] })
    const [, , , details] = trail(vault).find(([action]) => action === 'vault.rekeyed') ?? []
    expect(details).toMatchObject({ reason: 'requested', generation: 2 })
  })

  it('checks both databases for an admin, vault.db alone without the case key, and names every problem', async () => {
    const vault = service()
    await vault.create(input)
    expect(vault.integrityCheck()).toStrictEqual(['ok'])
    // A row its table's CHECK refuses, written with the checks off: SQLite's integrity_check reports it.
    const database = vault.keeper.require().db.database
    database.exec('CREATE TABLE casework.synthetic_check (value INTEGER CHECK (value > 0))')
    database.pragma('ignore_check_constraints = ON')
    database.exec('INSERT INTO casework.synthetic_check VALUES (-1)')
    database.pragma('ignore_check_constraints = OFF')
    expect(vault.integrityCheck()).toStrictEqual(['CHECK constraint failed in synthetic_check'])
    vault.lock()

    // A viewer's session: vault.db only (casework.db is not attached, and checking it would throw).
    const viewerRoot = join(root, 'viewer')
    const made = await createVaultFolder(
      vaultPaths(viewerRoot),
      { organizationName: ORGANIZATION, username: ADMIN, displayName: DISPLAY_NAME, passphrase: PASSPHRASE },
      { kdf: FAST_KDF, clock: { now: () => new Date(AT) }, nativeBinding: undefined },
    )
    const viewer = service({ directory: viewerRoot })
    made.keys.case?.fill(0)
    made.keys.admin?.fill(0)
    const session = viewer.keeper.openSession(
      made.keyring,
      made.accountId,
      { vault: made.keys.vault, case: null, admin: null },
      new AppError('INTERNAL', 'not opened'),
    )
    viewer.keeper.install(session)
    expect(viewer.currentStaff()?.role).toBe('viewer')
    expect(viewer.integrityCheck()).toStrictEqual(['ok'])
  })
})
