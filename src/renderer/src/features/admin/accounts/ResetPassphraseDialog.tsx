import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { Form } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import { MIN_PASSPHRASE_LENGTH } from '../../../../../shared/passphrase-limits'
import type { TStaffAccount } from '../../../../../shared/contract/accounts'
import { Button, DialogActions, ModalDialog, Notice } from '../../../ui'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import { newStaffErrorKey } from './newStaffForm'
import { NewPassphraseFieldPair } from './NewPassphraseFieldPair'
import { resetPassphraseFormSchema, type TResetPassphraseForm } from './resetPassphraseForm'
import { api, callApi } from '../../../api'

export type TResetPassphraseDialogProps = {
  /** The colleague who forgot their passphrase; null keeps the dialog closed. */
  account: TStaffAccount | null
  onClose: () => void
  onReset: (account: TStaffAccount) => void
}

const EMPTY_FORM: TResetPassphraseForm = { passphrase: '', confirmPassphrase: '' }

/**
 * A new passphrase for a colleague who forgot theirs, set by an admin who stays signed in as themselves.
 * The passphrase is cleared from the form when the dialog closes and never shown afterwards.
 */
export function ResetPassphraseDialog({ account, onClose, onReset }: TResetPassphraseDialogProps) {
  const { t } = useTranslation()
  const [serverErrorKey, setServerErrorKey] = useState<TAdminErrorKey | null>(null)
  const userInputs = useMemo(
    () => (account === null ? [] : [account.username, account.displayName]),
    [account],
  )
  const schema = useMemo(() => resetPassphraseFormSchema(userInputs), [userInputs])
  const { control, handleSubmit, reset, formState } = useForm<TResetPassphraseForm>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY_FORM,
    mode: 'onTouched',
  })
  const passphrase = useWatch({ control, name: 'passphrase' })

  const close = () => {
    reset(EMPTY_FORM)
    setServerErrorKey(null)
    onClose()
  }

  const onSubmit = handleSubmit(async (form) => {
    if (account === null) return
    setServerErrorKey(null)
    const result = await callApi(() =>
      api.accounts.resetPassphrase({ accountId: account.id, passphrase: form.passphrase }),
    )
    if (result.ok) {
      reset(EMPTY_FORM)
      onReset(result.value.account)
    } else {
      setServerErrorKey(adminErrorKey('resetPassphrase', result.error))
    }
  })

  const fieldError = (field: keyof TResetPassphraseForm) => {
    const key = newStaffErrorKey(field, formState.errors[field])
    return key === undefined
      ? undefined
      : t(`adminConsole.accounts.form.errors.${key}`, { count: MIN_PASSPHRASE_LENGTH })
  }

  return (
    <ModalDialog
      isOpen={account !== null}
      onOpenChange={(isOpen) => (isOpen ? undefined : close())}
      title={t('adminConsole.resetPassphrase.title', { name: account?.displayName ?? '' })}
      isDismissable={!formState.isSubmitting}
      isOutsideClickDismissable={!formState.isDirty}
      size="large"
    >
      <p className="admin-dialog__text">
        {t('adminConsole.resetPassphrase.intro', {
          name: account?.displayName ?? '',
          username: account?.username ?? '',
        })}
      </p>
      <Notice tone="info">{t('adminConsole.resetPassphrase.changeAfter')}</Notice>
      <Form onSubmit={(event) => void onSubmit(event)} validationBehavior="aria" className="admin-form">
        <fieldset disabled={formState.isSubmitting} className="admin-form__fieldset">
          <legend className="visually-hidden">
            {t('adminConsole.resetPassphrase.title', { name: account?.displayName ?? '' })}
          </legend>
          <NewPassphraseFieldPair
            control={control}
            labels={{
              passphrase: t('adminConsole.resetPassphrase.passphrase'),
              confirmPassphrase: t('adminConsole.resetPassphrase.confirmPassphrase'),
            }}
            errors={{
              passphrase: fieldError('passphrase'),
              confirmPassphrase: fieldError('confirmPassphrase'),
            }}
            passphrase={passphrase}
            userInputs={userInputs}
            autoFocus
          />
        </fieldset>
        {serverErrorKey ? (
          <Notice tone="danger" live="alert">
            {t(`adminConsole.errors.${serverErrorKey}`)}
          </Notice>
        ) : null}
        <DialogActions>
          <Button onPress={close} isDisabled={formState.isSubmitting}>
            {t('adminConsole.common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {formState.isSubmitting
              ? t('adminConsole.resetPassphrase.submitting')
              : t('adminConsole.resetPassphrase.submit')}
          </Button>
        </DialogActions>
      </Form>
    </ModalDialog>
  )
}
