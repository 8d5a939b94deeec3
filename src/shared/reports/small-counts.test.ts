import { describe, expect, it } from 'vitest'
import { publishedTotal, withholdSmallCounts, type TCount } from './small-counts'

const cells = (counts: Record<string, number>): TCount[] =>
  Object.entries(counts).map(([key, count]) => ({ key, count }))
const total = (list: readonly TCount[]): number => list.reduce((sum, cell) => sum + cell.count, 0)
const published = (list: readonly TCount[]): Record<string, number | null> =>
  Object.fromEntries(withholdSmallCounts(list, total(list)).map((cell) => [cell.key, cell.count]))

describe('small counts in a board report', () => {
  it('publishes every count of 5 or more, and zeros', () => {
    expect(published(cells({ QC: 40, ON: 12, NS: 0 }))).toEqual({ QC: 40, ON: 12, NS: 0 })
  })

  it('withholds a count under 5 and the next smallest cell, so the total minus the rest does not give it back', () => {
    expect(published(cells({ QC: 40, ON: 12, NS: 3, BC: 7 }))).toEqual({ QC: 40, ON: 12, NS: null, BC: null })
  })

  it('keeps withholding while the withheld cells add up to less than 5', () => {
    // NS and PE are both small and add up to 2: published alone, the total would say both are 1.
    expect(published(cells({ QC: 40, ON: 12, NS: 1, PE: 1 }))).toEqual({ QC: 40, ON: null, NS: null, PE: null })
  })

  it('cannot be undone from the total: what is withheld always has more than one cell and sums to 5 or more', () => {
    const examples: Record<string, number>[] = [
      { a: 1, b: 30, c: 9 },
      { a: 4, b: 5, c: 5, d: 2 },
      { a: 2, b: 2, c: 100 },
      { a: 1, b: 0, c: 6 },
    ]
    for (const example of examples) {
      const list = cells(example)
      const out = withholdSmallCounts(list, total(list))
      const withheld = out.filter((cell) => cell.count === null)
      const hiddenSum = total(list) - out.reduce((sum, cell) => sum + (cell.count ?? 0), 0)
      expect(withheld.length === 0 || (withheld.length > 1 && hiddenSum >= 5)).toBe(true)
      for (const cell of out) if (cell.count !== null) expect(cell.count === 0 || cell.count >= 5).toBe(true)
    }
  })

  it('withholds the whole breakdown, and the total, when there are fewer than 5 cases', () => {
    expect(published(cells({ QC: 3, ON: 1, NS: 0 }))).toEqual({ QC: null, ON: null, NS: 0 })
    expect(publishedTotal(4)).toBeNull()
    expect(publishedTotal(0)).toBe(0)
    expect(publishedTotal(5)).toBe(5)
  })
})
