import { useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TIntakeInput } from '../../../../../shared/cases/intake-schema'
import { IntakeAge, IntakeDate, IntakeRadio, IntakeText } from '../fields'
import { AliasListField } from '../ListFields'
import type { TIntakeOptions } from '../options'

/** Names, birth and gender: the person as the case file keeps them (the case page edits these too). */
export function PersonFields({ options }: { options: TIntakeOptions }) {
  const { t } = useTranslation()
  const gender = useWatch<TIntakeInput, 'person.gender'>({ name: 'person.gender' })
  return (
    <>
      <fieldset className="intake-section">
        <legend className="intake-section__title">{t('intake.fields.nameTitle')}</legend>
        <p className="intake-section__help">{t('intake.fields.nameHelp')}</p>
        <div className="intake-grid">
          <IntakeText name="person.givenNames" label={t('intake.fields.givenNames')} dir="auto" />
          <IntakeText name="person.familyName" label={t('intake.fields.familyName')} dir="auto" />
          <IntakeText
            name="person.preferredName"
            label={t('intake.fields.preferredName')}
            description={t('intake.fields.preferredNameHelp')}
            dir="auto"
          />
          <IntakeText
            name="person.originalScriptName"
            label={t('intake.fields.originalScriptName')}
            description={t('intake.fields.originalScriptNameHelp')}
            dir="auto"
          />
          <AliasListField />
        </div>
      </fieldset>
      <fieldset className="intake-section">
        <legend className="intake-section__title">{t('intake.fields.birthTitle')}</legend>
        <div className="intake-grid">
          <IntakeDate
            name="person.dateOfBirth"
            label={t('intake.fields.dateOfBirth')}
            description={t('intake.fields.optionalDateHelp')}
          />
          <IntakeAge
            name="person.approximateAge"
            label={t('intake.fields.approximateAge')}
            description={t('intake.fields.approximateAgeHelp')}
          />
          <IntakeRadio name="person.gender" label={t('intake.fields.gender')} options={options.genders} />
          {gender === 'self_described' ? (
            <IntakeText name="person.genderSelfDescribed" label={t('intake.fields.genderSelfDescribed')} />
          ) : null}
          <IntakeText
            name="person.pronouns"
            label={t('intake.fields.pronouns')}
            description={t('intake.fields.pronounsHelp')}
          />
        </div>
      </fieldset>
    </>
  )
}

export function PersonStep({ options }: { options: TIntakeOptions }) {
  const { t } = useTranslation()
  return (
    <>
      <PersonFields options={options} />
      <fieldset className="intake-section">
        <legend className="intake-section__title">{t('intake.fields.metaTitle')}</legend>
        <div className="intake-grid">
          <IntakeDate
            name="meta.intakeDate"
            label={t('intake.fields.intakeDate')}
            description={t('intake.fields.dateHelp')}
          />
          <IntakeText
            name="meta.interpreterUsed"
            label={t('intake.fields.interpreterUsed')}
            description={t('intake.fields.interpreterUsedHelp')}
          />
          <IntakeRadio name="meta.method" label={t('intake.fields.method')} options={options.intakeMethods} />
        </div>
      </fieldset>
    </>
  )
}
