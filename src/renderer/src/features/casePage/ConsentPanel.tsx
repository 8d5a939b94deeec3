import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TCaseDetail, TConsentRecord } from '../../../../shared/contract/cases'
import { Badge, Button, LiveRegion } from '../../ui'
import { ConsentDialog, type TConsentDialogMode } from './ConsentDialog'
import { consentHistory, consentRows, type TConsentState } from './consentState'
import { formatDateTime, formatDay, todayIso } from './format'
import { useVocab } from './vocabLabels'

const STATE_TONE: Record<TConsentState, 'accent' | 'neutral' | 'indigo'> = {
  granted: 'accent',
  withdrawn: 'indigo',
  declined: 'indigo',
  expired: 'indigo',
  notAsked: 'neutral',
}

/** "Given Mar 4, 2026 (verbal), expires Mar 4, 2027" in words. */
function useRecordSummary() {
  const { t, i18n } = useTranslation()
  const vocab = useVocab()
  return (record: TConsentRecord): string => {
    const parts: string[] = []
    if (record.givenOn !== '') {
      parts.push(
        t(record.granted ? 'casePage.consent.givenOnDate' : 'casePage.consent.withdrawnOnDate', {
          date: formatDay(record.givenOn, i18n.language),
        }),
      )
    }
    if (record.method !== '') parts.push(vocab.consentMethod(record.method))
    if (record.granted && record.expiresOn !== '') {
      parts.push(t('casePage.consent.expiresOnDate', { date: formatDay(record.expiresOn, i18n.language) }))
    }
    return parts.join(' · ')
  }
}

/** Where consent stands per purpose, the dialogs that change it, and every record ever made. */
export function ConsentPanel({ detail, onChanged }: { detail: TCaseDetail; onChanged: () => Promise<void> }) {
  const { t, i18n } = useTranslation()
  const vocab = useVocab()
  const summary = useRecordSummary()
  const [mode, setMode] = useState<TConsentDialogMode | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const rows = consentRows(detail.consent, detail.consentHistory, todayIso())
  const history = consentHistory(detail.consentHistory)

  return (
    <section className="case-section case-panel" aria-labelledby="case-consent-title">
      <div className="case-section__header">
        <h2 id="case-consent-title" className="case-section__title">
          {t('casePage.consent.title')}
        </h2>
        <Button
          onPress={() => {
            setAnnouncement('')
            setMode({ kind: 'grant', purpose: '' })
          }}
        >
          {t('casePage.consent.record')}
        </Button>
      </div>
      <ul className="case-consent">
        {rows.map((row) => {
          const purpose = vocab.consentPurpose(row.purpose)
          return (
            <li key={row.purpose} className={`case-consent__row case-consent__row--${row.state}`}>
              <div className="case-consent__text">
                <p className="case-consent__purpose">{purpose}</p>
                <p className="case-consent__state">
                  <Badge tone={STATE_TONE[row.state]}>{t(`casePage.consent.state.${row.state}`)}</Badge>
                  {row.latest ? <span className="case-muted">{summary(row.latest)}</span> : null}
                </p>
              </div>
              {row.state === 'granted' ? (
                <Button
                  variant="quiet"
                  aria-label={t('casePage.consent.withdrawLabel', { purpose })}
                  onPress={() => {
                    setAnnouncement('')
                    setMode({ kind: 'withdraw', purpose: row.purpose })
                  }}
                >
                  {t('casePage.consent.withdraw')}
                </Button>
              ) : null}
            </li>
          )
        })}
      </ul>
      <LiveRegion politeness="polite">
        {announcement === '' ? null : <p className="case-announcement">{announcement}</p>}
      </LiveRegion>

      <h3 className="case-subtitle">{t('casePage.consent.history')}</h3>
      {history.length === 0 ? (
        <p className="case-muted">{t('casePage.consent.noHistory')}</p>
      ) : (
        <ol className="case-history">
          {history.map((record) => (
            <li key={record.id} className="case-history__item">
              <p>
                <strong>{vocab.consentPurpose(record.purpose)}</strong>
                {': '}
                {record.granted
                  ? t('casePage.consent.historyGranted')
                  : t('casePage.consent.historyWithdrawn')}
              </p>
              {summary(record) === '' ? null : <p className="case-muted">{summary(record)}</p>}
              {record.notes === '' ? null : (
                <p className="case-history__notes" dir="auto" lang="">
                  {record.notes}
                </p>
              )}
              <p className="case-muted">
                {t('casePage.consent.recordedBy', {
                  name: record.recordedBy?.displayName ?? t('casePage.formerStaff'),
                  when: formatDateTime(record.recordedAt, i18n.language),
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
      <ConsentDialog
        caseId={detail.id}
        reference={detail.reference}
        mode={mode}
        onClose={() => setMode(null)}
        onRecorded={async (message) => {
          setMode(null)
          setAnnouncement(message)
          await onChanged()
        }}
      />
    </section>
  )
}
