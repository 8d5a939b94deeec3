import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHEAP_FLOOR, FAST_KDF } from '#test-support/test-kdf'
import { makeTempFolder, removeFolder } from '#test-support/temp-folder'
import { AppError } from '../../../shared/result'
import { createVaultFolder } from './create-vault-folder'
import type { TKdfParams } from './kdf'
import { filesOfGeneration } from './keyring'
import { openVaultDatabase } from './open-vault-database'
import type { TOperation } from './operation-guard'
import { unlockWithPassphrase, unlockWithRecoveryKey } from './unlock'
import { VaultKeeper } from './vault-keeper'
import { generationPaths, vaultPaths } from './vault-paths'
import { zeroKeys } from './vault-keys'

/*
 * unlock.ts itself, on a vault made by createVaultFolder and a bare VaultKeeper (no services): a wrong passphrase,
 * the throttle, the slot's identity, and a weaker key derivation sealed again at its owner's unlock. The whole
 * lifecycle through the services is in vault-service.test.ts and tests/unit/insider.test.ts.
 */

const ADMIN = 'alex.example'
const PASSPHRASE = 'quiet lantern ferry orbit 92'
/** Stronger than FAST_KDF (more passes): a slot sealed with FAST_KDF is weaker than a keeper creating with it. */
const STRONGER_KDF: TKdfParams = { ...FAST_KDF, iterations: 2 } as TKdfParams

type TKeyringFile = { slots: Array<Record<string, unknown> & { sealedKey?: { kdf: TKdfParams } }> }

let root = ''
/** The last new vault's recovery key and K_vault (a test may write vault.db behind the app's back). */
let recoveryKey = ''
let vaultKey = Buffer.alloc(0)
let now = Date.parse('2026-12-01T09:00:00Z')
const clock = { now: () => new Date(now) }
const folder = () => join(root, 'vault')
const keyringFile = () => JSON.parse(readFileSync(join(folder(), 'keyring.json'), 'utf8')) as TKeyringFile

beforeEach(() => {
  root = makeTempFolder()
  now = Date.parse('2026-12-01T09:00:00Z')
})
afterEach(() => removeFolder(root))

/** A new vault with alex.example as its admin; returns a keeper for it that creates slots with `create`. */
async function newVault(
  sealedWith: TKdfParams = FAST_KDF,
  create: TKdfParams = FAST_KDF,
): Promise<VaultKeeper> {
  const paths = vaultPaths(folder())
  const made = await createVaultFolder(
    paths,
    {
      organizationName: 'Example Org',
      username: ADMIN,
      displayName: 'Alex Staff-Example',
      passphrase: PASSPHRASE,
    },
    { kdf: sealedWith, clock, nativeBinding: undefined },
  )
  recoveryKey = made.recoveryKey
  vaultKey = Buffer.from(made.keys.vault)
  zeroKeys(made.keys)
  return new VaultKeeper(paths, { create, floor: CHEAP_FLOOR }, clock, undefined)
}

const unlock = (keeper: VaultKeeper, username: string, passphrase: string) =>
  unlockWithPassphrase(keeper, username, passphrase, keeper.begin())

