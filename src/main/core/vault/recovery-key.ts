import { randomBytes } from 'node:crypto'

// Crockford-style base32 without I, L, O, U: nothing on the printed sheet can be misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const GROUPS = 6
const GROUP_LENGTH = 5

/** A random recovery key, 30 base32 characters (150 bits) in groups: `ABCDE-FGHJK-…`. Shown once. */
export function generateRecoveryKey(): string {
  const bytes = randomBytes(GROUPS * GROUP_LENGTH)
  // 256 is a multiple of 32, so `byte % 32` is unbiased.
  const characters = [...bytes].map((byte) => ALPHABET[byte % 32] ?? '0')
  bytes.fill(0)
  const groups: string[] = []
  for (let index = 0; index < GROUPS; index++) {
    groups.push(characters.slice(index * GROUP_LENGTH, (index + 1) * GROUP_LENGTH).join(''))
  }
  return groups.join('-')
}

/** Accept what people type: lower case, spaces or no dashes, and the letters commonly confused with digits. */
export function normalizeRecoveryKey(typed: string): string {
  const characters = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')
  const groups: string[] = []
  for (let index = 0; index < characters.length; index += GROUP_LENGTH) {
    groups.push(characters.slice(index, index + GROUP_LENGTH))
  }
  return groups.join('-')
}
