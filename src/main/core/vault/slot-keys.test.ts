import { randomBytes } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { FAST_KDF } from '#test-support/test-kdf'
import type * as AccountKeysModule from './account-keys'
import { publicKeyOf } from './account-keys'
import type * as KdfModule from './kdf'
import { deriveKey } from './kdf'
import type { TLegacySlot, TRecoverySlot, TStaffSlot } from './keyring'
import { wrapKey } from './key-wrap'
import {
  createGrantedSlot,
  endorse,
  grantContext,
  grantsFor,
  isEndorsed,
  isPassphraseChangePending,
  openGrants,
  openLegacySlot,
  openSlotPrivateKey,
  regrantSlot,
  resealSlot,
  sealContext,
  type TSlotOwner,
} from './slot-keys'
import type * as VaultKeysModule from './vault-keys'
import { newVaultKeys, type TVaultKeys } from './vault-keys'

/*
 * The slot functions one by one, without a vault: what a slot holds, what each key is bound to, and that every key
 * this code derives or opens for a moment is zeroed after use. The wrappers below record the keys the slot code gets
 * from its neighbours (they still call the real functions), so a test can look at them once the code is done.
 */
const issued = vi.hoisted(() => ({
  subkeys: [] as Buffer[],
  derived: [] as Buffer[],
  keyPairs: [] as { privateKey: Buffer; publicKey: Buffer }[],
  opened: [] as (Buffer | null)[],
}))

vi.mock('./vault-keys', async (importOriginal) => {
  const actual = await importOriginal<typeof VaultKeysModule>()
  const { recording } = await import('#test-support/recording')
  return { ...actual, adminSubkey: recording(actual.adminSubkey, issued.subkeys) }
})

vi.mock('./kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof KdfModule>()
  const { recordingAsync } = await import('#test-support/recording')
  return { ...actual, deriveKey: recordingAsync(actual.deriveKey, issued.derived) }
})

vi.mock('./account-keys', async (importOriginal) => {
  const actual = await importOriginal<typeof AccountKeysModule>()
  const { recording } = await import('#test-support/recording')
  return {
    ...actual,
    newAccountKeyPair: recording(actual.newAccountKeyPair, issued.keyPairs),
    openGrant: recording(actual.openGrant, issued.opened),
  }
})

const SECRET = 'quiet lantern ferry orbit 92'
const NEW_SECRET = 'granite tulip comet saddle 45'
const VAULT_ID = 'vault-1'
const alex: TSlotOwner = { kind: 'staff', id: 'account-1', username: 'Alex.Example' }
const isZero = (key: Buffer) => key.every((byte) => byte === 0)

const context = (keys: TVaultKeys, generation = 1) => ({ vaultId: VAULT_ID, generation, keys, kdf: FAST_KDF })

async function staffSlot(role: 'admin' | 'caseworker' | 'viewer', owner: TSlotOwner = alex) {
  const keys = newVaultKeys()
  const { slot, keyPair } = await createGrantedSlot(owner, role, SECRET, context(keys))
  if (slot.kind !== 'staff') throw new Error('expected a staff slot')
  return { keys, slot, keyPair }
}

describe('what a slot is bound to', () => {
  it('seals a key to the vault, the slot id, the lower-cased name and a pending must-change, nothing else', () => {
    expect(sealContext(VAULT_ID, alex)).toBe('ccij-account-key-v2|vault-1|account-1|alex.example')
    expect(sealContext(VAULT_ID, { ...alex, isAdminChosen: true })).toBe(
      'ccij-account-key-v2|vault-1|account-1|alex.example|admin-chosen',
    )
    expect(sealContext(VAULT_ID, { ...alex, isAdminChosen: false })).toBe(
      'ccij-account-key-v2|vault-1|account-1|alex.example',
    )
    expect(sealContext(VAULT_ID, { kind: 'recovery' })).toBe('ccij-account-key-v2|vault-1|recovery|')
    expect(grantContext(VAULT_ID, 3, 'account-1', 'case')).toBe('vault-1|g3|account-1|case')
  })
})

