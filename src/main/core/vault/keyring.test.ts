import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FAST_KDF } from '#test-support/vault-fixtures'
import { tempFolderPerTest } from '#test-support/per-test'
import { PRODUCTION_KDF, type TScryptParams } from './kdf'
import {
  createSlot,
  openSlot,
  parseKeyring,
  readKeyring,
  withSlot,
  writeKeyring,
  type TKeyring,
} from './keyring'
import { generateRecoveryKey, normalizeRecoveryKey } from './recovery-key'

/** A staff slot of account-1 in vault-1. */
const staffSlot = (passphrase: string, masterKey: Buffer, kdf: TScryptParams) =>
  createSlot(
    'vault-1',
    { kind: 'staff', id: 'account-1', username: 'alex.example' },
    passphrase,
    masterKey,
    kdf,
  )

describe('keyring', () => {
  const root = tempFolderPerTest()

  it('a slot made with the production KDF opens with its passphrase only, and stores its parameters', async () => {
    const masterKey = randomBytes(32)
    const slot = await staffSlot('quiet lantern ferry orbit 92', masterKey, PRODUCTION_KDF)
    expect(slot.kdf).toEqual({ name: 'scrypt', N: 131072, r: 8, p: 1 })
    expect(Buffer.from(slot.salt, 'base64')).toHaveLength(16)
    const opened = await openSlot('vault-1', slot, 'quiet lantern ferry orbit 92')
    expect(opened?.equals(masterKey)).toBe(true)
    expect(await openSlot('vault-1', slot, 'quiet lantern ferry orbit 93')).toBeNull()
  })

  it('a slot is bound to its vault and slot id (AAD): copied elsewhere, it does not open', async () => {
    const masterKey = randomBytes(32)
    const slot = await staffSlot('secret words here', masterKey, FAST_KDF)
    expect(await openSlot('vault-2', slot, 'secret words here')).toBeNull()
    expect(
      await openSlot('vault-1', { ...slot, id: 'account-2' } as typeof slot, 'secret words here'),
    ).toBeNull()
    const tampered = {
      ...slot,
      wrappedKey: { ...slot.wrappedKey, ciphertext: Buffer.alloc(32, 1).toString('base64') },
    }
    expect(await openSlot('vault-1', tampered, 'secret words here')).toBeNull()
  })

  it('is written atomically as JSON and read back; a damaged file is INVALID_FILE, a newer one VAULT_TOO_NEW', async () => {
    const masterKey = randomBytes(32)
    const keyring: TKeyring = { format: 'ccij-keyring', version: 1, vaultId: 'vault-1', slots: [] }
    const file = join(root(), 'keyring.json')
    writeKeyring(
      file,
      withSlot(keyring, await createSlot('vault-1', { kind: 'recovery' }, 'recovery', masterKey, FAST_KDF)),
    )
    expect(readKeyring(file)?.slots.map((slot) => slot.kind)).toEqual(['recovery'])
    expect(readFileSync(file, 'utf8')).not.toContain(masterKey.toString('base64'))
    expect(() => parseKeyring('{not json')).toThrow(expect.objectContaining({ code: 'INVALID_FILE' }))
    expect(() => parseKeyring(JSON.stringify({ ...keyring, version: 99 }))).toThrow(
      expect.objectContaining({ code: 'VAULT_TOO_NEW' }),
    )
    expect(readKeyring(join(root(), 'missing.json'))).toBeNull()
  })

  it('recovery keys are 30 unambiguous characters in groups and forgive how people type them', () => {
    const key = generateRecoveryKey()
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/)
    expect(generateRecoveryKey()).not.toBe(key)
    expect(normalizeRecoveryKey(key.toLowerCase().replaceAll('-', ' '))).toBe(key)
    expect(normalizeRecoveryKey('abcdo-iL234')).toBe('ABCD0-11234')
  })
})
