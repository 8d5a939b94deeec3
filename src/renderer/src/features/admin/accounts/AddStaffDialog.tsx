import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TStaffAccount } from '../../../../../shared/contract/accounts'
import { ROLES, type TRole } from '../../../../../shared/roles'
import { api, callApi } from '../../../api'
import { FormDialog, FormSelectField, FormTextField } from '../../../ui'
import { NewPassphraseFields } from '../../vault'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import {
  STAFF_FIELD_ISSUES,
  useAdminFieldErrorText,
  ZNewStaffFormSchema,
  type TNewStaffForm,
} from './staffForms'

export type TAddStaffDialogProps = {
  isOpen: boolean
  onClose: () => void
  onAdded: (account: TStaffAccount) => void
}

const EMPTY_FORM: TNewStaffForm = {
  displayName: '',
  username: '',
  role: 'caseworker',
  passphrase: '',
  confirmPassphrase: '',
}

/** Adds a staff member with a role and a first passphrase, chosen together with them. */
export function AddStaffDialog({ isOpen, onClose, onAdded }: TAddStaffDialogProps) {
  const { t } = useTranslation()
  const errorWording = useAdminFieldErrorText()
  const [serverErrorKey, setServerErrorKey] = useState<TAdminErrorKey | null>(null)
  const form = useForm<TNewStaffForm>({
    resolver: zodResolver(ZNewStaffFormSchema),
    defaultValues: EMPTY_FORM,
    mode: 'onTouched',
  })
  const { control, reset, setError, setFocus, formState } = form
  // The fields are disabled while submitting; focus the refused sign-in name once they are enabled again.
  const [usernameRefusals, setUsernameRefusals] = useState(0)
  const { isSubmitting } = formState
  useEffect(() => {
    if (usernameRefusals > 0 && !isSubmitting) setFocus('username')
  }, [usernameRefusals, isSubmitting, setFocus])
  const [username, displayName, role] = useWatch({ control, name: ['username', 'displayName', 'role'] })

  const close = () => {
    reset(EMPTY_FORM)
    setServerErrorKey(null)
    onClose()
  }

  const onSubmit = form.handleSubmit(async ({ confirmPassphrase: _confirm, ...account }) => {
    setServerErrorKey(null)
    setUsernameRefusals(0)
    const result = await callApi(() => api.accounts.add(account))
    if (result.ok) {
      reset(EMPTY_FORM)
      onAdded(result.value.account)
      return
    }
    const errorKey = adminErrorKey('addAccount', result.error)
    // A taken sign-in name is said on that field, which takes focus, rather than only at the bottom.
    if (errorKey === 'usernameTaken') {
      setError('username', { type: 'server', message: 'admin.accounts.form.errors.usernameTaken' })
      setUsernameRefusals((count) => count + 1)
    } else {
      setServerErrorKey(errorKey)
    }
  })

  const roleOptions = ROLES.map((option: TRole) => ({
    id: option,
    label: t(`admin.roles.${option}.label`),
    description: t(`admin.roles.${option}.description`),
  }))

  return (
    <FormDialog
      isOpen={isOpen}
      onClose={close}
      title={t('admin.accounts.form.title')}
      size="large"
      intro={<p className="admin-dialog__text">{t('admin.accounts.form.intro')}</p>}
      form={form}
      onSubmit={onSubmit}
      errorWording={errorWording}
      error={serverErrorKey === null ? null : t(`admin.errors.${serverErrorKey}`)}
      cancelLabel={t('admin.common.cancel')}
      submitLabel={t('admin.accounts.form.submit')}
      submittingLabel={t('admin.accounts.form.submitting')}
    >
      <div className="ui-form__row">
        <FormTextField<TNewStaffForm>
          name="displayName"
          label={t('admin.accounts.form.displayName')}
          description={t('admin.accounts.form.displayNameHelp')}
          autoFocus
          isRequired
          issues={STAFF_FIELD_ISSUES.displayName}
        />
        <FormTextField<TNewStaffForm>
          name="username"
          label={t('admin.accounts.form.username')}
          description={t('admin.accounts.form.usernameHelp')}
          autoComplete="off"
          isRequired
          issues={STAFF_FIELD_ISSUES.username}
        />
      </div>
      <FormSelectField<TNewStaffForm>
        name="role"
        label={t('admin.accounts.form.role')}
        options={roleOptions}
        description={t(`admin.roles.${role}.description`)}
        isRequired
        issues={STAFF_FIELD_ISSUES.role}
      />
      <NewPassphraseFields
        density="dialog"
        passphraseName="passphrase"
        confirmName="confirmPassphrase"
        labels={{
          passphrase: t('admin.accounts.form.passphrase'),
          confirm: t('admin.accounts.form.confirmPassphrase'),
        }}
        userInputs={[username, displayName]}
        issues={{ passphrase: STAFF_FIELD_ISSUES.passphrase, confirm: STAFF_FIELD_ISSUES.confirmPassphrase }}
      />
    </FormDialog>
  )
}
