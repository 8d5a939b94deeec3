import { useTranslation } from 'react-i18next'
import type { TIpcResult } from '../../../../shared/result'
import { api } from '../../api'
import { useApiQuery } from '../../lib/useApiQuery'
import { BarChart, Loaded, TextLink } from '../../ui'
import { canHandleCases, useSignedInStaff } from '../vault'

type TCaseFigures = { overdue: number; unmatched: number; urgentUnmatched: number }

/** Three counts, each one request asking for a single row: the totals are what the dashboard shows. */
async function caseFigures(): Promise<TIpcResult<TCaseFigures>> {
  const [overdue, unmatched, urgent] = await Promise.all([
    api.referrals.list({ overdue: true, limit: 1 }),
    api.cases.list({ statuses: ['awaiting_match'], limit: 1 }),
    api.cases.list({ statuses: ['awaiting_match'], urgency: 'urgent', limit: 1 }),
  ])
  if (!overdue.ok) return overdue
  if (!unmatched.ok) return unmatched
  if (!urgent.ok) return urgent
  return {
    ok: true,
    value: {
      overdue: overdue.value.total,
      unmatched: unmatched.value.total,
      urgentUnmatched: urgent.value.total,
    },
  }
}

const onCallNow = () => api.lawyers.onCallNow({})

/** Case counts for staff who handle cases; each figure links to the list it counts. */
function CaseFigures() {
  const { t } = useTranslation()
  const { load } = useApiQuery(caseFigures)
  return (
    <Loaded
      load={load}
      loadingLabel={t('dashboard.matching.loading')}
      failedText={() => t('dashboard.matching.failed')}
    >
      {(figures) => (
        <ul className="dashboard__figures">
          <li>
            <TextLink href="/referrals?overdue=1">
              {t('dashboard.matching.overdue', { count: figures.overdue })}
            </TextLink>
          </li>
          <li>
            <TextLink href="/survivors?status=awaiting_match&urgency=urgent">
              {t('dashboard.matching.urgentUnmatched', { count: figures.urgentUnmatched })}
            </TextLink>
          </li>
          <li>
            <TextLink href="/survivors?status=awaiting_match">
              {t('dashboard.matching.unmatched', { count: figures.unmatched })}
            </TextLink>
          </li>
          <li>
            <TextLink href="/referrals/batch">{t('dashboard.matching.batch')}</TextLink>
          </li>
        </ul>
      )}
    </Loaded>
  )
}

/** Who is on call at each airport now (a chart with its table), and the airports nobody covers, named. */
function OnCallCoverage() {
  const { t } = useTranslation()
  const { load } = useApiQuery(onCallNow)
  return (
    <Loaded
      load={load}
      loadingLabel={t('dashboard.matching.loading')}
      failedText={() => t('dashboard.matching.failed')}
    >
      {(airports) => {
        const covered = airports.filter((each) => each.lawyers.length > 0)
        const gaps = airports.filter((each) => each.lawyers.length === 0).map((each) => each.airport)
        return (
          <>
            <BarChart
              title={t('dashboard.matching.coverageTitle')}
              bars={covered.map((each) => ({
                key: each.airport,
                label: each.airport,
                value: each.lawyers.length,
                valueText: String(each.lawyers.length),
              }))}
              categoryHeader={t('dashboard.matching.airport')}
              valueHeader={t('dashboard.matching.lawyersOnCall')}
              tableLabel={t('dashboard.matching.asTable')}
              emptyText={t('dashboard.matching.nobodyOnCall')}
            />
            {gaps.length === 0 ? null : (
              <p>
                <TextLink href="/lawyers?oncall=1">
                  {t('dashboard.matching.gaps', { count: gaps.length, airports: gaps.join(', ') })}
                </TextLink>
              </p>
            )}
          </>
        )
      }}
    </Loaded>
  )
}

/** The dashboard's matching figures: what needs chasing today, and where nobody is on call. */
export function MatchingFigures() {
  const { t } = useTranslation()
  const handlesCases = canHandleCases(useSignedInStaff().role)
  return (
    <section className="dashboard__section" aria-labelledby="dashboard-matching">
      <h2 id="dashboard-matching" className="dashboard__heading">
        {t('dashboard.matching.heading')}
      </h2>
      {handlesCases ? <CaseFigures /> : null}
      <OnCallCoverage />
    </section>
  )
}