describe('a new slot', () => {
  it('is a staff slot with its owner’s id, name and role, endorsed, granted that role’s keys', async () => {
    const { keys, slot, keyPair } = await staffSlot('caseworker', { ...alex, isAdminChosen: true })
    const publicKey = keyPair.publicKey.toString('base64')
    expect(slot).toEqual({
      kind: 'staff',
      id: 'account-1',
      username: 'Alex.Example',
      role: 'caseworker',
      publicKey,
      endorsement: endorse(keys.admin, VAULT_ID, {
        kind: 'staff',
        id: 'account-1',
        username: 'alex.example',
        role: 'caseworker',
        publicKey,
      }),
      sealedKey: expect.objectContaining({ kdf: FAST_KDF }),
      grants: { vault: expect.any(Object), case: expect.any(Object) },
      mustChangePassphrase: true,
    })
    const privateKey = await openSlotPrivateKey(VAULT_ID, slot, SECRET)
    expect(privateKey?.equals(keyPair.privateKey)).toBe(true)
    const opened = openGrants(VAULT_ID, 1, slot, privateKey ?? Buffer.alloc(32))
    expect(opened?.vault.equals(keys.vault)).toBe(true)
    expect(opened?.case?.equals(keys.case)).toBe(true)
    expect(opened?.admin).toBeNull()
    // Every key-encryption key and endorsement subkey used along the way is zeroed.
    expect(issued.derived.length).toBeGreaterThan(0)
    expect(issued.derived.every(isZero)).toBe(true)
    expect(issued.subkeys.length).toBeGreaterThan(0)
    expect(issued.subkeys.every(isZero)).toBe(true)
  })

  it('carries no must-change mark unless an admin chose the passphrase', async () => {
    const { slot } = await staffSlot('viewer')
    expect('mustChangePassphrase' in slot).toBe(false)
    expect(isPassphraseChangePending(slot)).toBe(false)
    const chosen = await staffSlot('viewer', { ...alex, isAdminChosen: false })
    expect('mustChangePassphrase' in chosen.slot).toBe(false)
  })

  it('for the recovery key is the admin-role recovery slot, with no name, granted all three keys', async () => {
    const keys = newVaultKeys()
    const { slot, keyPair } = await createGrantedSlot({ kind: 'recovery' }, 'admin', SECRET, context(keys))
    const publicKey = keyPair.publicKey.toString('base64')
    expect(slot).toEqual({
      kind: 'recovery',
      id: 'recovery',
      role: 'admin',
      publicKey,
      endorsement: endorse(keys.admin, VAULT_ID, {
        kind: 'recovery',
        id: 'recovery',
        role: 'admin',
        publicKey,
      }),
      sealedKey: expect.objectContaining({ kdf: FAST_KDF }),
      grants: { vault: expect.any(Object), case: expect.any(Object), admin: expect.any(Object) },
    })
    expect(isEndorsed(keys.admin, VAULT_ID, slot)).toBe(true)
    expect(isPassphraseChangePending(slot)).toBe(false)
    const privateKey = await openSlotPrivateKey(VAULT_ID, slot, SECRET)
    const opened = openGrants(VAULT_ID, 1, slot, privateKey ?? Buffer.alloc(32))
    expect(opened?.admin?.equals(keys.admin)).toBe(true)
  })

  it('needs the admin key, and every key of the role, and zeroes the key pair it made when it cannot finish', async () => {
    const { vault, case: caseKey } = newVaultKeys()
    const pairsBefore = issued.keyPairs.length
    await expect(
      createGrantedSlot(alex, 'viewer', SECRET, context({ vault, case: caseKey, admin: null })),
    ).rejects.toThrow('only a session holding the admin key can endorse a slot')
    expect(issued.keyPairs).toHaveLength(pairsBefore)
    await expect(
      createGrantedSlot(alex, 'caseworker', SECRET, context({ vault, case: null, admin: randomBytes(32) })),
    ).rejects.toThrow('cannot grant the case key: this session does not hold it')
    const abandoned = issued.keyPairs.at(-1)
    expect(issued.keyPairs).toHaveLength(pairsBefore + 1)
    expect(abandoned !== undefined && isZero(abandoned.privateKey)).toBe(true)
  })
})

