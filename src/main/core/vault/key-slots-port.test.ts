import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { LIGHT_ADMIN as ADMIN, LIGHT_PASSPHRASE as PASSPHRASE, lightVaults } from '#test-support/light-vault'
import { codeOfAsync as codeOf } from '#test-support/per-test'
import { FAST_KDF } from '#test-support/test-kdf'
import type { TRole } from '../../../shared/roles'
import { AccountsRepository } from '../accounts/accounts-repository'
import type { TKdfParams } from './kdf'
import type { TStaffSlot } from './keyring'
import type * as Rekey from './rekey'
import type * as SlotKeys from './slot-keys'
import { unlockWithPassphrase } from './unlock'
import type { VaultKeeper } from './vault-keeper'
import { zeroKeys } from './vault-keys'

/*
 * key-slots-port.ts (the keeper's `keySlots`) on a vault made by createVaultFolder and a bare VaultKeeper (no
 * services): who may make, reseal and regrant slots, what each slot holds, the throttle around a passphrase check,
 * and every private key zeroed once used. The accounts flows through the services are in account-admin.test.ts.
 */

/** Every private key a slot function handed out, to check each is zeroed once the port is done with it. */
const privateKeys = vi.hoisted(() => [] as Buffer[])
/** What the port passed to rekeyVault. */
const rekeyCalls = vi.hoisted(() => [] as unknown[][])

vi.mock('./slot-keys', async (importOriginal) =>
  (await import('#test-support/recording-mocks')).withSlotKeyRecording(
    await importOriginal<typeof SlotKeys>(),
    { created: privateKeys, opened: privateKeys },
  ),
)

vi.mock('./rekey', async (importOriginal) => {
  const actual = await importOriginal<typeof Rekey>()
  return {
    ...actual,
    rekeyVault: async (...args: unknown[]) => {
      rekeyCalls.push(args)
      return { generation: 99, needsNewPassphrase: [], unendorsed: [], removed: [] }
    },
  }
})

const STAFF_PASSPHRASE = 'copper meadow signal harbor 37'
const NEW_PASSPHRASE = 'amber thistle canyon drift 58'
/** What the keeper seals new slots with: not the vault's first KDF, so a slot says which one sealed it. */
const CREATE_KDF: TKdfParams = { ...FAST_KDF, iterations: 2 } as TKdfParams

const vaults = lightVaults()
const { clock, folder } = vaults

type TKeyringFile = { slots: Array<Record<string, unknown>> }
const keyringFile = () => JSON.parse(readFileSync(join(folder(), 'keyring.json'), 'utf8')) as TKeyringFile
const slotOf = (username: string) => keyringFile().slots.find((slot) => slot['username'] === username)
const failuresOf = (username: string): number | undefined => {
  const file = join(folder(), 'unlock-throttle.json')
  if (!existsSync(file)) return undefined
  const state = JSON.parse(readFileSync(file, 'utf8')) as { failures: Record<string, { count: number }> }
  return state.failures[username]?.count
}

beforeEach(() => {
  privateKeys.length = 0
  rekeyCalls.length = 0
})

async function newVault(): Promise<VaultKeeper> {
  const { keeper, keys } = await vaults.newVault({ create: CREATE_KDF })
  zeroKeys(keys)
  return keeper
}

const unlock = (keeper: VaultKeeper, username: string, passphrase: string) =>
  unlockWithPassphrase(keeper, username, passphrase, keeper.begin())

/** A staff account made by the signed-in admin as the services would: slot first, account row, then the keyring. */
async function addStaff(keeper: VaultKeeper, username: string, role: TRole): Promise<string> {
  const id = randomUUID()
  const slot = await keeper.keySlots.newStaffSlot({ id, username, role }, STAFF_PASSPHRASE)
  const session = keeper.require()
  new AccountsRepository(session.db).insert(
    { id, username, displayName: `${username} Example`, role },
    clock.now(),
  )
  keeper.keySlots.put(slot)
  return id
}

const everyPrivateKeyZeroed = () => privateKeys.every((key) => key.every((byte) => byte === 0))

