import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TStaffAccount } from '../../../../../shared/contract/accounts'
import { api, callApi } from '../../../api'
import { FormDialog, Notice } from '../../../ui'
import { NewPassphraseFields } from '../../vault'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import {
  resetPassphraseFormSchema,
  STAFF_FIELD_ISSUES,
  useAdminFieldErrorText,
  type TResetPassphraseForm,
} from './staffForms'

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
  const errorWording = useAdminFieldErrorText()
  const [serverErrorKey, setServerErrorKey] = useState<TAdminErrorKey | null>(null)
  const userInputs = useMemo(
    () => (account === null ? [] : [account.username, account.displayName]),
    [account],
  )
  const schema = useMemo(() => resetPassphraseFormSchema(userInputs), [userInputs])
  const form = useForm<TResetPassphraseForm>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY_FORM,
    mode: 'onTouched',
  })

  const close = () => {
    form.reset(EMPTY_FORM)
    setServerErrorKey(null)
    onClose()
  }

  const onSubmit = form.handleSubmit(async ({ passphrase }) => {
    if (account === null) return
    setServerErrorKey(null)
    const result = await callApi(() => api.accounts.resetPassphrase({ accountId: account.id, passphrase }))
    if (result.ok) {
      form.reset(EMPTY_FORM)
      onReset(result.value.account)
    } else {
      setServerErrorKey(adminErrorKey('resetPassphrase', result.error))
    }
  })

  const names = { name: account?.displayName ?? '', username: account?.username ?? '' }
  return (
    <FormDialog
      isOpen={account !== null}
      onClose={close}
      title={t('admin.resetPassphrase.title', names)}
      size="large"
      intro={
        <>
          <p className="admin-dialog__text">{t('admin.resetPassphrase.intro', names)}</p>
          <Notice tone="info">{t('admin.resetPassphrase.changeAfter')}</Notice>
        </>
      }
      form={form}
      onSubmit={onSubmit}
      errorWording={errorWording}
      error={serverErrorKey === null ? null : t(`admin.errors.${serverErrorKey}`)}
      cancelLabel={t('admin.common.cancel')}
      submitLabel={t('admin.resetPassphrase.submit')}
      submittingLabel={t('admin.resetPassphrase.submitting')}
    >
      <NewPassphraseFields
        density="dialog"
        passphraseName="passphrase"
        confirmName="confirmPassphrase"
        labels={{
          passphrase: t('admin.resetPassphrase.passphrase'),
          confirm: t('admin.resetPassphrase.confirmPassphrase'),
        }}
        userInputs={userInputs}
        issues={{ passphrase: STAFF_FIELD_ISSUES.passphrase, confirm: STAFF_FIELD_ISSUES.confirmPassphrase }}
        autoFocus
      />
    </FormDialog>
  )
}
