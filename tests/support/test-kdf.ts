import type { TKdfParams } from '../../src/main/core/vault/kdf'

/*
 * The tests' key-derivation settings, in a module that loads nothing else: the key tests import them without
 * loading the services, which matters most under mutation testing, where every mutant loads each test file again.
 */

/** Cheap KDF for tests that are not about the KDF, so the suite stays fast. */
export const FAST_KDF: TKdfParams = { name: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 }

/**
 * The cheapest key derivation a production build accepts (OWASP's Argon2id minimum, ~60 ms): for vaults a test
 * hands to the real CLI or another process running with production settings.
 */
export const FLOOR_KDF: TKdfParams = { name: 'argon2id', memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 }

/** A floor that lets the tests' cheap key derivation through (production's is OWASP's minimum). */
export const CHEAP_FLOOR = { argon2id: { memoryKiB: 8, iterations: 1 }, scrypt: { N: 2, r: 1 } } as const
