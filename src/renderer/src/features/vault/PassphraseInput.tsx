import type { ControllerRenderProps, FieldValues, Path } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { PasswordField } from '../../ui'

type TPassphraseInputProps<TForm extends FieldValues> = {
  label: string
  field: ControllerRenderProps<TForm, Path<TForm>>
  errorMessage: string | undefined
  autoComplete: 'current-password' | 'new-password'
  description?: string
  autoFocus?: boolean
}

/** A passphrase field bound to react-hook-form, with a Show/Hide toggle named in the person's language. */
export function PassphraseInput<TForm extends FieldValues>({
  label,
  field,
  errorMessage,
  autoComplete,
  description,
  autoFocus,
}: TPassphraseInputProps<TForm>) {
  const { t } = useTranslation()
  const noun = <span className="visually-hidden"> {t('vault.passphrase.toggleNoun')}</span>
  return (
    <PasswordField
      label={label}
      name={field.name}
      value={(field.value as string | undefined) ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      isDisabled={field.disabled ?? false}
      errorMessage={errorMessage}
      autoComplete={autoComplete}
      {...(description === undefined ? {} : { description })}
      {...(autoFocus === undefined ? {} : { autoFocus })}
      toggleLabels={{
        show: (
          <>
            {t('vault.passphrase.show')}
            {noun}
          </>
        ),
        hide: (
          <>
            {t('vault.passphrase.hide')}
            {noun}
          </>
        ),
      }}
    />
  )
}
