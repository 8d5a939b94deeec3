import { Controller, useFormContext, useWatch, type FieldValues, type Path } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/passphrase-policy'
import { StrengthMeter } from '../../ui'
import { NEW_PASSPHRASE_ISSUES, useFieldErrorText } from './fieldErrors'
import { PassphraseInput } from './PassphraseInput'
import { usePassphraseFeedback } from './usePassphraseFeedback'

type TNewPassphraseFieldsProps<TForm extends FieldValues> = {
  passphraseName: Path<TForm>
  confirmName: Path<TForm>
  passphraseLabel: string
  confirmLabel: string
  /** Names that count as easy to guess (main uses the same list). */
  userInputs: readonly string[]
}

/**
 * A new passphrase twice, with the policy spelled out and a live strength meter between the two fields.
 * Reads the page's form through useFormContext; the page owns the schema.
 */
export function NewPassphraseFields<TForm extends FieldValues>({
  passphraseName,
  confirmName,
  passphraseLabel,
  confirmLabel,
  userInputs,
}: TNewPassphraseFieldsProps<TForm>) {
  const { t } = useTranslation()
  const { control } = useFormContext<TForm>()
  const errorText = useFieldErrorText()
  const passphrase = useWatch({ control, name: passphraseName }) as string | undefined
  const feedback = usePassphraseFeedback(passphrase ?? '', userInputs)

  return (
    <div className="vault-form__passphrase">
      <p className="vault-form__policy">{t('vault.passphrase.policy', { min: MIN_PASSPHRASE_LENGTH })}</p>
      <Controller
        control={control}
        name={passphraseName}
        render={({ field, fieldState }) => (
          <PassphraseInput
            label={passphraseLabel}
            autoComplete="new-password"
            field={field}
            errorMessage={errorText(fieldState.error, NEW_PASSPHRASE_ISSUES)}
          />
        )}
      />
      <div className={feedback.isEmpty ? 'vault-form__meter vault-form__meter--empty' : 'vault-form__meter'}>
        <StrengthMeter
          label={t('vault.passphrase.strengthLabel')}
          score={feedback.isEmpty ? 0 : feedback.score}
          valueText={feedback.valueText}
          isAcceptable={feedback.isAcceptable}
        />
        <p className="vault-form__meter-detail">
          <span>{feedback.length}</span>
          {feedback.hint ? <span>{feedback.hint}</span> : null}
        </p>
      </div>
      <Controller
        control={control}
        name={confirmName}
        render={({ field, fieldState }) => (
          <PassphraseInput
            label={confirmLabel}
            autoComplete="new-password"
            field={field}
            errorMessage={errorText(fieldState.error)}
          />
        )}
      />
    </div>
  )
}
