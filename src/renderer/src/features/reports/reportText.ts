import type { TFunction } from 'i18next'
import { REPORT_BREAKDOWNS, type TCaseReport, type TReportBreakdown } from '../../../../shared/contract/reports'
import { csvText } from '../../lib/download'
import { formatMonth, localeTag } from '../../lib/dates'
import type { TVocab } from '../../lib/vocabulary'
import type { TBar } from '../../ui'

/** What a report's keys read as in the interface language. */
export type TReportWords = { t: TFunction; vocab: TVocab; language: string }

function categoryLabel(breakdown: TReportBreakdown, key: string, { t, vocab, language }: TReportWords): string {
  const label = (() => {
    switch (breakdown) {
      case 'status':
        return vocab.status(key)
      case 'legalNeed':
        return vocab.legalNeed(key)
      case 'province':
        return vocab.province(key)
      case 'countryOfOrigin':
        return vocab.country(key)
      case 'experience':
        return vocab.experience(key)
      case 'monthOpened':
        return formatMonth(key, language)
    }
  })()
  return label === '' ? t('reports.notRecorded') : label
}

const countText = (count: number | null, { t, language }: TReportWords): string =>
  count === null ? t('reports.withheld') : new Intl.NumberFormat(localeTag(language)).format(count)

/** One breakdown's bars, in the order main sent them. */
export const reportBars = (report: TCaseReport, breakdown: TReportBreakdown, words: TReportWords): TBar[] =>
  report.breakdowns[breakdown].map((cell) => ({
    key: cell.key,
    label: categoryLabel(breakdown, cell.key, words),
    value: cell.count,
    valueText: countText(cell.count, words),
  }))

/**
 * The report as CSV in the interface language: the period and total first, then one line per breakdown and
 * category. Withheld counts stay withheld (the word, never a number).
 */
export function reportCsv(report: TCaseReport, words: TReportWords): string {
  const { t } = words
  const rows: (string | number)[][] = [
    [t('reports.csv.from'), report.from || t('reports.csv.openEnded')],
    [t('reports.csv.to'), report.to || t('reports.csv.openEnded')],
    [t('reports.csv.total'), report.total ?? t('reports.withheld')],
    [],
    [t('reports.csv.breakdown'), t('reports.csv.category'), t('reports.csv.cases')],
  ]
  for (const breakdown of REPORT_BREAKDOWNS) {
    for (const cell of report.breakdowns[breakdown]) {
      rows.push([
        t(`reports.categories.${breakdown}`),
        categoryLabel(breakdown, cell.key, words),
        cell.count ?? t('reports.withheld'),
      ])
    }
  }
  return csvText(rows)
}

/** "caseload-report-2026-01-01-to-2026-06-30.csv", "caseload-report-all.csv". */
export const reportFileName = (report: TCaseReport): string =>
  report.from === '' && report.to === ''
    ? 'caseload-report-all.csv'
    : `caseload-report-${report.from || 'start'}-to-${report.to || 'now'}.csv`
