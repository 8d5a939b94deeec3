import {
  REPORT_MAX_MONTHS,
  ZCaseReportQuerySchema,
  type TCaseReport,
  type TCaseReportQuery,
} from '../../../shared/contract/reports'
import { CASE_STATUSES, EXPERIENCES, LEGAL_NEEDS, PROVINCES } from '../../../shared/cases/vocabulary'
import { publishedTotal, withholdSmallCounts, type TCount } from '../../../shared/reports/small-counts'
import { STAFF_WHO_HANDLE_CASES } from '../../../shared/roles'
import { sessionIn, type TSessionSource } from '../session/session'
import { CaseloadCounts, type TOpenedRange } from './caseload-counts'

/** Every key of a vocabulary, in its order, with 0 where no case has it; then any key the vocabulary lacks. */
function inVocabularyOrder(found: readonly TCount[], keys: readonly string[]): TCount[] {
  const byKey = new Map(found.map((cell) => [cell.key, cell.count]))
  const known = keys.map((key) => ({ key, count: byKey.get(key) ?? 0 }))
  const other = found.filter((cell) => !keys.includes(cell.key))
  return [...known, ...other]
}

/** Most cases first; not answered ('') last. */
const largestFirst = (found: readonly TCount[]): TCount[] =>
  [...found].sort((a, b) => Number(a.key === '') - Number(b.key === '') || b.count - a.count || (a.key < b.key ? -1 : 1))

const nextMonth = (month: string): string => {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`
}

/** Every month of the range (or of the cases found, where the range is open), with 0 for months without a case. */
function everyMonth(found: readonly TCount[], range: TOpenedRange): TCount[] {
  const first = range.from.slice(0, 7) || found[0]?.key
  const last = range.to.slice(0, 7) || found.at(-1)?.key
  if (first === undefined || last === undefined) return []
  const byMonth = new Map(found.map((cell) => [cell.key, cell.count]))
  const months: TCount[] = []
  for (let month = first; month <= last; month = nextMonth(month)) {
    months.push({ key: month, count: byMonth.get(month) ?? 0 })
  }
  return months.slice(-REPORT_MAX_MONTHS)
}

/**
 * The caseload report for the board and funders: counts of cases opened in a date range, by status, legal need,
 * province, country of origin, experience and month opened. For staff who handle cases; each report is audited
 * (its range and total, nothing else).
 */
export class CaseloadReportService {
  constructor(private readonly sessions: TSessionSource) {}

  caseload(input: TCaseReportQuery): TCaseReport {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES, 'Your role cannot read caseload reports.')
    const range = ZCaseReportQuerySchema.parse(input)
    const counts = new CaseloadCounts(session.db)
    const total = counts.total(range)
    const publish = (cells: readonly TCount[]) => withholdSmallCounts(cells, total)
    const report: TCaseReport = {
      from: range.from,
      to: range.to,
      total: publishedTotal(total),
      breakdowns: {
        status: publish(inVocabularyOrder(counts.byStatus(range), CASE_STATUSES)),
        legalNeed: publish(inVocabularyOrder(counts.byLegalNeed(range), LEGAL_NEEDS)),
        province: publish(inVocabularyOrder(counts.byProvince(range), [...PROVINCES, ''])),
        countryOfOrigin: publish(largestFirst(counts.byCountryOfOrigin(range))),
        experience: publish(inVocabularyOrder(counts.byExperience(range), EXPERIENCES)),
        monthOpened: publish(everyMonth(counts.byMonthOpened(range), range)),
      },
    }
    session.audit.record('reports.viewed', null, { from: range.from, to: range.to, results: total })
    return report
  }
}
