import { useTranslation } from 'react-i18next'
import { IntakeCombo, IntakeRadio, IntakeText } from '../fields'
import { OtherLanguagesField } from '../ListFields'
import type { TIntakeOptions } from '../options'

export function LanguagesStep({ options }: { options: TIntakeOptions }) {
  const { t } = useTranslation()
  return (
    <div className="intake-grid">
      <IntakeCombo
        name="languages.preferred"
        label={t('intake.fields.preferredLanguage')}
        options={options.languages}
      />
      <IntakeText name="languages.dialect" label={t('intake.fields.dialect')} />
      <OtherLanguagesField options={options.languages} />
      <IntakeRadio
        name="languages.interpreterNeeded"
        label={t('intake.fields.interpreterNeeded')}
        options={options.answers}
      />
    </div>
  )
}
