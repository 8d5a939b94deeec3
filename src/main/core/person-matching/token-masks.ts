/**
 * Two 32-bit summaries of a prepared token, made once when it is prepared (or read back from stored text), from
 * which the conflict check bounds how alike two tokens can be without comparing them (name-ceiling.ts).
 */

const A = 'a'.charCodeAt(0)

/** Bit i set: the token has the letter `a` + i (tokens are normalized Latin, a–z); any other character sets bit 26. */
export const letterMask = (text: string): number => {
  let mask = 0
  for (let at = 0; at < text.length; at++) {
    const letter = text.charCodeAt(at) - A
    mask |= letter >= 0 && letter < 26 ? 1 << letter : 1 << 26
  }
  return mask
}

/**
 * One bit per sound-alike key (FNV-1a of the key, mod 32): two tokens sharing a key share a bit, so no bit in
 * common proves no key in common (the converse does not hold: a bit is a hint, never a match).
 */
export const soundMask = (keys: readonly string[]): number => {
  let mask = 0
  for (const key of keys) {
    let hash = 0x811c9dc5
    for (let at = 0; at < key.length; at++) hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193)
    mask |= 1 << (hash & 31)
  }
  return mask
}
