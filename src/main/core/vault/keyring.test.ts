import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHEAP_FLOOR, FAST_KDF } from '#test-support/test-kdf'
import { tempFolderPerTest } from '#test-support/per-test'
import { PRODUCTION_FLOOR, PRODUCTION_KDF } from './kdf'
import { AppError } from '../../../shared/result'
import {
  filesOfGeneration,
  findRecoverySlot,
  findSlotById,
  findSlotByUsername,
  isLegacyKeyring,
  parseKeyring,
  readKeyring,
  serializeKeyring,
  signInNames,
  withoutSlot,
  withSlot,
  writeKeyring,
  ZVaultFilesSchema,
  type TKeyring,
} from './keyring'
import { generateRecoveryKey, normalizeRecoveryKey } from './recovery-key'
import { createGrantedSlot, isEndorsed, openGrants, openSlotPrivateKey } from './slot-keys'
import { newVaultKeys } from './vault-keys'

const owner = { kind: 'staff', id: 'account-1', username: 'alex.example' } as const

describe('keyring slots', () => {
  const root = tempFolderPerTest()

  // The production parameters themselves are kdf.test.ts's (one derivation at 256 MiB there): a slot stores and
  // opens with whatever parameters it was sealed with.
  it('a slot opens with its passphrase, and stores its key-derivation parameters and a 16-byte salt', async () => {
    const keys = newVaultKeys()
    const { slot } = await createGrantedSlot(owner, 'admin', 'quiet lantern ferry orbit 92', {
      vaultId: 'vault-1',
      generation: 1,
      keys,
      kdf: FAST_KDF,
    })
    expect(slot.sealedKey.kdf).toEqual({ name: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 })
    expect(Buffer.from(slot.sealedKey.salt, 'base64')).toHaveLength(16)
    const privateKey = await openSlotPrivateKey('vault-1', slot, 'quiet lantern ferry orbit 92')
    expect(privateKey).not.toBeNull()
    const opened = openGrants('vault-1', 1, slot, privateKey ?? Buffer.alloc(32))
    expect(opened?.case?.equals(keys.case)).toBe(true)
  })

  // Finding 1: the wave-1 AAD bound vault id and slot id only, so a viewer renamed their slot "admin" and signed in
  // as the admin. The name is now sealed in with the key.
  it('a wrong passphrase, or a slot renamed to another person, moved to another id or vault, or with a forged key, does not open', async () => {
    const { slot } = await createGrantedSlot(owner, 'viewer', 'secret words here', {
      vaultId: 'vault-1',
      generation: 1,
      keys: newVaultKeys(),
      kdf: FAST_KDF,
    })
    if (slot.kind !== 'staff') throw new Error('expected a staff slot')
    expect(await openSlotPrivateKey('vault-1', slot, 'secret words here')).not.toBeNull()
    expect(await openSlotPrivateKey('vault-1', slot, 'secret words hers')).toBeNull()
    expect(
      await openSlotPrivateKey('vault-1', { ...slot, username: 'jordan.admin' }, 'secret words here'),
    ).toBeNull()
    expect(await openSlotPrivateKey('vault-1', { ...slot, id: 'account-2' }, 'secret words here')).toBeNull()
    expect(await openSlotPrivateKey('vault-2', slot, 'secret words here')).toBeNull()
    const forged = {
      ...slot.sealedKey,
      key: { ...slot.sealedKey.key, ciphertext: randomBytes(32).toString('base64') },
    }
    expect(
      await openSlotPrivateKey('vault-1', { ...slot, sealedKey: forged }, 'secret words here'),
    ).toBeNull()
  })

  it('a viewer is granted only the vault key; grants open only for their generation; endorsements cover the role', async () => {
    const keys = newVaultKeys()
    const { slot, keyPair } = await createGrantedSlot(owner, 'viewer', 'secret words here', {
      vaultId: 'vault-1',
      generation: 3,
      keys,
      kdf: FAST_KDF,
    })
    expect(Object.keys(slot.grants)).toEqual(['vault'])
    expect(openGrants('vault-1', 3, slot, keyPair.privateKey)).toMatchObject({ case: null, admin: null })
    expect(openGrants('vault-1', 4, slot, keyPair.privateKey)).toBeNull()
    expect(isEndorsed(keys.admin, 'vault-1', slot)).toBe(true)
    expect(isEndorsed(keys.admin, 'vault-1', { ...slot, role: 'admin' })).toBe(false)
    expect(isEndorsed(randomBytes(32), 'vault-1', slot)).toBe(false)
  })

  it('is written atomically as JSON and read back; a damaged file is INVALID_FILE, a newer one VAULT_TOO_NEW', async () => {
    const keys = newVaultKeys()
    const { slot } = await createGrantedSlot({ kind: 'recovery' }, 'admin', 'recovery', {
      vaultId: 'vault-1',
      generation: 1,
      keys,
      kdf: FAST_KDF,
    })
    const keyring: TKeyring = {
      format: 'ccij-keyring',
      version: 2,
      vaultId: 'vault-1',
      generation: 1,
      files: filesOfGeneration(1),
      slots: [slot],
    }
    const file = join(root(), 'keyring.json')
    writeKeyring(file, keyring)
    expect(readKeyring(file, CHEAP_FLOOR)?.slots.map((each) => each.kind)).toEqual(['recovery'])
    for (const key of [keys.vault, keys.case, keys.admin]) {
      expect(readFileSync(file, 'utf8')).not.toContain(key.toString('base64'))
    }
    expect(() => parseKeyring('{not json', CHEAP_FLOOR)).toThrow(
      expect.objectContaining({ code: 'INVALID_FILE' }),
    )
    expect(() => parseKeyring(JSON.stringify({ ...keyring, version: 99 }), CHEAP_FLOOR)).toThrow(
      expect.objectContaining({ code: 'VAULT_TOO_NEW' }),
    )
    expect(readKeyring(join(root(), 'missing.json'), CHEAP_FLOOR)).toBeNull()
  })

  // Finding 11 (KDF parameters read from a file had no floor) and finding 4 (a backup's keyring asked for 128 GiB).
  it('refuses slots below the floor or above the ceilings before any key derivation runs', async () => {
    const { slot } = await createGrantedSlot(owner, 'admin', 'secret words here', {
      vaultId: 'vault-1',
      generation: 1,
      keys: newVaultKeys(),
      kdf: FAST_KDF,
    })
    const keyringWith = (kdf: unknown) =>
      JSON.stringify({
        format: 'ccij-keyring',
        version: 2,
        vaultId: 'vault-1',
        generation: 1,
        files: filesOfGeneration(1),
        slots: [{ ...slot, sealedKey: { ...slot.sealedKey, kdf } }],
      })
    // The tests' own cheap slot is below production's floor.
    expect(() => parseKeyring(keyringWith(FAST_KDF), PRODUCTION_FLOOR)).toThrow(
      expect.objectContaining({ code: 'INVALID_FILE' }),
    )
    expect(() =>
      parseKeyring(keyringWith({ name: 'scrypt', N: 2 ** 14, r: 8, p: 1 }), PRODUCTION_FLOOR),
    ).toThrow(expect.objectContaining({ code: 'INVALID_FILE' }))
    for (const huge of [
      { name: 'scrypt', N: 2 ** 30, r: 8, p: 1 },
      { name: 'scrypt', N: 2 ** 20, r: 64, p: 1 },
      { name: 'argon2id', memoryKiB: 128 * 1024 * 1024, iterations: 4, parallelism: 1 },
      { name: 'argon2id', memoryKiB: 262144, iterations: 10_000, parallelism: 1 },
    ]) {
      expect(() => parseKeyring(keyringWith(huge), CHEAP_FLOOR)).toThrow(
        expect.objectContaining({ code: 'INVALID_FILE' }),
      )
    }
    expect(() => parseKeyring(keyringWith(PRODUCTION_KDF), PRODUCTION_FLOOR)).not.toThrow()
  })

  it('recovery keys are 30 unambiguous characters in groups and forgive how people type them', () => {
    const key = generateRecoveryKey()
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/)
    expect(generateRecoveryKey()).not.toBe(key)
    expect(normalizeRecoveryKey(key.toLowerCase().replaceAll('-', ' '))).toBe(key)
    expect(normalizeRecoveryKey('abcdo-iL234')).toBe('ABCD0-11234')
  })
})

