import { describe, expect, it } from 'vitest'
import { codeOf } from '#test-support/per-test'
import { FAST_KDF } from '#test-support/test-kdf'
import {
  assertKdfAtLeast,
  deriveKey,
  isWeakerThan,
  kdfPolicyFor,
  PRODUCTION_FLOOR,
  PRODUCTION_KDF,
  PRODUCTION_KDF_POLICY,
  ZKdfParamsSchema,
  type TKdfParams,
} from './kdf'

const SALT = Buffer.from([...Array(16).keys()])
const argon2id = (memoryKiB: number, iterations: number, parallelism = 1): TKdfParams => ({
  name: 'argon2id',
  memoryKiB,
  iterations,
  parallelism,
})
const scrypt = (N: number, r: number, p = 1): TKdfParams => ({ name: 'scrypt', N, r, p })

describe('key derivation', () => {
  // Known answers: a swapped or dropped parameter (memory for passes, the lanes, the NFC step) changes the key, and
  // an old vault would no longer open. The scrypt answers come from another implementation (Python's hashlib, which
  // is OpenSSL's), so they also pin the algorithm. The Argon2id answers were computed once by @node-rs/argon2 at
  // these parameters; each differs from the others, so each parameter reaches the hash.
  it('derives the same 32-byte key as the published algorithms, from the NFC form of the passphrase', async () => {
    const hex = async (passphrase: string, params: TKdfParams) =>
      (await deriveKey(passphrase, SALT, params)).toString('hex')
    expect(await hex('quiet lantern ferry orbit 92', scrypt(2 ** 17, 8))).toBe(
      'ffe6b96f0c18511ce55309a0fe70fbe0699b0682560bd2ac7ca2b8c6166ff605',
    )
    // 'Café' typed with a combining accent (NFD) derives what the composed form does.
    expect(await hex('Cafe\u0301 lantern', scrypt(16, 1))).toBe(
      'cfb2c98b5dd5b2abe7b146c1e4167f3bab1af5a13869a09620c505d30214c2dd',
    )
    const argon = {
      base: await hex('quiet lantern ferry orbit 92', argon2id(64, 1)),
      memory: await hex('quiet lantern ferry orbit 92', argon2id(128, 1)),
      passes: await hex('quiet lantern ferry orbit 92', argon2id(64, 2)),
      lanes: await hex('quiet lantern ferry orbit 92', argon2id(64, 1, 2)),
      nfd: await hex('Cafe\u0301 lantern', argon2id(64, 1)),
      nfc: await hex('Caf\u00e9 lantern', argon2id(64, 1)),
    }
    expect(argon).toEqual({
      base: ARGON_ANSWERS.base,
      memory: ARGON_ANSWERS.memory,
      passes: ARGON_ANSWERS.passes,
      lanes: ARGON_ANSWERS.lanes,
      nfd: ARGON_ANSWERS.nfc,
      nfc: ARGON_ANSWERS.nfc,
    })
    expect(new Set(Object.values(ARGON_ANSWERS)).size).toBe(Object.keys(ARGON_ANSWERS).length)
  })

  // The one derivation at production's 256 MiB in the vault's tests: the parameters every new slot gets are usable
  // (no memory ceiling of the library or of node refuses them) and differ in output from a cheap derivation.
  it('derives a key at the production parameters', async () => {
    const key = await deriveKey('quiet lantern ferry orbit 92', SALT, PRODUCTION_KDF)
    expect(key).toHaveLength(32)
    expect(key.toString('hex')).not.toBe(ARGON_ANSWERS.base)
  })

  it('accepts stored parameters at the floor and refuses each one below it, as INVALID_FILE', () => {
    const floor = PRODUCTION_FLOOR
    expect(codeOf(() => assertKdfAtLeast(argon2id(19 * 1024, 2), floor))).toBeNull()
    expect(codeOf(() => assertKdfAtLeast(PRODUCTION_KDF, floor))).toBeNull()
    expect(codeOf(() => assertKdfAtLeast(argon2id(19 * 1024 - 1, 2), floor))).toBe('INVALID_FILE')
    expect(codeOf(() => assertKdfAtLeast(argon2id(19 * 1024, 1), floor))).toBe('INVALID_FILE')
    expect(codeOf(() => assertKdfAtLeast(scrypt(2 ** 17, 8), floor))).toBeNull()
    expect(codeOf(() => assertKdfAtLeast(scrypt(2 ** 16, 8), floor))).toBe('INVALID_FILE')
    expect(codeOf(() => assertKdfAtLeast(scrypt(2 ** 17, 7), floor))).toBe('INVALID_FILE')
    expect(() => assertKdfAtLeast(FAST_KDF, floor)).toThrow(
      'A key slot in this vault uses a key-derivation setting weaker than this app allows. It was not used.',
    )
  })

  it('production gets the production policy; cheap test parameters lower only their own algorithm’s floor', () => {
    expect(kdfPolicyFor(undefined)).toBe(PRODUCTION_KDF_POLICY)
    expect(PRODUCTION_KDF_POLICY).toEqual({
      create: { name: 'argon2id', memoryKiB: 262144, iterations: 4, parallelism: 1 },
      floor: { argon2id: { memoryKiB: 19456, iterations: 2 }, scrypt: { N: 131072, r: 8 } },
    })
    expect(kdfPolicyFor(FAST_KDF)).toEqual({
      create: FAST_KDF,
      floor: { argon2id: { memoryKiB: 64, iterations: 1 }, scrypt: { N: 131072, r: 8 } },
    })
    expect(kdfPolicyFor(scrypt(16, 1))).toEqual({
      create: scrypt(16, 1),
      floor: { argon2id: { memoryKiB: 19456, iterations: 2 }, scrypt: { N: 16, r: 1 } },
    })
    // Stronger-than-production test parameters never raise the floor above production's.
    expect(kdfPolicyFor(argon2id(512 * 1024, 8)).floor).toEqual(PRODUCTION_FLOOR)
    expect(kdfPolicyFor(scrypt(2 ** 18, 16)).floor).toEqual(PRODUCTION_FLOOR)
  })

  it('calls a slot weaker when the target is Argon2id and the slot is not, or has less memory × passes', () => {
    expect(isWeakerThan(scrypt(2 ** 17, 8), PRODUCTION_KDF)).toBe(true)
    expect(isWeakerThan(PRODUCTION_KDF, scrypt(2 ** 20, 8))).toBe(false)
    expect(isWeakerThan(argon2id(1024, 4), argon2id(2048, 2))).toBe(false)
    expect(isWeakerThan(argon2id(1024, 3), argon2id(2048, 2))).toBe(true)
    expect(isWeakerThan(argon2id(2048, 3), argon2id(1024, 4))).toBe(false)
    expect(isWeakerThan(scrypt(16, 2), scrypt(32, 1))).toBe(false)
    expect(isWeakerThan(scrypt(16, 1), scrypt(32, 1))).toBe(true)
    expect(isWeakerThan(scrypt(64, 1), scrypt(32, 1))).toBe(false)
    // Memory × passes for scrypt is N × r on both sides: a slot at r=4 is weaker than the same N at r=8.
    expect(isWeakerThan(scrypt(2 ** 17, 4), scrypt(2 ** 17, 8))).toBe(true)
    expect(isWeakerThan(scrypt(2 ** 17, 8), scrypt(2 ** 17, 4))).toBe(false)
  })

  it('reads only sane parameters: powers of two for scrypt, at most 1 GiB of memory, bounded passes and lanes', () => {
    const valid = (params: unknown) => ZKdfParamsSchema.safeParse(params).success
    expect(valid(scrypt(2 ** 20, 8))).toBe(true)
    expect(valid(scrypt(2 ** 20, 9))).toBe(false)
    expect(valid(scrypt(3, 1))).toBe(false)
    expect(valid(scrypt(2 ** 10 + 2 ** 9, 1))).toBe(false)
    expect(valid(scrypt(2, 1, 4))).toBe(true)
    expect(valid(scrypt(2, 1, 5))).toBe(false)
    expect(valid(argon2id(1024 * 1024, 20, 8))).toBe(true)
    expect(valid(argon2id(1024 * 1024 + 1, 1))).toBe(false)
    expect(valid(argon2id(7, 1))).toBe(false)
    expect(valid(argon2id(64, 21))).toBe(false)
    expect(valid(argon2id(64, 1, 9))).toBe(false)
    expect(valid({ ...FAST_KDF, extra: 1 })).toBe(false)
  })
})

/** @node-rs/argon2 at the parameters above (salt 00…0f), 32-byte output. */
const ARGON_ANSWERS = {
  base: 'e619b2ff3934fa0c1baadc652f4da6c00767383b24139a9dee2ef4f959a137ba',
  memory: '02f44ef3315d89322f1152ab36eb49b722a523a3cc6064bfc1af3782d670fa81',
  passes: '047278360618782eeccedb427a076ec43827e38d81ac9da33fb796a2ee0d5fa4',
  lanes: 'ea27d42080ee84a59cb833fe6d704b1868977ba9477740181d96e9474ab3b733',
  nfc: '9bcefb0af3dd282a1f4bba9c7f3554ea3631a0885d2e7792f18c542dd1243a89',
}
