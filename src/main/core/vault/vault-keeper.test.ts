import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  copyOfKeys,
  isZeroKey,
  LIGHT_ADMIN as ADMIN,
  LIGHT_DISPLAY_NAME as DISPLAY,
  lightVaults,
  type TLightVault,
} from '#test-support/light-vault'
import { AppError } from '../../../shared/result'
import { AccountsRepository } from '../accounts/accounts-repository'
import { readAnchor } from '../audit/audit-anchor'
import { AuditRepository } from '../audit/audit-repository'
import { Connection } from '../db/connection'
import type { TDatabase } from '../db/open-database'
import type { TKeyring, TKeySlot, TStaffSlot } from './keyring'
import { openVaultDatabase } from './open-vault-database'
import { UNKNOWN_NAME_KEY, type TVaultHooks, type VaultKeeper } from './vault-keeper'
import type { VaultSession } from './vault-session'

/*
 * vault-keeper.ts on a vault made by createVaultFolder (no services, no unlock: each test hands `openSession` the
 * keys the new vault returned, as an unlock would after opening its grants). Keyrings are edited in memory, and
 * vault.db behind the keeper's back, to reach each refusal. The lifecycle through the services is in
 * vault-service.test.ts and tests/unit/insider.test.ts.
 */

const vaults = lightVaults()
/** `opened()`: every database the keeper opened (through `openDatabase`), to see which it left open. */
const { clock, folder, opened, root } = vaults
/** Databases the tests opened themselves. */
const mine: TDatabase[] = []

afterEach(() => {
  for (const database of mine) if (database.open) database.close()
  mine.length = 0
})

type TVault = TLightVault

function keeperFor(hooks?: TVaultHooks): VaultKeeper {
  return vaults.keeper(folder(), { hooks })
}

/** A new vault with alex.example as its admin, and a keeper over it. */
const newVault = (hooks?: TVaultHooks): Promise<TVault> => vaults.newVault({ hooks })

const refusal = new AppError('WRONG_PASSPHRASE', 'refused for the test')

function openAdmin(vault: TVault, keyring: TKeyring = vault.keyring): VaultSession {
  return vault.keeper.openSession(keyring, vault.accountId, copyOfKeys(vault.keys), refusal)
}

const adminSlot = (vault: TVault): TStaffSlot => {
  const slot = vault.keyring.slots.find((candidate) => candidate.id === vault.accountId)
  if (slot?.kind !== 'staff') throw new Error('no admin slot')
  return slot
}

/** The keyring with `slots` in place of the admin's slot. */
const withSlots = (vault: TVault, ...slots: TKeySlot[]): TKeyring => ({
  ...vault.keyring,
  slots: [...vault.keyring.slots.filter((slot) => slot.id !== vault.accountId), ...slots],
})

/** vault.db opened by the test (with a copy of K_vault), for edits behind the keeper's back and for reading. */
function vaultDb(vault: TVault): TDatabase {
  const database = openVaultDatabase(join(folder(), vault.keyring.files.vault), Buffer.from(vault.keys.vault))
  mine.push(database)
  return database
}

function addAccount(
  vault: TVault,
  account: { id: string; username: string; role: 'admin' | 'caseworker' | 'viewer' },
): void {
  const database = vaultDb(vault)
  new AccountsRepository(new Connection(database)).insert(
    { ...account, displayName: 'Casey Example' },
    clock.now(),
  )
  database.close()
}

/** The trail as stored, oldest first. */
function storedTrail(
  vault: TVault,
): Array<{ action: string; details: unknown; actor: string | null; at: string }> {
  const database = vaultDb(vault)
  const entries = new AuditRepository(new Connection(database)).list({ limit: 500 }).entries
  database.close()
  return entries
    .map((entry) => ({
      action: entry.action,
      details: entry.details,
      actor: entry.actorUsername,
      at: entry.at,
    }))
    .reverse()
}

const anchorSeq = (vault: TVault): number | null => {
  const anchor = readAnchor(join(folder(), vault.keyring.files.anchor))
  return typeof anchor === 'string' ? null : anchor.seq
}

