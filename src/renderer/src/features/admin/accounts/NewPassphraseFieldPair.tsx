import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { MIN_PASSPHRASE_LENGTH } from '../../../../../shared/passphrase-limits'
import { TextField } from '../../../ui'
import { PassphraseStrength } from './PassphraseStrength'

type TPassphrasePair = { passphrase: string; confirmPassphrase: string }

type TNewPassphraseFieldPairProps<T extends FieldValues & TPassphrasePair> = {
  control: Control<T>
  labels: { passphrase: string; confirmPassphrase: string }
  errors: { passphrase: string | undefined; confirmPassphrase: string | undefined }
  /** The typed passphrase, for the strength meter. */
  passphrase: string
  /** Names that count as easy to guess (the person's sign-in and full name). */
  userInputs: readonly string[]
  autoFocus?: boolean
}

/** A first or reset passphrase, typed twice, with the shared strength rule: used when adding or resetting staff. */
export function NewPassphraseFieldPair<T extends FieldValues & TPassphrasePair>({
  control,
  labels,
  errors,
  passphrase,
  userInputs,
  autoFocus = false,
}: TNewPassphraseFieldPairProps<T>) {
  const { t } = useTranslation()
  return (
    <>
      <div className="admin-form__row">
        <Controller
          control={control}
          name={'passphrase' as Path<T>}
          render={({ field }) => (
            <TextField
              type="password"
              label={labels.passphrase}
              description={t('adminConsole.accounts.form.passphraseHelp', { count: MIN_PASSPHRASE_LENGTH })}
              value={field.value as string}
              onChange={field.onChange}
              onBlur={field.onBlur}
              name={field.name}
              autoComplete="new-password"
              autoFocus={autoFocus}
              isRequired
              errorMessage={errors.passphrase}
            />
          )}
        />
        <Controller
          control={control}
          name={'confirmPassphrase' as Path<T>}
          render={({ field }) => (
            <TextField
              type="password"
              label={labels.confirmPassphrase}
              value={field.value as string}
              onChange={field.onChange}
              onBlur={field.onBlur}
              name={field.name}
              autoComplete="new-password"
              isRequired
              errorMessage={errors.confirmPassphrase}
            />
          )}
        />
      </div>
      <PassphraseStrength passphrase={passphrase} userInputs={[...userInputs]} />
    </>
  )
}
