import { zodResolver } from '@hookform/resolvers/zod'
import { useState, type ReactNode } from 'react'
import { Controller, FormProvider, useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { api } from '../../api'
import { Button, LiveRegion, Notice, TextField } from '../../ui'
import { AccountChooser } from './AccountChooser'
import { useFieldErrorText } from './fieldErrors'
import { compactRecoveryKey, ZRecoveryFormSchema, type TRecoveryForm } from './formSchemas'
import { GateFrame } from './GateFrame'
import { NewPassphraseFields } from './NewPassphraseFields'
import { retryAfterSeconds } from './refusals'
import { ThrottleNotice } from './ThrottleNotice'
import { useCountdown } from './useCountdown'

type TRecoveryPageProps = {
  languageSwitch: ReactNode
  accounts: readonly { username: string; displayName: string }[]
  onUnlocked: () => void
  onBack: () => void
}

/** Every passphrase forgotten: the recovery key opens the vault and gives one account a new passphrase. */
export function RecoveryPage({ languageSwitch, accounts, onUnlocked, onBack }: TRecoveryPageProps) {
  const { t } = useTranslation()
  const errorText = useFieldErrorText()
  const [failure, setFailure] = useState<string | null>(null)
  const { secondsLeft, start: startCountdown, stop: stopCountdown } = useCountdown()
  const form = useForm<TRecoveryForm>({
    resolver: zodResolver(ZRecoveryFormSchema),
    defaultValues: {
      recoveryKey: '',
      username: accounts.length === 1 ? (accounts[0]?.username ?? '') : '',
      newPassphrase: '',
      confirmPassphrase: '',
    },
  })
  const { control, handleSubmit, formState, setError } = form
  const username = useWatch({ control, name: 'username' })

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null)
    stopCountdown()
    const result = await api.vault.recover({
      recoveryKey: compactRecoveryKey(values.recoveryKey),
      username: values.username,
      newPassphrase: values.newPassphrase,
    })
    if (result.ok) {
      onUnlocked()
      return
    }
    const wait = retryAfterSeconds(result.error)
    if (wait !== null) startCountdown(wait)
    else if (result.error.code === 'WRONG_PASSPHRASE') {
      setError('recoveryKey', { type: 'server', message: 'vault.recovery.wrongKey' }, { shouldFocus: false })
      setFailure(t('vault.recovery.wrongKey'))
    } else if (result.error.code === 'NOT_FOUND') {
      setError('username', { type: 'server', message: 'vault.recovery.noAccount' })
      setFailure(t('vault.recovery.noAccount'))
    } else if (result.error.code === 'BAD_REQUEST') {
      setError('newPassphrase', { type: 'server', message: 'vault.validation.passphraseTooWeak' })
      setFailure(t('vault.validation.passphraseTooWeak'))
    } else setFailure(t('vault.errors.generic'))
  })

  const isWaiting = secondsLeft > 0
  return (
    <GateFrame languageSwitch={languageSwitch} documentTitle={t('vault.recovery.documentTitle')} width="wide">
      <div className="vault-intro">
        <h1 tabIndex={-1} className="vault-intro__title" data-gate-title="">
          {t('vault.recovery.title')}
        </h1>
        <p className="vault-intro__lede">{t('vault.recovery.lede')}</p>
      </div>
      <FormProvider {...form}>
        <form className="vault-card vault-form" noValidate onSubmit={(event) => void onSubmit(event)}>
          <fieldset disabled={formState.isSubmitting} className="vault-form__fieldset">
            <Controller
              control={control}
              name="recoveryKey"
              render={({ field, fieldState }) => (
                <TextField
                  label={t('vault.recovery.keyLabel')}
                  description={t('vault.recovery.keyDescription')}
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                  isMonospace
                  autoComplete="off"
                  spellCheck="false"
                  errorMessage={errorText(fieldState.error)}
                />
              )}
            />
            <AccountChooser<TRecoveryForm>
              name="username"
              label={t('vault.recovery.accountLabel')}
              placeholder={t('vault.unlock.accountPlaceholder')}
              accounts={accounts}
            />
            <NewPassphraseFields<TRecoveryForm>
              passphraseName="newPassphrase"
              confirmName="confirmPassphrase"
              passphraseLabel={t('vault.recovery.newPassphraseLabel')}
              confirmLabel={t('vault.recovery.confirmLabel')}
              userInputs={[username]}
            />
            <LiveRegion>
              {isWaiting ? (
                <ThrottleNotice seconds={secondsLeft} />
              ) : failure ? (
                <Notice tone="danger">{failure}</Notice>
              ) : null}
            </LiveRegion>
            <div className="vault-form__actions">
              <Button type="submit" variant="primary" isDisabled={formState.isSubmitting || isWaiting}>
                {formState.isSubmitting ? t('vault.recovery.submitting') : t('vault.recovery.submit')}
              </Button>
              <Button variant="secondary" onPress={onBack}>
                {t('vault.recovery.back')}
              </Button>
            </div>
          </fieldset>
        </form>
      </FormProvider>
    </GateFrame>
  )
}