function errorOf(work: () => unknown): unknown {
  try {
    work()
    return undefined
  } catch (error) {
    return error
  }
}

const hasCasework = (session: VaultSession): boolean =>
  errorOf(() => session.db.database.prepare('SELECT count(*) FROM casework.cases').get()) === undefined

describe('the open session', () => {
  it('with none, require and sessions.require say LOCKED with their sentence, and current is null', async () => {
    const { keeper } = await newVault()
    expect(keeper.current()).toBeNull()
    for (const require of [() => keeper.require(), () => keeper.sessions.require()]) {
      expect(errorOf(require)).toMatchObject({
        code: 'LOCKED',
        message: 'The vault is locked. Unlock it to continue.',
      })
    }
  })

  it('once installed, current, require and sessions.require all give it', async () => {
    const vault = await newVault()
    const session = openAdmin(vault)
    vault.keeper.install(session)
    expect(vault.keeper.current()).toBe(session)
    expect(vault.keeper.require()).toBe(session)
    expect(vault.keeper.sessions.require()).toBe(session)
  })

  it('production defaults: admin-chosen passphrases are not final, no lock reason yet', async () => {
    const { keeper } = await newVault()
    expect(keeper.isAdminChoiceFinal).toBe(false)
    expect(keeper.lastLockReason).toBeNull()
    expect(UNKNOWN_NAME_KEY).toBe('*unknown-name*')
  })
})

describe('the keyring', () => {
  it('no keyring: readAnyKeyring is null and requireKeyring says NO_VAULT', () => {
    const keeper = keeperFor()
    expect(keeper.readAnyKeyring()).toBeNull()
    expect(errorOf(() => keeper.requireKeyring())).toMatchObject({
      code: 'NO_VAULT',
      message: 'There is no vault yet. Create one first.',
    })
  })

  it('a wave-1 keyring is read, but requireKeyring refuses it until an admin’s unlock upgrades it', () => {
    mkdirSync(folder())
    const legacy = { format: 'ccij-keyring', version: 1, vaultId: 'v-1', slots: [] }
    writeFileSync(join(folder(), 'keyring.json'), JSON.stringify(legacy))
    const keeper = keeperFor()
    expect(keeper.readAnyKeyring()).toEqual(legacy)
    expect(errorOf(() => keeper.requireKeyring())).toMatchObject({
      code: 'FORBIDDEN',
      message: 'This vault needs its one-time upgrade: an admin must unlock it first.',
    })
  })

  it('the current keyring, and the paths of its generation’s files', async () => {
    const vault = await newVault()
    expect(vault.keeper.requireKeyring()).toEqual(vault.keyring)
    expect(vault.keeper.filesOf(vault.keyring)).toEqual({
      vault: join(folder(), 'vault-g1.db'),
      casework: join(folder(), 'casework-g1.db'),
      anchor: join(folder(), 'audit-anchor-g1.json'),
    })
  })

  it('grantedSlotOf: a staff or recovery slot by id; a wave-1 slot or an unknown id is none', async () => {
    const vault = await newVault()
    const legacy = { kind: 'legacy', id: 'acct-old', username: 'old.example' } as unknown as TKeySlot
    const keyring = { ...vault.keyring, slots: [...vault.keyring.slots, legacy] }
    expect(vault.keeper.grantedSlotOf(keyring, vault.accountId)).toBe(adminSlot(vault))
    expect(vault.keeper.grantedSlotOf(keyring, 'recovery')?.kind).toBe('recovery')
    expect(vault.keeper.grantedSlotOf(keyring, 'acct-old')).toBeNull()
    expect(vault.keeper.grantedSlotOf(keyring, 'acct-none')).toBeNull()
  })
})

