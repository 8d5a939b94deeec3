/**
 * The order of the similar-name pass's candidates (see `CaseListQueries.similarNameCandidates`): every case sharing
 * one of the search's codes, best first. Each code weighs its bm25 inverse document frequency,
 * ln(1 + (N - n + 0.5) / (n + 0.5)) for n of N cases, a case the sum of its codes' weights (added in the codes'
 * order); among equal weights the newest (highest rowid) first.
 *
 * A search's codes bring 2,000-12,000 rowids at 100,000 cases. The sums are kept in a buffer indexed by rowid
 * (reused, zeroed again as it is read) and the order comes from grouping the cases by weight, each group read from
 * the highest rowid down: a Map of rowids and a sort of [rowid, weight] pairs with a comparator cost 1-3 ms of a
 * slow search's CPU.
 */
export class CodeSharers {
  /** The weights by rowid, and which rowids have one: every entry is 0 between calls. */
  private sums = new Float64Array(0)
  private seen = new Uint8Array(0)

  /**
   * The rowids of `perCode` (each code's cases, as the index lists them), best first. `caseload`: N, the number the
   * weights are computed against (every rowid is at most it).
   */
  order(perCode: readonly (readonly number[])[], caseload: number): number[] {
    let top = 0
    let listed = 0
    for (const rowids of perCode) {
      listed += rowids.length
      for (const rowid of rowids) if (rowid > top) top = rowid
    }
    if (listed === 0) return []
    if (this.sums.length <= top) {
      this.sums = new Float64Array(Math.max(top + 1, this.sums.length * 2))
      this.seen = new Uint8Array(this.sums.length)
    }
    const { sums, seen } = this
    // Each case once, in the order first met: for the few-hit searches that do not warrant a pass over every rowid.
    const met: number[] = []
    // Zeroed again however the call ends: the next search must find the buffer clean.
    try {
      for (const rowids of perCode) {
        const weight = Math.log(1 + (caseload - rowids.length + 0.5) / (rowids.length + 0.5))
        for (const rowid of rowids) {
          if (seen[rowid] === 0) {
            seen[rowid] = 1
            met.push(rowid)
          }
          sums[rowid] = (sums[rowid] ?? 0) + weight
        }
      }
      // Highest rowid first: one pass down the buffer, or the cases met sorted when they are few of it.
      let descending: ArrayLike<number>
      if (met.length * 16 < top) descending = Float64Array.from(met).sort().reverse()
      else {
        const down: number[] = []
        for (let rowid = top; rowid >= 0; rowid--) if (seen[rowid] === 1) down.push(rowid)
        descending = down
      }
      return CodeSharers.byWeight(descending, sums)
    } finally {
      for (const rowid of met) {
        sums[rowid] = 0
        seen[rowid] = 0
      }
    }
  }

  /** The rowids (highest first) grouped by weight, the heaviest group first. */
  private static byWeight(descending: ArrayLike<number>, sums: Float64Array): number[] {
    const byWeight = new Map<number, number[]>()
    for (let index = 0; index < descending.length; index++) {
      const rowid = descending[index] ?? 0
      const weight = sums[rowid] ?? 0
      const group = byWeight.get(weight)
      if (group === undefined) byWeight.set(weight, [rowid])
      else group.push(rowid)
    }
    return [...byWeight.keys()]
      .sort((left, right) => right - left)
      .flatMap((weight) => byWeight.get(weight) ?? [])
  }
}
