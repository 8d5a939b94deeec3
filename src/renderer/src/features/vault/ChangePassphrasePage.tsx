import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { api } from '../../api'
import { FormFieldset, Notice, PageHeader, SubmitButton } from '../../ui'
import { CURRENT_PASSPHRASE_ISSUES } from './fieldErrors'
import { changePassphraseFormSchema, type TChangePassphraseForm } from './formSchemas'
import { VaultForm } from './gateParts'
import { NewPassphraseFields } from './NewPassphraseFields'
import { PassphraseInput } from './PassphraseInput'
import { useVaultSession } from './session'
import { AttemptOutcome } from './ThrottleNotice'
import { useThrottle } from './useThrottle'
import './vault.css'

const EMPTY: TChangePassphraseForm = { currentPassphrase: '', newPassphrase: '', confirmPassphrase: '' }

/** "My account": who is signed in, and a form to change their own passphrase (only their key slot changes). */
export function ChangePassphrasePage() {
  const { t } = useTranslation()
  const { staff } = useVaultSession()
  const [outcome, setOutcome] = useState<'changed' | 'generic' | null>(null)
  const [focusRequest, setFocusRequest] = useState(0)
  const throttle = useThrottle()
  const schema = useMemo(
    () => changePassphraseFormSchema([staff.username, staff.displayName]),
    [staff.username, staff.displayName],
  )
  const form = useForm<TChangePassphraseForm>({ resolver: zodResolver(schema), defaultValues: EMPTY })
  const { handleSubmit, formState, setError, setValue, setFocus, reset } = form

  useEffect(() => {
    if (focusRequest > 0 && !formState.isSubmitting) setFocus('currentPassphrase')
  }, [focusRequest, formState.isSubmitting, setFocus])

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null)
    throttle.reset()
    const result = await api.vault.changePassphrase({
      currentPassphrase: values.currentPassphrase,
      newPassphrase: values.newPassphrase,
    })
    if (result.ok) {
      reset(EMPTY)
      setOutcome('changed')
      return
    }
    if (throttle.isThrottled(result.error)) return
    if (result.error.code === 'WRONG_PASSPHRASE') {
      setValue('currentPassphrase', '')
      setError('currentPassphrase', { type: 'server', message: 'vault.account.wrongCurrent' })
      setFocusRequest((count) => count + 1)
    } else if (result.error.code === 'BAD_REQUEST') {
      setError('newPassphrase', { type: 'server', message: 'vault.validation.passphraseTooWeak' })
    } else setOutcome('generic')
  })

  return (
    <>
      <PageHeader title={t('vault.account.title')} description={t('vault.account.lede')} />
      <div className="vault-account">
        <section className="vault-account__identity" aria-labelledby="account-identity">
          <h2 id="account-identity" className="vault-form__heading">
            {t('vault.account.identityHeading')}
          </h2>
          <dl className="vault-account__facts">
            <dt>{t('vault.account.nameLabel')}</dt>
            <dd>{staff.displayName}</dd>
            <dt>{t('vault.account.usernameLabel')}</dt>
            <dd>{staff.username}</dd>
            <dt>{t('vault.account.roleLabel')}</dt>
            <dd>{t(`vault.roles.${staff.role}`)}</dd>
          </dl>
        </section>
        <VaultForm
          form={form}
          onSubmit={onSubmit}
          className="vault-account__form"
          aria-labelledby="account-change"
        >
          <div>
            <h2 id="account-change" className="vault-form__heading">
              {t('vault.account.changeHeading')}
            </h2>
            <p className="vault-form__lede">{t('vault.account.changeLede')}</p>
          </div>
          <FormFieldset>
            <PassphraseInput
              name="currentPassphrase"
              label={t('vault.account.currentLabel')}
              autoComplete="current-password"
              issues={CURRENT_PASSPHRASE_ISSUES}
            />
            <NewPassphraseFields
              passphraseName="newPassphrase"
              confirmName="confirmPassphrase"
              labels={{ passphrase: t('vault.account.newLabel'), confirm: t('vault.account.confirmLabel') }}
              userInputs={[staff.username, staff.displayName]}
            />
            <AttemptOutcome throttle={throttle} politeness={outcome === 'changed' ? 'polite' : 'assertive'}>
              {outcome === 'changed' ? (
                <Notice tone="success">{t('vault.account.success')}</Notice>
              ) : outcome === 'generic' ? (
                <Notice tone="danger">{t('vault.errors.generic')}</Notice>
              ) : null}
            </AttemptOutcome>
            <div className="vault-form__actions">
              <SubmitButton
                label={t('vault.account.submit')}
                busyLabel={t('vault.account.submitting')}
                isDisabled={throttle.isWaiting}
              />
            </div>
          </FormFieldset>
        </VaultForm>
      </div>
    </>
  )
}

/** Route metadata for the document title (read by the app frame). */
export const accountRouteHandle = { titleKey: 'vault.account.title' }
