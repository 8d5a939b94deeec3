import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { codeOfAsync } from '#test-support/per-test'
import { LIGHT_ADMIN as ADMIN, LIGHT_PASSPHRASE as PASSPHRASE, lightVaults } from '#test-support/light-vault'
import { FAST_KDF } from '#test-support/test-kdf'
import { copyWave1Vault } from '#test-support/wave1-vault'
import { AppError } from '../../../shared/result'
import type { TDatabase } from '../db/open-database'
import { deriveKey, type TKdfParams } from './kdf'
import type * as KdfModule from './kdf'
import { unwrapKey, wrapKey } from './key-wrap'
import { filesOfGeneration, RECOVERY_SLOT_ID, type TLegacyKeyring } from './keyring'
import { openVaultDatabase } from './open-vault-database'
import type { TOperation } from './operation-guard'
import { generateRecoveryKey } from './recovery-key'
import { createGrantedSlot, openGrants, openLegacySlot, openSlotPrivateKey } from './slot-keys'
import type * as SlotKeysModule from './slot-keys'
import { unlockWithPassphrase, unlockWithRecoveryKey } from './unlock'
import type { VaultKeeper } from './vault-keeper'
import { generationPaths } from './vault-paths'
import { zeroKeys, type TVaultKeys } from './vault-keys'

// The same functions, watched: how many key derivations an unlock runs, and whether the keys it opened are zeroed.
vi.mock('./kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof KdfModule>()
  return { ...actual, deriveKey: vi.fn(actual.deriveKey) }
})
vi.mock('./slot-keys', async (importOriginal) => {
  const actual = await importOriginal<typeof SlotKeysModule>()
  return {
    ...actual,
    openGrants: vi.fn(actual.openGrants),
    openLegacySlot: vi.fn(actual.openLegacySlot),
    openSlotPrivateKey: vi.fn(actual.openSlotPrivateKey),
  }
})

/*
 * unlock.ts itself, on a vault made by createVaultFolder and a bare VaultKeeper (no services; the set-up is
 * #test-support/light-vault's): a wrong passphrase, the throttle, the slot's identity, and a weaker key derivation
 * sealed again at its owner's unlock. The whole lifecycle through the services is in vault-service.test.ts and
 * tests/unit/insider.test.ts.
 */

/** Stronger than FAST_KDF (more passes): a slot sealed with FAST_KDF is weaker than a keeper creating with it. */
const STRONGER_KDF: TKdfParams = { ...FAST_KDF, iterations: 2 } as TKdfParams

type TKeyringFile = { slots: Array<Record<string, unknown> & { sealedKey?: { kdf: TKdfParams } }> }

const vaults = lightVaults()
const { clock, folder } = vaults
/** The last new vault's recovery key and keys (a test may write vault.db or add a colleague's slot behind the app's back). */
let recoveryKey = ''
let vaultKeys: TVaultKeys = { vault: Buffer.alloc(0), case: null, admin: null }
const keyringFile = () => JSON.parse(readFileSync(join(folder(), 'keyring.json'), 'utf8')) as TKeyringFile

beforeEach(() => {
  vi.clearAllMocks()
})
afterEach(() => {
  zeroKeys(vaultKeys)
})

/** A new vault with alex.example as its admin; returns a keeper for it that creates slots with `create`. */
async function newVault(
  sealedWith: TKdfParams = FAST_KDF,
  create: TKdfParams = FAST_KDF,
): Promise<VaultKeeper> {
  const made = await vaults.newVault({ sealedWith, create })
  recoveryKey = made.recoveryKey
  vaultKeys = made.keys
  return made.keeper
}

const unlock = (keeper: VaultKeeper, username: string, passphrase: string) =>
  unlockWithPassphrase(keeper, username, passphrase, keeper.begin())

/** What a wrong passphrase or key answers, once counted or while the throttle makes it wait. */
const WRONG_OR_WAIT = /^(WRONG_PASSPHRASE|THROTTLED)$/

/** The error an unlock fails with, as code and message (a non-AppError fails the test). */
async function failureOf(work: Promise<unknown>): Promise<{ code: string; message: string } | null> {
  try {
    await work
    return null
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message }
    throw error
  }
}

/** The trail's entries, oldest first: action, target and details. */
const entries = (keeper: VaultKeeper) =>
  keeper
    .require()
    .trail.list({})
    .entries.map((entry) => ({
      action: entry.action,
      target: entry.targetType === null ? null : `${entry.targetType}:${entry.targetId ?? ''}`,
      details: entry.details,
    }))
    .reverse()

const editKeyring = (edit: (keyring: TKeyringFile) => void) => {
  const keyring = keyringFile()
  edit(keyring)
  writeFileSync(join(folder(), 'keyring.json'), JSON.stringify(keyring, null, 2))
}

const slotNamed = (keyring: TKeyringFile, username: string) => {
  const slot = keyring.slots.find((each) => each['username'] === username)
  if (slot === undefined) throw new Error(`no slot named ${username}`)
  return slot
}

