/**
 * The conflict check without blocking, for tests and measurements that hold the blocked check to it: every
 * lawyer-side name is a candidate for every survivor, so `findConflicts` over this source scores all pairs.
 */
import type { TConflictFindings, TConflictNameSource, TLawyerPartyName } from '../../src/main/core/matching'

export const everyName = (names: readonly TLawyerPartyName[]): TConflictNameSource => ({
  candidatesFor: () => names,
})

/** Findings as plain data in a fixed order (two sources yield candidates in different orders). */
export const plainFindings = (findings: TConflictFindings): unknown => ({
  blocking: [...findings.blocking]
    .map(([lawyer, hits]) => [lawyer, [...hits].sort((a, b) => a.hit.hitKey.localeCompare(b.hit.hitKey))])
    .sort(([a], [b]) => String(a).localeCompare(String(b))),
  cleared: [...findings.cleared].sort(([a], [b]) => a.localeCompare(b)),
})
