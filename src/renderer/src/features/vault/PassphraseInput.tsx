import { useTranslation } from 'react-i18next'
import { FormPasswordField, type TFormPasswordFieldProps } from '../../ui'

type TPassphraseInputProps = Omit<TFormPasswordFieldProps<Record<string, string>>, 'toggleLabels'> & {
  autoComplete: 'current-password' | 'new-password'
}

/** A passphrase field of the surrounding form, with a Show/Hide toggle named in the person's language. */
export function PassphraseInput(props: TPassphraseInputProps) {
  const { t } = useTranslation()
  const noun = <span className="visually-hidden"> {t('vault.passphrase.toggleNoun')}</span>
  return (
    <FormPasswordField
      {...props}
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
