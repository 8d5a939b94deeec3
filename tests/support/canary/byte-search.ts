/**
 * Finds many byte patterns in one pass over a buffer (Aho–Corasick, as a dense automaton). A leak scan looks for
 * a thousand patterns in megabytes of files; searching for each pattern separately would take a thousand passes.
 */
export class ByteSearch {
  /** transitions[state * 256 + byte] = next state. */
  private readonly transitions: Int32Array
  /** For each state, the patterns that end there (through its suffix links too). */
  private readonly endings: number[][]

  constructor(patterns: readonly Uint8Array[]) {
    const maxStates = 1 + patterns.reduce((sum, pattern) => sum + pattern.length, 0)
    const next = new Int32Array(maxStates * 256).fill(-1)
    const endings: number[][] = [[]]
    let states = 1
    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) throw new Error(`pattern ${index} is empty`)
      let state = 0
      for (const byte of pattern) {
        const slot = state * 256 + byte
        if (next[slot] === -1) {
          next[slot] = states
          endings.push([])
          states += 1
        }
        state = next[slot]!
      }
      endings[state]!.push(index)
    })
    // Breadth-first: complete every state's transitions with its suffix link's, so matching never backtracks.
    const link = new Int32Array(states)
    const queue: number[] = []
    for (let byte = 0; byte < 256; byte++) {
      const child = next[byte]!
      if (child === -1) next[byte] = 0
      else {
        link[child] = 0
        queue.push(child)
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!
      endings[state] = [...endings[state]!, ...endings[link[state]!]!]
      for (let byte = 0; byte < 256; byte++) {
        const slot = state * 256 + byte
        const child = next[slot]!
        const fallback = next[link[state]! * 256 + byte]!
        if (child === -1) next[slot] = fallback
        else {
          link[child] = fallback
          queue.push(child)
        }
      }
    }
    this.transitions = next.subarray(0, states * 256)
    this.endings = endings
  }

  /** The index of every pattern found in `haystack`, each with the offset just past its first occurrence. */
  find(haystack: Uint8Array): Map<number, number> {
    const found = new Map<number, number>()
    const { transitions, endings } = this
    let state = 0
    for (let offset = 0; offset < haystack.length; offset++) {
      state = transitions[state * 256 + haystack[offset]!]!
      const ending = endings[state]!
      if (ending.length === 0) continue
      for (const pattern of ending) if (!found.has(pattern)) found.set(pattern, offset + 1)
    }
    return found
  }
}