describe('a keyring as a file', () => {
  const staff = async (id: string, username: string) =>
    (
      await createGrantedSlot({ kind: 'staff', id, username }, 'viewer', 'secret words here', {
        vaultId: 'vault-1',
        generation: 7,
        keys: newVaultKeys(),
        kdf: FAST_KDF,
      })
    ).slot
  const keyringOf = (slots: TKeyring['slots']): TKeyring => ({
    format: 'ccij-keyring',
    version: 2,
    vaultId: 'vault-1',
    generation: 7,
    files: filesOfGeneration(7),
    slots,
  })

  it('names each generation’s three files, and reads only such plain names, never a path', () => {
    expect(filesOfGeneration(7)).toEqual({
      vault: 'vault-g7.db',
      casework: 'casework-g7.db',
      anchor: 'audit-anchor-g7.json',
    })
    expect(ZVaultFilesSchema.safeParse(filesOfGeneration(123_456_789)).success).toBe(true)
    for (const files of [
      { ...filesOfGeneration(7), vault: '../vault-g7.db' },
      { ...filesOfGeneration(7), vault: 'vault-g7.db.bak' },
      { ...filesOfGeneration(7), vault: 'vault-g.db' },
      { ...filesOfGeneration(7), vault: 'vault-gx.db' },
      { ...filesOfGeneration(7), vault: 'vault-g1234567890.db' },
      { ...filesOfGeneration(7), casework: '/tmp/casework-g7.db' },
      { ...filesOfGeneration(7), casework: 'casework-g7.dbx' },
      { ...filesOfGeneration(7), anchor: 'x/audit-anchor-g7.json' },
      { ...filesOfGeneration(7), anchor: 'audit-anchor-g7.json~' },
      { ...filesOfGeneration(7), vault: 'vault-g7xdb' },
      { ...filesOfGeneration(7), casework: 'casework-gx.db' },
      { ...filesOfGeneration(7), casework: 'casework-g7xdb' },
      { ...filesOfGeneration(7), casework: 'casework-g1234567890.db' },
      { ...filesOfGeneration(7), anchor: 'audit-anchor-gx.json' },
      { ...filesOfGeneration(7), anchor: 'audit-anchor-g7xjson' },
      { ...filesOfGeneration(7), anchor: 'audit-anchor-g1234567890.json' },
    ]) {
      expect(ZVaultFilesSchema.safeParse(files).success, JSON.stringify(files)).toBe(false)
    }
  })

  it('is written as indented JSON ending in a newline, and says exactly why it cannot be read', async () => {
    const keyring = keyringOf([await staff('account-1', 'alex.example')])
    expect(serializeKeyring(keyring)).toBe(`${JSON.stringify(keyring, null, 2)}\n`)
    expect(parseKeyring(serializeKeyring(keyring), CHEAP_FLOOR)).toEqual(keyring)
    for (const bytes of ['{not json', 'null', '[]', JSON.stringify({ ...keyring, version: '3' })]) {
      expect(() => parseKeyring(bytes, CHEAP_FLOOR), bytes).toThrow(
        new AppError('INVALID_FILE', 'The vault keyring is damaged and cannot be read.'),
      )
    }
    expect(() => parseKeyring(JSON.stringify({ ...keyring, version: 3 }), CHEAP_FLOOR)).toThrow(
      new AppError(
        'VAULT_TOO_NEW',
        'This vault was written by a newer version of CCIJ Caseworker. Update the app to open it.',
      ),
    )
  })

  it('of wave 1 is read as version 1, with its slots held to the floor too', () => {
    const slotOf = (N: number) => ({
      kind: 'staff',
      id: 'account-1',
      username: 'Alex.Example',
      kdf: { name: 'scrypt', N, r: 8, p: 1 },
      salt: randomBytes(16).toString('base64'),
      wrappedKey: { name: 'aes-256-gcm', iv: 'AAAA', tag: 'AAAA', ciphertext: 'AAAA' },
    })
    const { username: _none, ...unnamed } = slotOf(2 ** 17)
    const recovery = { ...unnamed, kind: 'recovery', id: 'recovery' }
    const legacy = {
      format: 'ccij-keyring',
      version: 1,
      vaultId: 'vault-1',
      slots: [slotOf(2 ** 17), recovery],
    }
    const read = parseKeyring(JSON.stringify(legacy), PRODUCTION_FLOOR)
    expect(isLegacyKeyring(read)).toBe(true)
    expect(read.slots.map((slot) => slot.kind)).toEqual(['staff', 'recovery'])
    expect(signInNames(read)).toEqual([{ id: 'account-1', username: 'Alex.Example' }])
    // After the upgrade, a wave-1 slot stays in a version-2 keyring as a "legacy" slot, listed by its name.
    const upgraded = keyringOf([{ ...slotOf(2 ** 17), kind: 'legacy' } as TKeyring['slots'][number]])
    const reread = parseKeyring(JSON.stringify(upgraded), PRODUCTION_FLOOR)
    expect(isLegacyKeyring(reread)).toBe(false)
    expect(signInNames(reread)).toEqual([{ id: 'account-1', username: 'Alex.Example' }])
    const weak = { ...legacy, slots: [slotOf(2 ** 16)] }
    expect(() => parseKeyring(JSON.stringify(weak), PRODUCTION_FLOOR)).toThrow(
      expect.objectContaining({ code: 'INVALID_FILE' }),
    )
  })

  it('gains, replaces and loses a slot by id, and offers the names of staff slots only', async () => {
    const alex = await staff('account-1', 'alex.example')
    const casey = await staff('account-2', 'casey.example')
    const { slot: recovery } = await createGrantedSlot({ kind: 'recovery' }, 'admin', 'recovery', {
      vaultId: 'vault-1',
      generation: 7,
      keys: newVaultKeys(),
      kdf: FAST_KDF,
    })
    const keyring = keyringOf([alex, recovery])
    const added = withSlot(keyring, casey)
    expect(added.slots.map((slot) => slot.id)).toEqual(['account-1', 'recovery', 'account-2'])
    expect(keyring.slots).toHaveLength(2)
    const renamed = { ...alex, username: 'alex.renamed' }
    expect(withSlot(added, renamed).slots).toEqual([recovery, casey, renamed])
    expect(withoutSlot(added, 'account-1').slots).toEqual([recovery, casey])
    expect(withoutSlot(added, 'account-9').slots).toEqual(added.slots)
    expect(signInNames(added)).toEqual([
      { id: 'account-1', username: 'alex.example' },
      { id: 'account-2', username: 'casey.example' },
    ])
    expect(findRecoverySlot(added)).toBe(recovery)
    expect(findRecoverySlot(keyringOf([alex]))).toBeNull()
    expect(findSlotByUsername(added, 'Casey.Example')).toBe(casey)
    expect(findSlotByUsername(added, 'recovery')).toBeNull()
    expect(findSlotById(added, 'recovery')).toBe(recovery)
    expect(findSlotById(added, 'account-9')).toBeNull()
  })
})
