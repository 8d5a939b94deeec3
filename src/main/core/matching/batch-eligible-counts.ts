/**
 * How many lawyers could take each case of a batch once its solves are done ("n lawyers could take this case"), which
 * lawyers could take some case, and how many pairs are eligible in all. A case given a lawyer counts its lawyers in
 * place, less those its solves found conflicted; a case left without one has all its remaining lawyers checked for
 * conflicts first (`checkLeft`), so its count holds no conflicted lawyer. Moved out of batch-service.ts, which
 * assembles the proposal around it.
 */

/** What the solves left: each case's lawyer (position) or null, the lawyers found conflicted, the pairs counted. */
export type TSolvedBatch = {
  readonly assignment: ReadonlyArray<number | null>
  readonly conflicted: ReadonlyArray<ReadonlySet<number>>
  readonly pairsEligible: number
}

export type TEligibleCounts = {
  /** Per case, the lawyers who could take it (no conflict among those counted). */
  eligibleOf: number[]
  /** 1 for each lawyer (position) who could take some case. */
  eligibleSomewhere: Uint8Array
  pairsEligible: number
}

/**
 * Counts over each case's eligible lawyers (`listOf(case)`: positions, conflicts aside). `checkLeft(case, positions)`
 * checks a case left without a lawyer against the lawyers still open to it and returns the positions blocked.
 */
export const countEligible = (
  cases: number,
  lawyers: number,
  listOf: (position: number) => Int32Array,
  solved: TSolvedBatch,
  checkLeft: (position: number, options: readonly number[]) => ReadonlySet<number>,
): TEligibleCounts => {
  const eligibleSomewhere = new Uint8Array(lawyers)
  let pairsEligible = solved.pairsEligible
  const eligibleOf: number[] = []
  for (let position = 0; position < cases; position++) {
    const out = solved.conflicted[position]
    const list = listOf(position)
    if (solved.assignment[position] !== null) {
      // Counted in place: an assigned case's list is thousands of lawyers long, and copying it is garbage.
      let count = 0
      for (let at = 0; at < list.length; at++) {
        const lawyer = list[at] as number
        if (out?.has(lawyer) === true) continue
        eligibleSomewhere[lawyer] = 1
        count++
      }
      eligibleOf.push(count)
      continue
    }
    const options = Array.from(list).filter((lawyer) => out?.has(lawyer) !== true)
    if (options.length === 0) {
      eligibleOf.push(0)
      continue
    }
    // A case left without a lawyer has fewer eligible lawyers than the batch has cases (else one of them would
    // have a place left for it): all of them are checked, so "n lawyers could take this case" counts no conflict.
    const blocked = checkLeft(position, options)
    let eligible = 0
    for (const lawyer of options) {
      if (blocked.has(lawyer)) {
        pairsEligible--
        continue
      }
      eligibleSomewhere[lawyer] = 1
      eligible++
    }
    eligibleOf.push(eligible)
  }
  return { eligibleOf, eligibleSomewhere, pairsEligible }
}