describe('grants', () => {
  it('carry exactly the role’s keys, each opening only under its own vault, generation, slot and name', async () => {
    const keys = newVaultKeys()
    const { slot, keyPair } = await staffSlot('viewer')
    const recipient = keyPair.publicKey
    const where = { vaultId: VAULT_ID, generation: 2, slotId: 'account-1' }
    expect(Object.keys(grantsFor(keys, 'viewer', recipient, where))).toEqual(['vault'])
    expect(Object.keys(grantsFor(keys, 'caseworker', recipient, where))).toEqual(['vault', 'case'])
    const grants = grantsFor(keys, 'admin', recipient, where)
    expect(Object.keys(grants)).toEqual(['vault', 'case', 'admin'])
    const opened = openGrants(VAULT_ID, 2, { ...slot, grants }, keyPair.privateKey)
    expect(opened?.vault.equals(keys.vault)).toBe(true)
    expect(opened?.case?.equals(keys.case)).toBe(true)
    expect(opened?.admin?.equals(keys.admin)).toBe(true)
    // A grant moved to another key's place does not open there.
    expect(
      openGrants(VAULT_ID, 2, { ...slot, grants: { ...grants, case: grants.admin } }, keyPair.privateKey),
    ).toEqual({ vault: keys.vault, case: null, admin: null })
    expect(() =>
      grantsFor({ vault: keys.vault, case: null, admin: null }, 'caseworker', recipient, where),
    ).toThrow('cannot grant the case key: this session does not hold it')
  })

  it('an admin key granted without the case key proves nothing: it is zeroed and dropped', async () => {
    const keys = newVaultKeys()
    const { slot, keyPair } = await staffSlot('viewer')
    const where = { vaultId: VAULT_ID, generation: 1, slotId: 'account-1' }
    const { vault, admin } = grantsFor(keys, 'admin', keyPair.publicKey, where)
    const openedBefore = issued.opened.length
    expect(openGrants(VAULT_ID, 1, { ...slot, grants: { vault, admin } }, keyPair.privateKey)).toEqual({
      vault: keys.vault,
      case: null,
      admin: null,
    })
    const adminOpened = issued.opened
      .slice(openedBefore)
      .find((key) => key !== null && !key.equals(keys.vault))
    expect(adminOpened !== undefined && adminOpened !== null && isZero(adminOpened)).toBe(true)
  })
})

describe('a slot granted again', () => {
  it('gets the new generation’s keys for its new role, endorsed again, keeping its sealed key and name', async () => {
    const { slot, keyPair } = await staffSlot('caseworker', { ...alex, isAdminChosen: true })
    const next = newVaultKeys()
    const regranted = regrantSlot(slot, 'viewer', { vaultId: VAULT_ID, generation: 2, keys: next })
    expect(regranted).toEqual({
      ...slot,
      role: 'viewer',
      grants: { vault: expect.any(Object) },
      endorsement: endorse(next.admin, VAULT_ID, { ...slot, role: 'viewer' }),
    })
    expect(isEndorsed(next.admin, VAULT_ID, regranted)).toBe(true)
    expect(openGrants(VAULT_ID, 2, regranted, keyPair.privateKey)?.vault.equals(next.vault)).toBe(true)
    expect(openGrants(VAULT_ID, 1, regranted, keyPair.privateKey)).toBeNull()
    expect(() =>
      regrantSlot(slot, 'viewer', { vaultId: VAULT_ID, generation: 2, keys: { ...next, admin: null } }),
    ).toThrow('only a session holding the admin key can endorse a slot')
  })
})

