import {
  ZCaseListQuerySchema,
  type TCaseListPage,
  type TCaseListQuery,
  type TStaffRef,
} from '../../../shared/contract/cases'
import type { TAuditDetails } from '../../../shared/contract/audit'
import { STAFF_WHO_HANDLE_CASES } from '../../../shared/roles'
import { StaffDirectory } from '../accounts/accounts-repository'
import type { TSession, TSessionSource } from '../session/session'
import { caseSession } from './case-access'
import { CaseListQueries } from './case-list-queries'
import { removalCutoff } from './case-records'
import { buildNamesOnlyQuery, buildSearchQuery, countWords, referencePrefixOf } from './case-search'
import { findSimilarNames } from './similar-names'
import { explainExactHits } from './search-reasons'
import { toListRow } from './case-views'

/** One per session: its counts stay valid between the pages of a scrolling list. */
const listQueriesOf = (session: TSession): CaseListQueries => new CaseListQueries(session.db)

/** The case list: urgent first, filtered, searched by name in any script, reference or notes. */
export class CaseListService {
  constructor(private readonly sessions: TSessionSource) {}

  list(input: TCaseListQuery): TCaseListPage {
    const session = caseSession(this.sessions)
    const query = ZCaseListQuerySchema.parse(input)
    // Every read of the page in one read transaction: one snapshot for the count, the page and the reasons, and one
    // lock of each file instead of one per statement (about 60 lock calls and 45 stats of the files fewer per search).
    const { page, audited } = session.db.transaction(() => this.read(session, query))
    // A search reaches survivors' names and notes: who searched, when and how many it found is audited (the
    // first page only: scrolling is the same search). The words are not kept, not even hashed: see docs/cases.md.
    // After the reads' transaction, in a transaction of its own: the entry's commit is the search's only write.
    if (audited !== null) session.audit.record('cases.searched', null, audited)
    return page
  }

  /** The page, and what the audit trail keeps of a search's first page (null when there is nothing to audit). */
  private read(
    session: TSession,
    query: ReturnType<typeof ZCaseListQuerySchema.parse>,
  ): { page: TCaseListPage; audited: TAuditDetails | null } {
    const queries = session.scoped(listQueriesOf)
    const cutoff = removalCutoff(session.clock.now())
    const filters = {
      statuses: query.statuses,
      province: query.province,
      language: query.language,
      need: query.need,
      assignee: query.assignee,
      urgency: query.urgency,
    }
    const match = buildSearchQuery(query.search)
    const names = new StaffDirectory(session.db).displayNames()
    if (match === null) {
      const page = queries.listByUrgency(filters, cutoff, query.offset, query.limit)
      return {
        page: {
          rows: page.rows.map((row) => toListRow(row, cutoff, names)),
          total: page.total,
          offset: query.offset,
        },
        audited: null,
      }
    }
    // Exact hits (names as typed or begun, references, cities, notes) first; then names spelled otherwise, found
    // only when the page reaches past the exact hits, so a search with many exact hits pays nothing more.
    const reference = referencePrefixOf(query.search)
    const exact =
      reference === null
        ? queries.search(match, filters, cutoff, query.offset, query.limit, buildNamesOnlyQuery(query.search))
        : queries.searchByReference(reference, filters, cutoff, query.offset, query.limit)
    const why = explainExactHits(queries, query.search, exact.rows)
    const rows = exact.rows.map((row) => ({
      ...toListRow(row, cutoff, names),
      whyMatched: why.get(row.rowid) ?? [],
    }))
    let total = exact.total
    // Past the cap the exact hits alone fill every row the list shows: no names spelled otherwise are looked for.
    const capped = exact.capped === true
    if (!capped && query.offset + query.limit > exact.total) {
      // On a first page the exact hits in hand are all of them (fewer than a page): no need to search for them again.
      const hits = { match, total: exact.total, rowids: exact.rows.map((row) => row.rowid) }
      const similar = findSimilarNames(queries, query.search, hits, filters, cutoff)
      const start = Math.max(0, query.offset - exact.total)
      const wanted = similar.slice(start, start + query.limit - rows.length)
      const byRowid = new Map(wanted.map((hit) => [hit.rowid, hit.reason]))
      for (const row of queries.listRows(wanted.map((hit) => hit.rowid))) {
        const reason = byRowid.get(row.rowid)
        rows.push({ ...toListRow(row, cutoff, names), whyMatched: reason === undefined ? [] : [reason] })
      }
      total += similar.length
    }
    return {
      page: { rows, total, offset: query.offset, ...(capped ? { totalCapped: true as const } : {}) },
      audited:
        query.offset === 0
          ? { words: countWords(query.search), results: total, ...(capped ? { moreResults: true } : {}) }
          : null,
    }
  }

  /** Who a case can be assigned to: active admins and caseworkers. */
  assignees(): TStaffRef[] {
    return new StaffDirectory(caseSession(this.sessions).db).activeInRoles(STAFF_WHO_HANDLE_CASES)
  }
}
