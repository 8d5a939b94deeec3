import { useTranslation } from 'react-i18next'
import type { TRosterCapacity, TRosterCapacityRow } from '../../../../shared/contract/lawyers'
import { api } from '../../api'
import { useApiQuery } from '../../lib/useApiQuery'
import { useVocab } from '../../lib/vocabulary'
import { BarChart, Loaded, TextLink } from '../../ui'

const readCapacity = () => api.lawyers.capacity({})

/** The roster filtered to a province's active lawyers ('' = every active lawyer: the list has no "not recorded"). */
const activeIn = (province: TRosterCapacityRow['province']) =>
  province === '' ? '/lawyers?status=active' : `/lawyers?status=active&province=${province}`

/** Every province's lawyers and places, each province a link to its active lawyers. */
function CapacityTable({ figures }: { figures: TRosterCapacity }) {
  const { t } = useTranslation()
  const vocab = useVocab()
  const known = figures.placesKnown
  return (
    <table className="ui-bar-chart__table">
      <caption className="visually-hidden">{t('dashboard.capacity.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.capacity.province')}</th>
          <th scope="col">{t('dashboard.capacity.active')}</th>
          <th scope="col">{t('dashboard.capacity.places')}</th>
          {known ? <th scope="col">{t('dashboard.capacity.placesFree')}</th> : null}
          {known ? <th scope="col">{t('dashboard.capacity.full')}</th> : null}
          <th scope="col">{t('dashboard.capacity.paused')}</th>
        </tr>
      </thead>
      <tbody>
        {figures.provinces.map((row) => (
          <tr key={row.province}>
            <th scope="row">
              <TextLink href={activeIn(row.province)}>
                {row.province === '' ? t('dashboard.capacity.noProvince') : vocab.province(row.province)}
              </TextLink>
            </th>
            <td>{row.active}</td>
            <td>{row.places}</td>
            {known ? <td>{row.placesFree}</td> : null}
            {known ? <td>{row.full}</td> : null}
            <td>{row.paused}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * The roster's capacity: places free across active lawyers, lawyers full and paused, by province (a chart with its
 * table). Counts only, so viewers see it too; their key cannot open referrals, so they see places offered, not free.
 */
export function CapacityFigures() {
  const { t } = useTranslation()
  const vocab = useVocab()
  const { load } = useApiQuery(readCapacity)
  return (
    <section className="dashboard__section" aria-labelledby="dashboard-capacity">
      <h2 id="dashboard-capacity" className="dashboard__heading">
        {t('dashboard.capacity.heading')}
      </h2>
      <Loaded
        load={load}
        loadingLabel={t('dashboard.matching.loading')}
        failedText={() => t('dashboard.matching.failed')}
      >
        {(figures) => {
          const { total, placesKnown } = figures
          const valueOf = (row: Omit<TRosterCapacityRow, 'province'>) =>
            placesKnown ? (row.placesFree ?? 0) : row.places
          return (
            <>
              <ul className="dashboard__figures">
                <li>
                  <TextLink href="/lawyers?status=active">
                    {placesKnown
                      ? t('dashboard.capacity.freeAcross', {
                          count: valueOf(total),
                          lawyers: total.active,
                        })
                      : t('dashboard.capacity.offeredAcross', { count: total.places, lawyers: total.active })}
                  </TextLink>
                </li>
                {placesKnown ? (
                  <li>{t('dashboard.capacity.lawyersFull', { count: total.full ?? 0 })}</li>
                ) : null}
                <li>
                  <TextLink href="/lawyers?status=paused">
                    {t('dashboard.capacity.lawyersPaused', { count: total.paused })}
                  </TextLink>
                </li>
              </ul>
              {placesKnown ? null : <p>{t('dashboard.capacity.viewerNote')}</p>}
              <BarChart
                title={placesKnown ? t('dashboard.capacity.chartFree') : t('dashboard.capacity.chartOffered')}
                bars={figures.provinces
                  .filter((row) => row.active > 0)
                  .map((row) => ({
                    key: row.province || 'none',
                    label:
                      row.province === '' ? t('dashboard.capacity.noProvince') : vocab.province(row.province),
                    value: valueOf(row),
                    valueText: String(valueOf(row)),
                  }))}
                categoryHeader={t('dashboard.capacity.province')}
                valueHeader={
                  placesKnown ? t('dashboard.capacity.placesFree') : t('dashboard.capacity.places')
                }
                tableLabel={t('dashboard.matching.asTable')}
                emptyText={t('dashboard.capacity.nobodyActive')}
                table={<CapacityTable figures={figures} />}
              />
            </>
          )
        }}
      </Loaded>
    </section>
  )
}
