import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TCaseDetail, TConsentRecord } from '../../../../shared/contract/cases'
import { formatDateTime, formatDay, todayIso } from '../../lib/dates'
import { useVocab } from '../../lib/vocabulary'
import { Badge, Button, LiveRegion, Section } from '../../ui'
import { useCaseMessage } from './caseMessage'
import { ConsentDialog, type TConsentDialogMode } from './ConsentDialog'
import { consentAnswer, consentHistory, consentRows, type TConsentState } from './consentState'
import { useStaffName } from './staffName'

const STATE_TONE: Record<TConsentState, 'accent' | 'neutral' | 'indigo'> = {
  granted: 'accent',
  withdrawn: 'indigo',
  declined: 'indigo',
  expired: 'indigo',
  notAsked: 'neutral',
}

/**
 * The details after the state's badge: "on Mar 4, 2026 · Verbal · expires Mar 4, 2027" (so it reads "Given on
 * Mar 4, 2026 …"), and for an expired grant "given on … · expired …".
 */
function useRecordSummary() {
  const { t, i18n } = useTranslation()
  const vocab = useVocab()
  return (record: TConsentRecord, isExpired = false): string => {
    const parts: string[] = []
    if (record.givenOn !== '') {
      const date = formatDay(record.givenOn, i18n.language)
      parts.push(
        isExpired ? t('casePage.consent.givenOnDate', { date }) : t('casePage.consent.onDate', { date }),
      )
    }
    if (record.method !== '') parts.push(vocab.consentMethod(record.method))
    if (record.granted && record.expiresOn !== '') {
      const date = formatDay(record.expiresOn, i18n.language)
      parts.push(
        isExpired
          ? t('casePage.consent.expiredOnDate', { date })
          : t('casePage.consent.expiresOnDate', { date }),
      )
    }
    return parts.join(' · ')
  }
}

/** Where consent stands per purpose, the dialogs that change it, and every record ever made. */
export function ConsentPanel({ detail, onChanged }: { detail: TCaseDetail; onChanged: () => Promise<void> }) {
  const { t, i18n } = useTranslation()
  const vocab = useVocab()
  const summary = useRecordSummary()
  const staffName = useStaffName()
  const [mode, setMode] = useState<TConsentDialogMode | null>(null)
  const [announcement, setAnnouncement] = useCaseMessage('consent')
  const sectionRef = useRef<HTMLElement>(null)
  const rows = consentRows(detail.consent, detail.consentHistory, todayIso())
  const history = consentHistory(detail.consentHistory)

  return (
    <Section
      id="case-consent-title"
      title={t('casePage.consent.title')}
      action={
        <Button
          onPress={() => {
            setAnnouncement('')
            setMode({ kind: 'grant', purpose: '' })
          }}
        >
          {t('casePage.consent.record')}
        </Button>
      }
      isCompact
      sectionRef={sectionRef}
    >
      <ul className="case-consent">
        {rows.map((row) => {
          const purpose = vocab.consentPurpose(row.purpose)
          return (
            <li key={row.purpose} className={`case-consent__row case-consent__row--${row.state}`}>
              <div className="case-consent__text">
                <p className="case-consent__purpose">{purpose}</p>
                <p className="case-consent__state">
                  <Badge tone={STATE_TONE[row.state]}>{t(`casePage.consent.state.${row.state}`)}</Badge>{' '}
                  {row.latest ? (
                    <span className="case-muted">{summary(row.latest, row.state === 'expired')}</span>
                  ) : null}
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
                {t(`casePage.consent.answer.${consentAnswer(record, detail.consentHistory)}`)}
              </p>
              {summary(record) === '' ? null : <p className="case-muted">{summary(record)}</p>}
              {record.notes === '' ? null : (
                <p className="case-history__notes" dir="auto" lang="">
                  {record.notes}
                </p>
              )}
              <p className="case-muted">
                {record.recordedBy === null
                  ? t('casePage.consent.recordedImported', {
                      when: formatDateTime(record.recordedAt, i18n.language),
                    })
                  : t('casePage.consent.recordedBy', {
                      name: staffName(record.recordedBy),
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
          // A withdrawal removes the Withdraw button the dialog would give focus back to: use Record consent.
          window.requestAnimationFrame(() => {
            const active = document.activeElement
            if (active === null || active === document.body || !active.isConnected) {
              sectionRef.current?.querySelector<HTMLElement>('.ui-section__header button')?.focus()
            }
          })
        }}
      />
    </Section>
  )
}
