import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TLockReason } from '../../../../shared/contract/vault'
import { api } from '../../api'
import { Button, FormFieldset, Notice, SubmitButton } from '../../ui'
import { AccountChooser } from './AccountChooser'
import { CURRENT_PASSPHRASE_ISSUES } from './fieldErrors'
import { ZUnlockFormSchema, type TUnlockForm } from './formSchemas'
import { GateFrame } from './GateFrame'
import { GateIntro, VaultForm } from './gateParts'
import { PassphraseInput } from './PassphraseInput'
import { AttemptOutcome } from './ThrottleNotice'
import { useThrottle } from './useThrottle'

type TUnlockPageProps = {
  languageSwitch: ReactNode
  accounts: readonly { username: string; displayName: string }[]
  /** Why the app locked itself, when it did (idle, sleep, screen lock): said once, calmly, above the form. */
  lastLockReason?: TLockReason | null
  onUnlocked: () => void
  onUseRecoveryKey: () => void
}

/** Choose an account, type its passphrase. Wrong passphrases are delayed more each time (by main). */
const AUTOMATIC_LOCK_NOTICES = {
  idle: 'vault.unlock.lockedBecause.idle',
  suspend: 'vault.unlock.lockedBecause.suspend',
  'screen-lock': 'vault.unlock.lockedBecause.screenLock',
} as const

export function UnlockPage({
  languageSwitch,
  accounts,
  lastLockReason = null,
  onUnlocked,
  onUseRecoveryKey,
}: TUnlockPageProps) {
  const { t } = useTranslation()
  const [refusal, setRefusal] = useState<'wrong' | 'generic' | null>(null)
  const [focusRequest, setFocusRequest] = useState(0)
  const throttle = useThrottle()
  const form = useForm<TUnlockForm>({
    resolver: zodResolver(ZUnlockFormSchema),
    defaultValues: { username: accounts.length === 1 ? (accounts[0]?.username ?? '') : '', passphrase: '' },
  })
  const { handleSubmit, formState, setValue, setFocus } = form

  // Refocus the passphrase once the fieldset is enabled again (a disabled input cannot take focus).
  useEffect(() => {
    if (focusRequest > 0 && !formState.isSubmitting) setFocus('passphrase')
  }, [focusRequest, formState.isSubmitting, setFocus])

  const onSubmit = handleSubmit(async (values) => {
    setRefusal(null)
    throttle.reset()
    const result = await api.vault.unlock({ username: values.username, passphrase: values.passphrase })
    if (result.ok) {
      onUnlocked()
      return
    }
    if (throttle.isThrottled(result.error)) return
    if (result.error.code === 'WRONG_PASSPHRASE') {
      setRefusal('wrong')
      setValue('passphrase', '')
      setFocusRequest((count) => count + 1)
    } else {
      setRefusal('generic')
    }
  })

  return (
    <GateFrame languageSwitch={languageSwitch} documentTitle={t('vault.unlock.documentTitle')}>
      <GateIntro title={t('vault.unlock.title')} lede={t('vault.unlock.lede')} isCentered />
      <VaultForm form={form} onSubmit={onSubmit}>
        <FormFieldset>
          {lastLockReason !== null && Object.hasOwn(AUTOMATIC_LOCK_NOTICES, lastLockReason) ? (
            <Notice tone="info">
              {t(AUTOMATIC_LOCK_NOTICES[lastLockReason as keyof typeof AUTOMATIC_LOCK_NOTICES])}
            </Notice>
          ) : null}
          {accounts.length === 0 ? <Notice tone="warning">{t('vault.unlock.noAccounts')}</Notice> : null}
          {/* The screen opens on its first question: whose account (when several), else the passphrase. */}
          <AccountChooser
            name="username"
            label={t('vault.unlock.accountLabel')}
            placeholder={t('vault.unlock.accountPlaceholder')}
            accounts={accounts}
            autoFocus={accounts.length > 1}
          />
          <PassphraseInput
            name="passphrase"
            label={t('vault.unlock.passphraseLabel')}
            autoComplete="current-password"
            autoFocus={accounts.length === 1}
            issues={CURRENT_PASSPHRASE_ISSUES}
          />
          <AttemptOutcome throttle={throttle}>
            {refusal === 'wrong' ? (
              <Notice tone="danger">{t('vault.unlock.wrongPassphrase')}</Notice>
            ) : refusal === 'generic' ? (
              <Notice tone="danger">{t('vault.errors.generic')}</Notice>
            ) : null}
          </AttemptOutcome>
          <div className="vault-form__actions vault-form__actions--stacked">
            <SubmitButton
              label={t('vault.unlock.submit')}
              busyLabel={t('vault.unlock.submitting')}
              isDisabled={throttle.isWaiting}
            />
            <Button variant="quiet" onPress={onUseRecoveryKey}>
              {t('vault.unlock.forgot')}
            </Button>
          </div>
        </FormFieldset>
      </VaultForm>
    </GateFrame>
  )
}