const recoverySlotOf = (keyring: TKeyringFile) => {
  const slot = keyring.slots.find((each) => each['kind'] === 'recovery')
  if (slot === undefined) throw new Error('no recovery slot')
  return slot
}

/** Someone lists the recovery slot's public key as `username`'s, to receive the grants meant for that slot. */
const swapPublicKey = (username: string) =>
  editKeyring((keyring) => {
    slotNamed(keyring, username)['publicKey'] = recoverySlotOf(keyring)['publicKey']
  })

/** An operation like keeper.begin()'s that counts its end() calls. */
function countedOperation(keeper: VaultKeeper): { operation: TOperation; ends: () => number } {
  const operation = keeper.begin()
  let ends = 0
  return {
    operation: {
      state: operation.state,
      get cancelled() {
        return operation.cancelled
      },
      throwIfCancelled: () => operation.throwIfCancelled(),
      end: () => {
        ends += 1
        operation.end()
      },
    },
    ends: () => ends,
  }
}

/** The buffers a watched function resolved to (keys it opened), in call order. */
async function resolvedBuffers(watched: { mock: { results: Array<{ value: unknown }> } }) {
  const values = await Promise.all(watched.mock.results.map((result) => result.value))
  return values.filter((value): value is Buffer => Buffer.isBuffer(value))
}

const isZeroed = (key: Buffer | null) => key !== null && key.length > 0 && key.every((byte) => byte === 0)

const CASEWORKER = 'casey.example'
const CASEWORKER_PASSPHRASE = 'maple harbour violin kettle 17'

/** casey.example, a caseworker, added to the last new vault as an admin would: an account and an endorsed slot. */
async function addCaseworker(): Promise<string> {
  const id = randomUUID()
  const database = openVaultDatabase(generationPaths(folder(), filesOfGeneration(1)).vault, vaultKeys.vault)
  database
    .prepare(
      `INSERT INTO staff_accounts (id, username, display_name, role, status, created_at, updated_at)
       VALUES (?, ?, 'Casey Staff-Example', 'caseworker', 'active', ?, ?)`,
    )
    .run(id, CASEWORKER, clock.now().toISOString(), clock.now().toISOString())
  database.close()
  const keyring = keyringFile() as unknown as { vaultId: string; generation: number }
  const created = await createGrantedSlot(
    { kind: 'staff', id, username: CASEWORKER },
    'caseworker',
    CASEWORKER_PASSPHRASE,
    { vaultId: keyring.vaultId, generation: keyring.generation, keys: vaultKeys, kdf: FAST_KDF },
  )
  created.keyPair.privateKey.fill(0)
  editKeyring((file) => file.slots.push(created.slot as unknown as TKeyringFile['slots'][number]))
  return id
}

const actions = (keeper: VaultKeeper): Array<[string, unknown]> =>
  keeper
    .require()
    .trail.list({})
    .entries.map((entry): [string, unknown] => [entry.action, entry.details])
    .reverse()

