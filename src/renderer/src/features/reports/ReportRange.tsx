import { parseDate, type DateValue } from '@internationalized/date'
import { useTranslation } from 'react-i18next'
import { DateField } from '../../ui'

export type TReportRange = { from: string; to: string }

const toDateValue = (date: string): DateValue | null => {
  try {
    return date === '' ? null : parseDate(date)
  } catch {
    return null
  }
}

/** Two calendar dates, each optional: the period whose opened cases the report counts. */
export function ReportRange({
  range,
  onChange,
}: {
  range: TReportRange
  /** One end changed (the page keeps the other as last asked for). */
  onChange: (change: Partial<TReportRange>) => void
}) {
  const { t } = useTranslation()
  const isBackwards = range.from !== '' && range.to !== '' && range.to < range.from
  return (
    <fieldset className="ui-panel reports-range">
      <legend className="reports-range__legend">{t('reports.range.label')}</legend>
      <DateField
        label={t('reports.range.from')}
        value={toDateValue(range.from)}
        onChange={(value) => onChange({ from: value === null ? '' : value.toString() })}
      />
      <DateField
        label={t('reports.range.to')}
        value={toDateValue(range.to)}
        onChange={(value) => onChange({ to: value === null ? '' : value.toString() })}
        errorMessage={isBackwards ? t('reports.range.toBeforeFrom') : undefined}
      />
      <p className="reports-range__description">{t('reports.range.description')}</p>
    </fieldset>
  )
}
