import { useTranslation } from 'react-i18next'
import { airportName } from '../../../../shared/roster/airports'
import { api } from '../../api'
import { useApiQuery } from '../../lib/useApiQuery'
import { Loaded, Section, TextLink } from '../../ui'
import { lawyerErrorKey } from './errors'

const readOnCallNow = () => api.lawyers.onCallNow({})

/** Who is on call at each airport right now, in each airport's local time; airports with nobody are named too. */
export function OnCallNowPanel() {
  const { t, i18n } = useTranslation()
  const { load } = useApiQuery(readOnCallNow)
  return (
    <Section
      id="lawyers-on-call-heading"
      title={t('lawyers.onCall.title')}
      lede={t('lawyers.onCall.lede')}
      isCompact
    >
      <Loaded
        load={load}
        loadingLabel={t('lawyers.onCall.loading')}
        failedText={(error) => t(`lawyers.errors.${lawyerErrorKey(error)}`)}
      >
        {(airports) => {
          const covered = airports.filter((entry) => entry.lawyers.length > 0)
          const uncovered = airports.filter((entry) => entry.lawyers.length === 0)
          return (
            <>
              {covered.length === 0 ? <p>{t('lawyers.onCall.nobody')}</p> : null}
              <ul className="lawyers-on-call">
                {covered.map((entry) => (
                  <li key={entry.airport}>
                    <strong>
                      {t('lawyers.onCall.airport', {
                        code: entry.airport,
                        name: airportName(entry.airport, i18n.language),
                        time: entry.localTime,
                      })}
                    </strong>
                    <ul>
                      {entry.lawyers.map((lawyer) => (
                        <li key={lawyer.id}>
                          <TextLink href={`/lawyers/${lawyer.id}`}>{lawyer.displayName}</TextLink>
                          {lawyer.phone === '' ? null : ` — ${lawyer.phone}`}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
              {uncovered.length > 0 ? (
                <p className="lawyers-on-call__uncovered">
                  {t('lawyers.onCall.uncovered', {
                    airports: uncovered.map((entry) => entry.airport).join(', '),
                  })}
                </p>
              ) : null}
            </>
          )
        }}
      </Loaded>
    </Section>
  )
}
