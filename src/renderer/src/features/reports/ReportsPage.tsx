import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { REPORT_BREAKDOWNS, type TCaseReport } from '../../../../shared/contract/reports'
import type { TIpcError } from '../../../../shared/result'
import { api } from '../../api'
import { saveTextFile } from '../../lib/download'
import { useApiQuery } from '../../lib/useApiQuery'
import { useVocab } from '../../lib/vocabulary'
import { announce, BarChart, Button, Loaded, PageHeader } from '../../ui'
import { ReportRange, type TReportRange } from './ReportRange'
import { reportBars, reportCsv, reportFileName, type TReportWords } from './reportText'
import './ReportsPage.css'

const reportErrorKey = (error: TIpcError | null) => (error?.code === 'FORBIDDEN' ? 'forbidden' : 'generic')

/**
 * The caseload report for the board and funders: the period in the URL (so a lock and unlock come back to it), the
 * total, then one chart per breakdown with its table, and the same numbers as CSV.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation()
  const vocab = useVocab()
  const [params, setParams] = useSearchParams()
  const range: TReportRange = { from: params.get('from') ?? '', to: params.get('to') ?? '' }
  const isBackwards = range.from !== '' && range.to !== '' && range.to < range.from
  // While the period is backwards the last good report stays on screen, and the "To" field says why.
  const wanted = JSON.stringify(range)
  const [query, setQuery] = useState(wanted)
  if (!isBackwards && wanted !== query) setQuery(wanted)
  const read = useCallback(() => api.reports.caseload(JSON.parse(query) as TReportRange), [query])
  const { load } = useApiQuery(read)
  const words: TReportWords = { t, vocab, language: i18n.language }
  // The period last asked for, until the address has it: the address changes in a transition, so a second date
  // typed before the first has come back must build on the first, not on the address's older period (which would
  // drop it). Once the address has caught up, it is the period again (and a change from outside is followed).
  const asked = useRef<TReportRange | null>(null)
  useEffect(() => {
    if (asked.current !== null && JSON.stringify(asked.current) === wanted) asked.current = null
  })
  const setRange = (change: Partial<TReportRange>) => {
    const next = { ...(asked.current ?? range), ...change }
    asked.current = next
    const search = new URLSearchParams()
    if (next.from !== '') search.set('from', next.from)
    if (next.to !== '') search.set('to', next.to)
    setParams(search, { replace: true })
  }
  const download = (report: TCaseReport) => {
    const fileName = reportFileName(report)
    saveTextFile(fileName, reportCsv(report, words))
    announce(t('reports.downloaded', { fileName }))
  }

  return (
    <div className="reports-page">
      <PageHeader title={t('reports.title')} description={t('reports.lede')} />
      <ReportRange range={range} onChange={setRange} />
      <Loaded load={load} loadingLabel={t('reports.loading')} failedText={(error) => t(`reports.errors.${reportErrorKey(error)}`)}>
        {(report) => (
          <>
            <div className="reports-page__summary">
              <p role="status" className="reports-page__total">
                {report.total === null ? t('reports.totalWithheld') : t('reports.total', { count: report.total })}
              </p>
              <Button variant="secondary" onPress={() => download(report)}>
                {t('reports.downloadCsv')}
              </Button>
            </div>
            <p className="reports-page__note">{t('reports.privacyNote')}</p>
            <div className="reports-page__charts">
              {REPORT_BREAKDOWNS.map((breakdown) => (
                <div key={breakdown} className="ui-panel reports-page__chart">
                  <BarChart
                    title={t(`reports.breakdowns.${breakdown}`)}
                    bars={reportBars(report, breakdown, words)}
                    categoryHeader={t(`reports.categories.${breakdown}`)}
                    valueHeader={t('reports.cases')}
                    tableLabel={t('reports.showTable')}
                    emptyText={t('reports.empty')}
                  />
                </div>
              ))}
            </div>
          </>
        )}
      </Loaded>
    </div>
  )
}