describe('openSession', () => {
  it('an admin: the account’s identity, the keyring’s vault and files, all three keys and casework.db attached', async () => {
    const vault = await newVault()
    const keys = copyOfKeys(vault.keys)
    const session = vault.keeper.openSession(vault.keyring, vault.accountId, keys, refusal)
    expect(session.staff).toEqual({
      accountId: vault.accountId,
      username: ADMIN,
      displayName: DISPLAY,
      role: 'admin',
    })
    expect(session.vaultId).toBe(vault.keyring.vaultId)
    expect(session.generation).toBe(1)
    expect(session.files).toEqual(vault.keyring.files)
    expect(session.directory).toBe(folder())
    expect(session.keys).toEqual(vault.keys)
    expect(session.passphraseChangePending).toBe(false)
    expect(hasCasework(session)).toBe(true)
    expect(session.trail.list({}).total).toBe(2)
    // The casework probe (to migrate it) is closed; only the session's own connection stays open.
    expect(opened().filter((database) => database.open)).toEqual([session.db.database])
    session.close()
  })

  it('the names are compared whatever their case; the identity carries the account’s spelling', async () => {
    const vault = await newVault()
    const database = vaultDb(vault)
    database.prepare("UPDATE staff_accounts SET username = 'Alex.Example' WHERE id = ?").run(vault.accountId)
    database.close()
    const keyring = withSlots(vault, { ...adminSlot(vault), username: 'ALEX.EXAMPLE' })
    const session = vault.keeper.openSession(keyring, vault.accountId, copyOfKeys(vault.keys), refusal)
    expect(session.staff.username).toBe('Alex.Example')
    session.close()
  })

  it('a caseworker account holding all three keys gets a caseworker’s session: K_admin zeroed and dropped', async () => {
    const vault = await newVault()
    addAccount(vault, { id: 'acct-casey', username: 'casey.example', role: 'caseworker' })
    const keyring = withSlots(vault, adminSlot(vault), {
      ...adminSlot(vault),
      id: 'acct-casey',
      username: 'casey.example',
    })
    const keys = copyOfKeys(vault.keys)
    const session = vault.keeper.openSession(keyring, 'acct-casey', keys, refusal)
    expect(session.staff).toMatchObject({
      accountId: 'acct-casey',
      username: 'casey.example',
      role: 'caseworker',
    })
    expect(session.keys.admin).toBeNull()
    expect(isZeroKey(keys.admin)).toBe(true)
    expect(session.keys.case).toEqual(vault.keys.case)
    expect(hasCasework(session)).toBe(true)
    session.close()
  })

  it('an admin account whose keys prove less gets the lower role: caseworker without K_admin, viewer without K_case', async () => {
    const vault = await newVault()
    const caseworker = vault.keeper.openSession(
      vault.keyring,
      vault.accountId,
      { ...copyOfKeys(vault.keys), admin: null },
      refusal,
    )
    expect(caseworker.staff.role).toBe('caseworker')
    expect(hasCasework(caseworker)).toBe(true)
    caseworker.close()

    const viewer = vault.keeper.openSession(
      vault.keyring,
      vault.accountId,
      { vault: Buffer.from(vault.keys.vault), case: null, admin: null },
      refusal,
    )
    expect(viewer.staff.role).toBe('viewer')
    expect(viewer.keys).toEqual({ vault: vault.keys.vault, case: null, admin: null })
    // No survivor data for a viewer: casework.db is not attached at all.
    expect(hasCasework(viewer)).toBe(false)
    expect(opened().filter((database) => database.open)).toEqual([viewer.db.database])
    viewer.close()
  })

  it('a slot still carrying an admin-chosen passphrase makes the change pending, and install says so', async () => {
    const vault = await newVault()
    const keyring = withSlots(vault, { ...adminSlot(vault), mustChangePassphrase: true })
    const session = vault.keeper.openSession(keyring, vault.accountId, copyOfKeys(vault.keys), refusal)
    expect(session.passphraseChangePending).toBe(true)
    expect(vault.keeper.install(session)).toMatchObject({ username: ADMIN, mustChangePassphrase: true })
  })

  describe('refuses, closes what it opened and zeroes the keys it was given', () => {
    const refused = async (
      edit: (vault: TVault) => { keyring: TKeyring; accountId?: string },
    ): Promise<void> => {
      const vault = await newVault()
      const { keyring, accountId } = edit(vault)
      const keys = copyOfKeys(vault.keys)
      expect(
        errorOf(() => vault.keeper.openSession(keyring, accountId ?? vault.accountId, keys, refusal)),
      ).toBe(refusal)
      expect(opened().length).toBeGreaterThan(0)
      expect(opened().filter((database) => database.open)).toEqual([])
      expect([keys.vault, keys.case, keys.admin].every(isZeroKey)).toBe(true)
      expect(vault.keeper.current()).toBeNull()
    }

    it('a disabled account', async () => {
      await refused((vault) => {
        const database = vaultDb(vault)
        new AccountsRepository(new Connection(database)).setStatus(vault.accountId, 'disabled')
        database.close()
        return { keyring: vault.keyring }
      })
    })

    it('a slot whose id no account has', async () => {
      await refused((vault) => ({
        keyring: withSlots(vault, adminSlot(vault), { ...adminSlot(vault), id: 'acct-ghost' }),
        accountId: 'acct-ghost',
      }))
    })

    it('a slot whose name is not its account’s (a renamed account in vault.db)', async () => {
      await refused((vault) => {
        const database = vaultDb(vault)
        database
          .prepare("UPDATE staff_accounts SET username = 'mallory.example' WHERE id = ?")
          .run(vault.accountId)
        database.close()
        return { keyring: vault.keyring }
      })
    })

    it('an account with no slot in the keyring', async () => {
      await refused((vault) => ({ keyring: withSlots(vault) }))
    })

    it('an account whose slot under its id is not a staff slot', async () => {
      await refused((vault) => {
        const recovery = vault.keyring.slots.find((slot) => slot.kind === 'recovery')
        return { keyring: withSlots(vault, { ...recovery, id: vault.accountId } as TKeySlot) }
      })
    })
  })

  it('keys that do not open vault.db: the error comes through and the keys are zeroed', async () => {
    const vault = await newVault()
    const keys = { ...copyOfKeys(vault.keys), vault: Buffer.alloc(32, 7) }
    expect(
      errorOf(() => vault.keeper.openSession(vault.keyring, vault.accountId, keys, refusal)),
    ).toBeInstanceOf(Error)
    expect([keys.vault, keys.case, keys.admin].every(isZeroKey)).toBe(true)
  })

  it('a case key that does not open casework.db: vault.db closed again, every key zeroed', async () => {
    const vault = await newVault()
    const keys = { ...copyOfKeys(vault.keys), case: Buffer.alloc(32, 7) }
    const error = errorOf(() => vault.keeper.openSession(vault.keyring, vault.accountId, keys, refusal))
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBe(refusal)
    expect(opened().filter((database) => database.open)).toEqual([])
    expect([keys.vault, keys.case, keys.admin].every(isZeroKey)).toBe(true)
  })
})