describe('newStaffSlot', () => {
  it("makes an admin-chosen slot sealed with the keeper's KDF, granted the role's keys, that opens the vault", async () => {
    const keeper = await newVault()
    await unlock(keeper, ADMIN, PASSPHRASE)
    privateKeys.length = 0
    const id = randomUUID()
    const slot = await keeper.keySlots.newStaffSlot(
      { id, username: 'sam.example', role: 'caseworker' },
      STAFF_PASSPHRASE,
    )
    expect(slot).toMatchObject({
      kind: 'staff',
      id,
      username: 'sam.example',
      role: 'caseworker',
      mustChangePassphrase: true,
    })
    expect((slot.sealedKey as { kdf: TKdfParams }).kdf).toStrictEqual(CREATE_KDF)
    expect(Object.keys(slot.grants).sort()).toStrictEqual(['case', 'vault'])
    expect(privateKeys).toHaveLength(1)
    expect(everyPrivateKeyZeroed()).toBe(true)
    // Not in the keyring until put.
    expect(slotOf('sam.example')).toBeUndefined()

    const session = keeper.require()
    new AccountsRepository(session.db).insert(
      { id, username: 'sam.example', displayName: 'Sam Example', role: 'caseworker' },
      clock.now(),
    )
    keeper.keySlots.put(slot)
    keeper.close(false)
    const staff = await unlock(keeper, 'sam.example', STAFF_PASSPHRASE)
    expect(staff).toMatchObject({ username: 'sam.example', role: 'caseworker', mustChangePassphrase: true })
    keeper.close(false)
  })

  it('makes a slot with no must-change mark when admin choices are final (tests only)', async () => {
    const keeper = await newVault()
    keeper.isAdminChoiceFinal = true
    await unlock(keeper, ADMIN, PASSPHRASE)
    const slot = await keeper.keySlots.newStaffSlot(
      { id: randomUUID(), username: 'sam.example', role: 'viewer' },
      STAFF_PASSPHRASE,
    )
    expect(slot).not.toHaveProperty('mustChangePassphrase')
    expect(Object.keys(slot.grants)).toStrictEqual(['vault'])
    keeper.close(false)
  })

  it('answers LOCKED when the vault locked during the key derivation, and zeroes the key it made', async () => {
    const keeper = await newVault()
    await unlock(keeper, ADMIN, PASSPHRASE)
    privateKeys.length = 0
    const pending = codeOf(() =>
      keeper.keySlots.newStaffSlot(
        { id: randomUUID(), username: 'sam.example', role: 'admin' },
        STAFF_PASSPHRASE,
      ),
    )
    keeper.close(false)
    expect(await pending).toBe('LOCKED')
    expect(privateKeys).toHaveLength(1)
    expect(everyPrivateKeyZeroed()).toBe(true)
  })

  it('refuses anyone but an admin, and everyone while locked', async () => {
    const keeper = await newVault()
    const make = () =>
      keeper.keySlots.newStaffSlot(
        { id: randomUUID(), username: 'kim.example', role: 'viewer' },
        STAFF_PASSPHRASE,
      )
    expect(await codeOf(make)).toBe('LOCKED')
    await unlock(keeper, ADMIN, PASSPHRASE)
    await addStaff(keeper, 'sam.example', 'caseworker')
    keeper.close(false)
    await unlock(keeper, 'sam.example', STAFF_PASSPHRASE)
    privateKeys.length = 0
    await expect(make()).rejects.toThrow('Only an admin can do this.')
    expect(await codeOf(make)).toBe('FORBIDDEN')
    expect(privateKeys).toHaveLength(0)
    keeper.close(false)
  })
})

