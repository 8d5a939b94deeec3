import type * as Crypto from 'node:crypto'
import { randomBytes } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { unwrapKey, wrapKey, ZWrappedKeySchema, type TWrappedKey } from './key-wrap'
import { generateRecoveryKey, normalizeRecoveryKey } from './recovery-key'

/*
 * The two smallest pieces every vault key passes through: the AES-GCM wrap that seals a key to one vault and one
 * purpose, and the recovery key's printed form. Each property is checked at its edge, so a loosened check fails.
 */

// Records the random bytes handed out (the real ones), so a test can see the recovery key's own bytes zeroed.
const drawn = vi.hoisted(() => [] as Buffer[])
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>()
  return {
    ...actual,
    randomBytes: (size: number) => {
      const bytes = actual.randomBytes(size)
      drawn.push(bytes)
      return bytes
    },
  }
})

const kek = randomBytes(32)
const key = randomBytes(32)
const flip = (base64: string): string => {
  const bytes = Buffer.from(base64, 'base64')
  bytes[0] = (bytes[0] ?? 0) ^ 1
  return bytes.toString('base64')
}

describe('a wrapped key', () => {
  it('is AES-256-GCM with a fresh 12-byte nonce and a 16-byte tag, and opens with its key and purpose', () => {
    const wrapped = wrapKey(key, kek, 'vault-1/case')
    expect(wrapped.name).toBe('aes-256-gcm')
    expect(Buffer.from(wrapped.iv, 'base64')).toHaveLength(12)
    expect(Buffer.from(wrapped.tag, 'base64')).toHaveLength(16)
    expect(Buffer.from(wrapped.ciphertext, 'base64')).toHaveLength(32)
    expect(Buffer.from(wrapped.ciphertext, 'base64').equals(key)).toBe(false)
    expect(wrapKey(key, kek, 'vault-1/case').iv).not.toBe(wrapped.iv)
    expect(ZWrappedKeySchema.parse(wrapped)).toEqual(wrapped)
    expect(unwrapKey(wrapped, kek, 'vault-1/case')?.equals(key)).toBe(true)
  })

  it('does not open for another purpose, another key-encryption key, or with any part changed', () => {
    const wrapped = wrapKey(key, kek, 'vault-1/case')
    expect(unwrapKey(wrapped, kek, 'vault-1/directory')).toBeNull()
    expect(unwrapKey(wrapped, kek, 'vault-2/case')).toBeNull()
    expect(unwrapKey(wrapped, randomBytes(32), 'vault-1/case')).toBeNull()
    for (const part of ['iv', 'tag', 'ciphertext'] as const) {
      expect(unwrapKey({ ...wrapped, [part]: flip(wrapped[part]) }, kek, 'vault-1/case'), part).toBeNull()
    }
  })

  it('binds the purpose by its UTF-8 bytes: a purpose with accents opens only as written', () => {
    const wrapped = wrapKey(key, kek, 'coffre-é/clé')
    expect(unwrapKey(wrapped, kek, 'coffre-é/clé')?.equals(key)).toBe(true)
    expect(unwrapKey(wrapped, kek, 'coffre-e/cle')).toBeNull()
  })

  it('opens to nothing when what was sealed is not a 32-byte key', () => {
    for (const size of [16, 31, 33, 64]) {
      const wrapped = wrapKey(randomBytes(size), kek, 'vault-1/case')
      expect(unwrapKey(wrapped, kek, 'vault-1/case'), `${size} bytes`).toBeNull()
    }
  })

  it('is read from a keyring only in its exact shape', () => {
    const wrapped = wrapKey(key, kek, 'vault-1/case')
    const refused: unknown[] = [
      { ...wrapped, name: 'aes-128-gcm' },
      { ...wrapped, extra: 'x' },
      { ...wrapped, iv: 'not base64!' },
      { ...wrapped, iv: 'A'.repeat(68) },
      { ...wrapped, tag: 'A'.repeat(68) },
      { ...wrapped, ciphertext: 'A'.repeat(260) },
    ]
    for (const value of refused)
      expect(ZWrappedKeySchema.safeParse(value).success, JSON.stringify(value)).toBe(false)
    const longest: TWrappedKey = {
      ...wrapped,
      iv: 'A'.repeat(64),
      tag: 'A'.repeat(64),
      ciphertext: 'A'.repeat(256),
    }
    expect(ZWrappedKeySchema.safeParse(longest).success).toBe(true)
  })
})

describe('a recovery key', () => {
  it('is six groups of five characters from the unambiguous alphabet, different each time', () => {
    const keys = Array.from({ length: 40 }, () => generateRecoveryKey())
    for (const each of keys) expect(each).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){5}$/)
    expect(new Set(keys).size).toBe(keys.length)
    // 1,200 random characters: every one of the 32 appears, so none of the alphabet is lost.
    expect(new Set(keys.join('').replaceAll('-', ''))).toHaveProperty('size', 32)
    // The random bytes behind the key printed once do not stay in memory.
    const before = drawn.length
    generateRecoveryKey()
    expect(drawn.slice(before).map((bytes) => bytes.length)).toEqual([30])
    expect(drawn.at(-1)?.every((byte) => byte === 0)).toBe(true)
  })

  it('is read back as typed: any case, spaces or no dashes, I and L as 1, O as 0, grouped by five', () => {
    expect(normalizeRecoveryKey('abcde fghjk\tmnpqr-stvwx yz012 34567')).toBe(
      'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567',
    )
    expect(normalizeRecoveryKey('iIlLoO')).toBe('11110-0')
    expect(normalizeRecoveryKey('ABCDEFG')).toBe('ABCDE-FG')
    expect(normalizeRecoveryKey('ABCDE')).toBe('ABCDE')
    expect(normalizeRecoveryKey(' - ')).toBe('')
  })
})
