/**
 * An unfiltered search's page in the order of `ORDER BY h.rank, urgent DESC, c.updated_at DESC LIMIT … OFFSET …`
 * over the index's hits joined to their cases, reading the cases of only the hits that can be on the page: those
 * ranked no lower than the page's last hit by rank (ties included). The join read a case's row for every hit (a
 * word in 500-3,000 cases: as many rows, most of them read from disk and decrypted the first time) for the page's
 * 100. Ties on all three keep the index's order (rowid), as SQLite's sorter keeps rows in the order they came.
 */

/** A hit as the index gives it, in its order. */
export type TRankedHit = { rowid: number; rank: number }
/** What the order needs of a hit's case: urgent (1 or 0, as the SQL computes it) and when it was last updated. */
export type TCaseOrderFacts = { rowid: number; urgent: number; updated_at: string }

/** The hits that can be on the page (offset + limit first by rank, and every hit tied with the last of them). */
export function pageCandidates(hits: readonly TRankedHit[], offset: number, limit: number): TRankedHit[] {
  const byRank = hits
    .map((hit, index) => ({ hit, index }))
    .sort((left, right) => left.hit.rank - right.hit.rank || left.index - right.index)
  const last = byRank[Math.min(offset + limit, byRank.length) - 1]
  if (last === undefined) return []
  return byRank.filter(({ hit }) => hit.rank <= last.hit.rank).map(({ hit }) => hit)
}

/**
 * The page's rowids from the candidates (as `pageCandidates` gives them) and their cases' facts; null when one has
 * no case (the join would have dropped it, and the candidates would not be the right ones: read by SQL then).
 */
export function orderPage(
  candidates: readonly TRankedHit[],
  facts: readonly TCaseOrderFacts[],
  offset: number,
  limit: number,
): number[] | null {
  const byRowid = new Map(facts.map((fact) => [fact.rowid, fact]))
  const rows: { rank: number; urgent: number; updated: string; index: number; rowid: number }[] = []
  for (const [index, hit] of candidates.entries()) {
    const fact = byRowid.get(hit.rowid)
    if (fact === undefined) return null
    rows.push({ rank: hit.rank, urgent: fact.urgent, updated: fact.updated_at, index, rowid: hit.rowid })
  }
  rows.sort(
    (left, right) =>
      left.rank - right.rank ||
      right.urgent - left.urgent ||
      (left.updated < right.updated ? 1 : left.updated > right.updated ? -1 : 0) ||
      left.index - right.index,
  )
  return rows.slice(offset, offset + limit).map((row) => row.rowid)
}