describe('install and lock', () => {
  it('install makes the session current, clears the last lock reason, seals the head and tells the listeners', async () => {
    const vault = await newVault()
    const states: string[] = []
    vault.keeper.onLockChange((state) => states.push(state))
    vault.keeper.lastLockReason = 'idle'
    const session = openAdmin(vault)
    session.trail.append(session.actor, 'record.viewed', null, {}, clock.now())
    expect(anchorSeq(vault)).toBe(2)
    expect(vault.keeper.install(session)).toEqual({
      accountId: vault.accountId,
      username: ADMIN,
      displayName: DISPLAY,
      role: 'admin',
      mustChangePassphrase: false,
    })
    expect(vault.keeper.current()).toBe(session)
    expect(vault.keeper.lastLockReason).toBeNull()
    expect(anchorSeq(vault)).toBe(3)
    expect(states).toEqual(['unlocked'])
  })

  it('close cancels running operations, warns the closing listeners first, records the lock with its reason, sealed', async () => {
    const vault = await newVault()
    const session = openAdmin(vault)
    vault.keeper.install(session)
    const states: string[] = []
    const seenWhileClosing: Array<VaultSession | null> = []
    vault.keeper.onLockChange((state) => states.push(state))
    vault.keeper.onSessionClosing(() => seenWhileClosing.push(vault.keeper.current()))
    const operation = vault.keeper.begin()
    clock.advance(60_000)

    vault.keeper.close(true, 'idle')

    expect(operation.cancelled).toBe(true)
    expect(seenWhileClosing).toEqual([session])
    expect(states).toEqual(['locked'])
    expect(vault.keeper.current()).toBeNull()
    expect(isZeroKey(session.keys.vault)).toBe(true)
    expect(session.db.database.open).toBe(false)
    expect(storedTrail(vault).at(-1)).toEqual({
      action: 'lock',
      details: { reason: 'idle' },
      actor: ADMIN,
      at: clock.now().toISOString(),
    })
    expect(anchorSeq(vault)).toBe(3)
  })

  it('a lock with no reason records none; close(false) and closeSession() record no lock at all', async () => {
    const vault = await newVault()
    vault.keeper.install(openAdmin(vault))
    vault.keeper.close(true)
    expect(storedTrail(vault).at(-1)).toMatchObject({ action: 'lock', details: {} })

    vault.keeper.install(openAdmin(vault))
    vault.keeper.close(false)
    vault.keeper.install(openAdmin(vault))
    const operation = vault.keeper.begin()
    vault.keeper.closeSession()
    // closeSession is for an operation replacing the session: it cancels nothing.
    expect(operation.cancelled).toBe(false)
    expect(vault.keeper.current()).toBeNull()
    expect(storedTrail(vault).filter((entry) => entry.action === 'lock')).toHaveLength(1)
  })

  it('closing with no session open tells nobody', async () => {
    const vault = await newVault()
    const calls: string[] = []
    vault.keeper.onLockChange((state) => calls.push(state))
    vault.keeper.onSessionClosing(() => calls.push('closing'))
    vault.keeper.close(true, 'manual')
    vault.keeper.closeSession(true)
    expect(calls).toEqual([])
  })

  it('a listener that throws keeps neither the vault open nor the other listeners from hearing', async () => {
    const vault = await newVault()
    const calls: string[] = []
    vault.keeper.onSessionClosing(() => {
      throw new Error('cleanup failed')
    })
    vault.keeper.onSessionClosing(() => calls.push('closing'))
    vault.keeper.onLockChange(() => {
      throw new Error('listener failed')
    })
    vault.keeper.onLockChange((state) => calls.push(state))
    const session = openAdmin(vault)
    vault.keeper.install(session)
    vault.keeper.close(true, 'manual')
    expect(calls).toEqual(['unlocked', 'closing', 'locked'])
    expect(vault.keeper.current()).toBeNull()
    expect(session.db.database.open).toBe(false)
  })

  it('a lock entry that cannot be written still closes the session, zeroes its keys and tells the listeners', async () => {
    const vault = await newVault()
    const session = openAdmin(vault)
    vault.keeper.install(session)
    const states: string[] = []
    vault.keeper.onLockChange((state) => states.push(state))
    session.audit.record = () => {
      throw new Error('disk full')
    }
    expect(errorOf(() => vault.keeper.close(true, 'manual'))).toMatchObject({ message: 'disk full' })
    expect(vault.keeper.current()).toBeNull()
    expect(isZeroKey(session.keys.vault)).toBe(true)
    expect(states).toEqual(['locked'])
  })

  it('unsubscribed listeners hear nothing more', async () => {
    const vault = await newVault()
    const calls: string[] = []
    const stopLock = vault.keeper.onLockChange((state) => calls.push(state))
    const stopClosing = vault.keeper.onSessionClosing(() => calls.push('closing'))
    vault.keeper.install(openAdmin(vault))
    stopLock()
    stopClosing()
    vault.keeper.close(false)
    vault.keeper.install(openAdmin(vault))
    expect(calls).toEqual(['unlocked'])
  })
})

