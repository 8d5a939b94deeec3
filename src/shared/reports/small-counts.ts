/**
 * Small counts are not published: a board report that says "1 survivor from Eritrea in Nova Scotia" names that
 * person to anyone who knows the community. Counts of 1 to 4 are withheld (0 is not: it names nobody).
 */
export const SMALL_COUNT_LIMIT = 5

export type TCount = { key: string; count: number }
/** A published cell: the count, or null when it is withheld. */
export type TPublishedCount = { key: string; count: number | null }

const isSmall = (count: number): boolean => count > 0 && count < SMALL_COUNT_LIMIT

/**
 * The cells of one breakdown as they may be published next to their total.
 *
 * Primary suppression withholds every count from 1 to 4. Complementary suppression then withholds more cells, the
 * smallest first, until the withheld cells cannot be worked out from the total: while a single cell is withheld
 * (total minus the others gives it back) or the withheld cells add up to less than SMALL_COUNT_LIMIT (their sum is
 * known, so "two cells that add up to 2" are both 1). A total that is itself small withholds everything.
 */
export function withholdSmallCounts(cells: readonly TCount[], total: number): TPublishedCount[] {
  if (isSmall(total)) return cells.map(({ key, count }) => ({ key, count: count === 0 ? 0 : null }))
  const withheld = new Set(cells.filter((cell) => isSmall(cell.count)).map((cell) => cell.key))
  if (withheld.size === 0) return cells.map((cell) => ({ ...cell }))
  // The cells that could be withheld as well, smallest first (ties in the given order, so the result is stable).
  const candidates = cells
    .filter((cell) => cell.count > 0 && !withheld.has(cell.key))
    .sort((a, b) => a.count - b.count)
  const withheldSum = (): number =>
    cells.filter((cell) => withheld.has(cell.key)).reduce((sum, cell) => sum + cell.count, 0)
  for (const candidate of candidates) {
    if (withheld.size > 1 && withheldSum() >= SMALL_COUNT_LIMIT) break
    withheld.add(candidate.key)
  }
  return cells.map(({ key, count }) => ({ key, count: withheld.has(key) ? null : count }))
}

/** The total as it may be published: null when it is small itself. */
export const publishedTotal = (total: number): number | null => (isSmall(total) ? null : total)
