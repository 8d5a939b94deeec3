import { zodResolver } from '@hookform/resolvers/zod'
import { useState, type ReactNode } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { api } from '../../api'
import { Button, Form, FormFieldset, FormTextField, LiveRegion, Notice, SubmitButton } from '../../ui'
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
  const errorWording = useFieldErrorText()
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
  const { control, handleSubmit, setError } = form
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
      <Form form={form} onSubmit={onSubmit} errorWording={errorWording} className="vault-card vault-form">
        <FormFieldset>
          <FormTextField<TRecoveryForm>
            name="recoveryKey"
            label={t('vault.recovery.keyLabel')}
            description={t('vault.recovery.keyDescription')}
            isMonospace
            autoComplete="off"
            spellCheck="false"
          />
          <AccountChooser
            name="username"
            label={t('vault.recovery.accountLabel')}
            placeholder={t('vault.unlock.accountPlaceholder')}
            accounts={accounts}
          />
          <NewPassphraseFields
            passphraseName="newPassphrase"
            confirmName="confirmPassphrase"
            labels={{
              passphrase: t('vault.recovery.newPassphraseLabel'),
              confirm: t('vault.recovery.confirmLabel'),
            }}
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
            <SubmitButton
              label={t('vault.recovery.submit')}
              busyLabel={t('vault.recovery.submitting')}
              isDisabled={isWaiting}
            />
            <Button variant="secondary" onPress={onBack}>
              {t('vault.recovery.back')}
            </Button>
          </div>
        </FormFieldset>
      </Form>
    </GateFrame>
  )
}
