import { useTranslation } from 'react-i18next'
import { IntakeCombo, IntakeDate, IntakeSelect, IntakeText } from '../fields'
import type { TIntakeOptions } from '../options'

export function LocationStep({ options }: { options: TIntakeOptions }) {
  const { t } = useTranslation()
  return (
    <div className="intake-grid">
      <IntakeSelect
        name="location.province"
        label={t('intake.fields.province')}
        options={options.provinces}
      />
      <IntakeText name="location.city" label={t('intake.fields.city')} />
      <IntakeCombo
        name="location.countryOfOrigin"
        label={t('intake.fields.countryOfOrigin')}
        options={options.countries}
      />
      <IntakeSelect
        name="location.immigrationStatus"
        label={t('intake.fields.immigrationStatus')}
        options={options.immigrationStatuses}
      />
      <IntakeDate
        name="location.arrivalDate"
        label={t('intake.fields.arrivalDate')}
        description={t('intake.fields.optionalDateHelp')}
      />
      <IntakeSelect
        name="location.arrivalRoute"
        label={t('intake.fields.arrivalRoute')}
        options={options.arrivalRoutes}
      />
    </div>
  )
}