describe('moveSession (after a rekey switched generations)', () => {
  it('the same person’s new session replaces the old one, which closes without a lock entry or a lock event', async () => {
    const vault = await newVault()
    const previous = openAdmin(vault)
    vault.keeper.install(previous)
    const states: string[] = []
    vault.keeper.onLockChange((state) => states.push(state))
    vault.keeper.moveSession(vault.keyring, copyOfKeys(vault.keys))
    const moved = vault.keeper.require()
    expect(moved).not.toBe(previous)
    expect(moved.staff).toEqual(previous.staff)
    expect(isZeroKey(previous.keys.vault)).toBe(true)
    expect(previous.db.database.open).toBe(false)
    expect(moved.trail.head()?.seq).toBe(2)
    expect(states).toEqual([])
  })

  it('a new keyring with no slot for the person: the keys are zeroed and the vault locks, with no lock entry', async () => {
    const vault = await newVault()
    const previous = openAdmin(vault)
    vault.keeper.install(previous)
    const states: string[] = []
    vault.keeper.onLockChange((state) => states.push(state))
    const keys = copyOfKeys(vault.keys)
    vault.keeper.moveSession(withSlots(vault), keys)
    expect([keys.vault, keys.case, keys.admin].every(isZeroKey)).toBe(true)
    expect(vault.keeper.current()).toBeNull()
    expect(previous.db.database.open).toBe(false)
    expect(states).toEqual(['locked'])
    expect(storedTrail(vault).map((entry) => entry.action)).toEqual(['vault.created', 'account.added'])
  })

  it('new keys that do not open a session for the person who made them: INTERNAL, saying so', async () => {
    const vault = await newVault()
    const previous = openAdmin(vault)
    vault.keeper.install(previous)
    // The account disabled behind the keeper's back: its slot is still in the keyring, openSession refuses.
    previous.accounts.setStatus(vault.accountId, 'disabled')
    const keys = copyOfKeys(vault.keys)
    expect(errorOf(() => vault.keeper.moveSession(vault.keyring, keys))).toMatchObject({
      code: 'INTERNAL',
      message: 'The new keys did not open the vault for the person who made them.',
    })
    expect([keys.vault, keys.case, keys.admin].every(isZeroKey)).toBe(true)
    expect(vault.keeper.current()).toBe(previous)
  })

  it('with no session: LOCKED', async () => {
    const vault = await newVault()
    expect(errorOf(() => vault.keeper.moveSession(vault.keyring, copyOfKeys(vault.keys)))).toMatchObject({
      code: 'LOCKED',
    })
  })
})

