import type * as Crypto from 'node:crypto'
import { randomBytes } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { FAST_KDF } from '#test-support/test-kdf'
import {
  grantKey,
  newAccountKeyPair,
  openGrant,
  openSealedKey,
  publicKeyOf,
  sealPrivateKey,
  ZGrantSchema,
  ZSealedKeySchema,
} from './account-keys'
import type * as KdfModule from './kdf'

/*
 * An account's key pair, its private key sealed under a passphrase, and a vault key granted to it. The wrappers
 * record every secret this code derives or agrees for a moment (they still call the real functions), so a test can
 * check each is zeroed once used: `hkdfSync` answers an ArrayBuffer that the code's Buffer shares, so zeroing the
 * Buffer shows in the recorded one.
 */
const secrets = vi.hoisted(() => ({
  derived: [] as Buffer[],
  shared: [] as Buffer[],
  hkdf: [] as ArrayBuffer[],
  der: [] as Buffer[],
}))

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>()
  const { recording } = await import('#test-support/recording')
  return {
    ...actual,
    diffieHellman: recording(actual.diffieHellman, secrets.shared),
    // The DER form of a private key handed to OpenSSL is a copy holding the key: recorded to check it is zeroed.
    createPrivateKey: (...args: Parameters<typeof actual.createPrivateKey>) => {
      const [options] = args
      if (typeof options === 'object' && 'key' in options && Buffer.isBuffer(options.key)) {
        secrets.der.push(options.key)
      }
      return actual.createPrivateKey(...args)
    },
    hkdfSync: recording(actual.hkdfSync, secrets.hkdf),
  }
})

vi.mock('./kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof KdfModule>()
  const { recordingAsync } = await import('#test-support/recording')
  return { ...actual, deriveKey: recordingAsync(actual.deriveKey, secrets.derived) }
})

const isZero = (bytes: Uint8Array) => bytes.every((byte) => byte === 0)
const since = <T>(list: T[], from: number) => list.slice(from)

/** RFC 7748 section 6.1: Alice's X25519 key pair. */
const RFC_PRIVATE = '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'
const RFC_PUBLIC = '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a'

describe('an account key pair', () => {
  it('is a raw 32-byte X25519 pair whose public half is computed as the RFC says', () => {
    expect(publicKeyOf(Buffer.from(RFC_PRIVATE, 'hex')).toString('hex')).toBe(RFC_PUBLIC)
    const pair = newAccountKeyPair()
    expect(pair.privateKey).toHaveLength(32)
    expect(pair.publicKey).toHaveLength(32)
    expect(publicKeyOf(pair.privateKey).equals(pair.publicKey)).toBe(true)
    expect(newAccountKeyPair().privateKey.equals(pair.privateKey)).toBe(false)
  })
})

describe('a sealed private key', () => {
  it('stores its parameters and a fresh 16-byte salt, opens only with its secret and purpose, and zeroes the derived key', async () => {
    const { privateKey } = newAccountKeyPair()
    const before = secrets.derived.length
    const sealed = await sealPrivateKey(privateKey, 'quiet lantern ferry orbit 92', FAST_KDF, 'slot-1')
    expect(ZSealedKeySchema.parse(sealed)).toEqual(sealed)
    expect(sealed.kdf).toEqual(FAST_KDF)
    expect(Buffer.from(sealed.salt, 'base64')).toHaveLength(16)
    const again = await sealPrivateKey(privateKey, 'quiet lantern ferry orbit 92', FAST_KDF, 'slot-1')
    expect(again.salt).not.toBe(sealed.salt)
    expect((await openSealedKey(sealed, 'quiet lantern ferry orbit 92', 'slot-1'))?.equals(privateKey)).toBe(
      true,
    )
    expect(await openSealedKey(sealed, 'quiet lantern ferry orbit 93', 'slot-1')).toBeNull()
    expect(await openSealedKey(sealed, 'quiet lantern ferry orbit 92', 'slot-2')).toBeNull()
    const derived = since(secrets.derived, before)
    expect(derived).toHaveLength(5)
    expect(derived.every(isZero)).toBe(true)
  })
})

describe('a grant', () => {
  it('opens only with the recipient’s private key and its own context, from a fresh ephemeral key each time', () => {
    const recipient = newAccountKeyPair()
    const key = randomBytes(32)
    const grant = grantKey(key, recipient.publicKey, 'vault-1|g1|account-1|case')
    expect(ZGrantSchema.parse(grant)).toEqual(grant)
    expect(Buffer.from(grant.ephemeralKey, 'base64')).toHaveLength(32)
    expect(grantKey(key, recipient.publicKey, 'vault-1|g1|account-1|case').ephemeralKey).not.toBe(
      grant.ephemeralKey,
    )
    expect(openGrant(grant, recipient.privateKey, 'vault-1|g1|account-1|case')?.equals(key)).toBe(true)
    expect(openGrant(grant, recipient.privateKey, 'vault-1|g2|account-1|case')).toBeNull()
    expect(openGrant(grant, newAccountKeyPair().privateKey, 'vault-1|g1|account-1|case')).toBeNull()
  })

  it('whose ephemeral key is not an X25519 key opens to nothing, without throwing', () => {
    const recipient = newAccountKeyPair()
    const grant = grantKey(randomBytes(32), recipient.publicKey, 'context')
    expect(openGrant({ ...grant, ephemeralKey: 'AAAA' }, recipient.privateKey, 'context')).toBeNull()
    // The all-zero point: X25519 agreement with it fails, which must read as "not for this key pair".
    const zeroPoint = Buffer.alloc(32).toString('base64')
    expect(openGrant({ ...grant, ephemeralKey: zeroPoint }, recipient.privateKey, 'context')).toBeNull()
  })

  it('zeroes the agreed secret, the key-encryption key and each private key’s DER copy when granting and opening', () => {
    const recipient = newAccountKeyPair()
    const shared = secrets.shared.length
    const hkdf = secrets.hkdf.length
    const der = secrets.der.length
    const grant = grantKey(randomBytes(32), recipient.publicKey, 'context')
    expect(openGrant(grant, recipient.privateKey, 'context')).not.toBeNull()
    expect(since(secrets.shared, shared)).toHaveLength(2)
    expect(since(secrets.shared, shared).every(isZero)).toBe(true)
    expect(since(secrets.hkdf, hkdf)).toHaveLength(2)
    expect(since(secrets.hkdf, hkdf).every((key) => isZero(new Uint8Array(key)))).toBe(true)
    // Each side's private key twice: for its public half, and for the agreement.
    expect(since(secrets.der, der)).toHaveLength(4)
    expect(since(secrets.der, der).every(isZero)).toBe(true)
  })
})
