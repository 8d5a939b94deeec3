import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ADVERSE_PARTY_KINDS, EXPERIENCES, LEGAL_NEEDS, PROVINCES } from '../../../../shared/cases/vocabulary'
import { LAWYER_CSV_FIELDS, type TLawyerCsvField } from '../../../../shared/contract/lawyers'
import { AIRPORTS } from '../../../../shared/roster/airports'
import { LAWYER_SIGN_UP_COLUMNS, lawyerCsvHeader } from '../../../../shared/roster/lawyer-csv-headers'
import { LAWYER_STATUSES, LICENCE_STATUSES } from '../../../../shared/roster/vocabulary'
import { api, callApi } from '../../api'
import { Button, Notice } from '../../ui'
import { lawyerErrorKey, type TLawyerErrorKey } from './errors'

/** The keys a column takes, as the file may hold them (the import also reads their English and French words). */
const KEYS_OF: Partial<Record<TLawyerCsvField, readonly string[]>> = {
  law_society_province: PROVINCES,
  province: PROVINCES,
  practice_areas: LEGAL_NEEDS,
  airports: AIRPORTS,
  conflicts: ADVERSE_PARTY_KINDS,
  status: LAWYER_STATUSES,
  licence_status: LICENCE_STATUSES,
  experience_types: EXPERIENCES,
}

const IN_TEMPLATE: ReadonlySet<TLawyerCsvField> = new Set(LAWYER_SIGN_UP_COLUMNS)

type TOutcome = { saved: string } | { failed: TLawyerErrorKey } | null

/**
 * The blank sign-up file (the default columns, headers in the interface language, one invented row the import
 * accepts as it is), saved where the person chooses through main's save dialog, and every column the import reads
 * with what it takes: for setting up a web form whose export imports cleanly.
 */
export function SignUpTemplate() {
  const { t, i18n } = useTranslation()
  const language = i18n.language.startsWith('fr') ? 'fr' : 'en'
  const [outcome, setOutcome] = useState<TOutcome>(null)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    setOutcome(null)
    setBusy(true)
    const result = await callApi(() => api.lawyerImport.saveTemplate({ language }))
    setBusy(false)
    if (!result.ok) return setOutcome({ failed: lawyerErrorKey(result.error) })
    // Cancelled in the dialog: nothing to say.
    if (!result.value.saved || result.value.fileName === null) return
    setOutcome({ saved: result.value.fileName })
  }

  return (
    <div className="lawyer-template">
      <div>
        <Button variant="secondary" isDisabled={busy} onPress={() => void save()}>
          {t('lawyers.import.template.download')}
        </Button>
      </div>
      {outcome !== null && 'saved' in outcome ? (
        <Notice tone="success" live="status">
          {t('lawyers.import.template.saved', { fileName: outcome.saved })}
        </Notice>
      ) : null}
      {outcome !== null && 'failed' in outcome ? (
        <Notice tone="danger" live="alert">
          {t(`lawyers.errors.${outcome.failed}`)}
        </Notice>
      ) : null}
      <details className="lawyer-template__columns">
        <summary>{t('lawyers.import.template.columnsSummary', { count: LAWYER_CSV_FIELDS.length })}</summary>
        <p>{t('lawyers.import.template.lists')}</p>
        <table className="lawyer-template__table">
          <thead>
            <tr>
              <th scope="col">{t('lawyers.import.template.header')}</th>
              <th scope="col">{t('lawyers.import.template.takes')}</th>
              <th scope="col">{t('lawyers.import.template.keys')}</th>
            </tr>
          </thead>
          <tbody>
            {LAWYER_CSV_FIELDS.map((field) => (
              <tr key={field}>
                <th scope="row">
                  <code>{lawyerCsvHeader(field, language)}</code>
                </th>
                <td>
                  {t(`lawyers.import.template.columns.${field}`)}
                  {IN_TEMPLATE.has(field) ? null : ` ${t('lawyers.import.template.notInTemplate')}`}
                </td>
                <td>
                  {KEYS_OF[field]?.map((key, index) => (
                    <span key={key}>
                      {index === 0 ? null : ', '}
                      <code>{key}</code>
                    </span>
                  )) ?? null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  )
}