describe('exclusive', () => {
  it('runs operations one after another, the next even when the one before failed; each caller gets its own outcome', async () => {
    const vault = await newVault()
    const events: string[] = []
    let release = (): void => undefined
    const first = vault.keeper.exclusive(
      () =>
        new Promise<string>((resolve) => {
          events.push('first started')
          release = () => resolve('first')
        }),
    )
    const second = vault.keeper.exclusive(async () => {
      events.push('second started')
      throw new AppError('CONFLICT', 'second failed')
    })
    const third = vault.keeper.exclusive(async () => {
      events.push('third started')
      return 'third'
    })
    await new Promise((resolve) => setImmediate(resolve))
    expect(events).toEqual(['first started'])
    release()
    expect(await first).toBe('first')
    expect(await second.catch((error: unknown) => error)).toMatchObject({ code: 'CONFLICT' })
    expect(await third).toBe('third')
    expect(events).toEqual(['first started', 'second started', 'third started'])
  })
})

describe('operations and interrupted work', () => {
  it('step calls the test hook with the step’s name, and does nothing without one', async () => {
    const steps: string[] = []
    const hooked = keeperFor({ at: (step) => steps.push(step) })
    hooked.step('restore:staged')
    expect(steps).toEqual(['restore:staged'])
    expect(errorOf(() => keeperFor().step('restore:staged'))).toBeUndefined()
    expect(errorOf(() => keeperFor({}).step('restore:staged'))).toBeUndefined()
  })

  it('settle removes files of a generation the keyring does not name, but not while an operation runs', async () => {
    const vault = await newVault()
    const stray = join(folder(), 'vault-g7.db')
    writeFileSync(stray, 'left by a rekey that never switched')
    const operation = vault.keeper.begin()
    expect(vault.keeper.operations.isBusy()).toBe(true)
    expect(vault.keeper.settle()).toEqual({ rolledBack: false, removed: [] })
    expect(existsSync(stray)).toBe(true)
    operation.end()
    expect(vault.keeper.settle()).toEqual({ rolledBack: false, removed: ['vault-g7.db'] })
    expect(existsSync(stray)).toBe(false)
  })

  it('settleAround settles when its own operation is the only one running, and not beside another', async () => {
    const vault = await newVault()
    const stray = join(folder(), 'casework-g7.db')
    writeFileSync(stray, 'left by a rekey that never switched')
    const unlock = vault.keeper.begin()
    const other = vault.keeper.begin()
    expect(vault.keeper.settleAround(unlock)).toEqual({ rolledBack: false, removed: [] })
    expect(existsSync(stray)).toBe(true)
    other.end()
    expect(vault.keeper.settleAround(unlock)).toEqual({ rolledBack: false, removed: ['casework-g7.db'] })
    expect(existsSync(stray)).toBe(false)
  })

  it('hasLeftovers sees only the vault’s own hidden sibling folders, and nothing when the parent is missing', async () => {
    const vault = await newVault()
    expect(vault.keeper.hasLeftovers()).toBe(false)
    mkdirSync(join(root(), '.vault-other'))
    mkdirSync(join(root(), 'vault.restoring-ab12'))
    mkdirSync(join(root(), '.vaults.restoring-ab12'))
    expect(vault.keeper.hasLeftovers()).toBe(false)
    mkdirSync(join(root(), '.vault.restoring-ab12'))
    expect(vault.keeper.hasLeftovers()).toBe(true)

    const elsewhere = vaults.keeper(join(root(), 'missing', 'vault'))
    expect(elsewhere.hasLeftovers()).toBe(false)
  })
})

