import { scrypt } from 'node:crypto'
import { z } from 'zod'

/** scrypt parameters, stored with every key slot so they can be raised later without breaking old slots. */
export const ZScryptParamsSchema = z.strictObject({
  name: z.literal('scrypt'),
  /** CPU/memory cost, a power of two. */
  N: z
    .number()
    .int()
    .min(2)
    .max(2 ** 24),
  r: z.number().int().min(1).max(64),
  p: z.number().int().min(1).max(16),
})
export type TScryptParams = z.infer<typeof ZScryptParamsSchema>

/** OWASP's minimum for scrypt (N=2^17, r=8, p=1): about 128 MiB and a few hundred milliseconds per attempt. */
export const PRODUCTION_KDF: TScryptParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 }

/** Derive a 32-byte key-encryption key from a passphrase. Async so the main process keeps drawing windows. */
export function deriveKey(passphrase: string, salt: Buffer, params: TScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; node's default maxmem (32 MiB) is too small for N=2^17.
  const maxmem = 128 * params.N * params.r * (params.p + 1) + 16 * 1024 * 1024
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { N: params.N, r: params.r, p: params.p, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })
}
