import { useTranslation } from 'react-i18next'
import type { TCsvPreviewRow } from '../../../../../shared/contract/intake-csv'
import { formatDay } from '../../../lib/dates'
import { useVocab } from '../../../lib/vocabulary'

/** The first rows of a checked file as the app read them, so the person sees the columns landed where they meant. */
export function ImportPreview({ rows, total }: { rows: readonly TCsvPreviewRow[]; total: number }) {
  const { t, i18n } = useTranslation()
  const vocab = useVocab()
  const day = (date: string) => (date === '' ? '—' : formatDay(date, i18n.language))
  return (
    <div
      className="import-export__preview"
      role="region"
      aria-labelledby="import-preview-heading"
      tabIndex={0}
    >
      <table className="import-export__preview-table">
        <caption id="import-preview-heading">
          {t('importExport.import.previewCaption', { count: rows.length, total })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('importExport.import.previewColumns.line')}</th>
            <th scope="col">{t('importExport.import.previewColumns.name')}</th>
            <th scope="col">{t('importExport.import.previewColumns.dateOfBirth')}</th>
            <th scope="col">{t('importExport.import.previewColumns.place')}</th>
            <th scope="col">{t('importExport.import.previewColumns.needs')}</th>
            <th scope="col">{t('importExport.import.previewColumns.intakeDate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <th scope="row" dir="auto">
                {row.name}
                {row.reference === '' ? null : (
                  <span className="import-export__preview-ref"> ({row.reference})</span>
                )}
              </th>
              <td>{day(row.dateOfBirth)}</td>
              <td>
                {[vocab.province(row.province), vocab.country(row.countryOfOrigin)]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </td>
              <td>{row.legalNeeds.map((need) => vocab.legalNeed(need)).join(', ') || '—'}</td>
              <td>{day(row.intakeDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
