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

/** How often each letter (a–z, then any other character) occurs in the text being counted. */
const counts = new Int32Array(27)

/**
 * The letters of a name run together, as bit planes (token-masks.ts's bits): `once` the letters it has, `twice`
 * those it has two or more of, `thrice` three or more, and `beyond` how many characters come after a letter's
 * third. The letters two such texts have in common (as a multiset) are at most the three planes' shared bits plus
 * the smaller `beyond` (name-ceiling.ts).
 */
export type LetterPlanes = { once: number; twice: number; thrice: number; beyond: number }

export const letterPlanes = (text: string): LetterPlanes => {
  for (let at = 0; at < text.length; at++) {
    const letter = text.charCodeAt(at) - A
    const slot = letter >= 0 && letter < 26 ? letter : 26
    counts[slot] = (counts[slot] ?? 0) + 1
  }
  const planes: LetterPlanes = { once: 0, twice: 0, thrice: 0, beyond: 0 }
  for (let letter = 0; letter < 27; letter++) {
    const count = counts[letter] ?? 0
    if (count >= 1) planes.once |= 1 << letter
    if (count >= 2) planes.twice |= 1 << letter
    if (count >= 3) planes.thrice |= 1 << letter
    if (count > 3) planes.beyond += count - 3
    counts[letter] = 0
  }
  return planes
}
