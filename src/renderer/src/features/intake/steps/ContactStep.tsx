import { useTranslation } from 'react-i18next'
import { IntakeRadio, IntakeSelect, IntakeText, IntakeTextArea } from '../fields'
import type { TIntakeOptions } from '../options'

export function ContactStep({ options }: { options: TIntakeOptions }) {
  const { t } = useTranslation()
  return (
    <div className="intake-grid">
      <IntakeText name="contact.phone" type="tel" label={t('intake.fields.phone')} />
      <IntakeText name="contact.email" type="email" label={t('intake.fields.email')} />
      <IntakeSelect
        name="contact.safeMethod"
        label={t('intake.fields.safeMethod')}
        options={options.contactMethods}
      />
      <IntakeText name="contact.safeTimes" label={t('intake.fields.safeTimes')} />
      <IntakeRadio
        name="contact.voicemailSafe"
        label={t('intake.fields.voicemailSafe')}
        options={options.answers}
      />
      <IntakeTextArea
        name="contact.safetyNotes"
        label={t('intake.fields.safetyNotes')}
        description={t('intake.fields.safetyNotesHelp')}
        rows={3}
      />
    </div>
  )
}