describe('unlockWithPassphrase', () => {
  it('opens a session for the slot’s account, whatever the case of the typed name', async () => {
    const keeper = await newVault()
    const staff = await unlock(keeper, 'Alex.Example', PASSPHRASE)
    expect(staff).toMatchObject({ username: ADMIN, role: 'admin' })
    expect(keeper.current()?.staff.username).toBe(ADMIN)
    expect(actions(keeper).at(-1)?.[0]).toBe('unlock.succeeded')
    keeper.close(false)
  })

  it('a wrong passphrase opens nothing, and is counted and audited under the slot’s name', async () => {
    const keeper = await newVault()
    expect(await codeOfAsync(unlock(keeper, 'ALEX.example', 'wrong horse battery staple 11'))).toBe(
      'WRONG_PASSPHRASE',
    )
    expect(keeper.current()).toBeNull()
    clock.advance(60_000)
    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'unlock.failed')).toEqual([
      ['unlock.failed', { username: ADMIN, method: 'passphrase' }],
    ])
    keeper.close(false)
  })

  it('an unknown name fails like a wrong passphrase and is audited under no name', async () => {
    const keeper = await newVault()
    expect(await codeOfAsync(unlock(keeper, 'nobody.example', PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect(keeper.current()).toBeNull()
    clock.advance(60_000)
    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'unlock.failed')).toEqual([
      ['unlock.failed', { unknownName: true, method: 'passphrase' }],
    ])
    keeper.close(false)
  })

  it('after repeated wrong passphrases even the right one waits (THROTTLED) until the delay has passed', async () => {
    const keeper = await newVault()
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect(await codeOfAsync(unlock(keeper, ADMIN, 'wrong horse battery staple 11'))).toMatch(WRONG_OR_WAIT)
    }
    expect(await codeOfAsync(unlock(keeper, ADMIN, PASSPHRASE))).toBe('THROTTLED')
    // The name typed in other letters is the same slot, so the same count: no way around the wait.
    expect(await codeOfAsync(unlock(keeper, 'ALEX.EXAMPLE', PASSPHRASE))).toBe('THROTTLED')
    expect(keeper.current()).toBeNull()
    clock.advance(60_000)
    expect(await unlock(keeper, ADMIN, PASSPHRASE)).toMatchObject({ username: ADMIN })
    keeper.close(false)
  })

  it('an unknown name has its own count: a real account’s wait does not apply to it', async () => {
    const keeper = await newVault()
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect(await codeOfAsync(unlock(keeper, ADMIN, 'wrong horse battery staple 11'))).toMatch(WRONG_OR_WAIT)
    }
    expect(await codeOfAsync(unlock(keeper, ADMIN, PASSPHRASE))).toBe('THROTTLED')
    expect(await codeOfAsync(unlock(keeper, 'nobody.example', PASSPHRASE))).toBe('WRONG_PASSPHRASE')
  })

  it('a lock during the key derivation wins: CANCELLED, and no session is installed after it', async () => {
    const keeper = await newVault()
    const unlocking = unlock(keeper, ADMIN, PASSPHRASE)
    keeper.close(false) // the idle lock or Ctrl+L, while the passphrase's key is being derived
    expect(await codeOfAsync(unlocking)).toBe('CANCELLED')
    expect(keeper.current()).toBeNull()
    // Not even an entry saying it succeeded: the next unlock's is the only one.
    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'unlock.succeeded')).toHaveLength(1)
    keeper.close(false)
  })

  it('the slot found by the typed name opens only the account its id names, under that same name', async () => {
    const keeper = await newVault()
    // Anyone holding K_vault can write vault.db: the account renamed there no longer matches its slot.
    const files = generationPaths(folder(), filesOfGeneration(1))
    const database = openVaultDatabase(files.vault, vaultKeys.vault)
    database.prepare(`UPDATE staff_accounts SET username = 'mallory.example'`).run()
    database.close()
    expect(await codeOfAsync(unlock(keeper, ADMIN, PASSPHRASE))).toBe('FORBIDDEN')
    expect(await codeOfAsync(unlock(keeper, 'mallory.example', PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect(keeper.current()).toBeNull()
  })

  it('a slot whose listed public key is not its own is recorded as tampered with and put right for an admin', async () => {
    const keeper = await newVault()
    const own = slotNamed(keyringFile(), ADMIN)['publicKey']
    swapPublicKey(ADMIN)

    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'keyring.tamper_detected')).toEqual([
      ['keyring.tamper_detected', { publicKeySwapped: true }],
    ])
    expect(slotNamed(keyringFile(), ADMIN)['publicKey']).toBe(own)
    keeper.close(false)
  })

  it('an admin’s swapped public key stays put right when the slot is also sealed again with a stronger derivation', async () => {
    const keeper = await newVault(FAST_KDF, STRONGER_KDF)
    const own = slotNamed(keyringFile(), ADMIN)['publicKey']
    swapPublicKey(ADMIN)

    await unlock(keeper, ADMIN, PASSPHRASE)
    const after = slotNamed(keyringFile(), ADMIN)
    expect(after['publicKey']).toBe(own)
    expect(after.sealedKey?.kdf).toEqual(STRONGER_KDF)
    keeper.close(false)
    // The next unlock finds nothing to repair: the slot holds its own key, endorsed.
    clock.advance(60_000)
    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'keyring.tamper_detected')).toEqual([
      ['keyring.tamper_detected', { publicKeySwapped: true }],
    ])
    keeper.close(false)
  })

  it('a slot sealed with a weaker key derivation is sealed again with the stronger one at its owner’s unlock', async () => {
    const keeper = await newVault(FAST_KDF, STRONGER_KDF)
    await unlock(keeper, ADMIN, PASSPHRASE)
    const sealed = slotNamed(keyringFile(), ADMIN).sealedKey?.kdf
    expect(sealed).toEqual(STRONGER_KDF)
    expect(actions(keeper).filter(([action]) => action === 'account.key_strengthened')).toEqual([
      ['account.key_strengthened', { from: 'argon2id', to: 'argon2id' }],
    ])
    keeper.close(false)
    // The same passphrase still opens it, and nothing is sealed again a second time.
    clock.advance(60_000)
    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'account.key_strengthened')).toHaveLength(1)
    keeper.close(false)
  })

  it('a slot already at the keeper’s key derivation is left as it was', async () => {
    const keeper = await newVault(STRONGER_KDF, FAST_KDF)
    const before = readFileSync(join(folder(), 'keyring.json'), 'utf8')
    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(readFileSync(join(folder(), 'keyring.json'), 'utf8')).toBe(before)
    keeper.close(false)
  })
})

