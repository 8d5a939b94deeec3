import { scrypt } from 'node:crypto'
import { hashRaw, type Algorithm } from '@node-rs/argon2'
import { z } from 'zod'
import { AppError } from '../../../shared/result'

/**
 * Ceilings hold for every keyring and backup this app reads, so a file cannot make an unlock allocate gigabytes or
 * spin for minutes (a forged backup once asked for 128 GiB of scrypt memory). 1 GiB and twenty passes are far above
 * anything this app writes.
 */
const MAX_MEMORY_KIB = 1024 * 1024

/** scrypt parameters: the slots of vaults made before Argon2id; upgraded at their owner's next unlock. */
export const ZScryptParamsSchema = z
  .strictObject({
    name: z.literal('scrypt'),
    /** CPU/memory cost, a power of two. */
    N: z
      .number()
      .int()
      .min(2)
      .max(2 ** 20)
      .refine((value) => (value & (value - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
  })
  .refine((params) => (128 * params.N * params.r) / 1024 <= MAX_MEMORY_KIB, 'scrypt memory above 1 GiB')
export type TScryptParams = z.infer<typeof ZScryptParamsSchema>

/** Argon2id parameters (RFC 9106), stored with every slot so they can be raised later without breaking old slots. */
export const ZArgon2idParamsSchema = z.strictObject({
  name: z.literal('argon2id'),
  memoryKiB: z.number().int().min(8).max(MAX_MEMORY_KIB),
  iterations: z.number().int().min(1).max(20),
  parallelism: z.number().int().min(1).max(8),
})
export type TArgon2idParams = z.infer<typeof ZArgon2idParamsSchema>

export const ZKdfParamsSchema = z.union([ZArgon2idParamsSchema, ZScryptParamsSchema])
export type TKdfParams = z.infer<typeof ZKdfParamsSchema>

/**
 * Argon2id at 256 MiB and 4 passes: about one second per guess on the reference laptop (see `npm run bench`),
 * well above OWASP's minimum (19 MiB, 2 passes). One lane, so a guess cannot be spread over an attacker's cores.
 */
export const PRODUCTION_KDF: TArgon2idParams = {
  name: 'argon2id',
  memoryKiB: 256 * 1024,
  iterations: 4,
  parallelism: 1,
}

/** The weakest slot a production vault accepts: OWASP's minimums (Argon2id 19 MiB × 2; scrypt N=2^17, r=8). */
export const PRODUCTION_FLOOR = {
  argon2id: { memoryKiB: 19 * 1024, iterations: 2 },
  scrypt: { N: 2 ** 17, r: 8 },
} as const
export type TKdfFloor = {
  argon2id: { memoryKiB: number; iterations: number }
  scrypt: { N: number; r: number }
}

/** How a vault derives keys: what new slots get, and the weakest stored slot it will use. */
export type TKdfPolicy = { create: TKdfParams; floor: TKdfFloor }

export const PRODUCTION_KDF_POLICY: TKdfPolicy = { create: PRODUCTION_KDF, floor: PRODUCTION_FLOOR }

/**
 * The policy for `create` params. Production passes none. Tests pass cheap params, and their floor drops to them
 * so their own vaults open; a production vault never sees those params, since its floor is fixed above.
 */
export function kdfPolicyFor(create: TKdfParams | undefined): TKdfPolicy {
  if (create === undefined) return PRODUCTION_KDF_POLICY
  const floor: TKdfFloor = {
    argon2id:
      create.name === 'argon2id'
        ? {
            memoryKiB: Math.min(create.memoryKiB, PRODUCTION_FLOOR.argon2id.memoryKiB),
            iterations: Math.min(create.iterations, PRODUCTION_FLOOR.argon2id.iterations),
          }
        : PRODUCTION_FLOOR.argon2id,
    scrypt:
      create.name === 'scrypt'
        ? {
            N: Math.min(create.N, PRODUCTION_FLOOR.scrypt.N),
            r: Math.min(create.r, PRODUCTION_FLOOR.scrypt.r),
          }
        : PRODUCTION_FLOOR.scrypt,
  }
  return { create, floor }
}

/** INVALID_FILE when stored params are below the floor: a keyring edited to make guessing cheap is not used. */
export function assertKdfAtLeast(params: TKdfParams, floor: TKdfFloor): void {
  const isWeak =
    params.name === 'argon2id'
      ? params.memoryKiB < floor.argon2id.memoryKiB || params.iterations < floor.argon2id.iterations
      : params.N < floor.scrypt.N || params.r < floor.scrypt.r
  if (isWeak) {
    throw new AppError(
      'INVALID_FILE',
      'A key slot in this vault uses a key-derivation setting weaker than this app allows. It was not used.',
    )
  }
}

/** True when a slot sealed with `params` should be sealed again with `target` (another algorithm, or less work). */
export function isWeakerThan(params: TKdfParams, target: TKdfParams): boolean {
  if (params.name !== target.name) return target.name === 'argon2id'
  if (params.name === 'argon2id' && target.name === 'argon2id') {
    return params.memoryKiB * params.iterations < target.memoryKiB * target.iterations
  }
  if (params.name === 'scrypt' && target.name === 'scrypt') return params.N * params.r < target.N * target.r
  return false
}

/** Derive a 32-byte key-encryption key from a passphrase. Async (thread pool) so the main process keeps drawing. */
export async function deriveKey(passphrase: string, salt: Buffer, params: TKdfParams): Promise<Buffer> {
  const secret = passphrase.normalize('NFC')
  if (params.name === 'argon2id') {
    return hashRaw(secret, {
      // The package's const enum (Argon2id = 2) cannot be imported as a value under verbatimModuleSyntax.
      algorithm: 2 as Algorithm.Argon2id,
      memoryCost: params.memoryKiB,
      timeCost: params.iterations,
      parallelism: params.parallelism,
      outputLen: 32,
      salt,
    })
  }
  // scrypt needs 128·N·r bytes; node's default maxmem (32 MiB) is too small for N=2^17.
  const maxmem = 128 * params.N * params.r * (params.p + 1) + 16 * 1024 * 1024
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}