describe('failed unlocks', () => {
  it('are counted under the slot’s name or one shared key, on the keeper’s clock', async () => {
    const vault = await newVault()
    const { keeper } = vault
    for (let attempt = 0; attempt < 3; attempt += 1) keeper.recordFailedUnlock(ADMIN, 'passphrase')
    keeper.recordFailedUnlock(null, 'passphrase')
    // The third failure under a name waits a second, from the keeper's clock (not the machine's).
    expect(errorOf(() => keeper.throttle.assertAllowed(ADMIN))).toMatchObject({ code: 'THROTTLED' })
    expect(errorOf(() => keeper.throttle.assertAllowed(UNKNOWN_NAME_KEY))).toBeUndefined()
    clock.advance(1_000)
    expect(errorOf(() => keeper.throttle.assertAllowed(ADMIN))).toBeUndefined()
    for (let attempt = 0; attempt < 2; attempt += 1) keeper.recordFailedUnlock(null, 'recovery-key')
    expect(errorOf(() => keeper.throttle.assertAllowed(UNKNOWN_NAME_KEY))).toMatchObject({
      code: 'THROTTLED',
    })
  })

  it('are written to the trail at the next unlock: which method, whose name (or none), and when', async () => {
    const vault = await newVault()
    const { keeper } = vault
    const first = clock.now().toISOString()
    keeper.recordFailedUnlock(ADMIN, 'passphrase')
    clock.advance(5_000)
    const second = clock.now().toISOString()
    keeper.recordFailedUnlock(null, 'recovery-key')
    clock.advance(5_000)
    keeper.recordFailedUnlock(ADMIN, 'recovery-key')
    clock.advance(5_000)
    keeper.recordFailedUnlock(null, 'passphrase')
    const session = openAdmin(vault)
    keeper.flushPendingFailures(session)
    const entries = storedTrail(vault).slice(2)
    expect(entries).toEqual([
      { action: 'unlock.failed', details: { username: ADMIN, method: 'passphrase' }, actor: null, at: first },
      {
        action: 'recovery.failed',
        details: { unknownName: true, method: 'recovery-key' },
        actor: null,
        at: second,
      },
      {
        action: 'recovery.failed',
        details: { username: ADMIN, method: 'recovery-key' },
        actor: null,
        at: new Date(Date.parse(second) + 5_000).toISOString(),
      },
      {
        action: 'unlock.failed',
        details: { unknownName: true, method: 'passphrase' },
        actor: null,
        at: new Date(Date.parse(second) + 10_000).toISOString(),
      },
    ])
    // Written once: the next flush finds nothing pending.
    keeper.flushPendingFailures(session)
    expect(storedTrail(vault)).toHaveLength(6)
    session.close()
  })
})