describe('a slot sealed again', () => {
  it('under its owner’s own passphrase ends a pending must-change, and opens only with the new passphrase', async () => {
    const { slot, keyPair } = await staffSlot('caseworker', { ...alex, isAdminChosen: true })
    const resealed = await resealSlot(VAULT_ID, slot, keyPair.privateKey, NEW_SECRET, FAST_KDF, 'owner')
    expect(isPassphraseChangePending(resealed)).toBe(false)
    expect('mustChangePassphrase' in resealed).toBe(false)
    expect({ ...resealed, sealedKey: null }).toEqual({
      ...slot,
      mustChangePassphrase: undefined,
      sealedKey: null,
    })
    expect((await openSlotPrivateKey(VAULT_ID, resealed, NEW_SECRET))?.equals(keyPair.privateKey)).toBe(true)
    expect(await openSlotPrivateKey(VAULT_ID, resealed, SECRET)).toBeNull()
  })

  it('over the same passphrase (a stronger derivation) keeps the must-change, by default too', async () => {
    const { slot, keyPair } = await staffSlot('viewer', { ...alex, isAdminChosen: true })
    for (const resealed of [
      await resealSlot(VAULT_ID, slot, keyPair.privateKey, SECRET, FAST_KDF),
      await resealSlot(VAULT_ID, slot, keyPair.privateKey, SECRET, FAST_KDF, 'same'),
    ]) {
      expect(isPassphraseChangePending(resealed)).toBe(true)
      expect(resealed.sealedKey.salt).not.toBe(slot.sealedKey.salt)
      expect((await openSlotPrivateKey(VAULT_ID, resealed, SECRET))?.equals(keyPair.privateKey)).toBe(true)
    }
  })

  it('for the recovery key stays the recovery slot', async () => {
    const keys = newVaultKeys()
    const { slot, keyPair } = await createGrantedSlot({ kind: 'recovery' }, 'admin', SECRET, context(keys))
    const resealed = await resealSlot(VAULT_ID, slot, keyPair.privateKey, NEW_SECRET, FAST_KDF, 'owner')
    expect({ ...resealed, sealedKey: null }).toEqual({ ...slot, sealedKey: null })
    expect((await openSlotPrivateKey(VAULT_ID, resealed, NEW_SECRET))?.equals(keyPair.privateKey)).toBe(true)
  })
})

describe('a pending passphrase change', () => {
  it('is only a staff slot’s explicit mark', async () => {
    const { slot } = await staffSlot('viewer')
    expect(isPassphraseChangePending(null)).toBe(false)
    expect(isPassphraseChangePending(undefined)).toBe(false)
    expect(isPassphraseChangePending(slot)).toBe(false)
    expect(isPassphraseChangePending({ ...slot, mustChangePassphrase: true })).toBe(true)
    const recovery = { kind: 'recovery', mustChangePassphrase: true } as unknown as TRecoverySlot
    expect(isPassphraseChangePending(recovery)).toBe(false)
  })
})

describe('a wave-1 slot', () => {
  it('opens its master key only with its passphrase, for its vault and id, and zeroes the derived key', async () => {
    const master = randomBytes(32)
    const salt = randomBytes(16)
    const kdf = { name: 'scrypt', N: 1024, r: 8, p: 1 } as const
    const keyEncryptionKey = await deriveKey(SECRET, salt, kdf)
    const slot: TLegacySlot = {
      kind: 'legacy',
      id: 'account-1',
      username: 'alex.example',
      kdf,
      salt: salt.toString('base64'),
      wrappedKey: wrapKey(master, keyEncryptionKey, 'ccij-keyring-v1|vault-1|account-1'),
    }
    const derivedBefore = issued.derived.length
    expect((await openLegacySlot(VAULT_ID, slot, SECRET))?.equals(master)).toBe(true)
    expect(await openLegacySlot(VAULT_ID, slot, NEW_SECRET)).toBeNull()
    expect(await openLegacySlot('vault-2', slot, SECRET)).toBeNull()
    expect(await openLegacySlot(VAULT_ID, { ...slot, id: 'account-2' }, SECRET)).toBeNull()
    const derived = issued.derived.slice(derivedBefore)
    expect(derived).toHaveLength(4)
    expect(derived.every(isZero)).toBe(true)
  })
})

describe('an endorsement', () => {
  it('covers the name case-blind and the public key, and its subkey is zeroed after each use', async () => {
    const { keys, slot } = await staffSlot('viewer')
    const subkeysBefore = issued.subkeys.length
    expect(isEndorsed(keys.admin, VAULT_ID, { ...slot, username: 'ALEX.EXAMPLE' })).toBe(true)
    const other = publicKeyOf(randomBytes(32)).toString('base64')
    expect(isEndorsed(keys.admin, VAULT_ID, { ...slot, publicKey: other })).toBe(false)
    expect(isEndorsed(keys.admin, VAULT_ID, { ...slot, kind: 'recovery' } as unknown as TStaffSlot)).toBe(
      false,
    )
    const used = issued.subkeys.slice(subkeysBefore)
    expect(used).toHaveLength(3)
    expect(used.every(isZero)).toBe(true)
  })
})
