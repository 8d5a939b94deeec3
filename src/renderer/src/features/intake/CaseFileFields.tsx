import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useIntakeOptions } from './options'
import { ContactStep } from './steps/ContactStep'
import { LanguagesStep } from './steps/LanguagesStep'
import { LocationStep } from './steps/LocationStep'
import { NeedsStep } from './steps/NeedsStep'
import { PersonFields } from './steps/PersonStep'
import './Intake.css'

/*
 * The intake's own fields, for the case page's editors: the same controls, labels, date tidying and rules as the
 * wizard, bound by the same names ('person.givenNames', 'contact.phone'…) to the form around them.
 */

/** Who the person is, their languages, where they are and what they need: the case summary. */
export function CaseSummaryFields() {
  const { t } = useTranslation()
  const options = useIntakeOptions()
  return (
    <div className="intake-edit">
      <PersonFields options={options} />
      <fieldset className="intake-section">
        <legend className="intake-section__title">{t('intake.steps.languages.title')}</legend>
        <LanguagesStep options={options} />
      </fieldset>
      <fieldset className="intake-section">
        <legend className="intake-section__title">{t('intake.steps.location.title')}</legend>
        <LocationStep options={options} />
      </fieldset>
      <fieldset className="intake-section">
        <legend className="intake-section__title">{t('intake.steps.needs.title')}</legend>
        <NeedsStep options={options} />
      </fieldset>
    </div>
  )
}

/** Phone, email and how to reach the person safely. */
export function CaseContactFields() {
  const options = useIntakeOptions()
  return (
    <div className="intake-edit">
      <ContactStep options={options} />
    </div>
  )
}

/** Field keys whose label is not `intake.fields.<key>`. */
const LABEL_OF: Record<string, string> = {
  'languages.preferred': 'preferredLanguage',
  'languages.others': 'otherLanguages',
  'needs.needs': 'needs',
}

/** The label of a case file field named 'section.field' (as the timeline's edit entries name them). */
export function useCaseFieldLabel(): (path: string) => string {
  const { t, i18n } = useTranslation()
  return useCallback(
    (path: string) => {
      const key = LABEL_OF[path] ?? path.split('.')[1] ?? path
      const full = `intake.fields.${key}`
      return i18n.exists(full) ? t(full as 'intake.fields.givenNames') : path
    },
    [t, i18n],
  )
}