describe('unlockWithPassphrase, after the session opens', () => {
  it('a lock arriving once the slot is sealed again wins: CANCELLED, and the session is closed, not installed', async () => {
    const keeper = await newVault(FAST_KDF, STRONGER_KDF)
    const operation = keeper.begin()
    let checks = 0
    // The lock lands at the unlock's first check after the reseal (the keyring already names the stronger KDF).
    const watched: TOperation = {
      state: operation.state,
      get cancelled() {
        return operation.cancelled
      },
      throwIfCancelled: () => {
        checks += 1
        const sealed = slotNamed(keyringFile(), ADMIN).sealedKey?.kdf
        if (checks === 3 && JSON.stringify(sealed) === JSON.stringify(STRONGER_KDF)) keeper.close(false)
        operation.throwIfCancelled()
      },
      end: () => operation.end(),
    }
    expect(await codeOfAsync(unlockWithPassphrase(keeper, ADMIN, PASSPHRASE, watched))).toBe('CANCELLED')
    expect(checks).toBe(3)
    expect(keeper.current()).toBeNull()
    keeper.close(false)
  })

  it('an admin’s unlock records keyring slots no admin endorsed (heal-keyring runs after it)', async () => {
    const keeper = await newVault()
    editKeyring((keyring) => {
      const recovery = recoverySlotOf(keyring)
      const endorsement = String(recovery['endorsement'])
      recovery['endorsement'] = `${endorsement[0] === 'A' ? 'B' : 'A'}${endorsement.slice(1)}`
    })

    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'keyring.tamper_detected')).toEqual([
      ['keyring.tamper_detected', { unendorsedSlots: [RECOVERY_SLOT_ID] }],
    ])
    keeper.close(false)
  })
})

