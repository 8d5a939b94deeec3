import type { TLegacySlot } from '../../src/main/core/vault/keyring'

/**
 * A wave-1 slot as its upgrade leaves a colleague's (`kind: 'legacy'`): listed by id and name, its wrapped key
 * filler bytes that no passphrase opens. For tests of what the app does with such a slot, not of opening one.
 */
export const unopenableLegacySlot = (id: string, username: string, kdf: TLegacySlot['kdf']): TLegacySlot => ({
  kind: 'legacy',
  id,
  username,
  kdf,
  salt: Buffer.alloc(16, 1).toString('base64'),
  wrappedKey: {
    name: 'aes-256-gcm',
    iv: Buffer.alloc(12, 2).toString('base64'),
    tag: Buffer.alloc(16, 3).toString('base64'),
    ciphertext: Buffer.alloc(32, 4).toString('base64'),
  },
})