async function codeOf(work: Promise<unknown>): Promise<string | null> {
  try {
    await work
    return null
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
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
    expect(await codeOf(unlock(keeper, 'ALEX.example', 'wrong horse battery staple 11'))).toBe(
      'WRONG_PASSPHRASE',
    )
    expect(keeper.current()).toBeNull()
    now += 60_000
    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'unlock.failed')).toEqual([
      ['unlock.failed', { username: ADMIN, method: 'passphrase' }],
    ])
    keeper.close(false)
  })

  it('an unknown name fails like a wrong passphrase and is audited under no name', async () => {
    const keeper = await newVault()
    expect(await codeOf(unlock(keeper, 'nobody.example', PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect(keeper.current()).toBeNull()
    now += 60_000
    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'unlock.failed')).toEqual([
      ['unlock.failed', { unknownName: true, method: 'passphrase' }],
    ])
    keeper.close(false)
  })

  it('after repeated wrong passphrases even the right one waits (THROTTLED) until the delay has passed', async () => {
    const keeper = await newVault()
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await codeOf(unlock(keeper, ADMIN, 'wrong horse battery staple 11')).catch(() => undefined)
    }
    expect(await codeOf(unlock(keeper, ADMIN, PASSPHRASE))).toBe('THROTTLED')
    // The name typed in other letters is the same slot, so the same count: no way around the wait.
    expect(await codeOf(unlock(keeper, 'ALEX.EXAMPLE', PASSPHRASE))).toBe('THROTTLED')
    expect(keeper.current()).toBeNull()
    now += 60_000
    expect(await unlock(keeper, ADMIN, PASSPHRASE)).toMatchObject({ username: ADMIN })
    keeper.close(false)
  })

  it('an unknown name has its own count: a real account’s wait does not apply to it', async () => {
    const keeper = await newVault()
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await codeOf(unlock(keeper, ADMIN, 'wrong horse battery staple 11'))
    }
    expect(await codeOf(unlock(keeper, ADMIN, PASSPHRASE))).toBe('THROTTLED')
    expect(await codeOf(unlock(keeper, 'nobody.example', PASSPHRASE))).toBe('WRONG_PASSPHRASE')
  })

  it('a lock during the key derivation wins: CANCELLED, and no session is installed after it', async () => {
    const keeper = await newVault()
    const unlocking = unlock(keeper, ADMIN, PASSPHRASE)
    keeper.close(false) // the idle lock or Ctrl+L, while the passphrase's key is being derived
    expect(await codeOf(unlocking)).toBe('CANCELLED')
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
    const database = openVaultDatabase(files.vault, vaultKey)
    database.prepare(`UPDATE staff_accounts SET username = 'mallory.example'`).run()
    database.close()
    expect(await codeOf(unlock(keeper, ADMIN, PASSPHRASE))).toBe('FORBIDDEN')
    expect(await codeOf(unlock(keeper, 'mallory.example', PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect(keeper.current()).toBeNull()
  })

  it('a slot whose listed public key is not its own is recorded as tampered with and put right for an admin', async () => {
    const keeper = await newVault()
    const keyring = keyringFile()
    const alex = keyring.slots.find((slot) => slot['username'] === ADMIN)
    const recovery = keyring.slots.find((slot) => slot['kind'] === 'recovery')
    if (alex === undefined || recovery === undefined) throw new Error('slots missing')
    const own = alex['publicKey']
    alex['publicKey'] = recovery['publicKey']
    writeFileSync(join(folder(), 'keyring.json'), JSON.stringify(keyring, null, 2))

    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'keyring.tamper_detected')).toEqual([
      ['keyring.tamper_detected', { publicKeySwapped: true }],
    ])
    expect(keyringFile().slots.find((slot) => slot['username'] === ADMIN)?.['publicKey']).toBe(own)
    keeper.close(false)
  })

  it('a slot sealed with a weaker key derivation is sealed again with the stronger one at its owner’s unlock', async () => {
    const keeper = await newVault(FAST_KDF, STRONGER_KDF)
    await unlock(keeper, ADMIN, PASSPHRASE)
    const sealed = keyringFile().slots.find((slot) => slot['username'] === ADMIN)?.sealedKey?.kdf
    expect(sealed).toEqual(STRONGER_KDF)
    expect(actions(keeper).filter(([action]) => action === 'account.key_strengthened')).toEqual([
      ['account.key_strengthened', { from: 'argon2id', to: 'argon2id' }],
    ])
    keeper.close(false)
    // The same passphrase still opens it, and nothing is sealed again a second time.
    now += 60_000
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
        const sealed = keyringFile().slots.find((slot) => slot['username'] === ADMIN)?.sealedKey?.kdf
        if (checks === 3 && JSON.stringify(sealed) === JSON.stringify(STRONGER_KDF)) keeper.close(false)
        operation.throwIfCancelled()
      },
      end: () => operation.end(),
    }
    expect(await codeOf(unlockWithPassphrase(keeper, ADMIN, PASSPHRASE, watched))).toBe('CANCELLED')
    expect(checks).toBe(3)
    expect(keeper.current()).toBeNull()
    keeper.close(false)
  })

  it('an admin’s unlock records keyring slots no admin endorsed (heal-keyring runs after it)', async () => {
    const keeper = await newVault()
    const keyring = keyringFile()
    const recovery = keyring.slots.find((slot) => slot['kind'] === 'recovery')
    if (recovery === undefined) throw new Error('recovery slot missing')
    const endorsement = String(recovery['endorsement'])
    recovery['endorsement'] = `${endorsement[0] === 'A' ? 'B' : 'A'}${endorsement.slice(1)}`
    writeFileSync(join(folder(), 'keyring.json'), JSON.stringify(keyring, null, 2))

    await unlock(keeper, ADMIN, PASSPHRASE)
    expect(actions(keeper).filter(([action]) => action === 'keyring.tamper_detected')).toEqual([
      ['keyring.tamper_detected', { unendorsedSlots: [recovery['id']] }],
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
    expect(await codeOf(recover(keeper, wrong))).toBe('WRONG_PASSPHRASE')
    for (let attempt = 0; attempt < 3; attempt += 1) await codeOf(recover(keeper, wrong))
    expect(await codeOf(recover(keeper, recoveryKey))).toBe('THROTTLED')
    expect(keeper.current()).toBeNull()
    now += 60_000
    expect(await recover(keeper, recoveryKey)).toMatchObject({ username: ADMIN })
    keeper.close(false)
    expect(await codeOf(unlock(keeper, ADMIN, PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect(await unlock(keeper, ADMIN, NEW)).toMatchObject({ username: ADMIN })
    keeper.close(false)
  })

  it('refuses an unknown or disabled account or a weak new passphrase, and then leaves the keyring as it was', async () => {
    const keeper = await newVault()
    const before = readFileSync(join(folder(), 'keyring.json'), 'utf8')
    const attempt = (username: string, passphrase: string) =>
      unlockWithRecoveryKey(keeper, recoveryKey, username, passphrase, keeper.begin())
    expect(await codeOf(attempt('nobody.example', NEW))).toBe('NOT_FOUND')
    expect(await codeOf(attempt(ADMIN, 'alex.example'))).toBe('BAD_REQUEST')
    const database = openVaultDatabase(generationPaths(folder(), filesOfGeneration(1)).vault, vaultKey)
    database.prepare(`UPDATE staff_accounts SET status = 'disabled'`).run()
    database.close()
    expect(await codeOf(attempt(ADMIN, NEW))).toBe('NOT_FOUND')
    expect(keeper.current()).toBeNull()
    expect(readFileSync(join(folder(), 'keyring.json'), 'utf8')).toBe(before)
  })
})
