import { useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TIntakeInput } from '../../../../../shared/cases/intake-schema'
import {
  IntakeCheckbox,
  IntakeCheckboxGroup,
  IntakeDate,
  IntakeRadio,
  IntakeSelect,
  IntakeText,
  IntakeTextArea,
} from '../fields'
import type { TIntakeOptions } from '../options'

export function NeedsStep({ options }: { options: TIntakeOptions }) {
  const { t } = useTranslation()
  const [needs, detained, atAirportNow] = useWatch<
    TIntakeInput,
    ['needs.needs', 'needs.detained', 'needs.atAirportNow']
  >({ name: ['needs.needs', 'needs.detained', 'needs.atAirportNow'] })
  return (
    <>
      <div className="intake-grid">
        <IntakeCheckboxGroup
          name="needs.needs"
          label={t('intake.fields.needs')}
          options={options.legalNeeds}
          columns={2}
        />
        {needs?.includes('other') ? (
          <IntakeText name="needs.otherNeed" label={t('intake.fields.otherNeed')} />
        ) : null}
      </div>
      <fieldset className="intake-section">
        <legend className="intake-section__title">{t('intake.fields.urgencyTitle')}</legend>
        <div className="intake-grid">
          <IntakeRadio name="needs.detained" label={t('intake.fields.detained')} options={options.answers} />
          {detained === 'yes' ? (
            <IntakeText name="needs.detentionPlace" label={t('intake.fields.detentionPlace')} />
          ) : null}
          <IntakeDate
            name="needs.removalDate"
            label={t('intake.fields.removalDate')}
            description={t('intake.fields.optionalDateHelp')}
            warnIfPast
          />
          <IntakeDate
            name="needs.hearingDate"
            label={t('intake.fields.hearingDate')}
            description={t('intake.fields.optionalDateHelp')}
            warnIfPast
          />
          <IntakeCheckbox name="needs.atAirportNow">{t('intake.fields.atAirportNow')}</IntakeCheckbox>
          {/* The code is what matching reads (lawyers on call there); the text keeps a port of entry or terminal. */}
          {atAirportNow || needs?.includes('airport_support') ? (
            <IntakeSelect
              name="needs.airportCode"
              label={t('intake.fields.airportCode')}
              description={t('intake.fields.airportCodeHelp')}
              options={options.airports}
            />
          ) : null}
          {atAirportNow ? <IntakeText name="needs.airport" label={t('intake.fields.airport')} /> : null}
          <IntakeTextArea name="needs.urgencyNotes" label={t('intake.fields.urgencyNotes')} rows={3} />
        </div>
      </fieldset>
    </>
  )
}
