import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { api, forgetEverything } from '../../api'
import { FormFieldset, Notice, SubmitButton } from '../../ui'
import { CURRENT_PASSPHRASE_ISSUES } from './fieldErrors'
import { changePassphraseFormSchema, type TChangePassphraseForm } from './formSchemas'
import { VaultForm } from './gateParts'
import { NewPassphraseFields } from './NewPassphraseFields'
import { PassphraseInput } from './PassphraseInput'
import { useVaultSession } from './session'
import { AttemptOutcome } from './ThrottleNotice'
import { useThrottle } from './useThrottle'

const EMPTY: TChangePassphraseForm = { currentPassphrase: '', newPassphrase: '', confirmPassphrase: '' }

type TChangePassphraseFormProps = {
  /** The id of the heading (inside `heading`) that names the form. */
  headingId: string
  heading: ReactNode
  /** After main wrote the new passphrase: 'My account' says so; the first-sign-in gate opens the app. */
  onChanged?: () => void
  /** Beside Submit (the gate's Lock). */
  secondaryAction?: ReactNode
}

/**
 * The signed-in person's own passphrase change: the current one, a new one (strength meter, Show/Hide) typed twice.
 * Used by "My account" and by the gate that asks someone signed in with an admin-chosen passphrase for their own.
 */
export function ChangePassphraseForm({
  headingId,
  heading,
  onChanged,
  secondaryAction,
}: TChangePassphraseFormProps) {
  const { t } = useTranslation()
  const { staff } = useVaultSession()
  const [outcome, setOutcome] = useState<'changed' | 'generic' | null>(null)
  const [focusRequest, setFocusRequest] = useState<{ field: keyof TChangePassphraseForm } | null>(null)
  const throttle = useThrottle()
  const schema = useMemo(
    () => changePassphraseFormSchema([staff.username, staff.displayName]),
    [staff.username, staff.displayName],
  )
  const form = useForm<TChangePassphraseForm>({ resolver: zodResolver(schema), defaultValues: EMPTY })
  const { handleSubmit, formState, setError, setValue, setFocus, reset } = form

  useEffect(() => {
    if (focusRequest !== null && !formState.isSubmitting) setFocus(focusRequest.field)
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
      onChanged?.()
      return
    }
    if (throttle.isThrottled(result.error)) return
    if (result.error.code === 'LOCKED') forgetEverything()
    else if (result.error.code === 'WRONG_PASSPHRASE') {
      setValue('currentPassphrase', '')
      setError('currentPassphrase', { type: 'server', message: 'vault.account.wrongCurrent' })
      setFocusRequest({ field: 'currentPassphrase' })
    } else if (result.error.code === 'CONFLICT') {
      setError('newPassphrase', { type: 'server', message: 'vault.validation.passphraseSameAsCurrent' })
      setFocusRequest({ field: 'newPassphrase' })
    } else if (result.error.code === 'BAD_REQUEST') {
      setError('newPassphrase', { type: 'server', message: 'vault.validation.passphraseTooWeak' })
      setFocusRequest({ field: 'newPassphrase' })
    } else setOutcome('generic')
  })

  return (
    <VaultForm form={form} onSubmit={onSubmit} className="vault-account__form" aria-labelledby={headingId}>
      {heading}
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
          {secondaryAction}
        </div>
      </FormFieldset>
    </VaultForm>
  )
}