describe('resealOwnSlot', () => {
  it("seals the signed-in person's own slot under their new passphrase, clearing the must-change mark", async () => {
    const keeper = await newVault()
    await unlock(keeper, ADMIN, PASSPHRASE)
    await addStaff(keeper, 'sam.example', 'caseworker')
    keeper.close(false)
    await unlock(keeper, 'sam.example', STAFF_PASSPHRASE)
    expect(keeper.require().passphraseChangePending).toBe(true)
    privateKeys.length = 0
    const slot = await keeper.keySlots.resealOwnSlot(STAFF_PASSPHRASE, NEW_PASSPHRASE)
    expect(slot).toMatchObject({ kind: 'staff', username: 'sam.example', role: 'caseworker' })
    expect(slot).not.toHaveProperty('mustChangePassphrase')
    expect((slot.sealedKey as { kdf: TKdfParams }).kdf).toStrictEqual(CREATE_KDF)
    expect(privateKeys).toHaveLength(1)
    expect(everyPrivateKeyZeroed()).toBe(true)

    // put: the keyring now holds it, and the session's must-change refusal ends with it.
    keeper.keySlots.put(slot)
    expect(keeper.require().passphraseChangePending).toBe(false)
    expect(slotOf('sam.example')).not.toHaveProperty('mustChangePassphrase')
    keeper.close(false)
    expect(await codeOf(() => unlock(keeper, 'sam.example', STAFF_PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    await unlock(keeper, 'sam.example', NEW_PASSPHRASE)
    keeper.close(false)
  })

  it('counts a wrong current passphrase against the person, clears the count when right, and waits when throttled', async () => {
    const keeper = await newVault()
    await unlock(keeper, ADMIN, PASSPHRASE)
    const keyringBefore = readFileSync(join(folder(), 'keyring.json'))
    expect(await codeOf(() => keeper.keySlots.resealOwnSlot('wrong words here now', NEW_PASSPHRASE))).toBe(
      'WRONG_PASSPHRASE',
    )
    await expect(keeper.keySlots.resealOwnSlot('wrong words here now', NEW_PASSPHRASE)).rejects.toThrow(
      'Your current passphrase is not right.',
    )
    expect(failuresOf(ADMIN)).toBe(2)
    expect(readFileSync(join(folder(), 'keyring.json')).equals(keyringBefore)).toBe(true)
    await keeper.keySlots.resealOwnSlot(PASSPHRASE, NEW_PASSPHRASE)
    expect(failuresOf(ADMIN)).toBeUndefined()
    expect(everyPrivateKeyZeroed()).toBe(true)

    // Three failures: the next attempt must wait, even with the right passphrase.
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await codeOf(() => keeper.keySlots.resealOwnSlot('wrong words here now', NEW_PASSPHRASE))).toBe(
        'WRONG_PASSPHRASE',
      )
    }
    expect(await codeOf(() => keeper.keySlots.resealOwnSlot(PASSPHRASE, NEW_PASSPHRASE))).toBe('THROTTLED')
    expect(failuresOf(ADMIN)).toBe(3)
    clock.advance(5_000)
    await keeper.keySlots.resealOwnSlot(PASSPHRASE, NEW_PASSPHRASE)
    keeper.close(false)
  })

  it('answers NOT_FOUND when the signed-in person has no slot, and LOCKED while locked', async () => {
    const keeper = await newVault()
    expect(await codeOf(() => keeper.keySlots.resealOwnSlot(PASSPHRASE, NEW_PASSPHRASE))).toBe('LOCKED')
    await unlock(keeper, ADMIN, PASSPHRASE)
    privateKeys.length = 0
    const keyring = keyringFile()
    writeFileSync(
      join(folder(), 'keyring.json'),
      JSON.stringify({ ...keyring, slots: keyring.slots.filter((slot) => slot['username'] !== ADMIN) }),
    )
    await expect(keeper.keySlots.resealOwnSlot(PASSPHRASE, NEW_PASSPHRASE)).rejects.toThrow(
      'Your account has no key slot. Ask an admin.',
    )
    expect(await codeOf(() => keeper.keySlots.resealOwnSlot(PASSPHRASE, NEW_PASSPHRASE))).toBe('NOT_FOUND')
    expect(privateKeys).toHaveLength(0)
    keeper.close(false)
  })
})

describe('regrant', () => {
  it("grants a promoted account's slot its new role's keys, endorsed again", async () => {
    const keeper = await newVault()
    await unlock(keeper, ADMIN, PASSPHRASE)
    const id = await addStaff(keeper, 'sam.example', 'viewer')
    const before = slotOf('sam.example') as TStaffSlot
    expect(Object.keys(before.grants)).toStrictEqual(['vault'])
    const promoted = keeper.keySlots.regrant(id, 'admin')
    expect(promoted).toMatchObject({
      id,
      username: 'sam.example',
      role: 'admin',
      publicKey: before.publicKey,
    })
    expect(Object.keys(promoted.grants).sort()).toStrictEqual(['admin', 'case', 'vault'])
    expect(promoted.endorsement).not.toBe(before.endorsement)
    // The regranted slot opens the vault as an admin once the account says so too.
    keeper.keySlots.put(promoted)
    keeper.require().db.database.prepare("UPDATE staff_accounts SET role = 'admin' WHERE id = ?").run(id)
    keeper.close(false)
    expect(await unlock(keeper, 'sam.example', STAFF_PASSPHRASE)).toMatchObject({ role: 'admin' })
    keeper.close(false)
  })

  it('refuses a slot the keyring was edited to change (not endorsed), a missing one, and non-admins', async () => {
    const keeper = await newVault()
    await unlock(keeper, ADMIN, PASSPHRASE)
    const id = await addStaff(keeper, 'sam.example', 'viewer')
    expect(await codeOf(() => keeper.keySlots.regrant(randomUUID(), 'caseworker'))).toBe('NOT_FOUND')
    expect(() => keeper.keySlots.regrant(randomUUID(), 'caseworker')).toThrow(
      'This account has no key slot. Reset its passphrase.',
    )
    // The recovery slot is granted, but is no staff account's.
    expect(await codeOf(() => keeper.keySlots.regrant('recovery', 'caseworker'))).toBe('NOT_FOUND')

    const keyring = keyringFile()
    const edited = {
      ...keyring,
      slots: keyring.slots.map((slot) => (slot['id'] === id ? { ...slot, role: 'admin' } : slot)),
    }
    writeFileSync(join(folder(), 'keyring.json'), JSON.stringify(edited))
    expect(await codeOf(() => keeper.keySlots.regrant(id, 'caseworker'))).toBe('CONFLICT')
    expect(() => keeper.keySlots.regrant(id, 'caseworker')).toThrow(
      "This account's key slot was not endorsed by an admin of this vault (the keyring was edited). Reset its passphrase.",
    )
    keeper.close(false)

    expect(await codeOf(() => keeper.keySlots.regrant(id, 'caseworker'))).toBe('LOCKED')
  })

  it('is for admins only', async () => {
    const keeper = await newVault()
    await unlock(keeper, ADMIN, PASSPHRASE)
    const id = await addStaff(keeper, 'sam.example', 'caseworker')
    keeper.close(false)
    await unlock(keeper, 'sam.example', STAFF_PASSPHRASE)
    expect(await codeOf(() => keeper.keySlots.regrant(id, 'admin'))).toBe('FORBIDDEN')
    keeper.close(false)
  })
})

describe('put, exclusive and rekey', () => {
  it("writes a colleague's slot without touching the signed-in person's must-change state, also while locked", async () => {
    const keeper = await newVault()
    await unlock(keeper, ADMIN, PASSPHRASE)
    const slot = await keeper.keySlots.newStaffSlot(
      { id: randomUUID(), username: 'sam.example', role: 'viewer' },
      STAFF_PASSPHRASE,
    )
    expect(keeper.require().passphraseChangePending).toBe(false)
    keeper.keySlots.put(slot)
    expect(keeper.require().passphraseChangePending).toBe(false)
    expect(slotOf('sam.example')).toStrictEqual(slot)
    keeper.close(false)
    // Locked: the keyring is still written (a restore's own slot), and nothing is asked of a session.
    keeper.keySlots.put({ ...slot, username: 'sam.renamed' })
    expect(slotOf('sam.renamed')).toMatchObject({ id: slot.id })
    expect(slotOf('sam.example')).toBeUndefined()
  })

  it('marks the signed-in person as needing a new passphrase when their own slot is put with the mark', async () => {
    const keeper = await newVault()
    await unlock(keeper, ADMIN, PASSPHRASE)
    const own = slotOf(ADMIN) as TStaffSlot
    const reset = await keeper.keySlots.newStaffSlot(
      { id: own.id, username: ADMIN, role: 'admin' },
      STAFF_PASSPHRASE,
    )
    keeper.keySlots.put(reset)
    expect(keeper.require().passphraseChangePending).toBe(true)
    keeper.close(false)
  })

  it('runs operations one at a time, and hands a rekey to rekeyVault with the keeper', async () => {
    const keeper = await newVault()
    const order: string[] = []
    let release = () => undefined as void
    const first = keeper.keySlots.exclusive(async () => {
      order.push('first starts')
      await new Promise<void>((resolve) => {
        release = resolve
      })
      order.push('first ends')
      return 1
    })
    const second = keeper.keySlots.exclusive(async () => {
      order.push('second')
      return 2
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(order).toStrictEqual(['first starts'])
    release()
    expect(await Promise.all([first, second])).toStrictEqual([1, 2])
    expect(order).toStrictEqual(['first starts', 'first ends', 'second'])

    const options = { onProgress: () => undefined }
    const result = await keeper.keySlots.rekey('account-disabled', options)
    expect(result.generation).toBe(99)
    expect(rekeyCalls).toStrictEqual([[keeper, 'account-disabled', options]])
  })
})
