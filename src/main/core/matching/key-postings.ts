/**
 * Blocking key → the ids of the names holding it, in three typed arrays instead of a Map of strings: 200,000
 * declared names give about 1.5 million distinct keys, most held by one name ("join:…", "name:…"), and a Map entry
 * with its key string per key was about 130 MB of the index's 350 MB, plus as much again of garbage while building.
 *
 * Keys are held as 32-bit hashes. Two keys sharing a hash (a few hundred pairs among 1.5 million) only bring a name
 * as a candidate that it would not otherwise be; the scorer decides every hit, so a collision can cost a comparison,
 * never a hit.
 */

const FNV_OFFSET = 0x811c9dc5

/** FNV-1a over `text`'s UTF-16 code units, continuing from `hash`. */
const fnv = (hash: number, text: string): number => {
  let next = hash
  for (let at = 0; at < text.length; at++) {
    next ^= text.charCodeAt(at)
    next = Math.imul(next, 0x01000193)
  }
  return next
}

/** FNV-1a over the key's UTF-16 code units. */
export const keyHash = (key: string): number => fnv(FNV_OFFSET, key) >>> 0

/** `keyHash(prefix + text)`, without making that string. */
export const keyHashOf = (prefix: string, text: string): number => fnv(fnv(FNV_OFFSET, prefix), text) >>> 0

/** Ids fit in 21 bits next to a 32-bit hash in one float64 (53 bits exact), so pairs sort natively. */
const ID_BITS = 2 ** 21
export const MAX_POSTING_ID = ID_BITS - 1

export class KeyPostingsBuilder {
  private pairs = new Float64Array(1024)
  private count = 0

  add(key: string, id: number): void {
    this.addHash(keyHash(key), id)
  }

  /** `add(prefix + text, id)` without making that string. */
  addParts(prefix: string, text: string, id: number): void {
    this.addHash(keyHashOf(prefix, text), id)
  }

  private addHash(hash: number, id: number): void {
    if (id < 0 || id > MAX_POSTING_ID) throw new RangeError(`a name id beyond ${MAX_POSTING_ID}`)
    if (this.count === this.pairs.length) {
      const grown = new Float64Array(this.pairs.length * 2)
      grown.set(this.pairs)
      this.pairs = grown
    }
    this.pairs[this.count++] = hash * ID_BITS + id
  }

  /** The postings, each (key, id) once however many times it was added. */
  build(): KeyPostings {
    const sorted = this.pairs.subarray(0, this.count).sort()
    let kept = 0
    for (let at = 0; at < sorted.length; at++) {
      const pair = sorted[at] ?? 0
      if (kept === 0 || sorted[kept - 1] !== pair) sorted[kept++] = pair
    }
    const pairs = sorted.subarray(0, kept)
    let distinct = 0
    let previous = -1
    for (const pair of pairs) {
      const hash = Math.floor(pair / ID_BITS)
      if (hash !== previous) distinct++
      previous = hash
    }
    const hashes = new Uint32Array(distinct)
    const starts = new Int32Array(distinct + 1)
    const ids = new Int32Array(pairs.length)
    let slot = -1
    previous = -1
    pairs.forEach((pair, at) => {
      const hash = Math.floor(pair / ID_BITS)
      if (hash !== previous) {
        slot++
        hashes[slot] = hash
        starts[slot] = at
      }
      previous = hash
      ids[at] = pair - hash * ID_BITS
    })
    starts[distinct] = pairs.length
    this.pairs = new Float64Array(0)
    this.count = 0
    return new KeyPostings(hashes, starts, ids)
  }
}

export class KeyPostings {
  constructor(
    /** Distinct key hashes, ascending. */
    private readonly hashes: Uint32Array,
    /** The ids of hashes[slot] are ids[starts[slot] .. starts[slot + 1]). */
    private readonly starts: Int32Array,
    private readonly ids: Int32Array,
  ) {}

  /** How many distinct keys (hashes) and postings are held. */
  get size(): { keys: number; postings: number } {
    return { keys: this.hashes.length, postings: this.ids.length }
  }

  /** Visits each id holding `key` (an id holding it twice, or a key sharing its hash, may come more than once). */
  each(key: string, visit: (id: number) => void): void {
    const hash = keyHash(key)
    let low = 0
    let high = this.hashes.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const found = this.hashes[middle] ?? 0
      if (found < hash) low = middle + 1
      else if (found > hash) high = middle - 1
      else {
        for (let at = this.starts[middle] ?? 0; at < (this.starts[middle + 1] ?? 0); at++)
          visit(this.ids[at] ?? 0)
        return
      }
    }
  }
}