describe('unlockWithRecoveryKey', () => {
  const NEW = 'granite tulip comet saddle 45'
  const recover = (keeper: VaultKeeper, key: string) =>
    unlockWithRecoveryKey(keeper, key, ADMIN, NEW, keeper.begin())

  it('a wrong recovery key opens nothing and has a throttle of its own, which the right key then waits for', async () => {
    const keeper = await newVault()
    const wrong = recoveryKey.replace(/[A-Z2-7]/, (character) => (character === 'A' ? 'B' : 'A'))
    expect(await codeOfAsync(recover(keeper, wrong))).toBe('WRONG_PASSPHRASE')
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect(await codeOfAsync(recover(keeper, wrong))).toMatch(WRONG_OR_WAIT)
    expect(await codeOfAsync(recover(keeper, recoveryKey))).toBe('THROTTLED')
    expect(keeper.current()).toBeNull()
    clock.advance(60_000)
    expect(await recover(keeper, recoveryKey)).toMatchObject({ username: ADMIN })
    keeper.close(false)
    expect(await codeOfAsync(unlock(keeper, ADMIN, PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect(await unlock(keeper, ADMIN, NEW)).toMatchObject({ username: ADMIN })
    keeper.close(false)
  })

  it('refuses an unknown or disabled account or a weak new passphrase, and then leaves the keyring as it was', async () => {
    const keeper = await newVault()
    const before = readFileSync(join(folder(), 'keyring.json'), 'utf8')
    const attempt = (username: string, passphrase: string) =>
      unlockWithRecoveryKey(keeper, recoveryKey, username, passphrase, keeper.begin())
    expect(await codeOfAsync(attempt('nobody.example', NEW))).toBe('NOT_FOUND')
    expect(await codeOfAsync(attempt(ADMIN, 'alex.example'))).toBe('BAD_REQUEST')
    const database = openVaultDatabase(generationPaths(folder(), filesOfGeneration(1)).vault, vaultKeys.vault)
    database.prepare(`UPDATE staff_accounts SET status = 'disabled'`).run()
    database.close()
    expect(await codeOfAsync(attempt(ADMIN, NEW))).toBe('NOT_FOUND')
    expect(keeper.current()).toBeNull()
    expect(readFileSync(join(folder(), 'keyring.json'), 'utf8')).toBe(before)
  })
})

describe('unlockWithPassphrase, its refusals and what it leaves behind', () => {
  it('no keyring: NO_VAULT, saying to create one', async () => {
    const keeper = vaults.keeper()
    expect(await failureOf(unlock(keeper, ADMIN, PASSPHRASE))).toEqual({
      code: 'NO_VAULT',
      message: 'There is no vault yet. Create one first.',
    })
  })

  it('says which of its refusals it is: a wrong passphrase, and a disabled account', async () => {
    const keeper = await newVault()
    expect(await failureOf(unlock(keeper, ADMIN, 'wrong horse battery staple 11'))).toEqual({
      code: 'WRONG_PASSPHRASE',
      message: 'That account name and passphrase do not open the vault.',
    })
    const database = openVaultDatabase(generationPaths(folder(), filesOfGeneration(1)).vault, vaultKeys.vault)
    database.prepare(`UPDATE staff_accounts SET status = 'disabled'`).run()
    database.close()
    clock.advance(60_000)
    expect(await failureOf(unlock(keeper, ADMIN, PASSPHRASE))).toEqual({
      code: 'FORBIDDEN',
      message: 'This account is disabled. Ask an admin.',
    })
    expect(keeper.current()).toBeNull()
  })

  it('its audit entries name the account as their target', async () => {
    const keeper = await newVault()
    swapPublicKey(ADMIN)
    const id = String(slotNamed(keyringFile(), ADMIN)['id'])
    await unlock(keeper, ADMIN, PASSPHRASE)
    const about = (action: string) => entries(keeper).filter((entry) => entry.action === action)
    expect(about('unlock.succeeded')).toEqual([
      { action: 'unlock.succeeded', target: `account:${id}`, details: {} },
    ])
    expect(about('keyring.tamper_detected')).toEqual([
      { action: 'keyring.tamper_detected', target: `account:${id}`, details: { publicKeySwapped: true } },
    ])
    keeper.close(false)
  })

  it('a slot sealed again is audited against its account', async () => {
    const keeper = await newVault(FAST_KDF, STRONGER_KDF)
    const id = String(slotNamed(keyringFile(), ADMIN)['id'])
    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(entries(keeper).filter((entry) => entry.action === 'account.key_strengthened')).toEqual([
      {
        action: 'account.key_strengthened',
        target: `account:${id}`,
        details: { from: 'argon2id', to: 'argon2id' },
      },
    ])
    keeper.close(false)
  })

  it('a slot whose vault key grant does not open: INVALID_FILE, no session, the private key zeroed', async () => {
    const keeper = await newVault()
    // A grant moved from another key is bound to that key's name: it no longer opens as the vault key.
    editKeyring((keyring) => {
      const grants = slotNamed(keyring, ADMIN)['grants'] as Record<string, unknown>
      grants['vault'] = grants['case']
    })
    const { operation, ends } = countedOperation(keeper)
    expect(await failureOf(unlockWithPassphrase(keeper, ADMIN, PASSPHRASE, operation))).toEqual({
      code: 'INVALID_FILE',
      message: "This account's keys in the keyring are damaged. Ask an admin to reset its passphrase.",
    })
    expect(keeper.current()).toBeNull()
    expect(ends()).toBe(1)
    const [privateKey] = await resolvedBuffers(vi.mocked(openSlotPrivateKey))
    expect(isZeroed(privateKey ?? null)).toBe(true)
  })

  it('once it succeeds: the operation ended and the slot’s private key zeroed', async () => {
    const keeper = await newVault()
    const { operation, ends } = countedOperation(keeper)
    await unlockWithPassphrase(keeper, ADMIN, PASSPHRASE, operation)
    expect(ends()).toBe(1)
    expect(keeper.operations.isBusy()).toBe(false)
    const [privateKey] = await resolvedBuffers(vi.mocked(openSlotPrivateKey))
    expect(isZeroed(privateKey ?? null)).toBe(true)
    keeper.close(false)
  })

  it('a caseworker’s swapped public key is recorded, and left for an admin’s rekey (no admin key to endorse it)', async () => {
    const keeper = await newVault()
    const id = await addCaseworker()
    swapPublicKey(CASEWORKER)
    const before = readFileSync(join(folder(), 'keyring.json'), 'utf8')
    expect(await unlock(keeper, CASEWORKER, CASEWORKER_PASSPHRASE)).toMatchObject({ role: 'caseworker' })
    expect(entries(keeper).filter((entry) => entry.action === 'keyring.tamper_detected')).toEqual([
      { action: 'keyring.tamper_detected', target: `account:${id}`, details: { publicKeySwapped: true } },
    ])
    expect(readFileSync(join(folder(), 'keyring.json'), 'utf8')).toBe(before)
    keeper.close(false)
  })
})

/** The key derivations run since the spy was last cleared: secret, salt (base64) and parameters. */
const derivations = () =>
  vi.mocked(deriveKey).mock.calls.map(([secret, salt, params]) => [secret, salt.toString('base64'), params])

const WRONG = 'wrong horse battery staple 11'

/** The key derivations an unlock as `username` with a wrong passphrase runs (it must be refused as one). */
async function derivationsOfWrongUnlock(keeper: VaultKeeper, username: string) {
  vi.mocked(deriveKey).mockClear()
  expect(await codeOfAsync(unlock(keeper, username, WRONG))).toBe('WRONG_PASSPHRASE')
  return derivations()
}

describe('unlockWithPassphrase, an unknown name', () => {
  it('costs the key derivation a known name costs: the first staff slot’s, even listed after the recovery slot', async () => {
    const keeper = await newVault()
    editKeyring((keyring) => keyring.slots.reverse())
    const alex = slotNamed(keyringFile(), ADMIN)['sealedKey'] as { salt: string; kdf: TKdfParams }
    const known = await derivationsOfWrongUnlock(keeper, ADMIN)
    expect(await derivationsOfWrongUnlock(keeper, 'nobody.example')).toEqual(known)
    expect(known).toEqual([[WRONG, alex.salt, FAST_KDF]])
  })

  it('with no staff slot to imitate, fails all the same', async () => {
    const keeper = await newVault()
    editKeyring((keyring) => {
      keyring.slots = keyring.slots.filter((slot) => slot['kind'] === 'recovery')
    })
    expect(await codeOfAsync(unlock(keeper, 'nobody.example', WRONG))).toBe('WRONG_PASSPHRASE')
  })
})

describe('unlockWithRecoveryKey, on the current keyring', () => {
  const NEW = 'granite tulip comet saddle 45'
  const recover = (keeper: VaultKeeper, key = recoveryKey, username = ADMIN, passphrase = NEW) =>
    unlockWithRecoveryKey(keeper, key, username, passphrase, keeper.begin())

  it('no keyring: NO_VAULT; no recovery slot: NOT_FOUND; each saying so', async () => {
    const empty = vaults.keeper()
    expect(await failureOf(recover(empty, 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA'))).toEqual({
      code: 'NO_VAULT',
      message: 'There is no vault yet. Create one first.',
    })
    const keeper = await newVault()
    editKeyring((keyring) => {
      keyring.slots = keyring.slots.filter((slot) => slot['kind'] !== 'recovery')
    })
    expect(await failureOf(recover(keeper))).toEqual({
      code: 'NOT_FOUND',
      message: 'This vault has no recovery key.',
    })
  })

  it('a wrong key says the recovery key does not open the vault; an unknown account that there is none', async () => {
    const keeper = await newVault()
    const wrong = recoveryKey.replace(/[A-Z2-7]/, (character) => (character === 'A' ? 'B' : 'A'))
    expect(await failureOf(recover(keeper, wrong))).toEqual({
      code: 'WRONG_PASSPHRASE',
      message: 'That recovery key does not open this vault.',
    })
    clock.advance(60_000)
    expect(await failureOf(recover(keeper, recoveryKey, 'nobody.example'))).toEqual({
      code: 'NOT_FOUND',
      message: 'There is no active account with that name.',
    })
  })

  it('a new passphrase made of the account’s own name is refused as too easy to guess', async () => {
    const keeper = await newVault()
    // Strong enough for a stranger; not once the name and display name count against it.
    expect(await failureOf(recover(keeper, recoveryKey, ADMIN, 'alex staff-example 1'))).toEqual({
      code: 'BAD_REQUEST',
      message: 'This passphrase is too easy to guess. Add more unrelated words.',
    })
  })

  it('a recovery slot whose vault key grant does not open, or that holds no admin key: INVALID_FILE', async () => {
    const keeper = await newVault()
    const damaged = {
      code: 'INVALID_FILE',
      message: "This account's keys in the keyring are damaged. Ask an admin to reset its passphrase.",
    }
    const original = readFileSync(join(folder(), 'keyring.json'), 'utf8')
    editKeyring((keyring) => {
      const grants = recoverySlotOf(keyring)['grants'] as Record<string, unknown>
      grants['vault'] = grants['case']
    })
    expect(await failureOf(recover(keeper))).toEqual(damaged)
    writeFileSync(join(folder(), 'keyring.json'), original)
    editKeyring((keyring) => {
      delete (recoverySlotOf(keyring)['grants'] as Record<string, unknown>)['admin']
    })
    expect(await failureOf(recover(keeper))).toEqual(damaged)
    expect(keeper.current()).toBeNull()
  })

  it('opens an admin session with all three keys, audited against the account, and zeroes what it opened', async () => {
    const keeper = await newVault()
    const id = String(slotNamed(keyringFile(), ADMIN)['id'])
    const opened: TDatabase[] = []
    const openDatabase = keeper.openDatabase.bind(keeper)
    keeper.openDatabase = (...args) => {
      const database = openDatabase(...args)
      opened.push(database)
      return database
    }
    const { operation, ends } = countedOperation(keeper)
    const staff = await unlockWithRecoveryKey(keeper, recoveryKey, ADMIN, NEW, operation)
    expect(staff).toMatchObject({ username: ADMIN, role: 'admin' })
    expect(keeper.require().keys.case).not.toBeNull()
    expect(keeper.require().keys.admin).not.toBeNull()
    expect(entries(keeper).slice(-2)).toEqual([
      { action: 'recovery.used', target: `account:${id}`, details: {} },
      { action: 'account.passphrase_changed', target: `account:${id}`, details: { via: 'recovery-key' } },
    ])
    // The account's look-up opened vault.db once, on its own, and closed it.
    expect(opened[0]?.open).toBe(false)
    expect(ends()).toBe(1)
    const granted = vi.mocked(openGrants).mock.results[0]?.value as TVaultKeys
    expect([granted.vault, granted.case, granted.admin].every(isZeroed)).toBe(true)
    keeper.close(false)
  })

  it('a failure writing its audit entries installs no session and leaves the keyring as it was', async () => {
    const keeper = await newVault()
    const database = openVaultDatabase(generationPaths(folder(), filesOfGeneration(1)).vault, vaultKeys.vault)
    database.exec(`CREATE TRIGGER refuse_for_test BEFORE INSERT ON audit_log
      WHEN NEW.action = 'account.passphrase_changed' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`)
    database.close()
    const before = readFileSync(join(folder(), 'keyring.json'), 'utf8')
    await expect(recover(keeper)).rejects.toThrow('refused for the test')
    expect(keeper.current()).toBeNull()
    expect(readFileSync(join(folder(), 'keyring.json'), 'utf8')).toBe(before)
  })
})

/*
 * The saved wave-1 vault (tests/fixtures/wave1-vault), its slots wrapped again under a cheap scrypt: the fixture's own
 * costs 128 MiB and a good part of a second per derivation. Its old master key is opened once, with the admin's
 * passphrase, for the whole file.
 */
const WAVE1_PASSPHRASES: Record<string, string> = {
  'alex.example': PASSPHRASE,
  'casey.example': CASEWORKER_PASSPHRASE,
  'riley.example': 'orchid tundra pebble lantern 8',
}
const CHEAP_SCRYPT: TKdfParams = { name: 'scrypt', N: 16, r: 1, p: 1 }
let wave1Key: Buffer | null = null
afterAll(() => wave1Key?.fill(0))

type TWave1Slot = TLegacyKeyring['slots'][number]
const legacyContext = (vaultId: string, slot: TWave1Slot) => `ccij-keyring-v1|${vaultId}|${slot.id}`

async function wave1MasterKey(keyring: TLegacyKeyring): Promise<Buffer> {
  if (wave1Key !== null) return wave1Key
  const alex = keyring.slots.find((slot) => slot.kind === 'staff' && slot.username === ADMIN)
  if (alex === undefined) throw new Error('the fixture has no alex.example slot')
  const keyEncryptionKey = await deriveKey(PASSPHRASE, Buffer.from(alex.salt, 'base64'), alex.kdf)
  wave1Key = unwrapKey(alex.wrappedKey, keyEncryptionKey, legacyContext(keyring.vaultId, alex))
  keyEncryptionKey.fill(0)
  if (wave1Key === null) throw new Error('the fixture’s admin passphrase did not open it')
  return wave1Key
}

/** The wave-1 vault in the test's folder, re-wrapped (slots edited by `edit`); a keeper and its new recovery key. */
async function wave1Vault(
  edit: (slots: TWave1Slot[]) => TWave1Slot[] = (slots) => slots,
): Promise<{ keeper: VaultKeeper; recoveryKey: string }> {
  copyWave1Vault(folder())
  const file = join(folder(), 'keyring.json')
  const keyring = JSON.parse(readFileSync(file, 'utf8')) as TLegacyKeyring
  const masterKey = await wave1MasterKey(keyring)
  const key = generateRecoveryKey()
  const slots: TWave1Slot[] = []
  for (const slot of keyring.slots) {
    const secret = slot.kind === 'recovery' ? key : (WAVE1_PASSPHRASES[slot.username] ?? '')
    const salt = randomBytes(16)
    const keyEncryptionKey = await deriveKey(secret, salt, CHEAP_SCRYPT)
    const wrappedKey = wrapKey(masterKey, keyEncryptionKey, legacyContext(keyring.vaultId, slot))
    keyEncryptionKey.fill(0)
    slots.push({ ...slot, kdf: CHEAP_SCRYPT, salt: salt.toString('base64'), wrappedKey } as TWave1Slot)
  }
  writeFileSync(file, JSON.stringify({ ...keyring, slots: edit(slots) }, null, 2))
  vi.clearAllMocks()
  const keeper = vaults.keeper()
  return { keeper, recoveryKey: key }
}

const keyringVersion = () => (keyringFile() as unknown as { version: number }).version

describe('unlockWithPassphrase, on a wave-1 vault', () => {
  it('its admin’s unlock upgrades it and opens the session, found by any spelling of the slot’s name', async () => {
    // A wave-1 slot's name was never authenticated: one spelled with capitals is still found.
    const { keeper } = await wave1Vault((slots) =>
      slots.map((slot) =>
        slot.kind === 'staff' && slot.username === ADMIN ? { ...slot, username: 'Alex.Example' } : slot,
      ),
    )
    const id = String(slotNamed(keyringFile(), 'Alex.Example')['id'])
    expect(await unlock(keeper, 'ALEX.example', PASSPHRASE)).toMatchObject({ username: ADMIN, role: 'admin' })
    expect(keyringVersion()).toBe(2)
    // The trail it kept holds wave 1's own entries; this unlock's is the last.
    expect(entries(keeper).at(-1)).toEqual({
      action: 'unlock.succeeded',
      target: `account:${id}`,
      details: {},
    })
    // The old master key it opened is zeroed once the upgrade is done with it.
    const [masterKey] = await resolvedBuffers(vi.mocked(openLegacySlot))
    expect(isZeroed(masterKey ?? null)).toBe(true)
    keeper.close(false)
  })

  it('a wrong passphrase or an unknown name opens nothing, is counted under its name, and upgrades nothing', async () => {
    const { keeper } = await wave1Vault()
    const before = readFileSync(join(folder(), 'keyring.json'), 'utf8')
    expect(await codeOfAsync(unlock(keeper, ADMIN, 'wrong horse battery staple 11'))).toBe('WRONG_PASSPHRASE')
    expect(await codeOfAsync(unlock(keeper, 'nobody.example', PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect(readFileSync(join(folder(), 'keyring.json'), 'utf8')).toBe(before)
    clock.advance(60_000)
    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'unlock.failed')).toEqual([
      ['unlock.failed', { username: ADMIN, method: 'passphrase' }],
      ['unlock.failed', { unknownName: true, method: 'passphrase' }],
    ])
    keeper.close(false)
  })

  it('an unknown name costs the key derivation a known name’s wrong passphrase costs: the first staff slot’s', async () => {
    // The recovery slot listed first: what is imitated is a staff slot, not whichever slot comes first.
    const { keeper } = await wave1Vault((slots) => [
      ...slots.filter((slot) => slot.kind === 'recovery'),
      ...slots.filter((slot) => slot.kind === 'staff'),
    ])
    const alex = slotNamed(keyringFile(), ADMIN) as { salt: string }
    const known = await derivationsOfWrongUnlock(keeper, ADMIN)
    expect(await derivationsOfWrongUnlock(keeper, 'nobody.example')).toEqual(known)
    expect(known).toEqual([[WRONG, alex.salt, CHEAP_SCRYPT]])
  })

  it('with no staff slot to imitate, an unknown name fails all the same', async () => {
    const { keeper } = await wave1Vault((slots) => slots.filter((slot) => slot.kind === 'recovery'))
    expect(await codeOfAsync(unlock(keeper, 'nobody.example', PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect(derivations()).toEqual([])
  })

  it('a caseworker’s unlock is refused and changes nothing; after the upgrade their old passphrase asks for a new one', async () => {
    const { keeper } = await wave1Vault()
    const before = readFileSync(join(folder(), 'keyring.json'), 'utf8')
    expect(await codeOfAsync(unlock(keeper, CASEWORKER, CASEWORKER_PASSPHRASE))).toBe('FORBIDDEN')
    expect(readFileSync(join(folder(), 'keyring.json'), 'utf8')).toBe(before)
    await unlock(keeper, ADMIN, PASSPHRASE)
    keeper.close(false)
    expect(await failureOf(unlock(keeper, CASEWORKER, CASEWORKER_PASSPHRASE))).toEqual({
      code: 'FORBIDDEN',
      message:
        'The vault was upgraded to role-separated keys. Ask an admin for a new passphrase (Accounts › Reset passphrase).',
    })
    expect(await codeOfAsync(unlock(keeper, CASEWORKER, 'wrong horse battery staple 11'))).toBe(
      'WRONG_PASSPHRASE',
    )
    clock.advance(60_000)
    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'unlock.failed')).toEqual([
      ['unlock.failed', { username: CASEWORKER, method: 'passphrase' }],
    ])
    keeper.close(false)
  })
})

describe('unlockWithRecoveryKey, on a wave-1 vault', () => {
  const NEW = 'granite tulip comet saddle 45'

  it('upgrades it for the account named, audited against that account, and zeroes the old master key', async () => {
    const { keeper, recoveryKey: key } = await wave1Vault()
    const typed = key.toLowerCase().replaceAll('-', ' ')
    const staff = await unlockWithRecoveryKey(keeper, typed, CASEWORKER, NEW, keeper.begin())
    expect(staff).toMatchObject({ username: CASEWORKER, role: 'caseworker' })
    expect(keyringVersion()).toBe(2)
    const id = String(slotNamed(keyringFile(), CASEWORKER)['id'])
    expect(
      entries(keeper).filter((entry) =>
        ['recovery.used', 'account.passphrase_changed'].includes(entry.action),
      ),
    ).toEqual([
      { action: 'recovery.used', target: `account:${id}`, details: {} },
      { action: 'account.passphrase_changed', target: `account:${id}`, details: { via: 'recovery-key' } },
    ])
    const [masterKey] = await resolvedBuffers(vi.mocked(openLegacySlot))
    expect(isZeroed(masterKey ?? null)).toBe(true)
    keeper.close(false)
    // The same recovery key opens the upgraded vault.
    expect(await unlockWithRecoveryKey(keeper, key, ADMIN, NEW, keeper.begin())).toMatchObject({
      role: 'admin',
    })
    keeper.close(false)
  })

  it('a wrong recovery key is refused as one, and counted under the account tried', async () => {
    const { keeper, recoveryKey: key } = await wave1Vault()
    const wrong = key.replace(/[0-9A-Z]/, (character) => (character === 'A' ? 'B' : 'A'))
    expect(await failureOf(unlockWithRecoveryKey(keeper, wrong, CASEWORKER, NEW, keeper.begin()))).toEqual({
      code: 'WRONG_PASSPHRASE',
      message: 'That recovery key does not open this vault.',
    })
    clock.advance(60_000)
    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'recovery.failed')).toEqual([
      ['recovery.failed', { username: CASEWORKER, method: 'recovery-key' }],
    ])
    keeper.close(false)
  })

  it('a wave-1 keyring without a recovery slot: NOT_FOUND, saying so', async () => {
    const { keeper, recoveryKey: key } = await wave1Vault((slots) =>
      slots.filter((slot) => slot.kind !== 'recovery'),
    )
    expect(await failureOf(unlockWithRecoveryKey(keeper, key, CASEWORKER, NEW, keeper.begin()))).toEqual({
      code: 'NOT_FOUND',
      message: 'This vault has no recovery key.',
    })
  })
})
