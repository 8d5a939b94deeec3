import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto'
import { z } from 'zod'
import { deriveKey, ZKdfParamsSchema, type TKdfParams } from './kdf'
import { unwrapKey, wrapKey, ZWrappedKeySchema } from './key-wrap'

// DER prefixes of X25519 keys (RFC 8410), so raw 32-byte keys can be stored and turned back into key objects.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex')
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex')

/** An account's (or the recovery slot's) X25519 key pair: keys are granted to its public half. */
export type TAccountKeyPair = { publicKey: Buffer; privateKey: Buffer }

export function newAccountKeyPair(): TAccountKeyPair {
  const { privateKey } = generateKeyPairSync('x25519')
  const privateRaw = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length)
  return { privateKey: Buffer.from(privateRaw), publicKey: publicKeyOf(Buffer.from(privateRaw)) }
}

const privateKeyObject = (privateKey: Buffer): KeyObject => {
  const der = Buffer.concat([PKCS8_PREFIX, privateKey])
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
  } finally {
    der.fill(0)
  }
}

const publicKeyObject = (publicKey: Buffer): KeyObject =>
  createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' })

export function publicKeyOf(privateKey: Buffer): Buffer {
  const der = createPublicKey(privateKeyObject(privateKey)).export({ format: 'der', type: 'spki' })
  return Buffer.from(der.subarray(SPKI_PREFIX.length))
}

/** A private key sealed under a passphrase-derived key (or the recovery key's). */
export const ZSealedKeySchema = z.strictObject({
  kdf: ZKdfParamsSchema,
  salt: z.base64().max(128),
  key: ZWrappedKeySchema,
})
export type TSealedKey = z.infer<typeof ZSealedKeySchema>

/** Seal `privateKey` under `secret`; the AAD names whose key it is, so a sealed key moved elsewhere fails. */
export async function sealPrivateKey(
  privateKey: Buffer,
  secret: string,
  kdf: TKdfParams,
  associatedData: string,
): Promise<TSealedKey> {
  const salt = randomBytes(16)
  const keyEncryptionKey = await deriveKey(secret, salt, kdf)
  try {
    return { kdf, salt: salt.toString('base64'), key: wrapKey(privateKey, keyEncryptionKey, associatedData) }
  } finally {
    keyEncryptionKey.fill(0)
  }
}

/** The private key if `secret` opens `sealed` for this AAD, else null. The caller zeroes it. */
export async function openSealedKey(
  sealed: TSealedKey,
  secret: string,
  associatedData: string,
): Promise<Buffer | null> {
  const keyEncryptionKey = await deriveKey(secret, Buffer.from(sealed.salt, 'base64'), sealed.kdf)
  try {
    return unwrapKey(sealed.key, keyEncryptionKey, associatedData)
  } finally {
    keyEncryptionKey.fill(0)
  }
}

/** One vault key encrypted to an account's public key (ECIES: X25519, HKDF-SHA256, AES-256-GCM). */
export const ZGrantSchema = z.strictObject({
  ephemeralKey: z.base64().max(64),
  key: ZWrappedKeySchema,
})
export type TGrant = z.infer<typeof ZGrantSchema>

function grantKeyEncryptionKey(
  shared: Buffer,
  ephemeral: Buffer,
  recipient: Buffer,
  context: string,
): Buffer {
  const salt = Buffer.concat([ephemeral, recipient])
  return Buffer.from(hkdfSync('sha256', shared, salt, `ccij-grant-v2|${context}`, 32))
}

/**
 * Encrypt `key` to `recipientPublicKey`. Anyone can do this: what makes a grant trustworthy is that the granter
 * checked the recipient's endorsement first. `context` (vault, generation, slot, key name) is bound in.
 */
export function grantKey(key: Buffer, recipientPublicKey: Buffer, context: string): TGrant {
  const ephemeral = newAccountKeyPair()
  const shared = diffieHellman({
    privateKey: privateKeyObject(ephemeral.privateKey),
    publicKey: publicKeyObject(recipientPublicKey),
  })
  const keyEncryptionKey = grantKeyEncryptionKey(shared, ephemeral.publicKey, recipientPublicKey, context)
  try {
    return {
      ephemeralKey: ephemeral.publicKey.toString('base64'),
      key: wrapKey(key, keyEncryptionKey, context),
    }
  } finally {
    shared.fill(0)
    keyEncryptionKey.fill(0)
    ephemeral.privateKey.fill(0)
  }
}

/** The granted key, or null when the grant is not for this key pair and context. The caller zeroes it. */
export function openGrant(grant: TGrant, privateKey: Buffer, context: string): Buffer | null {
  let shared: Buffer
  const ephemeral = Buffer.from(grant.ephemeralKey, 'base64')
  try {
    shared = diffieHellman({
      privateKey: privateKeyObject(privateKey),
      publicKey: publicKeyObject(ephemeral),
    })
  } catch {
    return null
  }
  const keyEncryptionKey = grantKeyEncryptionKey(shared, ephemeral, publicKeyOf(privateKey), context)
  try {
    return unwrapKey(grant.key, keyEncryptionKey, context)
  } finally {
    shared.fill(0)
    keyEncryptionKey.fill(0)
  }
}
