import { zodResolver } from '@hookform/resolvers/zod'
import { useState, type ReactNode } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { api } from '../../api'
import { Button, FormFieldset, FormTextField, Notice, SubmitButton } from '../../ui'
import { AccountChooser } from './AccountChooser'
import { compactRecoveryKey, ZRecoveryFormSchema, type TRecoveryForm } from './formSchemas'
import { GateFrame } from './GateFrame'
import { GateIntro, VaultForm } from './gateParts'
import { NewPassphraseFields } from './NewPassphraseFields'
import { AttemptOutcome } from './ThrottleNotice'
import { useThrottle } from './useThrottle'

type TRecoveryPageProps = {
  languageSwitch: ReactNode
  accounts: readonly { username: string; displayName: string }[]
  onUnlocked: () => void
  onBack: () => void
}

/** Every passphrase forgotten: the recovery key opens the vault and gives one account a new passphrase. */
export function RecoveryPage({ languageSwitch, accounts, onUnlocked, onBack }: TRecoveryPageProps) {
  const { t } = useTranslation()
  const [failure, setFailure] = useState<string | null>(null)
  const throttle = useThrottle()
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
    throttle.reset()
    const result = await api.vault.recover({
      recoveryKey: compactRecoveryKey(values.recoveryKey),
      username: values.username,
      newPassphrase: values.newPassphrase,
    })
    if (result.ok) {
      onUnlocked()
      return
    }
    if (throttle.isThrottled(result.error)) return
    if (result.error.code === 'WRONG_PASSPHRASE') {
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

  return (
    <GateFrame languageSwitch={languageSwitch} documentTitle={t('vault.recovery.documentTitle')} width="wide">
      <GateIntro title={t('vault.recovery.title')} lede={t('vault.recovery.lede')} isGateTitle />
      <VaultForm form={form} onSubmit={onSubmit}>
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
          <AttemptOutcome throttle={throttle}>
            {failure ? <Notice tone="danger">{failure}</Notice> : null}
          </AttemptOutcome>
          <div className="vault-form__actions">
            <SubmitButton
              label={t('vault.recovery.submit')}
              busyLabel={t('vault.recovery.submitting')}
              isDisabled={throttle.isWaiting}
            />
            <Button variant="secondary" onPress={onBack}>
              {t('vault.recovery.back')}
            </Button>
          </div>
        </FormFieldset>
      </VaultForm>
    </GateFrame>
  )
}
