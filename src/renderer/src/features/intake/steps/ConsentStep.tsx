import { Fragment } from 'react'
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TIntakeInput } from '../../../../../shared/cases/intake-schema'
import { CONSENT_PURPOSES, type TConsentPurpose } from '../../../../../shared/cases/vocabulary'
import { RadioGroupField } from '../../../ui'
import { IntakeDate, IntakeSelect, IntakeText } from '../fields'
import type { TIntakeOptions } from '../options'

type TConsentState = 'not_asked' | 'granted' | 'refused'

/**
 * One purpose at a time: not asked yet (no record), given, or refused; with how, when and until when (a refusal:
 * how it was recorded and when). The radio group is never re-created when the fields under it appear, so the
 * arrow key that chose "Given" leaves focus on it.
 */
export function ConsentStep({ options }: { options: TIntakeOptions }) {
  const { t } = useTranslation()
  const { getValues, setValue } = useFormContext<TIntakeInput>()
  const { fields, append, remove } = useFieldArray<TIntakeInput, 'consent'>({ name: 'consent' })
  const entries = useWatch<TIntakeInput, 'consent'>({ name: 'consent' }) ?? []

  const choose = (purpose: TConsentPurpose, state: TConsentState) => {
    const index = entries.findIndex((entry) => entry.purpose === purpose)
    if (state === 'not_asked') {
      if (index >= 0) remove(index)
      return
    }
    const granted = state === 'granted'
    if (index < 0) {
      append(
        {
          purpose,
          granted,
          method: '',
          givenOn: granted ? getValues('meta.intakeDate') : '',
          expiresOn: '',
          notes: '',
        },
        { shouldFocus: false },
      )
      return
    }
    setValue(`consent.${index}.granted`, granted, { shouldDirty: true })
    // A refusal has no expiry; the field is hidden, so nothing hidden is saved with it.
    if (!granted) setValue(`consent.${index}.expiresOn`, '', { shouldDirty: true })
    if (granted && getValues(`consent.${index}.givenOn`) === '') {
      setValue(`consent.${index}.givenOn`, getValues('meta.intakeDate'), { shouldDirty: true })
    }
  }

  const stateOptions = [
    { id: 'not_asked', label: t('intake.fields.consentNotAsked') },
    { id: 'granted', label: t('intake.fields.consentGranted') },
    { id: 'refused', label: t('intake.fields.consentRefused') },
  ]

  return (
    <div className="intake-consent">
      {CONSENT_PURPOSES.map((purpose) => {
        const index = entries.findIndex((entry) => entry.purpose === purpose)
        const entry = index >= 0 ? entries[index] : undefined
        const state: TConsentState = entry === undefined ? 'not_asked' : entry.granted ? 'granted' : 'refused'
        const key = index >= 0 ? (fields[index]?.id ?? purpose) : purpose
        return (
          <fieldset key={purpose} className="intake-entry">
            <legend className="intake-entry__legend">{t(`vocab.consentPurpose.${purpose}`)}</legend>
            <div className="intake-grid">
              <div className="intake-field intake-field--wide" data-field={`consent.${purpose}`}>
                <RadioGroupField
                  label={t('intake.fields.consentState')}
                  options={stateOptions}
                  value={state}
                  onChange={(value) => choose(purpose, value as TConsentState)}
                />
              </div>
              {entry !== undefined ? (
                <Fragment key={key}>
                  <IntakeSelect
                    name={`consent.${index}.method`}
                    label={t(entry.granted ? 'intake.fields.consentMethod' : 'intake.fields.refusalMethod')}
                    options={options.consentMethods}
                  />
                  <IntakeDate
                    name={`consent.${index}.givenOn`}
                    label={t(entry.granted ? 'intake.fields.consentGivenOn' : 'intake.fields.refusedOn')}
                    description={t(
                      entry.granted ? 'intake.fields.dateHelp' : 'intake.fields.optionalDateHelp',
                    )}
                  />
                  {entry.granted ? (
                    <IntakeDate
                      name={`consent.${index}.expiresOn`}
                      label={t('intake.fields.consentExpiresOn')}
                      description={t('intake.fields.optionalDateHelp')}
                    />
                  ) : null}
                  <IntakeText name={`consent.${index}.notes`} label={t('intake.fields.consentNotes')} />
                </Fragment>
              ) : null}
            </div>
          </fieldset>
        )
      })}
    </div>
  )
}
