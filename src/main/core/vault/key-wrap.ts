import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { z } from 'zod'

/** AES-256-GCM with a fresh 96-bit nonce; the tag also covers the associated data (what the key is for). */
export const ZWrappedKeySchema = z.strictObject({
  name: z.literal('aes-256-gcm'),
  iv: z.base64().max(64),
  tag: z.base64().max(64),
  ciphertext: z.base64().max(256),
})
export type TWrappedKey = z.infer<typeof ZWrappedKeySchema>

/** Encrypt a 32-byte key under a key-encryption key; the AAD binds it to one vault and one purpose. */
export function wrapKey(key: Buffer, keyEncryptionKey: Buffer, associatedData: string): TWrappedKey {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyEncryptionKey, iv)
  cipher.setAAD(Buffer.from(associatedData, 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()])
  return {
    name: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  }
}

/** The key, or null when the tag does not verify (wrong passphrase, or a wrapped key moved to another place). */
export function unwrapKey(
  wrapped: TWrappedKey,
  keyEncryptionKey: Buffer,
  associatedData: string,
): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyEncryptionKey, Buffer.from(wrapped.iv, 'base64'))
    decipher.setAAD(Buffer.from(associatedData, 'utf8'))
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'))
    const key = Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()])
    if (key.length === 32) return key
    key.fill(0)
    return null
  } catch {
    return null
  }
}
